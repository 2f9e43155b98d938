#include "camt_values.hpp"

#include <string>

#include "clean_text.hpp"
#include "warning_codes.hpp"
#include "xml_fragment.hpp"

namespace kontor::plugins::camt {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

std::string_view trimmed(std::string_view text) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

int two_digits(std::string_view text, std::size_t at) {
  return (text[at] - '0') * 10 + (text[at + 1] - '0');
}

}  // namespace

Result<AmountText> amount_of_text(std::string_view text, Currency currency) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (!text.empty() && text.front() == '-') {
    return Error{"is negative; camt gives the direction in CdtDbtInd"};
  }
  const std::size_t point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  const std::string_view fraction =
      point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
  // xs:decimal: digits with an optional point, "500." and ".5" included.
  bool digits_only = !whole.empty() || !fraction.empty();
  for (char c : whole) digits_only = digits_only && is_digit(c);
  for (char c : fraction) digits_only = digits_only && is_digit(c);
  if (!digits_only) return Error{"is not a decimal number like 1234.56"};

  const auto minor = static_cast<std::size_t>(currency.minor_digits());
  AmountText out;
  bool round_up = false;
  std::string_view kept = fraction;
  if (fraction.size() > minor) {
    const std::string_view extra = fraction.substr(minor);
    out.rounded = extra.find_first_not_of('0') != std::string_view::npos;
    round_up = extra.front() >= '5';
    kept = fraction.substr(0, minor);
  }
  std::string exact = whole.empty() ? std::string("0") : std::string(whole);
  if (!kept.empty()) exact += "." + std::string(kept);
  Result<Money> amount = Money::parse(exact, currency, Notation::point());
  if (!amount) return Error{"cannot be read: " + amount.error().message};
  out.amount = *amount;
  if (round_up) {
    Result<Money> up = out.amount.plus(Money(1, currency));
    if (!up) return Error{"is too large: " + up.error().message};
    out.amount = *up;
  }
  return out;
}

Result<Money> read_amount(pugi::xml_node amount, PartContext& context,
                          std::optional<Currency> currency) {
  const std::string name = shown(local_name(amount));
  const pugi::xml_attribute code = amount.attribute("Ccy");
  if (code) {
    Result<Currency> given = Currency::from_code(trimmed(code.value()));
    if (!given) {
      return context.error(amount, "<" + name + "> currency " + quoted(code.value()) +
                                       " is not an ISO 4217 currency");
    }
    currency = *given;
  }
  if (!currency) return context.error(amount, "<" + name + "> has no currency (Ccy)");
  const std::string_view text = trimmed(raw_text(amount));
  Result<AmountText> read = amount_of_text(text, *currency);
  if (!read) {
    return context.error(amount, "<" + name + "> " + quoted(text) + " " + read.error().message);
  }
  if (read->rounded) {
    context.warn(amount, warning::kAmountRounded,
                 "<" + name + "> " + quoted(text) + " has more decimals than " +
                     std::string(currency->code()) + " has; read as " + read->amount.format());
  }
  return read->amount;
}

Result<bool> read_credit(pugi::xml_node parent, PartContext& context) {
  const pugi::xml_node indicator = child(parent, "CdtDbtInd");
  const std::string_view text = trimmed(raw_text(indicator));
  if (text == "CRDT") return true;
  if (text == "DBIT") return false;
  if (!indicator) {
    return context.error(
        parent, "<" + shown(local_name(parent)) + "> has no CdtDbtInd: credit or debit is unknown");
  }
  return context.error(indicator, "CdtDbtInd " + quoted(text) + " is neither CRDT nor DBIT");
}

std::optional<Date> date_of_text(std::string_view text, bool& clamped) {
  clamped = false;
  text = trimmed(text);
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t k : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!is_digit(text[k])) return std::nullopt;
  }
  // What may follow a date: a time (DtTm) or a zone (xs:date).
  if (text.size() > 10 && text[10] != 'T' && text[10] != 'Z' && text[10] != '+' &&
      text[10] != '-') {
    return std::nullopt;
  }
  const int year = two_digits(text, 0) * 100 + two_digits(text, 2);
  const int month = two_digits(text, 5);
  int day = two_digits(text, 8);
  if (year < 1 || month < 1 || month > 12 || day < 1) return std::nullopt;
  const int last = Date::days_in_month(year, month);
  if (day > last) {
    clamped = true;
    day = last;
  }
  Result<Date> date = Date::from_ymd(year, month, day);
  if (!date) return std::nullopt;
  return *date;
}

std::optional<Date> read_date(pugi::xml_node element, PartContext& context) {
  if (!element) return std::nullopt;
  const std::string_view text = raw_text(element);
  bool clamped = false;
  std::optional<Date> date = date_of_text(text, clamped);
  const std::string name = shown(local_name(element.parent())) + "/" + shown(local_name(element));
  if (!date) {
    context.warn(element, warning::kInvalidDate,
                 "<" + name + "> " + quoted(text) + " is not a date (YYYY-MM-DD); ignored");
  } else if (clamped) {
    context.warn(element, warning::kInvalidDate,
                 "<" + name + "> " + quoted(text) + " does not exist; read as " + date->to_iso() +
                     ", the last day of that month");
  }
  return date;
}

std::optional<Date> read_date_choice(pugi::xml_node choice, PartContext& context) {
  if (pugi::xml_node dt = child(choice, "Dt")) return read_date(dt, context);
  if (pugi::xml_node dt_tm = child(choice, "DtTm")) return read_date(dt_tm, context);
  return std::nullopt;
}

}  // namespace kontor::plugins::camt
