#include "booking_periods.hpp"

#include <algorithm>

namespace kontor::plugins::datev {
namespace {

bool two_digits(std::string_view text) {
  return text.size() == 2 && text[0] >= '0' && text[0] <= '9' && text[1] >= '0' && text[1] <= '9';
}

}  // namespace

Result<FiscalYearStart> parse_fiscal_year_start(std::string_view text) {
  const std::string shown = "'" + std::string(text) + "'";
  if (text.size() != 5 || text[2] != '-' || !two_digits(text.substr(0, 2)) ||
      !two_digits(text.substr(3, 2))) {
    return Error{shown + " is not MM-DD (such as 01-01 or 07-01)"};
  }
  const int month = (text[0] - '0') * 10 + (text[1] - '0');
  const int day = (text[3] - '0') * 10 + (text[4] - '0');
  // 2001 is no leap year: a start on 29 February would not exist in most years.
  if (!Date::from_ymd(2001, month, day).ok()) {
    return Error{shown + " is not a day that every year has"};
  }
  return FiscalYearStart{.month = month, .day = day};
}

Result<BookingPeriod> booking_period_of(const Date& date, const FiscalYearStart& start) {
  const int year = Date::from_ymd(date.year(), start.month, start.day).value() <= date
                       ? date.year()
                       : date.year() - 1;
  Result<Date> fiscal_year = Date::from_ymd(year, start.month, start.day);
  Result<Date> next_fiscal_year = Date::from_ymd(year + 1, start.month, start.day);
  if (!fiscal_year || !next_fiscal_year) {
    return Error{date.to_iso() + " lies in a fiscal year at the end of the calendar"};
  }
  Result<Date> fiscal_year_end = next_fiscal_year->add_days(-1);
  if (!fiscal_year_end) return fiscal_year_end.error();
  const Date month_start = Date::from_ymd(date.year(), date.month(), 1).value();
  const Date month_end =
      Date::from_ymd(date.year(), date.month(), Date::days_in_month(date.year(), date.month()))
          .value();
  return BookingPeriod{.from = std::max(month_start, *fiscal_year),
                       .to = std::min(month_end, *fiscal_year_end),
                       .fiscal_year_start = *fiscal_year};
}

}  // namespace kontor::plugins::datev
