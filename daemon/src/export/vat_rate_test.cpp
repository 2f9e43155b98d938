// Tests: the three German VAT rates and the 2020 half-year in which they did not apply.
#include "export/vat_rate.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kontor::exports {
namespace {

using ::testing::HasSubstr;

Date day(int year, int month, int d) {
  return Date::from_ymd(year, month, d).value();
}

TEST(VatRateTest, NineteenSevenAndZeroPercentAreTheRatesWithAccounts) {
  EXPECT_EQ(vat_rate_of(Decimal::from_integer(19)).value(), VatRate::standard);
  EXPECT_EQ(vat_rate_of(Decimal::parse("19.00").value()).value(), VatRate::standard);
  EXPECT_EQ(vat_rate_of(Decimal::from_integer(7)).value(), VatRate::reduced);
  EXPECT_EQ(vat_rate_of(Decimal::from_integer(0)).value(), VatRate::zero);
}

TEST(VatRateTest, SixteenPercentOfTheVatCutIsRefusedNamingTheRate) {
  const Result<VatRate> rate = vat_rate_of(Decimal::from_integer(16));
  ASSERT_FALSE(rate);
  EXPECT_THAT(rate.error().message, HasSubstr("16 %"));
  EXPECT_FALSE(vat_rate_of(Decimal::parse("19.5").value()));
}

TEST(VatRateTest, RatesAreWrittenAsTheirPercent) {
  for (VatRate rate : kVatRates) EXPECT_EQ(parse_vat_rate(percent_text(rate)).value(), rate);
  EXPECT_FALSE(parse_vat_rate("16"));
}

TEST(VatRateTest, TheVatCutRanFromJulyToDecember2020) {
  EXPECT_FALSE(in_2020_vat_cut(day(2020, 6, 30)));
  EXPECT_TRUE(in_2020_vat_cut(day(2020, 7, 1)));
  EXPECT_TRUE(in_2020_vat_cut(day(2020, 12, 31)));
  EXPECT_FALSE(in_2020_vat_cut(day(2021, 1, 1)));
  EXPECT_FALSE(in_2020_vat_cut(day(2019, 8, 15)));
}

TEST(VatRateTest, ABookingInTheVatCutIsRefusedSayingWhy) {
  const Status refused = check_outside_2020_vat_cut(day(2020, 8, 15), "invoice R-1");
  ASSERT_FALSE(refused);
  EXPECT_THAT(refused.error().message, HasSubstr("invoice R-1 is dated 2020-08-15"));
  EXPECT_THAT(refused.error().message, HasSubstr("16 %"));
}

}  // namespace
}  // namespace kontor::exports
