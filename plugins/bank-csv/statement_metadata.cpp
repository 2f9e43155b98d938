#include "statement_metadata.hpp"

#include "bank_dates.hpp"
#include "free_text.hpp"
#include "text_values.hpp"

namespace kontor::plugins::bank_csv {
namespace {

std::optional<Date> date_in(std::string_view text) {
  auto reading = read_date(text, DateFormat::automatic);
  if (!reading || reading->clamped) return std::nullopt;
  return reading->date;
}

std::string without_colon(std::string text) {
  while (!text.empty() && (text.back() == ':' || text.back() == ' ')) text.pop_back();
  return text;
}

// "4.093,32 €" -> "4.093,32" with currency "EUR".
void take_balance(std::string_view value, StatementMetadata& out) {
  value = trimmed(value);
  for (std::string_view suffix : {std::string_view("€"), std::string_view("EUR")}) {
    if (value.ends_with(suffix)) {
      value = trimmed(value.substr(0, value.size() - suffix.size()));
      out.balance_currency = "EUR";
    }
  }
  out.balance_text.assign(value);
}

std::string compact(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != ' ') out += c;
  }
  return out;
}

}  // namespace

StatementMetadata read_metadata(const std::vector<CsvRecord>& records) {
  StatementMetadata out;
  for (const CsvRecord& record : records) {
    if (record.fields.size() < 2) continue;
    const std::string key = without_colon(normalised_name(record.fields[0]));
    const std::string_view value = trimmed(record.fields[1]);
    if (key.starts_with("kontostand vom ")) {
      out.balance_date = date_in(key.substr(15));
      take_balance(value, out);
      out.balance_line = record.line;
    } else if (key == "saldo" || key == "kontostand") {
      take_balance(value, out);
      if (record.fields.size() > 2 && !trimmed(record.fields[2]).empty()) {
        out.balance_currency.assign(trimmed(record.fields[2]));
      }
      out.balance_line = record.line;
    } else if (key == "zeitraum") {
      const std::size_t dash = value.find(" - ");
      if (dash != std::string_view::npos) {
        out.period_from = date_in(value.substr(0, dash));
        out.period_to = date_in(value.substr(dash + 3));
      }
    } else if (key == "von") {
      out.period_from = date_in(value);
    } else if (key == "bis") {
      out.period_to = date_in(value);
    } else if (out.account.empty()) {
      const std::string candidate = compact(value.substr(0, value.find(" /")));
      if (looks_like_iban(candidate)) out.account = candidate;
    }
  }
  if (!out.balance_date && out.period_to) out.balance_date = out.period_to;
  return out;
}

}  // namespace kontor::plugins::bank_csv
