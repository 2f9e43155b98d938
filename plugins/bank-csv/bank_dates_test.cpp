#include "bank_dates.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kontor::plugins::bank_csv {
namespace {

using ::testing::HasSubstr;

std::string iso(std::string_view text, DateFormat format = DateFormat::automatic) {
  auto reading = read_date(text, format);
  return reading ? reading->date.to_iso() : "error: " + reading.error().message;
}

TEST(BankDates, GermanDatesWithFourOrTwoDigitYearsAndIso) {
  EXPECT_EQ(iso("05.12.2025"), "2025-12-05");
  EXPECT_EQ(iso("08.12.25"), "2025-12-08");
  EXPECT_EQ(iso("1.2.2024"), "2024-02-01");
  EXPECT_EQ(iso("2025-12-05"), "2025-12-05");
  EXPECT_EQ(iso(" 28.03.18 "), "2018-03-28");
}

TEST(BankDates, TwoDigitYearsFrom70AreLastCentury) {
  EXPECT_EQ(iso("31.12.69"), "2069-12-31");
  EXPECT_EQ(iso("01.01.70"), "1970-01-01");
}

TEST(BankDates, ThirtiethOfFebruaryIsTheMonthsLastDayAndMarked) {
  auto reading = read_date("30.02.2025", DateFormat::automatic);
  ASSERT_TRUE(reading);
  EXPECT_EQ(reading->date.to_iso(), "2025-02-28");
  EXPECT_TRUE(reading->clamped);
  EXPECT_EQ(iso("31.04.2024"), "2024-04-30");
  EXPECT_FALSE(read_date("29.02.2024", DateFormat::automatic)->clamped);
}

TEST(BankDates, NoMonthThirteenNorDayThirtyTwo) {
  EXPECT_THAT(iso("32.01.2025"), HasSubstr("not a date"));
  EXPECT_THAT(iso("01.13.2025"), HasSubstr("not a date"));
  EXPECT_THAT(iso("00.01.2025"), HasSubstr("not a date"));
}

TEST(BankDates, AConfiguredFormatIsTheOnlyOneRead) {
  EXPECT_THAT(iso("05.12.2025", DateFormat::dmy2), HasSubstr("DD.MM.YY)"));
  EXPECT_THAT(iso("05.12.25", DateFormat::dmy4), HasSubstr("DD.MM.YYYY"));
  EXPECT_THAT(iso("05.12.2025", DateFormat::iso), HasSubstr("YYYY-MM-DD"));
  EXPECT_EQ(iso("2025-12-05", DateFormat::iso), "2025-12-05");
}

TEST(BankDates, TextThatIsNoDate) {
  EXPECT_THAT(iso("Vorgemerkt"), HasSubstr("not a date"));
  EXPECT_THAT(iso("05.12.025"), HasSubstr("not a date"));
  EXPECT_THAT(iso("2025-1-05"), HasSubstr("not a date"));
  EXPECT_THAT(iso(""), HasSubstr("not a date"));
}

TEST(BankDates, GermanDateShape) {
  EXPECT_TRUE(looks_like_german_date("03.11.2025"));
  EXPECT_TRUE(looks_like_german_date("3.11.25"));
  EXPECT_FALSE(looks_like_german_date("2025-11-03"));
  EXPECT_FALSE(looks_like_german_date("Buchung"));
}

}  // namespace
}  // namespace kontor::plugins::bank_csv
