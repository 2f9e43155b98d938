#include "statements/statement_period.hpp"

#include <gtest/gtest.h>

namespace kontor::statements {
namespace {

Date day(std::string_view iso) {
  return *Date::parse_iso(iso);
}

TEST(StatementPeriod, AMonthRunsFromItsFirstToItsLastDay) {
  Result<StatementPeriod> february = StatementPeriod::parse("2028-02");
  ASSERT_TRUE(february) << february.error().message;
  EXPECT_EQ(february->first, day("2028-02-01"));
  EXPECT_EQ(february->last, day("2028-02-29"));
  EXPECT_EQ(february->text(), "2028-02");
  EXPECT_EQ(StatementPeriod::parse("2026-12")->last, day("2026-12-31"));
}

TEST(StatementPeriod, AnythingButYearHyphenMonthIsRefusedWithTheExpectedForm) {
  for (const char* text : {"2026-13", "2026-00", "2026-1", "26-10", "2026/10", "2026-10-01", "",
                           "abcd-ef", "2026-1x"}) {
    Result<StatementPeriod> period = StatementPeriod::parse(text);
    ASSERT_FALSE(period) << text;
    EXPECT_NE(period.error().message.find("YYYY-MM"), std::string::npos) << text;
  }
}

TEST(StatementPeriod, ARunCoversTheLastWholeMonthBeforeItsDay) {
  EXPECT_EQ(StatementPeriod::month_before(day("2026-11-01")).text(), "2026-10");
  EXPECT_EQ(StatementPeriod::month_before(day("2026-11-29")).text(), "2026-10");
  EXPECT_EQ(StatementPeriod::month_before(day("2027-01-01")).text(), "2026-12");
  EXPECT_EQ(StatementPeriod::month_before(day("2027-01-01")).last, day("2026-12-31"));
}

}  // namespace
}  // namespace kontor::statements
