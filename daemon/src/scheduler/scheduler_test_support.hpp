// Shared by the scheduler's tests: a clock the test moves by hand, instants written as text,
// and the zones the DST tests use.
#pragma once

#include <date/tz.h>
#include <gtest/gtest.h>

#include <string>

#include "common/clock.hpp"

namespace kontor::scheduler::testing {

class ManualClock final : public Clock {
 public:
  explicit ManualClock(TimePoint start) : now_(start) {}
  TimePoint now() const override { return now_; }
  void set(TimePoint instant) { now_ = instant; }
  void advance(std::chrono::microseconds by) { now_ += by; }

 private:
  TimePoint now_;
};

// "2026-03-29T01:00:00Z" (or a local time read in UTC).
inline TimePoint utc(std::string_view text) {
  auto instant = parse_instant(text, "UTC");
  EXPECT_TRUE(instant) << instant.error().message;
  return instant ? *instant : TimePoint{};
}

inline std::string iso(TimePoint instant) {
  return format_instant(instant);
}

inline const date::time_zone* zone(std::string_view name) {
  return date::locate_zone(std::string(name));
}

}  // namespace kontor::scheduler::testing
