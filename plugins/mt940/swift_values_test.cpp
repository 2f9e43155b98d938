#include "swift_values.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kontor::plugins::mt940 {
namespace {

using ::testing::HasSubstr;

Date day(int year, int month, int day) {
  return *Date::from_ymd(year, month, day);
}

TEST(SwiftValuesTest, TwoDigitYearsPivotAt1970) {
  EXPECT_EQ(full_year(2), 2002);
  EXPECT_EQ(full_year(69), 2069);
  EXPECT_EQ(full_year(70), 1970);
  EXPECT_EQ(full_year(99), 1999);
}

TEST(SwiftValuesTest, ThirtiethOfFebruaryIsTheMonthsLastDayAndFlagged) {
  Result<SwiftDate> leap = parse_yymmdd("160230");
  ASSERT_TRUE(leap.ok());
  EXPECT_EQ(leap->date, day(2016, 2, 29));
  EXPECT_TRUE(leap->clamped);
  EXPECT_EQ(parse_yymmdd("170230")->date, day(2017, 2, 28));
  EXPECT_EQ(parse_yymmdd("190431")->date, day(2019, 4, 30));
  EXPECT_FALSE(parse_yymmdd("190430")->clamped);
}

TEST(SwiftValuesTest, ImpossibleMonthsAndDaysAreErrors) {
  EXPECT_THAT(parse_yymmdd("362268").error().message, HasSubstr("no month 22"));
  EXPECT_THAT(parse_yymmdd("141300").error().message, HasSubstr("no month 13"));
  EXPECT_THAT(parse_yymmdd("140132").error().message, HasSubstr("no day 32"));
  EXPECT_THAT(parse_yymmdd("140100").error().message, HasSubstr("no day 0"));
  EXPECT_THAT(parse_yymmdd("14010").error().message, HasSubstr("expected a date YYMMDD"));
}

TEST(SwiftValuesTest, EntryDateRollsOverTheYearBoundary) {
  Result<EntryDate> previous = parse_entry_date("1229", day(2014, 1, 4));
  ASSERT_TRUE(previous.ok());
  EXPECT_EQ(previous->date, day(2013, 12, 29));
  EXPECT_EQ(previous->year_shift, -1);
  Result<EntryDate> next = parse_entry_date("0102", day(2019, 12, 31));
  EXPECT_EQ(next->date, day(2020, 1, 2));
  EXPECT_EQ(next->year_shift, 1);
  Result<EntryDate> same = parse_entry_date("0301", day(2016, 2, 29));
  EXPECT_EQ(same->date, day(2016, 3, 1));
  EXPECT_EQ(same->year_shift, 0);
}

TEST(SwiftValuesTest, AmountsInEveryWayBanksWriteThem) {
  const Currency eur = Currency::eur();
  EXPECT_EQ(parse_amount("500", eur)->money, Money(50000, eur));
  EXPECT_EQ(parse_amount("500,", eur)->money, Money(50000, eur));
  EXPECT_EQ(parse_amount("0,", eur)->money, Money(0, eur));
  EXPECT_EQ(parse_amount("000000000001,62", eur)->money, Money(162, eur));
  EXPECT_EQ(parse_amount("380115,1", eur)->money, Money(38011510, eur));
  Result<Amount> point = parse_amount("1147.95", eur);
  EXPECT_EQ(point->money, Money(114795, eur));
  EXPECT_TRUE(point->decimal_point);
  EXPECT_TRUE(parse_amount("1147,95", eur)->swift_format());
  EXPECT_TRUE(parse_amount("500", eur)->no_separator);
  EXPECT_FALSE(parse_amount("500", eur)->swift_format());
}

TEST(SwiftValuesTest, AmountsThatCannotBeReadAreErrors) {
  const Currency eur = Currency::eur();
  EXPECT_FALSE(parse_amount("", eur).ok());
  EXPECT_FALSE(parse_amount(",50", eur).ok());
  EXPECT_FALSE(parse_amount("11 27421,94", eur).ok());
  EXPECT_THAT(parse_amount("1,234", eur).error().message, HasSubstr("amount '1,234'"));
  EXPECT_EQ(parse_amount("1000,", *Currency::from_code("JPY"))->money.minor_units(), 1000);
}

TEST(SwiftValuesTest, BalancesAreSignedByTheirMark) {
  Result<Balance> credit = parse_balance("C160229EUR1200,00");
  ASSERT_TRUE(credit.ok());
  EXPECT_EQ(credit->amount, Money(120000, Currency::eur()));
  EXPECT_EQ(credit->date.date, day(2016, 2, 29));
  Result<Balance> debit = parse_balance("D070903EUR1234718,36");
  EXPECT_EQ(debit->amount.minor_units(), -123471836);
}

TEST(SwiftValuesTest, BalanceErrorsPointIntoTheValue) {
  Result<Balance> month = parse_balance("C141387INR11 27421,94");
  ASSERT_FALSE(month.ok());
  EXPECT_EQ(month.error().position, 2);
  Result<Balance> currency = parse_balance("C160229EU11200,00");
  EXPECT_EQ(currency.error().position, 8);
  Result<Balance> amount = parse_balance("C160229EUR12x0,00");
  EXPECT_EQ(amount.error().position, 13);
  EXPECT_THAT(parse_balance("Dnullnull7414,3").error().message, HasSubstr("YYMMDD"));
}

TEST(SwiftValuesTest, ABalanceWithoutCurrencyIsReadInTheGivenOne) {
  Result<Balance> balance = parse_balance("C020315105000,00", *Currency::from_code("CHF"));
  ASSERT_TRUE(balance.ok());
  EXPECT_TRUE(balance->currency_missing);
  EXPECT_EQ(balance->amount.minor_units(), 10500000);
  EXPECT_EQ(balance->amount.currency().code(), "CHF");
  EXPECT_FALSE(parse_balance("C020315EUR1,00")->currency_missing);
}

TEST(SwiftValuesTest, FloorLimitsWithAndWithoutMark) {
  Result<FloorLimit> marked = parse_floor_limit("EURD12345,67");
  ASSERT_TRUE(marked.ok());
  EXPECT_EQ(marked->mark, 'D');
  EXPECT_EQ(marked->amount.minor_units(), 1234567);
  Result<FloorLimit> plain = parse_floor_limit("PLN0");
  EXPECT_FALSE(plain->mark.has_value());
  EXPECT_EQ(plain->amount.currency().code(), "PLN");
}

TEST(SwiftValuesTest, SumsOfEntries) {
  Result<EntrySum> sum = parse_entry_sum("1EUR9792,00");
  ASSERT_TRUE(sum.ok());
  EXPECT_EQ(sum->count, 1);
  EXPECT_EQ(sum->amount.minor_units(), 979200);
  EXPECT_EQ(parse_entry_sum("0EUR0,00")->count, 0);
}

TEST(SwiftValuesTest, DateTimeWithUtcOffset) {
  EXPECT_EQ(*parse_date_time("1901091733+0100"), "2019-01-09T17:33+01:00");
  EXPECT_EQ(*parse_date_time("1610301730"), "2016-10-30T17:30");
  EXPECT_FALSE(parse_date_time("1901092533+0100").ok());
  EXPECT_FALSE(parse_date_time("1901091733+01").ok());
}

}  // namespace
}  // namespace kontor::plugins::mt940
