#include "kontor/model/currency.hpp"

#include <gtest/gtest.h>

namespace kontor {
namespace {

TEST(Currency, KnowsMinorDigitsOfActiveCodes) {
  EXPECT_EQ(Currency::from_code("EUR")->minor_digits(), 2);
  EXPECT_EQ(Currency::from_code("JPY")->minor_digits(), 0);
  EXPECT_EQ(Currency::from_code("KWD")->minor_digits(), 3);
  EXPECT_EQ(Currency::from_code("CLF")->minor_digits(), 4);
  EXPECT_EQ(Currency::from_code("CHF")->code(), "CHF");
}

TEST(Currency, DefaultIsEuro) {
  EXPECT_EQ(Currency(), Currency::eur());
}

TEST(Currency, RejectsUnknownCode) {
  Result<Currency> result = Currency::from_code("XYZ");
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("not an active ISO 4217"), std::string::npos);
}

TEST(Currency, RejectsWithdrawnAndUnitlessCodes) {
  EXPECT_FALSE(Currency::from_code("DEM"));  // replaced by the euro
  EXPECT_FALSE(Currency::from_code("XAU"));  // gold has no minor unit
}

TEST(Currency, RejectsCodeThatIsNotThreeUpperCaseLetters) {
  for (const char* code : {"eur", "EU", "EURO", "", "E1R"}) {
    Result<Currency> result = Currency::from_code(code);
    ASSERT_FALSE(result) << code;
    EXPECT_NE(result.error().message.find("three upper-case letters"), std::string::npos);
  }
}

}  // namespace
}  // namespace kontor
