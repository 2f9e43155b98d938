#include "kontor/model/date.hpp"

#include <gtest/gtest.h>

namespace kontor {
namespace {

Date day(std::string_view iso) {
  return *Date::parse_iso(iso);
}

TEST(Date, ParsesAndFormatsIso) {
  const Date date = day("2026-03-01");
  EXPECT_EQ(date.year(), 2026);
  EXPECT_EQ(date.month(), 3);
  EXPECT_EQ(date.day(), 1);
  EXPECT_EQ(date.to_iso(), "2026-03-01");
  EXPECT_EQ(day("0001-01-01").to_iso(), "0001-01-01");
  EXPECT_EQ(day("2024-02-29").to_iso(), "2024-02-29");
}

TEST(DateRejects, ThirtiethOfFebruaryWithAClearMessage) {
  Result<Date> result = Date::parse_iso("2024-02-30");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().position, 9);
  EXPECT_NE(result.error().message.find("February 2024 has 29 days"), std::string::npos)
      << result.error().message;
  EXPECT_FALSE(Date::parse_iso("2023-02-29"));  // not a leap year
  EXPECT_FALSE(Date::parse_iso("1900-02-29"));  // century, not a leap year
  EXPECT_TRUE(Date::parse_iso("2000-02-29"));   // divisible by 400
  EXPECT_FALSE(Date::from_ymd(2026, 4, 31));
}

TEST(DateRejects, TextThatIsNotYearMonthDay) {
  struct Case {
    const char* text;
    std::int64_t position;
    const char* words;
  };
  for (const Case& c : {Case{"2026-3-01", 1, "10 characters"}, Case{"01.03.2026", 3, "found '.'"},
                        Case{"2026/03/01", 5, "expected '-' at position 5"},
                        Case{"2026-13-01", 6, "month 13"}, Case{"2026-00-10", 6, "month 0"},
                        Case{"2026-01-00", 9, "day 0"}, Case{"0000-01-01", 1, "year 0"},
                        Case{"2026-01-0x", 10, "found 'x'"}, Case{"", 1, "found 0 characters"}}) {
    Result<Date> result = Date::parse_iso(c.text);
    ASSERT_FALSE(result) << c.text;
    EXPECT_EQ(result.error().position, c.position) << result.error().message;
    EXPECT_NE(result.error().message.find(c.words), std::string::npos) << result.error().message;
  }
}

TEST(Date, CountsDaysBetween) {
  EXPECT_EQ(days_between(day("2026-02-28"), day("2026-03-01")), 1);
  EXPECT_EQ(days_between(day("2024-02-28"), day("2024-03-01")), 2);
  EXPECT_EQ(days_between(day("2026-01-01"), day("2027-01-01")), 365);
  EXPECT_EQ(days_between(day("2024-01-01"), day("2025-01-01")), 366);
  EXPECT_EQ(days_between(day("2026-03-01"), day("2026-02-28")), -1);
  EXPECT_EQ(day("1970-01-01").days_since_epoch(), 0);
  EXPECT_EQ(*Date::from_days_since_epoch(day("2026-11-28").days_since_epoch()), day("2026-11-28"));
}

TEST(Date, AddsDaysAcrossMonthsAndYears) {
  EXPECT_EQ(*day("2026-12-31").add_days(1), day("2027-01-01"));
  EXPECT_EQ(*day("2024-03-01").add_days(-1), day("2024-02-29"));
  EXPECT_EQ(*day("2026-01-15").add_days(30), day("2026-02-14"));
  EXPECT_FALSE(day("9999-12-31").add_days(1));
  EXPECT_FALSE(day("0001-01-01").add_days(-1));
}

TEST(Date, AddsMonthsClampingToMonthEnd) {
  EXPECT_EQ(*day("2026-01-31").add_months(1), day("2026-02-28"));
  EXPECT_EQ(*day("2024-01-31").add_months(1), day("2024-02-29"));
  EXPECT_EQ(*day("2024-02-29").add_months(12), day("2025-02-28"));
  EXPECT_EQ(*day("2026-03-31").add_months(-1), day("2026-02-28"));
  EXPECT_EQ(*day("2026-11-15").add_months(3), day("2027-02-15"));
  EXPECT_EQ(*day("2026-01-15").add_months(-13), day("2024-12-15"));
  EXPECT_FALSE(day("9999-12-01").add_months(1));
}

TEST(Date, KnowsTheWeekday) {
  EXPECT_EQ(day("1970-01-01").weekday(), Weekday::thursday);
  EXPECT_EQ(day("2026-11-28").weekday(), Weekday::saturday);
  EXPECT_TRUE(day("2026-11-29").is_weekend());
  EXPECT_EQ(day("2026-11-30").weekday(), Weekday::monday);
  EXPECT_EQ(day("1969-12-31").weekday(), Weekday::wednesday);
  EXPECT_FALSE(day("2026-11-27").is_weekend());
}

TEST(Date, OrdersChronologically) {
  EXPECT_LT(day("2025-12-31"), day("2026-01-01"));
  EXPECT_LT(day("2026-01-31"), day("2026-02-01"));
  EXPECT_EQ(Date(), day("1970-01-01"));
}

}  // namespace
}  // namespace kontor
