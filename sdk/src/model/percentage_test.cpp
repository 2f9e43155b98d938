#include "kontor/model/percentage.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace kontor {
namespace {

Money eur(std::int64_t cents) {
  return Money(cents, Currency::eur());
}
Decimal rate(std::string_view text) {
  return *Decimal::parse(text);
}

TEST(PercentOf, SkontoRoundsCommerciallyToTheCent) {
  EXPECT_EQ(*percent_of(eur(11999), rate("2")), eur(240));  // 2.3998
  EXPECT_EQ(*percent_of(eur(10000), rate("3")), eur(300));
  EXPECT_EQ(*percent_of(eur(12345), rate("19")), eur(2346));  // 23.4555
}

TEST(PercentOf, HalfAwayFromZero) {
  EXPECT_EQ(*percent_of(eur(50), rate("1")), eur(1));    // 0.50 cent → 1 cent
  EXPECT_EQ(*percent_of(eur(49), rate("1")), eur(0));    // 0.49 cent → 0
  EXPECT_EQ(*percent_of(eur(-50), rate("1")), eur(-1));  // -0.50 cent → -1 cent
  EXPECT_EQ(*percent_of(eur(-49), rate("1")), eur(0));
  EXPECT_EQ(*percent_of(eur(150), rate("-1")), eur(-2));  // -1.5 cent → -2 cent
}

TEST(PercentOf, ExactWithLongRates) {
  // 1 % of the largest amount is exact in 128 bits.
  EXPECT_EQ(*percent_of(eur(9223372036854775807), rate("1")), eur(92233720368547758));
  EXPECT_FALSE(percent_of(eur(9223372036854775807), rate("200")));
}

TEST(NetOfGross, GrossWithVatGivesTheNetRoundedCommercially) {
  EXPECT_EQ(*net_of_gross(eur(11900), rate("19")), eur(10000));
  EXPECT_EQ(*net_of_gross(eur(1000), rate("19")), eur(840));  // 8.4033…
  EXPECT_EQ(*net_of_gross(eur(10700), rate("7")), eur(10000));
  EXPECT_EQ(*net_of_gross(eur(107), rate("7")), eur(100));
  EXPECT_EQ(*net_of_gross(eur(500), rate("0")), eur(500));
  EXPECT_EQ(*net_of_gross(eur(1), rate("5.5")), eur(1));  // 0.9478… → 1 cent
}

TEST(NetOfGross, CreditNotesRoundHalfAwayFromZero) {
  EXPECT_EQ(*net_of_gross(eur(-11900), rate("19")), eur(-10000));
  EXPECT_EQ(*net_of_gross(eur(-1000), rate("19")), eur(-840));
  EXPECT_EQ(*net_of_gross(eur(-3), rate("50")), eur(-2));   // -2.0 exactly
  EXPECT_EQ(*net_of_gross(eur(-5), rate("150")), eur(-2));  // -2.0
  EXPECT_EQ(*net_of_gross(eur(-3), rate("100")), eur(-2));  // -1.5 → -2
}

TEST(NetOfGross, RefusesRatesThatLeaveNothingAndOverflow) {
  EXPECT_FALSE(net_of_gross(eur(100), rate("-100")));
  EXPECT_FALSE(net_of_gross(eur(100), rate("-150")));
  EXPECT_FALSE(net_of_gross(eur(9223372036854775807), rate("0.000000000000000001")));
  EXPECT_EQ(*net_of_gross(eur(9223372036854775807), rate("0")), eur(9223372036854775807));
}

TEST(Interest, DefaultInterestActualDaysOver365) {
  // 1000.00 EUR at 9.12 % for 30 days: 7.4958… → 7.50.
  EXPECT_EQ(*interest(eur(100000), rate("9.12"), 30), eur(750));
  // A full year of 365 days gives the annual rate exactly, also in a leap year.
  EXPECT_EQ(*interest(eur(100000), rate("12.62"), 365), eur(12620));
  EXPECT_EQ(*interest(eur(100000), rate("12.62"), 366), eur(12655));
  EXPECT_EQ(*interest(eur(100000), rate("12.62"), 0), eur(0));
}

TEST(Interest, Actual360WhenAgreed) {
  EXPECT_EQ(*interest(eur(100000), rate("3.6"), 30, DayCountBasis::actual_360), eur(300));
}

TEST(Interest, NegativeBaseRateGivesNegativeInterest) {
  // Base rate -0.88 % alone (not a real claim, but the arithmetic must hold).
  EXPECT_EQ(*interest(eur(1000000), rate("-0.88"), 365), eur(-8800));
}

TEST(Interest, PeriodsAreSummedExactlyAndRoundedOnce) {
  // Three periods of 0.4 cent each: rounding each would give 0, rounding once gives 1 cent.
  // 100.00 EUR at 1.46 % for 1 day = 0.4 cent.
  std::vector<InterestPeriod> periods(3, InterestPeriod{eur(10000), rate("1.46"), 1});
  EXPECT_EQ(*interest(periods, Currency::eur()), eur(1));
  for (const InterestPeriod& period : periods) {
    EXPECT_EQ(*interest(period.principal, period.annual_percent, period.days), eur(0));
  }
  // A rate change on 1 July: 181 days at 12.27 %, 184 days at 12.62 % on 10000.00 EUR.
  const InterestPeriod year[] = {{eur(1000000), rate("12.27"), 181},
                                 {eur(1000000), rate("12.62"), 184}};
  // 608.4575… + 636.1863… = 1244.6438… → 1244.64
  EXPECT_EQ(*interest(year, Currency::eur()), eur(124464));
  EXPECT_EQ(*interest(std::span<const InterestPeriod>(), Currency::eur()), eur(0));
}

TEST(InterestRejects, NegativeDaysMixedCurrenciesAndOverflow) {
  EXPECT_FALSE(interest(eur(100), rate("5"), -1));
  const InterestPeriod mixed[] = {{eur(100), rate("5"), 1},
                                  {Money(100, *Currency::from_code("USD")), rate("5"), 1}};
  Result<Money> result = interest(mixed, Currency::eur());
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("not in EUR"), std::string::npos);
  EXPECT_FALSE(interest(eur(9223372036854775807), rate("9223372036854775807"), 1000000));
}

}  // namespace
}  // namespace kontor
