#include "kontor/model/open_item.hpp"

#include "kontor/model/enum_text.hpp"

namespace kontor {
namespace {

constexpr EnumName<OpenItemType> kTypes[] = {{OpenItemType::invoice, "invoice"},
                                             {OpenItemType::credit_note, "credit_note"},
                                             {OpenItemType::cancellation, "cancellation"},
                                             {OpenItemType::fee, "fee"},
                                             {OpenItemType::interest, "interest"}};

bool owed_to_customer(OpenItemType type) {
  return type == OpenItemType::credit_note || type == OpenItemType::cancellation;
}

}  // namespace

std::string_view to_string(OpenItemType type) {
  return enum_to_text(kTypes, type);
}
Result<OpenItemType> parse_open_item_type(std::string_view text) {
  return enum_from_text(kTypes, "open item type", text);
}

Status check(const OpenItem& item) {
  const std::string name = "open item '" + item.number + "'";
  if (item.number.empty()) return Error{"open item without a number"};
  if (item.customer_number.empty()) return Error{name + " names no customer"};
  if (owed_to_customer(item.type) ? item.gross.is_positive() : item.gross.is_negative()) {
    return Error{name + " (" + std::string(to_string(item.type)) + ") cannot have a " +
                 (owed_to_customer(item.type) ? "positive" : "negative") +
                 " amount: amounts owed by the customer are positive, found " +
                 item.gross.to_string()};
  }
  const bool must_refer = item.type == OpenItemType::cancellation ||
                          item.type == OpenItemType::fee || item.type == OpenItemType::interest;
  if (must_refer && item.refers_to.empty()) {
    return Error{name + " (" + std::string(to_string(item.type)) +
                 ") must name the item it refers to"};
  }
  if (item.tax_lines.empty()) return {};
  Money lines_gross = Money::zero(item.gross.currency());
  for (std::size_t k = 0; k < item.tax_lines.size(); ++k) {
    const TaxLine& line = item.tax_lines[k];
    const std::string which =
        name + " tax line " + std::to_string(k + 1) + " (" + line.rate.to_string() + " %)";
    Result<Money> net_plus_tax = line.net.plus(line.tax);
    if (!net_plus_tax) return Error{which + ": " + net_plus_tax.error().message};
    Result<std::strong_ordering> same = compare(*net_plus_tax, line.gross);
    if (!same) return Error{which + ": " + same.error().message};
    if (*same != std::strong_ordering::equal) {
      return Error{which + ": net " + line.net.to_string() + " + tax " + line.tax.to_string() +
                   " is not the gross " + line.gross.to_string()};
    }
    Result<Money> next = lines_gross.plus(line.gross);
    if (!next) return Error{which + ": " + next.error().message};
    lines_gross = *next;
  }
  if (lines_gross != item.gross) {
    return Error{name + ": the tax lines add up to " + lines_gross.to_string() +
                 ", the item's gross amount is " + item.gross.to_string()};
  }
  return {};
}

}  // namespace kontor
