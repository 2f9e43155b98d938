#include "bank_amounts.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kontor::plugins::bank_csv {
namespace {

using ::testing::HasSubstr;

std::string amount(std::string_view text, char decimal = ',') {
  auto reading = read_amount(text, Currency::eur(), notation_for(decimal));
  return reading ? reading->amount.format() : "error: " + reading.error().message;
}

TEST(BankAmounts, GermanAmountsAsBanksWriteThem) {
  EXPECT_EQ(amount("200"), "200.00");
  EXPECT_EQ(amount("-62,3"), "-62.30");
  EXPECT_EQ(amount("2.647,74"), "2647.74");
  EXPECT_EQ(amount(" -1143,41 "), "-1143.41");
  EXPECT_EQ(amount("0"), "0.00");
}

TEST(BankAmounts, TargobanksDecimalPointVariant) {
  EXPECT_EQ(amount("-5.00", '.'), "-5.00");
  EXPECT_EQ(amount("1,234.56", '.'), "1234.56");
}

TEST(BankAmounts, TheWrongNotationFailsInsteadOfScaling) {
  EXPECT_THAT(amount("-5.00", ','), HasSubstr("error"));
  EXPECT_THAT(amount("2.647,74", '.'), HasSubstr("error"));
}

TEST(BankAmounts, ASignAfterTheNumber) {
  EXPECT_EQ(amount("9,90-"), "-9.90");
  EXPECT_EQ(amount("9,90+"), "9.90");
  EXPECT_THAT(amount("-9,90-"), HasSubstr("two signs"));
}

TEST(BankAmounts, SignWrittenIsReported) {
  const Notation german = notation_for(',');
  EXPECT_TRUE(read_amount("-1", Currency::eur(), german)->sign_written);
  EXPECT_TRUE(read_amount("+1", Currency::eur(), german)->sign_written);
  EXPECT_TRUE(read_amount("1-", Currency::eur(), german)->sign_written);
  EXPECT_FALSE(read_amount("1", Currency::eur(), german)->sign_written);
}

TEST(BankAmounts, NoAmountAndNonZeroDigitsBeyondTheCurrencyAreErrors) {
  EXPECT_THAT(amount(""), HasSubstr("no amount"));
  EXPECT_THAT(amount("1,234"), HasSubstr("error"));
  EXPECT_EQ(amount("1,230"), "1.23");
  EXPECT_THAT(amount("EUR"), HasSubstr("error"));
}

}  // namespace
}  // namespace kontor::plugins::bank_csv
