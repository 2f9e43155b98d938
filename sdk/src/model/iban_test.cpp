#include "kontor/model/iban.hpp"

#include <gtest/gtest.h>

namespace kontor {
namespace {

void expect_error(std::string_view text, std::int64_t position, std::string_view words) {
  Result<Iban> result = Iban::parse(text);
  ASSERT_FALSE(result) << text;
  EXPECT_EQ(result.error().position, position) << result.error().message;
  EXPECT_NE(result.error().message.find(words), std::string::npos) << result.error().message;
}

TEST(Iban, AcceptsValidIbansOfRegistryCountries) {
  for (const char* text : {"DE89370400440532013000", "GB82WEST12345698765432", "NO9386011117947",
                           "LC55HEMM000100010012001200023015", "BE68539007547034",
                           "FR1420041010050500013M02606", "RU0304452522540817810538091310419"}) {
    Result<Iban> iban = Iban::parse(text);
    ASSERT_TRUE(iban) << iban.error().message;
    EXPECT_EQ(iban->electronic(), text);
  }
}

TEST(Iban, NormalisesBlanksAndCase) {
  Result<Iban> iban = Iban::parse("de89 3704 0044 0532 0130 00");
  ASSERT_TRUE(iban);
  EXPECT_EQ(iban->electronic(), "DE89370400440532013000");
  EXPECT_EQ(iban->formatted(), "DE89 3704 0044 0532 0130 00");
  EXPECT_EQ(iban->country_code(), "DE");
}

TEST(Iban, KnowsRegistryLengths) {
  EXPECT_EQ(Iban::registry_length("DE"), 22);
  EXPECT_EQ(Iban::registry_length("NO"), 15);
  EXPECT_EQ(Iban::registry_length("RU"), 33);
  EXPECT_EQ(Iban::registry_length("US"), std::nullopt);
}

TEST(IbanRejects, WrongCheckDigits) {
  expect_error("DE88370400440532013000", 3, "check digits 88 do not match");
  // One mistyped digit of the account.
  expect_error("DE89 3704 0044 0532 0130 01", 3, "mod-97");
}

TEST(IbanRejects, WrongLengthForItsCountry) {
  expect_error("DE8937040044053201300", 22, "an IBAN of DE has 22 characters, found 21");
  expect_error("DE893704004405320130000", 23, "found 23");
}

TEST(IbanRejects, UnknownCountryOrShape) {
  expect_error("", 1, "found nothing");
  expect_error("US12345678901234", 1, "'US' is not a country of the IBAN registry");
  expect_error("1E89370400440532013000", 1, "two-letter country code");
  expect_error("DEX9370400440532013000", 3, "two check digits");
  // Positions count the blanks the person typed.
  expect_error("DE89 3704 00-4 0532 0130 00", 13, "found '-'");
  expect_error("DE89 3704 0044 0532 0130 0ä", 27, "letters and digits only");
}

}  // namespace
}  // namespace kontor
