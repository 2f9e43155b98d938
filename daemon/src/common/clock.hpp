// Clock: where engines, the scheduler and plugins get "now" from.
//
// Injected (LevelDB's Env idea) so that tests and demos fix the time instead of sleeping:
// `kontord --now=2026-11-28T09:00:00+01:00` freezes it at that instant.
#pragma once

#include <chrono>
#include <memory>
#include <string_view>

#include "kontor/model/date.hpp"
#include "kontor/result.hpp"

namespace kontor {

using TimePoint = std::chrono::time_point<std::chrono::system_clock, std::chrono::microseconds>;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
};

std::shared_ptr<Clock> system_clock();
std::shared_ptr<Clock> fixed_clock(TimePoint instant);

// ISO 8601 as operators write it: 2026-11-28, 2026-11-28T09:30, 2026-11-28T09:30:00Z,
// 2026-11-28T09:30:00+01:00. Without an offset the time is read in `zone` (IANA name).
Result<TimePoint> parse_instant(std::string_view text, std::string_view zone);

// "2026-11-28T08:30:00Z"
std::string format_instant(TimePoint instant);

// The calendar day `instant` falls on in `zone` (IANA name): "today" for the company.
Result<Date> local_date(TimePoint instant, std::string_view zone);

}  // namespace kontor
