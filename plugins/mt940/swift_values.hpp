// The small values MT940 and MT942 fields are made of: dates (YYMMDD, MMDD), amounts with a
// decimal comma, balances (":60F:C160229EUR1200,00"), floor limits (":34F:EURD20,00"), sums
// (":90D:2EUR30,00") and the ":13D:" date-time.
//
// Lenient where banks are off, strict where a value cannot be read: a day past the month's end
// (30 February in Sparkasse fee entries) is clamped to the month's last day and flagged, a
// decimal point instead of the comma (old Rabobank exports) is read and flagged; a month 13, a
// letter in an amount or an unknown currency is an error. Error positions are 1-based character
// positions in the text given.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "kontor/model/currency.hpp"
#include "kontor/model/date.hpp"
#include "kontor/model/money.hpp"
#include "kontor/result.hpp"

namespace kontor::plugins::mt940 {

struct SwiftDate {
  Date date;
  bool clamped = false;  // the day was past the month's end (30 February)
};

// Two-digit years: 70..99 are 1970..1999, 00..69 are 2000..2069.
int full_year(int two_digit_year);

// "160230": 2016-02-29, clamped.
Result<SwiftDate> parse_yymmdd(std::string_view text);

struct EntryDate {
  Date date;
  bool clamped = false;
  int year_shift = 0;  // -1 or +1 when the entry date belongs to the year before or after
};

// The entry date "MMDD" of a :61: whose value date is `value_date`: in the year that puts it
// within six months of the value date (value 0104, entry 1229: December of the previous year).
Result<EntryDate> parse_entry_date(std::string_view mmdd, const Date& value_date);

struct Amount {
  Money money;                 // never negative: the D/C mark gives the sign
  bool decimal_point = false;  // written with '.' instead of SWIFT's ','
  bool no_separator = false;   // written without ',' ("500")
  bool swift_format() const { return !decimal_point && !no_separator; }
};

// "1234,56", "500,", "0,", "000000000001,62"; also "1147.95" and "500".
Result<Amount> parse_amount(std::string_view text, Currency currency);

Result<Currency> parse_currency(std::string_view text);

// :60a:, :62a:, :64:, :65:: "C" or "D", YYMMDD, currency, amount. Without currency (digits right
// after the date) the amount is read in `missing_currency` and flagged.
struct Balance {
  Money amount;  // signed: debit balances negative
  SwiftDate date;
  bool swift_format = true;  // the amount was written with SWIFT's decimal comma
  bool currency_missing = false;
};
Result<Balance> parse_balance(std::string_view text, Currency missing_currency = Currency::eur());

// :34F: "EURD20,00", "EUR0,": currency, optional D or C, amount.
struct FloorLimit {
  Money amount;
  std::optional<char> mark;
};
Result<FloorLimit> parse_floor_limit(std::string_view text);

// :90D:/:90C: "2EUR30,00": number of entries, currency, sum.
struct EntrySum {
  std::int64_t count = 0;
  Money amount;
};
Result<EntrySum> parse_entry_sum(std::string_view text);

// :13D: "1901091733+0100" -> "2019-01-09T17:33+01:00" (the offset is optional).
Result<std::string> parse_date_time(std::string_view text);

}  // namespace kontor::plugins::mt940
