#include "ctl/statement_json.hpp"

#include "kontor/model/iban.hpp"

namespace kontor::ctl {
namespace {

using json = nlohmann::ordered_json;

json text_or_null(const std::string& text) {
  return text.empty() ? json() : json(text);
}

json date_or_null(const std::optional<Date>& date) {
  return date ? json(date->to_iso()) : json();
}

json balance(const std::optional<StatementBalance>& value) {
  if (!value) return json();
  return {{"amount", amount_text(value->amount)}, {"date", value->date.to_iso()}};
}

bool is_iban(const std::string& text) {
  return !text.empty() && Iban::parse(text).ok();
}

// The bank's reference; "NONREF" is a way of writing none.
json reference_or_null(const std::string& reference) {
  return reference.empty() || reference == "NONREF" ? json() : json(reference);
}

json payment_fields(const sdk::PaymentDetails& d) {
  json counterparty = {
      {"name", text_or_null(d.counterparty_name)},
      {"iban", is_iban(d.counterparty_account)
                   ? json(Iban::parse(d.counterparty_account)->electronic())
                   : json()},
      {"bic", text_or_null(d.counterparty_bic)},
      {"account", is_iban(d.counterparty_account) ? json() : text_or_null(d.counterparty_account)}};
  return {{"entry_ref", reference_or_null(d.bank_reference)},
          {"end_to_end_id", text_or_null(d.end_to_end_id)},
          {"mandate_id", text_or_null(d.mandate_id)},
          {"creditor_id", text_or_null(d.creditor_id)},
          {"creditor_reference", text_or_null(d.creditor_reference)},
          {"counterparty", counterparty},
          {"ultimate_debtor", text_or_null(d.ultimate_debtor)},
          {"ultimate_creditor", text_or_null(d.ultimate_creditor)},
          {"remittance", text_or_null(d.remittance)},
          {"bank_code", text_or_null(d.bank_transaction_code)},
          {"return_reason", text_or_null(d.return_reason)}};
}

std::string status_text(EntryStatus status) {
  switch (status) {
    case EntryStatus::booked:
      return "BOOK";
    case EntryStatus::pending:
      return "PDNG";
    case EntryStatus::info:
      return "INFO";
    case EntryStatus::future:
      return "FUTR";
  }
  return "BOOK";
}

std::string format_of(const std::string& plugin, StatementKind kind) {
  if (plugin == "camt") {
    switch (kind) {
      case StatementKind::statement:
        return "camt.053";
      case StatementKind::intraday:
        return "camt.052";
      case StatementKind::notification:
        return "camt.054";
    }
  }
  if (plugin == "mt940") return kind == StatementKind::intraday ? "mt942" : "mt940";
  return plugin;
}

void add_to(std::map<std::string, Money>& sums, const Money& amount) {
  const std::string code(amount.currency().code());
  auto it = sums.find(code);
  if (it == sums.end()) {
    sums.emplace(code, amount);
  } else if (auto total = it->second.plus(amount)) {
    it->second = *total;
  }
}

}  // namespace

std::string amount_text(const Money& amount) {
  return amount.format(Notation::point());
}

StatementJson::StatementJson(std::string plugin, bool summary_only)
    : plugin_(std::move(plugin)), summary_only_(summary_only) {}

sdk::Status StatementJson::statement(const sdk::StatementInfo& s) {
  const std::string format = format_of(plugin_, s.kind);
  if (format_.empty()) format_ = format;
  if (plugin_ == "bank-csv" && !s.dialect.empty()) preset_ = s.dialect;

  StatementSummary summary;
  summary.account = s.account.empty() ? s.account_number : s.account;
  summary.format = format;
  summary.opening = s.opening;
  summary.closing = s.closing;
  summary.warnings = static_cast<int>(pending_warnings_.size());
  summaries_.push_back(std::move(summary));
  if (summary_only_) {
    pending_warnings_ = json::array();
    return sdk::Status::ok();
  }
  const bool iban = is_iban(s.account);
  json account = {{"iban", iban ? json(Iban::parse(s.account)->electronic()) : json()},
                  {"number", !s.account_number.empty() ? json(s.account_number)
                                                       : (iban ? json() : text_or_null(s.account))},
                  {"bic", text_or_null(s.account_bic)},
                  {"currency", text_or_null(s.currency)}};
  statements_.push_back({{"account", account},
                         {"id", text_or_null(s.id)},
                         {"sequence", text_or_null(s.sequence)},
                         {"opening_balance", balance(s.opening)},
                         {"closing_balance", balance(s.closing)},
                         {"warnings", pending_warnings_},
                         {"entries", json::array()}});
  pending_warnings_ = json::array();
  return sdk::Status::ok();
}

sdk::Status StatementJson::entry(const sdk::StatementEntry& e) {
  if (summaries_.empty())
    return sdk::Status::internal("the parser reported an entry before any statement");
  StatementSummary& summary = summaries_.back();
  ++summary.entries;
  if (!summary.first_booking || e.booking_date < *summary.first_booking) {
    summary.first_booking = e.booking_date;
  }
  if (!summary.last_booking || e.booking_date > *summary.last_booking) {
    summary.last_booking = e.booking_date;
  }
  add_to(e.amount.is_negative() ? summary.debits : summary.credits, e.amount);
  if (e.status == EntryStatus::booked) {
    if (!summary.booked_sum) {
      summary.booked_sum = Money::zero(e.amount.currency());
    }
    if (auto total = summary.booked_sum->plus(e.amount)) {
      summary.booked_sum = *total;
    } else {
      summary.mixed_currencies = true;
    }
  }
  if (summary_only_) return sdk::Status::ok();

  json entry = {{"amount", amount_text(e.amount)},
                {"currency", std::string(e.amount.currency().code())},
                {"booking_date", e.booking_date.to_iso()},
                {"value_date", date_or_null(e.value_date)},
                {"owner_ref", reference_or_null(e.owner_reference)}};
  // items() of a temporary would dangle: the fields are kept while they are copied.
  const json fields = payment_fields(e.details);
  for (auto& [key, value] : fields.items()) entry[key] = value;
  entry["status"] = status_text(e.status);
  entry["reversal"] = e.reversal;
  entry["charges"] = e.charges ? json(amount_text(*e.charges)) : json();
  entry["additional_info"] = text_or_null(e.additional_info);
  entry["details"] = json::array();
  statements_.back()["entries"].push_back(std::move(entry));
  return sdk::Status::ok();
}

sdk::Status StatementJson::detail(const sdk::EntryDetail& d) {
  if (summary_only_) return sdk::Status::ok();
  if (statements_.empty() || statements_.back()["entries"].empty()) {
    return sdk::Status::internal("the parser reported a transaction detail before any entry");
  }
  json detail = {{"amount", amount_text(d.amount)},
                 {"currency", std::string(d.amount.currency().code())}};
  const json fields = payment_fields(d.details);
  for (auto& [key, value] : fields.items()) detail[key] = value;
  statements_.back()["entries"].back()["details"].push_back(std::move(detail));
  return sdk::Status::ok();
}

sdk::Status StatementJson::customer(const sdk::ImportedCustomer&) {
  return sdk::Status::failed("this is an ERP export, not a bank statement");
}

sdk::Status StatementJson::open_item(const sdk::ImportedOpenItem&) {
  return sdk::Status::failed("this is an ERP export, not a bank statement");
}

void StatementJson::warning(std::int64_t line, std::string_view code, std::string_view message) {
  json warning = {{"code", std::string(code)},
                  {"message", std::string(message)},
                  {"line", line > 0 ? json(line) : json()}};
  if (summary_only_) {
    if (!summaries_.empty()) {
      ++summaries_.back().warnings;
    } else {
      pending_warnings_.push_back(std::move(warning));
    }
    return;
  }
  if (statements_.empty()) {
    pending_warnings_.push_back(std::move(warning));  // goes with the first statement
  } else {
    statements_.back()["warnings"].push_back(std::move(warning));
  }
}

nlohmann::ordered_json StatementJson::document() const {
  return {{"format", format_.empty() ? json() : json(format_)},
          {"preset", preset_ ? json(*preset_) : json()},
          {"statements", statements_}};
}

}  // namespace kontor::ctl
