#include "open_items_assembly.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "ascii_text.hpp"
#include "kontor/model/percentage.hpp"
#include "message_text.hpp"

namespace kontor::plugins::open_items {
namespace {

std::string invoice_name(const std::string& number) {
  return "invoice_no '" + for_message(number, 60) + "'";
}

std::string on_line(std::int64_t line) {
  return "line " + std::to_string(line);
}

bool opposite_signs(const Money& a, const Money& b) {
  return (a.is_negative() && b.is_positive()) || (a.is_positive() && b.is_negative());
}

// One row's tax line: net from the file or computed, tax = gross − net.
Result<sdk::ImportedTaxLine> tax_line(const Money& gross, const Decimal& rate,
                                      const std::optional<Money>& written_net, std::int64_t line) {
  Result<Money> net = written_net ? Result<Money>(*written_net) : net_of_gross(gross, rate);
  if (!net) return Error{"tax_rate: " + net.error().message};
  if (opposite_signs(*net, gross)) {
    return Error{"net_amount " + net->to_string() + " and amount " + gross.to_string() +
                 " have opposite signs"};
  }
  Result<Money> tax = gross.minus(*net);
  if (!tax) return tax.error();
  if (opposite_signs(*tax, gross)) {
    return Error{"net_amount " + net->to_string() + " is more than the amount " +
                 gross.to_string()};
  }
  return sdk::ImportedTaxLine{rate, *net, *tax, gross, line};
}

Status negate(Money& money) {
  Result<Money> negated = money.negated();
  if (!negated) return negated.error();
  money = *negated;
  return {};
}

}  // namespace

std::uint32_t OpenItemsAssembly::add_customer(sdk::ImportedCustomer customer) {
  const auto found = customer_by_number_.find(customer.number);
  if (found != customer_by_number_.end()) {
    warn_if_master_data_differs(found->second, customer);
    return found->second;
  }
  const auto index = static_cast<std::uint32_t>(file_.customers.size());
  file_.customers.push_back(std::move(customer));
  customer_by_number_.emplace(file_.customers.back().number, index);
  customer_warned_.push_back(false);
  return index;
}

void OpenItemsAssembly::warn_if_master_data_differs(std::uint32_t index,
                                                    const sdk::ImportedCustomer& later) {
  sdk::ImportedCustomer& first = file_.customers[index];
  for (const std::string& iban : later.ibans) {
    if (std::find(first.ibans.begin(), first.ibans.end(), iban) == first.ibans.end()) {
      first.ibans.push_back(iban);
    }
  }
  if (customer_warned_[index]) return;
  std::string differing;
  auto compare = [&](bool same, const char* field) {
    if (!same) differing += (differing.empty() ? "" : ", ") + std::string(field);
  };
  compare(first.name == later.name, "customer_name");
  compare(first.address.street == later.address.street, "street");
  compare(first.address.postcode == later.address.postcode, "postcode");
  compare(first.address.city == later.address.city, "city");
  compare(first.address.country == later.address.country, "country");
  compare(first.email == later.email, "email");
  compare(first.language == later.language, "language");
  compare(first.kind == later.kind, "customer_type");
  compare(first.delivery == later.delivery, "delivery");
  compare(first.vat_id == later.vat_id, "vat_id");
  if (differing.empty()) return;
  customer_warned_[index] = true;
  file_.warnings.push_back(
      {later.line, "master_data_differs", "customer '" + for_message(first.number, 60) + "': " + on_line(later.line) +
                       " has another " + differing + " than " + on_line(first.line) +
                       "; the master data of " + on_line(first.line) + " is used"});
}

Status OpenItemsAssembly::add(OpenItemRow row) {
  const std::uint32_t customer = add_customer(std::move(row.customer));
  const std::int64_t line = row.item.line;

  const auto found = item_by_number_.find(row.item.number);
  if (found == item_by_number_.end()) {
    if (row.tax_rate) {
      auto first_line = tax_line(row.item.gross, *row.tax_rate, row.net, line);
      if (!first_line) return first_line.error();
      row.item.tax_lines.push_back(*first_line);
    } else if (row.net && !net_without_rate_warned_) {
      net_without_rate_warned_ = true;
      file_.warnings.push_back({line, "net_without_rate", "net_amount without tax_rate is ignored (first on " +
                                          on_line(line) + "): a tax line needs its rate"});
    }
    const auto index = static_cast<std::uint32_t>(file_.items.size());
    item_has_rates_.push_back(row.tax_rate.has_value());
    file_.items.push_back(std::move(row.item));
    file_.customer_of_item.push_back(customer);
    item_by_number_.emplace(file_.items.back().number, index);
    return {};
  }

  // Another row of a known invoice: one more of its tax lines.
  sdk::ImportedOpenItem& item = file_.items[found->second];
  const std::string name = invoice_name(item.number);
  const std::string first = on_line(item.line);
  if (row.item.customer_number != item.customer_number) {
    return Error{name + " is for customer '" + for_message(item.customer_number, 60) + "' on " +
                 first + " but for '" + for_message(row.item.customer_number, 60) + "' here"};
  }
  if (row.item.due_date != item.due_date) {
    return Error{name + " has another due_date than on " + first};
  }
  if (row.item.type != item.type) {
    return Error{name + " has another document_type than on " + first};
  }
  if (row.item.gross.currency() != item.gross.currency()) {
    return Error{name + " has another currency than on " + first};
  }
  if (!row.tax_rate || !item_has_rates_[found->second]) {
    return Error{name + " already appears on " + first +
                 "; rows of one invoice must each carry their own tax_rate"};
  }
  for (const sdk::ImportedTaxLine& other : item.tax_lines) {
    if (other.rate == *row.tax_rate) {
      return Error{name + " has tax_rate " + other.rate.to_string() + " already on " +
                   on_line(other.line)};
    }
  }
  auto next_line = tax_line(row.item.gross, *row.tax_rate, row.net, line);
  if (!next_line) return next_line.error();
  Result<Money> total = item.gross.plus(row.item.gross);
  if (!total) return Error{name + ": " + total.error().message};
  item.gross = *total;
  item.tax_lines.push_back(*next_line);
  return {};
}

void OpenItemsAssembly::finish(std::vector<BadRow>& bad_rows) {
  for (sdk::ImportedOpenItem& item : file_.items) {
    const bool owed_to_customer =
        item.type == OpenItemType::credit_note || item.type == OpenItemType::cancellation;
    if (!owed_to_customer && item.gross.is_negative()) {
      bad_rows.push_back({item.line, invoice_name(item.number) + " totals " +
                                         item.gross.to_string() +
                                         "; an amount owed to the customer is a credit_note"});
      continue;
    }
    if (!owed_to_customer || !item.gross.is_positive()) continue;
    // Written as a positive amount: the ERP's convention for credit notes, turned into ours.
    Status negated = negate(item.gross);
    for (sdk::ImportedTaxLine& tax_line : item.tax_lines) {
      if (negated) negated = negate(tax_line.net);
      if (negated) negated = negate(tax_line.tax);
      if (negated) negated = negate(tax_line.gross);
    }
    if (!negated) {
      bad_rows.push_back({item.line, invoice_name(item.number) + ": " + negated.error().message});
    }
  }
}

OpenItemsFile OpenItemsAssembly::take() {
  customer_by_number_.clear();
  item_by_number_.clear();
  customer_warned_.clear();
  item_has_rates_.clear();
  return std::exchange(file_, OpenItemsFile{});
}

}  // namespace kontor::plugins::open_items
