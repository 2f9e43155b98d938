#include "engine/open_item_import.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "engine/onboarding_checks.hpp"
#include "kontor/model/iban.hpp"

namespace kontor::engine {
namespace {

constexpr std::size_t kMaxListedProblems = 100;

// The ERP's "do not remind" on a customer or an item: a date, a reason, or both.
std::optional<DunningBlock> dunning_block_of(const std::string& reason,
                                             const std::optional<Date>& until) {
  if (!until && reason.empty()) return std::nullopt;
  return DunningBlock{reason.empty() ? "blocked in the ERP" : reason, until};
}

std::string at_line(std::int64_t line) {
  return line > 0 ? fmt::format("line {}: ", line) : std::string();
}

}  // namespace

OpenItemImport::OpenItemImport(store::Transaction& tx, const IncomingDocument& document,
                               OpenItemsMode mode, RunReport& report)
    : tx_(tx), document_(document), mode_(mode), report_(report) {}

sdk::Status OpenItemImport::problem(std::int64_t line, const std::string& message) {
  problems_.push_back(at_line(line) + message);
  return sdk::Status::ok();  // go on: the file is refused with every problem listed
}

sdk::Status OpenItemImport::store_failed(const Error& error) {
  return sdk::Status::retry("store: " + error.message);
}

void OpenItemImport::count(Counts& counts, store::Change change) {
  switch (change) {
    case store::Change::inserted:
      ++counts.inserted;
      break;
    case store::Change::updated:
      ++counts.updated;
      break;
    case store::Change::unchanged:
      ++counts.unchanged;
      break;
  }
}

sdk::Status OpenItemImport::statement(const sdk::StatementInfo&) {
  return sdk::Status::failed("a bank statement is no ERP export: the job's parser is wrong");
}
sdk::Status OpenItemImport::entry(const sdk::StatementEntry&) {
  return sdk::Status::failed("a bank statement is no ERP export: the job's parser is wrong");
}
sdk::Status OpenItemImport::detail(const sdk::EntryDetail&) {
  return sdk::Status::failed("a bank statement is no ERP export: the job's parser is wrong");
}

void OpenItemImport::warning(std::int64_t line, std::string_view /*code*/,
                             std::string_view message) {
  report_.warnings.push_back(fmt::format("{}: {}{}", document_.name, at_line(line), message));
}

sdk::Status OpenItemImport::customer(const sdk::ImportedCustomer& imported) {
  if (imported.number.empty()) return problem(imported.line, "customer without a number");
  if (imported.name.empty()) {
    return problem(imported.line, "customer " + imported.number + " without a name");
  }
  for (const auto& warning : check_customer(imported)) {
    report_.warnings.push_back(document_.name + ": " + warning);
  }
  Customer customer;
  customer.number = imported.number;
  customer.name = imported.name;
  customer.address = imported.address;
  customer.email = plausible_email(imported.email) ? imported.email : "";
  customer.language = imported.language;
  for (const auto& text : imported.ibans) {
    if (auto iban = Iban::parse(text)) customer.ibans.push_back(*iban);
  }
  customer.kind = imported.kind.value_or(CustomerKind::consumer);
  customer.preferred_delivery = imported.delivery;
  customer.dunning_block =
      dunning_block_of(imported.dunning_block_reason, imported.dunning_block_until);
  auto change = tx_.upsert_customer(customer);
  if (!change) return store_failed(change.error());
  count(customers_, *change);
  customers_in_file_.insert(customer.number);
  return sdk::Status::ok();
}

sdk::Status OpenItemImport::open_item(const sdk::ImportedOpenItem& imported) {
  const std::int64_t line = imported.line;
  if (imported.number.empty()) return problem(line, "item without a number");
  const std::string what = fmt::format("{} {}", to_string(imported.type), imported.number);
  if (!items_in_file_.insert(imported.number).second) {
    return problem(line, what + " appears twice");
  }
  if (!imported.due_date) return problem(line, what + " has no due date");

  OpenItem item;
  item.number = imported.number;
  item.customer_number = imported.customer_number;
  item.type = imported.type;
  item.issue_date = imported.issue_date;
  item.due_date = *imported.due_date;
  item.due_date_agreed = imported.due_date_agreed;
  item.dunning_notice_on_invoice = imported.dunning_notice_on_invoice;
  item.gross = imported.gross;
  item.open = imported.gross;
  for (const auto& tax : imported.tax_lines) {
    item.tax_lines.push_back({tax.rate, tax.net, tax.tax, tax.gross});
  }
  if (!imported.rf_reference.empty()) {
    if (auto reference = CreditorReference::parse(imported.rf_reference)) {
      item.rf_reference = *reference;
    } else {
      report_.warnings.push_back(
          fmt::format("{}: {}{}: {}; payments quoting it match by other "
                      "evidence only",
                      document_.name, at_line(line), what, reference.error().message));
    }
  }
  if (imported.skonto_percent && imported.skonto_until) {
    item.skonto = SkontoTerms{*imported.skonto_percent, *imported.skonto_until};
  } else if (imported.skonto_percent || imported.skonto_until) {
    report_.warnings.push_back(
        fmt::format("{}: {}{}: Skonto needs both a percentage and a date; "
                    "none granted",
                    document_.name, at_line(line), what));
  }
  item.refers_to = imported.refers_to;
  item.debtor_account = imported.debtor_account;
  item.document_path = imported.document_path;
  item.dunning_block =
      dunning_block_of(imported.dunning_block_reason, imported.dunning_block_until);
  if (auto valid = check(item); !valid) return problem(line, what + ": " + valid.error().message);
  if (customers_in_file_.count(item.customer_number) == 0) {
    auto known = tx_.customer(item.customer_number);
    if (!known) return store_failed(known.error());
    if (!*known) {
      return problem(
          line, fmt::format("{} is for customer {}, who is neither in the file nor known", what,
                            item.customer_number));
    }
  }

  auto existing = tx_.open_item(item.number);
  if (!existing) return store_failed(existing.error());
  if (*existing && (*existing)->gross != item.gross) {
    auto allocations = tx_.allocations_of_item(item.number);
    if (!allocations) return store_failed(allocations.error());
    if (!allocations->empty()) {
      report_.warnings.push_back(fmt::format(
          "{}: {}{} has payments or credits allocated: its amount stays {} although the file says "
          "{}; correct it with a credit note",
          document_.name, at_line(line), what, (*existing)->gross.to_string(),
          item.gross.to_string()));
      count(items_, store::Change::unchanged);
      return sdk::Status::ok();
    }
  }
  if (*existing) {
    item.settled_externally = false;  // listed again: it is the ERP's open item once more
  }
  auto change = tx_.upsert_open_item(item);
  if (!change) return store_failed(change.error());
  count(items_, *change);
  if (*change == store::Change::inserted && !item.refers_to.empty() &&
      (item.type == OpenItemType::credit_note || item.type == OpenItemType::cancellation)) {
    return settle_with_credit(item);
  }
  return sdk::Status::ok();
}

sdk::Status OpenItemImport::settle_with_credit(const OpenItem& credit) {
  auto target = tx_.open_item(credit.refers_to);
  if (!target) return store_failed(target.error());
  const std::string what = fmt::format("{} {}", to_string(credit.type), credit.number);
  if (!*target) {
    report_.warnings.push_back(
        fmt::format("{}: {} refers to {}, which is unknown: it stays a "
                    "credit on the account of {}",
                    document_.name, what, credit.refers_to, credit.customer_number));
    return sdk::Status::ok();
  }
  const OpenItem& invoice = **target;
  if (invoice.customer_number != credit.customer_number) {
    report_.warnings.push_back(
        fmt::format("{}: {} refers to {} of another customer ({}): not "
                    "applied",
                    document_.name, what, invoice.number, invoice.customer_number));
    return sdk::Status::ok();
  }
  if (invoice.gross.currency() != credit.gross.currency() || !invoice.open.is_positive()) {
    return sdk::Status::ok();  // nothing open to settle (or another currency): stays a credit
  }
  const Money available = *credit.gross.negated();
  const Money applied = available < invoice.open ? available : invoice.open;
  const std::string evidence =
      fmt::format("{} refers to {} ({} of {})", credit.number, invoice.number, applied.to_string(),
                  available.to_string());
  Allocation on_invoice;
  on_invoice.item_number = invoice.number;
  on_invoice.amount = applied;
  on_invoice.method = AllocationMethod::credit_note;
  on_invoice.evidence = evidence;
  Allocation on_credit = on_invoice;
  on_credit.item_number = credit.number;
  on_credit.amount = *applied.negated();
  for (const Allocation& allocation : {on_invoice, on_credit}) {
    auto added = tx_.add_allocation(allocation);
    if (!added) return store_failed(added.error());
  }
  return sdk::Status::ok();
}

sdk::Status OpenItemImport::mark_absent_invoices() {
  store::ItemQuery query;
  query.only_open = true;
  auto open = tx_.open_items(query);
  if (!open) return store_failed(open.error());
  std::vector<std::string> marked;
  tx_.set_why(fmt::format("not in snapshot {} from {}", document_.name, document_.source));
  for (OpenItem item : *open) {
    // Fees and interest are Kontor's own items, never in the ERP's file.
    if (item.type != OpenItemType::invoice || item.settled_externally ||
        items_in_file_.count(item.number) != 0) {
      continue;
    }
    item.settled_externally = true;
    auto change = tx_.upsert_open_item(item);
    if (!change) return store_failed(change.error());
    marked.push_back(item.number);
  }
  settled_externally_ = static_cast<int>(marked.size());
  if (!marked.empty()) {
    report_.warnings.push_back(fmt::format(
        "{}: {} open invoice{} not in this snapshot, marked settled externally (no reminders): {}",
        document_.name, marked.size(), marked.size() == 1 ? "" : "s", fmt::join(marked, ", ")));
  }
  return sdk::Status::ok();
}

sdk::Status OpenItemImport::finish() {
  if (!problems_.empty()) {
    std::string message = fmt::format("{} problem{} in {}:", problems_.size(),
                                      problems_.size() == 1 ? "" : "s", document_.name);
    for (std::size_t i = 0; i < problems_.size() && i < kMaxListedProblems; ++i) {
      message += "\n  " + problems_[i];
    }
    if (problems_.size() > kMaxListedProblems) {
      message += fmt::format("\n  ... and {} more", problems_.size() - kMaxListedProblems);
    }
    return sdk::Status::failed(message);
  }
  if (mode_ == OpenItemsMode::kSnapshot) {
    if (auto marked = mark_absent_invoices(); !marked) return marked;
  }
  auto customers = tx_.customers();
  if (!customers) return store_failed(customers.error());
  for (const auto& warning : likely_duplicates(*customers, customers_in_file_)) {
    report_.warnings.push_back(document_.name + ": " + warning);
  }
  report_.facts.push_back(fmt::format(
      "{}: {} customers ({} new, {} changed), {} items ({} new, {} changed){}", document_.name,
      customers_.inserted + customers_.updated + customers_.unchanged, customers_.inserted,
      customers_.updated, items_.inserted + items_.updated + items_.unchanged, items_.inserted,
      items_.updated,
      mode_ == OpenItemsMode::kSnapshot
          ? fmt::format(", {} settled externally", settled_externally_)
          : std::string()));
  return sdk::Status::ok();
}

}  // namespace kontor::engine
