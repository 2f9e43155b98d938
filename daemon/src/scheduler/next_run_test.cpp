#include "scheduler/next_run.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "scheduler/scheduler_test_support.hpp"

namespace kontor::scheduler {
namespace {

using namespace testing;
using ::testing::ElementsAre;

CronExpression cron(std::string_view text) {
  auto parsed = CronExpression::parse(text);
  EXPECT_TRUE(parsed) << parsed.error().message;
  return std::move(parsed).value();
}

// The next `count` planned instants after `from`, as UTC text.
std::vector<std::string> runs(std::string_view expression, std::string_view zone_name,
                              std::string_view from, int count) {
  const CronExpression e = cron(expression);
  std::vector<std::string> out;
  TimePoint after = utc(from);
  for (int i = 0; i < count; ++i) {
    const auto next = next_after(e, after, zone(zone_name));
    if (!next) break;
    out.push_back(iso(*next));
    after = *next;
  }
  return out;
}

// Europe/Berlin 2026: CET -> CEST on 29 March at 02:00 (01:00Z), back on 25 October at 03:00
// CEST (01:00Z), so 02:00-02:59 does not exist in March and happens twice in October.
TEST(NextRun, BerlinDailyAt0230RunsAtThreeWhenTheClockSkipsTwoThirty) {
  EXPECT_THAT(runs("30 2 * * *", "Europe/Berlin", "2026-03-27T12:00:00Z", 3),
              ElementsAre("2026-03-28T01:30:00Z",    // 02:30 CET
                          "2026-03-29T01:00:00Z",    // 02:30 does not exist: 03:00 CEST
                          "2026-03-30T00:30:00Z"));  // 02:30 CEST
}

TEST(NextRun, BerlinDailyAt0230RunsOnceWhenTwoThirtyHappensTwice) {
  EXPECT_THAT(runs("30 2 * * *", "Europe/Berlin", "2026-10-23T12:00:00Z", 3),
              ElementsAre("2026-10-24T00:30:00Z",    // 02:30 CEST
                          "2026-10-25T00:30:00Z",    // first 02:30 (CEST); not 01:30Z (CET)
                          "2026-10-26T01:30:00Z"));  // 02:30 CET
  // Between the two 02:30s the next run is the next day's.
  EXPECT_THAT(runs("30 2 * * *", "Europe/Berlin", "2026-10-25T00:30:00Z", 1),
              ElementsAre("2026-10-26T01:30:00Z"));
}

TEST(NextRun, BerlinHourlyAcrossSpringForwardRunsOncePerRealHour) {
  EXPECT_THAT(runs("0 * * * *", "Europe/Berlin", "2026-03-28T23:30:00Z", 4),
              ElementsAre("2026-03-29T00:00:00Z",  // 01:00 CET
                          "2026-03-29T01:00:00Z",  // 02:00 (missing) and 03:00 CEST: once
                          "2026-03-29T02:00:00Z",  // 04:00 CEST
                          "2026-03-29T03:00:00Z"));
}

TEST(NextRun, BerlinHourlyAcrossFallBackSkipsTheRepeatedHour) {
  EXPECT_THAT(runs("0 * * * *", "Europe/Berlin", "2026-10-24T23:30:00Z", 3),
              ElementsAre("2026-10-25T00:00:00Z",  // 02:00 CEST
                          "2026-10-25T02:00:00Z",  // 03:00 CET; 02:00 CET was the 2nd 02:00
                          "2026-10-25T03:00:00Z"));
}

TEST(NextRun, BerlinEveryQuarterHourInTheGapCollapsesIntoOneRun) {
  EXPECT_THAT(runs("*/15 2 * * *", "Europe/Berlin", "2026-03-28T12:00:00Z", 5),
              ElementsAre("2026-03-29T01:00:00Z",  // 02:00-02:45 do not exist: once at 03:00
                          "2026-03-30T00:00:00Z", "2026-03-30T00:15:00Z", "2026-03-30T00:30:00Z",
                          "2026-03-30T00:45:00Z"));
}

// America/New_York 2026: EST -> EDT on 8 March at 02:00 (07:00Z); back on 1 November at 02:00
// EDT (06:00Z), so 01:00-01:59 happens twice.
TEST(NextRun, NewYorkDailyAt0230AcrossBothChanges) {
  EXPECT_THAT(runs("30 2 * * *", "America/New_York", "2026-03-06T12:00:00Z", 3),
              ElementsAre("2026-03-07T07:30:00Z",    // 02:30 EST
                          "2026-03-08T07:00:00Z",    // 02:30 does not exist: 03:00 EDT
                          "2026-03-09T06:30:00Z"));  // 02:30 EDT
  EXPECT_THAT(runs("30 2 * * *", "America/New_York", "2026-10-30T12:00:00Z", 3),
              ElementsAre("2026-10-31T06:30:00Z",  // 02:30 EDT
                          "2026-11-01T07:30:00Z",  // 02:30 EST, once
                          "2026-11-02T07:30:00Z"));
}

TEST(NextRun, NewYorkDailyAt0130RunsAtTheFirstOfTheTwoOneThirties) {
  EXPECT_THAT(runs("30 1 * * *", "America/New_York", "2026-10-30T12:00:00Z", 3),
              ElementsAre("2026-10-31T05:30:00Z",    // 01:30 EDT
                          "2026-11-01T05:30:00Z",    // first 01:30 (EDT), not 06:30Z (EST)
                          "2026-11-02T06:30:00Z"));  // 01:30 EST
}

TEST(NextRun, NewYorkHourlyAcrossBothChanges) {
  EXPECT_THAT(runs("0 * * * *", "America/New_York", "2026-03-08T05:30:00Z", 3),
              ElementsAre("2026-03-08T06:00:00Z",    // 01:00 EST
                          "2026-03-08T07:00:00Z",    // 02:00 (missing) and 03:00 EDT: once
                          "2026-03-08T08:00:00Z"));  // 04:00 EDT
  EXPECT_THAT(runs("0 * * * *", "America/New_York", "2026-11-01T04:30:00Z", 3),
              ElementsAre("2026-11-01T05:00:00Z",  // 01:00 EDT
                          "2026-11-01T07:00:00Z",  // 02:00 EST; 01:00 EST was the 2nd 01:00
                          "2026-11-01T08:00:00Z"));
}

TEST(NextRun, LastDayOfEachMonth) {
  EXPECT_THAT(runs("0 9 L * *", "UTC", "2026-01-15T00:00:00Z", 4),
              ElementsAre("2026-01-31T09:00:00Z", "2026-02-28T09:00:00Z", "2026-03-31T09:00:00Z",
                          "2026-04-30T09:00:00Z"));
  EXPECT_THAT(runs("0 9 L 2 *", "UTC", "2027-03-01T00:00:00Z", 1),
              ElementsAre("2028-02-29T09:00:00Z"));
}

TEST(NextRun, TheThirtyFirstSkipsShortMonths) {
  EXPECT_THAT(runs("0 9 31 * *", "Europe/Berlin", "2026-01-01T00:00:00Z", 7),
              ElementsAre("2026-01-31T08:00:00Z", "2026-03-31T07:00:00Z", "2026-05-31T07:00:00Z",
                          "2026-07-31T07:00:00Z", "2026-08-31T07:00:00Z", "2026-10-31T08:00:00Z",
                          "2026-12-31T08:00:00Z"));
}

TEST(NextRun, LeapDayComesEveryFourYears) {
  EXPECT_THAT(runs("0 0 29 2 *", "UTC", "2026-01-01T00:00:00Z", 2),
              ElementsAre("2028-02-29T00:00:00Z", "2032-02-29T00:00:00Z"));
  // 2100 is not a leap year.
  EXPECT_THAT(runs("0 0 29 2 *", "UTC", "2096-03-01T00:00:00Z", 1),
              ElementsAre("2104-02-29T00:00:00Z"));
}

TEST(NextRun, RarestDaysAreFoundWithoutAHang) {
  // 29 February on a Sunday (the day-of-week field starts with a star: both must match).
  EXPECT_THAT(runs("0 0 29 2 */7", "UTC", "2026-01-01T00:00:00Z", 1),
              ElementsAre("2032-02-29T00:00:00Z"));
}

TEST(NextRun, NamesAndSteps) {
  // 2026-04-03 is a Friday.
  EXPECT_THAT(runs("*/20 8-9 * apr FRI", "UTC", "2026-04-01T00:00:00Z", 7),
              ElementsAre("2026-04-03T08:00:00Z", "2026-04-03T08:20:00Z", "2026-04-03T08:40:00Z",
                          "2026-04-03T09:00:00Z", "2026-04-03T09:20:00Z", "2026-04-03T09:40:00Z",
                          "2026-04-10T08:00:00Z"));
}

TEST(NextRun, EitherDayRuleWhenBothDayFieldsAreRestricted) {
  // April 2026: Fridays 3, 10, 17, 24; the 13th is a Monday.
  EXPECT_THAT(runs("0 12 13 * FRI", "UTC", "2026-04-01T00:00:00Z", 6),
              ElementsAre("2026-04-03T12:00:00Z", "2026-04-10T12:00:00Z", "2026-04-13T12:00:00Z",
                          "2026-04-17T12:00:00Z", "2026-04-24T12:00:00Z", "2026-05-01T12:00:00Z"));
}

TEST(NextRun, IsStrictlyAfterTheGivenInstant) {
  EXPECT_THAT(runs("0 6 * * *", "UTC", "2026-11-28T06:00:00Z", 1),
              ElementsAre("2026-11-29T06:00:00Z"));
  EXPECT_THAT(runs("0 6 * * *", "UTC", "2026-11-28T05:59:59Z", 1),
              ElementsAre("2026-11-28T06:00:00Z"));
}

// splitmix64: the same "random" start instants in every run.
std::uint64_t mix(std::uint64_t i) {
  std::uint64_t z = i + 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

TEST(NextRun, AgreesWithAMinuteByMinuteScan) {
  const char* expressions[] = {"30 2 * * *",       "0 * * * *",          "*/7 1-3 * * *",
                               "15 1,2,3 * * SUN", "0 0 L * *",          "0 12 13 * FRI",
                               "59 23 31 * *",     "0 9 * 3,10 MON-FRI", "*/30 * 1 * *"};
  const char* zones[] = {"Europe/Berlin", "America/New_York", "UTC", "Australia/Lord_Howe"};
  const TimePoint base = utc("2026-01-01T00:00:00Z");
  int compared = 0;
  for (const char* text : expressions) {
    const CronExpression e = cron(text);
    for (const char* name : zones) {
      for (std::uint64_t k = 0; k < 6; ++k) {
        // Spread over two years, at any second.
        TimePoint after = base + std::chrono::seconds(mix(k * 97 + compared) % (2 * 366 * 86400));
        for (int step = 0; step < 3; ++step) {
          const auto fast = next_after(e, after, zone(name));
          const auto slow = next_after_minute_by_minute(e, after, zone(name));
          ASSERT_TRUE(fast && slow) << text << " in " << name;
          ASSERT_EQ(iso(*fast), iso(*slow)) << text << " in " << name << " after " << iso(after);
          after = *fast;
          ++compared;
        }
      }
    }
  }
  EXPECT_EQ(compared, 9 * 4 * 6 * 3);
}

TEST(NextRun, AgreesWithTheScanAroundEveryChangeOfTheClock) {
  const char* expressions[] = {"30 2 * * *", "0 * * * *", "*/10 * * * *", "30 1 * * *",
                               "0 3 * * *"};
  const std::pair<const char*, const char*> changes[] = {
      {"Europe/Berlin", "2026-03-29T01:00:00Z"},
      {"Europe/Berlin", "2026-10-25T01:00:00Z"},
      {"America/New_York", "2026-03-08T07:00:00Z"},
      {"America/New_York", "2026-11-01T06:00:00Z"}};
  for (const char* text : expressions) {
    const CronExpression e = cron(text);
    for (const auto& [name, change] : changes) {
      // Every 10 minutes from 3 hours before the change to 3 hours after.
      for (int m = -180; m <= 180; m += 10) {
        const TimePoint after = utc(change) + std::chrono::minutes(m);
        const auto fast = next_after(e, after, zone(name));
        const auto slow = next_after_minute_by_minute(e, after, zone(name));
        ASSERT_TRUE(fast && slow);
        ASSERT_EQ(iso(*fast), iso(*slow)) << text << " in " << name << " after " << iso(after);
      }
    }
  }
}

}  // namespace
}  // namespace kontor::scheduler
