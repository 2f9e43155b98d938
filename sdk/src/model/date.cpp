#include "kontor/model/date.hpp"

#include <algorithm>

namespace kontor {
namespace {

constexpr const char* kMonthNames[] = {"January",   "February", "March",    "April",
                                       "May",       "June",     "July",     "August",
                                       "September", "October",  "November", "December"};

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms): exact
// integer conversions between the proleptic Gregorian calendar and a day count.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
  std::int64_t year;
  unsigned month;
  unsigned day;
};

Civil civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2), m, d};
}

const std::int64_t kFirstDay = days_from_civil(1, 1, 1);
const std::int64_t kLastDay = days_from_civil(9999, 12, 31);

std::string two_digits(int value) {
  return std::string(1, static_cast<char>('0' + value / 10)) + static_cast<char>('0' + value % 10);
}

}  // namespace

bool Date::is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int Date::days_in_month(int year, int month) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

Result<Date> Date::from_ymd(int year, int month, int day) {
  if (year < 1 || year > 9999) return Error{"year " + std::to_string(year) + " is outside 1..9999"};
  if (month < 1 || month > 12) {
    return Error{"month " + std::to_string(month) + " is outside 1..12"};
  }
  const int last = days_in_month(year, month);
  if (day < 1 || day > last) {
    return Error{"day " + std::to_string(day) + " does not exist: " + kMonthNames[month - 1] + " " +
                 std::to_string(year) + " has " + std::to_string(last) + " days"};
  }
  return Date(year, month, day);
}

Result<Date> Date::parse_iso(std::string_view text) {
  const std::string prefix = "date '" + std::string(text) + "': ";
  if (text.size() != 10) {
    return Error{prefix + "expected YYYY-MM-DD (10 characters), found " +
                     std::to_string(text.size()) + " characters",
                 1};
  }
  int fields[3] = {0, 0, 0};
  constexpr std::size_t kStarts[] = {0, 5, 8};
  constexpr std::size_t kLengths[] = {4, 2, 2};
  for (int f = 0; f < 3; ++f) {
    for (std::size_t k = kStarts[f]; k < kStarts[f] + kLengths[f]; ++k) {
      if (text[k] < '0' || text[k] > '9') {
        return Error{prefix + "expected a digit at position " + std::to_string(k + 1) +
                         " (YYYY-MM-DD), found '" + std::string(1, text[k]) + "'",
                     static_cast<std::int64_t>(k + 1)};
      }
      fields[f] = fields[f] * 10 + (text[k] - '0');
    }
  }
  for (std::size_t k : {std::size_t{4}, std::size_t{7}}) {
    if (text[k] != '-') {
      return Error{prefix + "expected '-' at position " + std::to_string(k + 1) +
                       " (YYYY-MM-DD), found '" + std::string(1, text[k]) + "'",
                   static_cast<std::int64_t>(k + 1)};
    }
  }
  Result<Date> date = from_ymd(fields[0], fields[1], fields[2]);
  if (!date) {
    // Point at the field that is out of range: year at 1, month at 6, day at 9.
    const bool year_ok = fields[0] >= 1;
    const bool month_ok = fields[1] >= 1 && fields[1] <= 12;
    return Error{prefix + date.error().message, !year_ok ? 1 : (!month_ok ? 6 : 9)};
  }
  return date;
}

Result<Date> Date::from_days_since_epoch(std::int64_t days) {
  if (days < kFirstDay || days > kLastDay) {
    return Error{"day " + std::to_string(days) + " since 1970-01-01 is outside years 1..9999"};
  }
  const Civil civil = civil_from_days(days);
  return Date(static_cast<int>(civil.year), static_cast<int>(civil.month),
              static_cast<int>(civil.day));
}

std::int64_t Date::days_since_epoch() const {
  return days_from_civil(year_, static_cast<unsigned>(month_), static_cast<unsigned>(day_));
}

Weekday Date::weekday() const {
  // 1970-01-01 was a Thursday (ISO weekday 4).
  const std::int64_t days = days_since_epoch();
  const std::int64_t from_monday = ((days + 3) % 7 + 7) % 7;
  return static_cast<Weekday>(from_monday + 1);
}

std::string Date::to_iso() const {
  std::string year = std::to_string(year_);
  year.insert(0, 4 - year.size(), '0');
  return year + "-" + two_digits(month_) + "-" + two_digits(day_);
}

Result<Date> Date::add_days(std::int64_t days) const {
  const std::int64_t base = days_since_epoch();
  std::int64_t target = 0;
  if (__builtin_add_overflow(base, days, &target)) {
    return Error{"adding " + std::to_string(days) + " days to " + to_iso() + " overflows"};
  }
  return from_days_since_epoch(target);
}

Result<Date> Date::add_months(int months) const {
  const std::int64_t index = std::int64_t{year_} * 12 + (month_ - 1) + months;
  const std::int64_t year = index >= 0 ? index / 12 : (index - 11) / 12;
  const int month = static_cast<int>(index - year * 12) + 1;
  if (year < 1 || year > 9999) {
    return Error{"adding " + std::to_string(months) + " months to " + to_iso() +
                 " leaves years 1..9999"};
  }
  const int y = static_cast<int>(year);
  return Date(y, month, std::min(day_, days_in_month(y, month)));
}

std::int64_t days_between(const Date& from, const Date& to) {
  return to.days_since_epoch() - from.days_since_epoch();
}

}  // namespace kontor
