#include "swift_values.hpp"

#include <cstdint>

#include "kontor/model/notation.hpp"
#include "message_text.hpp"

namespace kontor::plugins::mt940 {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool all_digits(std::string_view text) {
  for (char c : text) {
    if (!is_digit(c)) return false;
  }
  return !text.empty();
}

int number(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

Error at(std::int64_t position, std::string message) {
  return Error{std::move(message), position};
}

// Error positions of a part, moved to where the part starts in the whole (1-based).
Error shifted(Error error, std::size_t part_offset) {
  error.position += static_cast<std::int64_t>(part_offset);
  return error;
}

Result<SwiftDate> calendar_date(int year, int month, int day, std::string_view text) {
  if (month < 1 || month > 12) {
    return at(1, "date " + quoted(text) + ": there is no month " + std::to_string(month));
  }
  if (day < 1 || day > 31) {
    return at(1, "date " + quoted(text) + ": there is no day " + std::to_string(day));
  }
  SwiftDate result;
  const int last = Date::days_in_month(year, month);
  if (day > last) {
    day = last;
    result.clamped = true;
  }
  Result<Date> date = Date::from_ymd(year, month, day);
  if (!date) return at(1, "date " + quoted(text) + ": " + date.error().message);
  result.date = *date;
  return result;
}

}  // namespace

int full_year(int two_digit_year) {
  return two_digit_year >= 70 ? 1900 + two_digit_year : 2000 + two_digit_year;
}

Result<SwiftDate> parse_yymmdd(std::string_view text) {
  if (text.size() != 6 || !all_digits(text)) {
    return at(1, "expected a date YYMMDD, found " + quoted(text));
  }
  return calendar_date(full_year(number(text.substr(0, 2))), number(text.substr(2, 2)),
                       number(text.substr(4, 2)), text);
}

Result<EntryDate> parse_entry_date(std::string_view mmdd, const Date& value_date) {
  if (mmdd.size() != 4 || !all_digits(mmdd)) {
    return at(1, "expected an entry date MMDD, found " + quoted(mmdd));
  }
  const int month = number(mmdd.substr(0, 2));
  const int day = number(mmdd.substr(2, 2));
  // The year that puts the entry date within six months of the value date.
  int shift = 0;
  if (month - value_date.month() > 6) shift = -1;
  if (value_date.month() - month > 6) shift = 1;
  Result<SwiftDate> date = calendar_date(value_date.year() + shift, month, day, mmdd);
  if (!date) return date.error();
  return EntryDate{.date = date->date, .clamped = date->clamped, .year_shift = shift};
}

Result<Amount> parse_amount(std::string_view text, Currency currency) {
  if (text.empty()) return at(1, "expected an amount, found nothing");
  Amount amount;
  Notation notation = Notation::comma();
  if (text.find(',') == std::string_view::npos) {
    if (text.find('.') != std::string_view::npos) {
      notation = Notation::point();
      amount.decimal_point = true;
    } else {
      amount.no_separator = true;
    }
  }
  std::string_view digits = text;
  if (digits.size() > 1 && digits.back() == notation.decimal_separator) digits.remove_suffix(1);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (!is_digit(digits[i]) && (i == 0 || digits[i] != notation.decimal_separator)) {
      return at(static_cast<std::int64_t>(i) + 1, "amount " + quoted(text) +
                                                      ": expected a digit, found " +
                                                      quoted(character_at(digits, i)));
    }
  }
  Result<Money> money = Money::parse(digits, currency, notation);
  if (!money) {
    return at(money.error().position, "amount " + quoted(text) + ": " + money.error().message);
  }
  amount.money = *money;
  return amount;
}

Result<Currency> parse_currency(std::string_view text) {
  Result<Currency> currency = Currency::from_code(text);
  if (!currency) return at(1, quoted(text) + " is not an ISO 4217 currency");
  return currency;
}

Result<Balance> parse_balance(std::string_view text, Currency missing_currency) {
  if (text.empty() || (text[0] != 'C' && text[0] != 'D')) {
    return at(1, "expected a balance 'C' or 'D', date YYMMDD, currency and amount, found " +
                     quoted(text));
  }
  if (text.size() < 9) return at(2, "balance " + quoted(text) + " is too short");
  Balance balance;
  Result<SwiftDate> date = parse_yymmdd(text.substr(1, 6));
  if (!date) return shifted(date.error(), 1);
  balance.date = *date;
  // German FinTS exports may leave the currency out (":62M:C020315105000,00"): the amount
  // follows the date.
  const bool without_currency =
      text[7] >= '0' && text[7] <= '9' &&
      text.substr(7).find_first_not_of("0123456789,.") == std::string_view::npos;
  std::size_t amount_at = 10;
  Result<Currency> currency = missing_currency;
  if (without_currency) {
    balance.currency_missing = true;
    amount_at = 7;
  } else {
    currency = parse_currency(text.substr(7, 3));
    if (!currency) return shifted(currency.error(), 7);
  }
  Result<Amount> amount = parse_amount(text.substr(amount_at), *currency);
  if (!amount) return shifted(amount.error(), amount_at);
  balance.swift_format = amount->swift_format();
  balance.amount = amount->money;
  if (text[0] == 'D') {
    Result<Money> negated = balance.amount.negated();
    if (!negated) return at(11, negated.error().message);
    balance.amount = *negated;
  }
  return balance;
}

Result<FloorLimit> parse_floor_limit(std::string_view text) {
  if (text.size() < 4) return at(1, "expected a floor limit CCY[D|C]amount, found " + quoted(text));
  Result<Currency> currency = parse_currency(text.substr(0, 3));
  if (!currency) return currency.error();
  FloorLimit limit;
  std::size_t offset = 3;
  if (text[3] == 'D' || text[3] == 'C') {
    limit.mark = text[3];
    offset = 4;
  }
  Result<Amount> amount = parse_amount(text.substr(offset), *currency);
  if (!amount) return shifted(amount.error(), offset);
  limit.amount = amount->money;
  return limit;
}

Result<EntrySum> parse_entry_sum(std::string_view text) {
  std::size_t digits = 0;
  while (digits < text.size() && digits < 5 && is_digit(text[digits])) ++digits;
  if (text.size() < digits + 4) {
    return at(1, "expected a number of entries, currency and sum, found " + quoted(text));
  }
  EntrySum sum;
  sum.count = number(text.substr(0, digits));
  Result<Currency> currency = parse_currency(text.substr(digits, 3));
  if (!currency) return shifted(currency.error(), digits);
  Result<Amount> amount = parse_amount(text.substr(digits + 3), *currency);
  if (!amount) return shifted(amount.error(), digits + 3);
  sum.amount = amount->money;
  return sum;
}

Result<std::string> parse_date_time(std::string_view text) {
  if (text.size() < 10 || !all_digits(text.substr(0, 10))) {
    return at(1, "expected a date and time YYMMDDhhmm, found " + quoted(text));
  }
  Result<SwiftDate> date = parse_yymmdd(text.substr(0, 6));
  if (!date) return date.error();
  const int hour = number(text.substr(6, 2));
  const int minute = number(text.substr(8, 2));
  if (hour > 23 || minute > 59) {
    return at(7, "time " + quoted(text.substr(6, 4)) + " is not a time of day");
  }
  std::string result = date->date.to_iso() + "T" + std::string(text.substr(6, 2)) + ":" +
                       std::string(text.substr(8, 2));
  const std::string_view offset = text.substr(10);
  if (offset.size() == 5 && (offset[0] == '+' || offset[0] == '-') &&
      all_digits(offset.substr(1))) {
    result += std::string(offset.substr(0, 3)) + ":" + std::string(offset.substr(3, 2));
  } else if (!offset.empty()) {
    return at(11, "expected a UTC offset +hhmm after the time, found " + quoted(offset));
  }
  return result;
}

}  // namespace kontor::plugins::mt940
