// Tests: DATEV's tax keys per rate (datev-extf.md §5), overrides, and the refusal of the 2020
// half-year in which the same digits meant other rates.
#include "export/tax_keys.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kontor::exports {
namespace {

using ::testing::HasSubstr;

const Date kMarch2026 = Date::from_ymd(2026, 3, 2).value();

TEST(TaxKeysTest, NineteenPercentIsKeyThreeAndSevenPercentKeyTwo) {
  const TaxKeys keys = TaxKeys::datev_defaults();
  EXPECT_EQ(keys.key_for(VatRate::standard, kMarch2026).value(), "3");
  EXPECT_EQ(keys.key_for(VatRate::reduced, kMarch2026).value(), "2");
}

TEST(TaxKeysTest, ZeroPercentHasNoKeyByDefault) {
  EXPECT_EQ(TaxKeys::datev_defaults().key_for(VatRate::zero, kMarch2026).value(), "");
}

TEST(TaxKeysTest, AConfiguredKeyReplacesTheDefault) {
  TaxKeys keys = TaxKeys::datev_defaults();
  keys.set(VatRate::zero, "1");
  EXPECT_EQ(keys.key_for(VatRate::zero, kMarch2026).value(), "1");
  EXPECT_EQ(keys.key_for(VatRate::standard, kMarch2026).value(), "3");
}

TEST(TaxKeysTest, ATaxKeyRequestedFor15August2020IsRefused) {
  const Result<std::string> key =
      TaxKeys::datev_defaults().key_for(VatRate::standard, Date::from_ymd(2020, 8, 15).value());
  ASSERT_FALSE(key);
  EXPECT_THAT(key.error().message, HasSubstr("a tax key for 19 % is dated 2020-08-15"));
}

TEST(TaxKeysTest, KeysAroundTheVatCutAreGiven) {
  const TaxKeys keys = TaxKeys::datev_defaults();
  EXPECT_EQ(keys.key_for(VatRate::standard, Date::from_ymd(2020, 6, 30).value()).value(), "3");
  EXPECT_EQ(keys.key_for(VatRate::standard, Date::from_ymd(2021, 1, 1).value()).value(), "3");
}

TEST(TaxKeysTest, AConfiguredKeyIsOneToFourDigitsOrEmpty) {
  EXPECT_EQ(check_tax_key("3"), "");
  EXPECT_EQ(check_tax_key("40"), "");
  EXPECT_EQ(check_tax_key("9999"), "");
  EXPECT_EQ(check_tax_key(""), "");
  EXPECT_NE(check_tax_key("12345"), "");
  EXPECT_NE(check_tax_key("3a"), "");
  EXPECT_NE(check_tax_key("-3"), "");
}

}  // namespace
}  // namespace kontor::exports
