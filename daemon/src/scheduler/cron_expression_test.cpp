#include "scheduler/cron_expression.hpp"

#include <gtest/gtest.h>

namespace kontor::scheduler {
namespace {

using namespace date::literals;

std::uint64_t bits(std::initializer_list<int> values) {
  std::uint64_t out = 0;
  for (int v : values) out |= std::uint64_t{1} << v;
  return out;
}

CronFields fields_of(std::string_view text) {
  auto parsed = CronExpression::parse(text);
  EXPECT_TRUE(parsed) << text << ": " << parsed.error().message;
  return parsed ? parsed->fields() : CronFields{};
}

bool runs_on(std::string_view text, date::year_month_day day) {
  auto parsed = CronExpression::parse(text);
  EXPECT_TRUE(parsed) << parsed.error().message;
  return parsed && parsed->matches_day(day);
}

TEST(CronExpression, ReadsNumbersRangesListsAndSteps) {
  const CronFields f = fields_of("*/15 9-17 1,15,20-22 * MON-FRI");
  EXPECT_EQ(f.minutes, bits({0, 15, 30, 45}));
  EXPECT_EQ(f.hours, bits({9, 10, 11, 12, 13, 14, 15, 16, 17}));
  EXPECT_EQ(f.days, bits({1, 15, 20, 21, 22}));
  EXPECT_EQ(f.months, bits({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}) & 0xFFFF);
  EXPECT_EQ(f.weekdays, bits({1, 2, 3, 4, 5}));
  EXPECT_FALSE(f.any_day_of_month);
  EXPECT_FALSE(f.any_day_of_week);
  EXPECT_EQ(fields_of("0 8-18/4 * * *").hours, bits({8, 12, 16}));
  EXPECT_EQ(fields_of("5,*/20 * * * *").minutes, bits({0, 5, 20, 40}));
  EXPECT_EQ(fields_of("\t0  6 * *   *  ").hours, bits({6}));
}

TEST(CronExpression, NamesAreCaseInsensitiveAndSundayIsZeroOrSeven) {
  EXPECT_EQ(fields_of("0 0 1 jan,Jul,DEC *").months, bits({1, 7, 12}));
  EXPECT_EQ(fields_of("0 0 1 FEB-apr *").months, bits({2, 3, 4}));
  EXPECT_EQ(fields_of("0 0 * * sun").weekdays, bits({0}));
  EXPECT_EQ(fields_of("0 0 * * 0").weekdays, bits({0}));
  EXPECT_EQ(fields_of("0 0 * * 7").weekdays, bits({0}));
  EXPECT_EQ(fields_of("0 0 * * FRI-7").weekdays, bits({0, 5, 6}));
  EXPECT_EQ(fields_of("0 0 * * */2").weekdays, bits({0, 2, 4, 6}));
}

TEST(CronExpression, LastDayOfTheMonth) {
  EXPECT_TRUE(runs_on("0 9 L * *", 2026_y / date::February / 28));
  EXPECT_FALSE(runs_on("0 9 L * *", 2028_y / date::February / 28));
  EXPECT_TRUE(runs_on("0 9 L * *", 2028_y / date::February / 29));
  EXPECT_TRUE(runs_on("0 9 L * *", 2026_y / date::April / 30));
  EXPECT_FALSE(runs_on("0 9 L * *", 2026_y / date::April / 29));
  EXPECT_TRUE(runs_on("0 9 1,L * *", 2026_y / date::April / 1));
}

// 2026-04-13 is a Monday, 2026-04-17 a Friday.
TEST(CronExpression, DayOfMonthOrDayOfWeekWhenBothAreRestricted) {
  EXPECT_TRUE(runs_on("0 12 13 * FRI", 2026_y / date::April / 13));
  EXPECT_TRUE(runs_on("0 12 13 * FRI", 2026_y / date::April / 17));
  EXPECT_FALSE(runs_on("0 12 13 * FRI", 2026_y / date::April / 14));
}

TEST(CronExpression, DayOfMonthAndDayOfWeekWhenOneStartsWithAStar) {
  EXPECT_TRUE(runs_on("0 12 * * FRI", 2026_y / date::April / 17));
  EXPECT_FALSE(runs_on("0 12 * * FRI", 2026_y / date::April / 13));
  EXPECT_TRUE(runs_on("0 12 13 * *", 2026_y / date::April / 13));
  // `*/2` is still a star (Vixie cron): odd days that are Mondays.
  EXPECT_TRUE(runs_on("0 12 */2 * MON", 2026_y / date::April / 13));
  EXPECT_FALSE(runs_on("0 12 */2 * MON", 2026_y / date::April / 6));
  EXPECT_FALSE(runs_on("0 12 */2 * MON", 2026_y / date::April / 15));
}

TEST(CronExpression, MonthsOutsideTheFieldNeverMatch) {
  EXPECT_FALSE(runs_on("0 0 1 1-6 *", 2026_y / date::July / 1));
  EXPECT_TRUE(runs_on("0 0 1 1-6 *", 2026_y / date::June / 1));
}

struct BadExpression {
  const char* text;
  std::int64_t position;
  const char* message;
};

class BadExpressionTest : public ::testing::TestWithParam<BadExpression> {};

TEST_P(BadExpressionTest, SaysWhatWasExpectedAndWhere) {
  auto parsed = CronExpression::parse(GetParam().text);
  ASSERT_FALSE(parsed) << GetParam().text;
  EXPECT_EQ(parsed.error().message, GetParam().message);
  EXPECT_EQ(parsed.error().position, GetParam().position);
}

INSTANTIATE_TEST_SUITE_P(
    Table, BadExpressionTest,
    ::testing::Values(
        BadExpression{"", 0,
                      "expected 5 fields (minute hour day-of-month month day-of-week), found 0 "
                      "in ''"},
        BadExpression{"daily", 0,
                      "expected 5 fields (minute hour day-of-month month day-of-week), found 1 "
                      "in 'daily'"},
        BadExpression{"0 6 * * 1-5 2026", 12,
                      "expected 5 fields (minute hour day-of-month month day-of-week), found 6 "
                      "in '0 6 * * 1-5 2026'"},
        BadExpression{"60 * * * *", 0, "minute: expected a number from 0 to 59, found '60'"},
        BadExpression{"0 24 * * *", 2, "hour: expected a number from 0 to 23, found '24'"},
        BadExpression{"0 9-25 * * *", 4, "hour: expected a number from 0 to 23, found '25'"},
        BadExpression{"0 0 0 * *", 4,
                      "day of month: expected a number from 1 to 31 or L, found '0'"},
        BadExpression{"0 0 * 13 *", 6,
                      "month: expected a number from 1 to 12 or a name JAN-DEC, found '13'"},
        BadExpression{"0 0 * JAM *", 6,
                      "month: expected a number from 1 to 12 or a name JAN-DEC, found 'JAM'"},
        BadExpression{"0 0 * * 8", 8,
                      "day of week: expected a number from 0 to 7 or a name SUN-SAT, found '8'"},
        BadExpression{"0 0 * * MONDAY", 8,
                      "day of week: expected a number from 0 to 7 or a name SUN-SAT, found "
                      "'MONDAY'"},
        BadExpression{"0 0 * * L", 8,
                      "day of week: expected a number from 0 to 7 or a name SUN-SAT, found 'L'"},
        BadExpression{"0 0 LW * *", 4,
                      "day of month: expected a number from 1 to 31 or L, found 'LW'"},
        BadExpression{"0 0 L-3 * *", 5,
                      "day of month: expected ',' between values or the end of the field, found "
                      "'-3'"},
        BadExpression{"0 17-9 * * *", 2,
                      "hour: expected a range from low to high such as 1-5, found '17-9'"},
        BadExpression{"*/0 * * * *", 2,
                      "minute: expected a step from 1 to 60 after '/', found '0'"},
        BadExpression{"*/ * * * *", 2,
                      "minute: expected a step from 1 to 60 after '/', found "
                      "nothing"},
        BadExpression{"5/15 * * * *", 0,
                      "minute: expected '*' or a range before a step ('*/n' or 'a-b/n'), found "
                      "'5/15'"},
        BadExpression{"1,,2 * * * *", 2, "minute: expected a number from 0 to 59, found nothing"},
        BadExpression{"0 0 ? * *", 4,
                      "day of month: expected a number from 1 to 31 or L, found '?'"},
        BadExpression{"00000000001 * * * *", 0,
                      "minute: expected a number from 0 to 59, found '00000000001'"},
        BadExpression{"0 0 30 2 *", 4,
                      "day of month: expected a day that occurs in the selected months (February "
                      "has at most 29 days), found '30'"},
        BadExpression{"0 0 31 4,6,9,11 *", 4,
                      "day of month: expected a day that occurs in the selected months (April has "
                      "at most 30 days), found '31'"}));

TEST(CronExpression, ADayThatOccursOnlyInSomeSelectedMonthsOrOnSomeWeekdaysIsFine) {
  EXPECT_TRUE(CronExpression::parse("0 0 31 2,3 *"));
  EXPECT_TRUE(CronExpression::parse("0 0 29 2 *"));
  EXPECT_TRUE(CronExpression::parse("0 0 30 2 MON"));  // either rule: every Monday in February
  EXPECT_TRUE(CronExpression::parse("0 0 L 2 *"));
}

}  // namespace
}  // namespace kontor::scheduler
