#include "common/clock.hpp"

#include <gtest/gtest.h>

namespace kontor {
namespace {

TEST(Clock, ReadsOffsetsAndUtc) {
  EXPECT_EQ(format_instant(*parse_instant("2026-11-28T09:30:00+01:00", "UTC")),
            "2026-11-28T08:30:00Z");
  EXPECT_EQ(format_instant(*parse_instant("2026-11-28T09:30:00Z", "Europe/Berlin")),
            "2026-11-28T09:30:00Z");
}

TEST(Clock, LocalTimesAreReadInTheGivenZoneAcrossDst) {
  EXPECT_EQ(format_instant(*parse_instant("2026-07-01T12:00", "Europe/Berlin")),
            "2026-07-01T10:00:00Z");
  EXPECT_EQ(format_instant(*parse_instant("2026-12-01", "Europe/Berlin")), "2026-11-30T23:00:00Z");
}

TEST(Clock, RejectsWhatIsNotATime) {
  EXPECT_FALSE(parse_instant("28.11.2026", "UTC").ok());
  EXPECT_EQ(parse_instant("2026-02-30", "UTC").error().message,
            "'2026-02-30' is not a calendar date");
  EXPECT_EQ(parse_instant("2026-02-03T25:00", "UTC").error().message,
            "'2026-02-03T25:00' is not a time of day");
}

TEST(Clock, FixedClockStaysPut) {
  auto instant = *parse_instant("2026-11-28T09:00:00Z", "UTC");
  auto clock = fixed_clock(instant);
  EXPECT_EQ(clock->now(), instant);
  EXPECT_EQ(clock->now(), instant);
}

}  // namespace
}  // namespace kontor
