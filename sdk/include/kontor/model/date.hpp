// Date: a calendar day (proleptic Gregorian, years 1 to 9999) without time or zone — due
// dates, booking dates, value dates, the days interest runs.
//
// A Date is always valid: 30 February cannot be constructed. (A bank file that really says
// 30 February is the parser's problem: it decides, separately, to accept it with a warning.)
// Days between dates are plain day counts; which days a rule counts is the rule's business.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "kontor/result.hpp"

namespace kontor {

enum class Weekday { monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday };

class Date {
 public:
  // 1970-01-01, so that entities can be default-constructed.
  Date() = default;

  static Result<Date> from_ymd(int year, int month, int day);
  // "YYYY-MM-DD" exactly (ISO 8601 extended, no time). Error positions are 1-based.
  static Result<Date> parse_iso(std::string_view text);
  // Day 0 is 1970-01-01; an error outside years 1..9999.
  static Result<Date> from_days_since_epoch(std::int64_t days);

  int year() const { return year_; }
  int month() const { return month_; }
  int day() const { return day_; }
  std::int64_t days_since_epoch() const;
  Weekday weekday() const;
  bool is_weekend() const { return weekday() >= Weekday::saturday; }

  // "2026-03-01"
  std::string to_iso() const;

  // `days` later (earlier when negative); an error only outside years 1..9999.
  Result<Date> add_days(std::int64_t days) const;
  // The same day `months` later, clamped to the month's last day: 31 January + 1 month is
  // 28 or 29 February, 29 February + 12 months is 28 February.
  Result<Date> add_months(int months) const;

  static bool is_leap_year(int year);
  static int days_in_month(int year, int month);

  auto operator<=>(const Date&) const = default;

 private:
  Date(int year, int month, int day) : year_(year), month_(month), day_(day) {}

  // Member order makes the defaulted comparison chronological.
  int year_ = 1970;
  int month_ = 1;
  int day_ = 1;
};

// `to` minus `from` in days: 1 from 2026-02-28 to 2026-03-01, negative when `to` is earlier.
std::int64_t days_between(const Date& from, const Date& to);

}  // namespace kontor
