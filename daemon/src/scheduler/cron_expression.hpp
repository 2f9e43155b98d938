// CronExpression: when a job runs, as the five fields of a crontab line (DESIGN.md §7).
//
//   minute hour day-of-month month day-of-week
//
// Each field is `*`, a number, a range `a-b`, a step `*/n` or `a-b/n`, or a list of these
// separated by commas. Months may be named JAN-DEC and days of the week SUN-SAT (any case);
// 0 and 7 are both Sunday. `L` in the day of month is the last day of the month.
//
// Day of month and day of week combine as in Vixie cron: when both are restricted a day
// matches if EITHER matches; when one of them starts with `*` (including `*/n`) a day must
// match both (so the `*` one restricts only through its step).
//
// An expression that can never match (`0 0 30 2 *`: the 30th of February) is refused when it
// is parsed, so a configuration with it does not start; every expression that parses matches
// at least once in any eight consecutive years (29 February is the rarest day).
#pragma once

#include <date/date.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "kontor/result.hpp"

namespace kontor::scheduler {

// The parsed fields as bit sets, for the next-run search.
struct CronFields {
  std::uint64_t minutes = 0;     // bit m for minute m (0-59)
  std::uint32_t hours = 0;       // bit h for hour h (0-23)
  std::uint32_t days = 0;        // bit d for day of month d (1-31)
  std::uint16_t months = 0;      // bit m for month m (1-12)
  std::uint8_t weekdays = 0;     // bit w for day of week w (0 = Sunday ... 6)
  bool last_day = false;         // `L` in the day of month
  bool any_day_of_month = true;  // the day-of-month field starts with `*`
  bool any_day_of_week = true;   // the day-of-week field starts with `*`
};

class CronExpression {
 public:
  // A parse error says what was expected and what was found; Error::position is the 0-based
  // character offset in `text` where the problem starts.
  static Result<CronExpression> parse(std::string_view text);

  const std::string& text() const { return text_; }
  const CronFields& fields() const { return fields_; }

  // The days of `month` the expression runs on, as bit d for day d (0 when the month is not
  // selected): the next-run search skips a whole month with one look.
  std::uint32_t matching_days(date::year_month month) const;
  // Whether the calendar day is one the expression runs on (month, day of month, day of week).
  bool matches_day(date::year_month_day day) const;
  // Whether a wall-clock minute matches all five fields.
  bool matches(date::local_time<std::chrono::minutes> minute) const;

 private:
  CronExpression(std::string text, CronFields fields) : text_(std::move(text)), fields_(fields) {}

  std::string text_;
  CronFields fields_;
};

}  // namespace kontor::scheduler
