#include "kontor/model/decimal.hpp"

#include <gtest/gtest.h>

namespace kontor {
namespace {

Decimal rate(std::string_view text) {
  return *Decimal::parse(text);
}

TEST(Decimal, ParsesRatesExactly) {
  EXPECT_EQ(rate("9.12").units(), 912);
  EXPECT_EQ(rate("9.12").scale(), 2);
  EXPECT_EQ(rate("-0.88").to_string(), "-0.88");
  EXPECT_EQ(rate("+5").to_string(), "5");
  EXPECT_EQ(*Decimal::parse("2,5", Notation::comma()), rate("2.5"));
  EXPECT_EQ(rate("0.000000000000000001").scale(), 18);
}

TEST(Decimal, EqualValuesAreEqualWhateverTheirTrailingZeros) {
  EXPECT_EQ(rate("2.50"), rate("2.5"));
  EXPECT_EQ(rate("5.000000000000000000000"), Decimal::from_integer(5));
  EXPECT_EQ(*Decimal::from_units(250, 2), rate("2.5"));
  EXPECT_EQ(rate("0.0"), Decimal());
}

TEST(Decimal, ComparesExactly) {
  EXPECT_LT(rate("-0.88"), rate("0"));
  EXPECT_LT(rate("3.62"), rate("3.620000000000000001"));
  EXPECT_GT(rate("10"), rate("9.999999"));
}

TEST(Decimal, AddsBaseRateAndPoints) {
  // Default interest for consumers: base rate + 5 points; businesses + 9 points.
  EXPECT_EQ(*rate("-0.88").plus(Decimal::from_integer(5)), rate("4.12"));
  EXPECT_EQ(*rate("3.62").plus(Decimal::from_integer(9)), rate("12.62"));
  EXPECT_EQ(*rate("1.25").minus(rate("1.75")), rate("-0.5"));
  EXPECT_EQ(rate("1.5").negated()->to_string(), "-1.5");
}

TEST(Decimal, FormatsShortestExactText) {
  EXPECT_EQ(rate("0.05").to_string(), "0.05");
  EXPECT_EQ(rate("-0.05").to_string(Notation::comma()), "-0,05");
  EXPECT_EQ(rate("120").to_string(), "120");
}

TEST(DecimalRejects, MalformedRatesNamingThePosition) {
  struct Case {
    const char* text;
    std::int64_t position;
    const char* words;
  };
  for (const Case& c :
       {Case{"", 1, "found nothing"}, Case{"-", 2, "after the sign"}, Case{"9,12", 2, "found ','"},
        Case{"9.", 2, "digits after"}, Case{"9.1x", 4, "found 'x'"},
        Case{"1.234.5", 6, "found '.'"}, Case{"5%", 2, "found '%'"}, Case{".5", 1, "found '.'"}}) {
    Result<Decimal> result = Decimal::parse(c.text);
    ASSERT_FALSE(result) << c.text;
    EXPECT_EQ(result.error().position, c.position) << result.error().message;
    EXPECT_NE(result.error().message.find(c.words), std::string::npos) << result.error().message;
  }
}

TEST(DecimalRejects, MoreThanEighteenDecimalPlacesOrTooManyDigits) {
  EXPECT_FALSE(Decimal::parse("0.0000000000000000001"));
  EXPECT_FALSE(Decimal::parse("99999999999999999999"));
  EXPECT_FALSE(Decimal::from_units(1, 19));
  EXPECT_FALSE(Decimal::from_units(1, -1));
}

TEST(DecimalRejects, SumsBeyondSixtyFourBits) {
  const Decimal big = rate("9000000000000000000");
  EXPECT_FALSE(big.plus(big));
}

}  // namespace
}  // namespace kontor
