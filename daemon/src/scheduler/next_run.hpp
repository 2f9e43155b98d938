// next_after: the next planned instant of a cron expression, evaluated in a time zone's
// wall-clock time (DESIGN.md §8).
//
// Wall-clock times map to instants as follows:
//   - a wall time that exists once is that instant;
//   - a wall time that does not exist (the spring-forward gap) is planned at the first valid
//     instant after the gap, so `30 2 * * *` in Europe/Berlin runs at 03:00 CEST that night;
//     several wall times in one gap collapse into that one instant and so run once;
//   - a wall time that occurs twice (the fall-back fold) is planned at its first occurrence
//     only.
// These planned instants never decrease as the wall time grows, so the first matching wall
// time whose planned instant lies after `after` is the answer.
#pragma once

#include <date/tz.h>

#include <optional>

#include "common/clock.hpp"
#include "scheduler/cron_expression.hpp"

namespace kontor::scheduler {

// How far next_after looks: one Gregorian cycle, after which the calendar repeats, so an
// expression without a match in this span never matches.
inline constexpr int kSearchYears = 400;

// The next planned instant strictly after `after`, or nullopt when the expression never
// matches (parse() refuses such expressions, so for a parsed one nullopt does not happen).
// Skips months and days that cannot match instead of stepping through them. `zone` must not
// be null.
std::optional<TimePoint> next_after(const CronExpression& expression, TimePoint after,
                                    const date::time_zone* zone);

// The same answer found the obvious way, one wall-clock minute at a time: the definition that
// next_after is tested against, and the baseline of the benchmark.
std::optional<TimePoint> next_after_minute_by_minute(const CronExpression& expression,
                                                     TimePoint after, const date::time_zone* zone);

// The instant a wall-clock minute is planned at in `zone` (the rules above).
TimePoint planned_instant(date::local_time<std::chrono::minutes> wall, const date::time_zone* zone);

}  // namespace kontor::scheduler
