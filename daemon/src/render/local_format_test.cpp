// Tests: amounts, dates and rates as a German and an English reader expect them, exactly.

#include "render/local_format.hpp"

#include <gtest/gtest.h>

namespace kontor::render {
namespace {

Money eur(std::int64_t cents) {
  return Money(cents, Currency::eur());
}
Money in(std::string_view code, std::int64_t minor) {
  return Money(minor, Currency::from_code(code).value());
}
Date date(int year, int month, int day) {
  return Date::from_ymd(year, month, day).value();
}
Decimal percent(std::int64_t units, int scale) {
  return Decimal::from_units(units, scale).value();
}

TEST(LocalFormat, GermanIsChosenForDeAndItsRegions) {
  EXPECT_EQ(local_style("de"), LocalStyle::german);
  EXPECT_EQ(local_style("de-AT"), LocalStyle::german);
  EXPECT_EQ(local_style("en"), LocalStyle::english);
  EXPECT_EQ(local_style("fr"), LocalStyle::english);
  EXPECT_EQ(local_style("dev"), LocalStyle::english);
  EXPECT_EQ(local_style(""), LocalStyle::english);
}

TEST(LocalFormat, GermanAmountsGroupThousandsWithAPointAndEndInTheEuroSign) {
  EXPECT_EQ(format_amount(eur(123456), LocalStyle::german), "1.234,56 €");
  EXPECT_EQ(format_amount(eur(-500), LocalStyle::german), "-5,00 €");
  EXPECT_EQ(format_amount(eur(7), LocalStyle::german), "0,07 €");
  EXPECT_EQ(format_amount(eur(123456789012), LocalStyle::german), "1.234.567.890,12 €");
}

TEST(LocalFormat, EnglishAmountsLeadWithTheCurrencyCode) {
  EXPECT_EQ(format_amount(eur(123456), LocalStyle::english), "EUR 1,234.56");
  EXPECT_EQ(format_amount(eur(-500), LocalStyle::english), "EUR -5.00");
}

TEST(LocalFormat, OtherCurrenciesAreWrittenByCodeWithTheirOwnMinorDigits) {
  EXPECT_EQ(format_amount(in("USD", 123456), LocalStyle::german), "1.234,56 USD");
  EXPECT_EQ(format_amount(in("JPY", 1234), LocalStyle::german), "1.234 JPY");
  EXPECT_EQ(format_amount(in("KWD", 1234567), LocalStyle::english), "KWD 1,234.567");
}

TEST(LocalFormat, TheLargestAmountIsWrittenWithoutOverflow) {
  EXPECT_EQ(format_amount(eur(INT64_MIN), LocalStyle::german), "-92.233.720.368.547.758,08 €");
}

TEST(LocalFormat, GermanDatesAreNumericWithLeadingZeros) {
  EXPECT_EQ(format_date(date(2026, 11, 28), LocalStyle::german), "28.11.2026");
  EXPECT_EQ(format_date(date(2027, 1, 5), LocalStyle::german), "05.01.2027");
}

TEST(LocalFormat, EnglishDatesNameTheMonth) {
  EXPECT_EQ(format_date(date(2026, 11, 28), LocalStyle::english), "28 November 2026");
  EXPECT_EQ(format_date(date(2027, 1, 5), LocalStyle::english), "5 January 2027");
}

TEST(LocalFormat, PercentKeepsEveryDigitOfTheRate) {
  EXPECT_EQ(format_percent(percent(927, 2), LocalStyle::german), "9,27 %");
  EXPECT_EQ(format_percent(percent(927, 2), LocalStyle::english), "9.27%");
  EXPECT_EQ(format_percent(percent(5, 0), LocalStyle::german), "5 %");
  EXPECT_EQ(format_percent(percent(-88, 2), LocalStyle::german), "-0,88 %");
}

}  // namespace
}  // namespace kontor::render
