#include "kontor/model/vat_id.hpp"

#include <gtest/gtest.h>

namespace kontor {
namespace {

TEST(VatId, AcceptsTheSyntaxOfEachMemberState) {
  for (const char* text :
       {"ATU12345678",   "BE0123456789",  "BG123456789",    "BG1234567890",   "CY12345678L",
        "CZ12345678",    "CZ1234567890",  "DE123456789",    "DK12345678",     "EE123456789",
        "EL123456789",   "ESX1234567R",   "ES12345678Z",    "FI12345678",     "FRXX123456789",
        "FR12345678901", "HR12345678901", "HU12345678",     "IE1234567T",     "IE1234567WA",
        "IE1S12345L",    "IT12345678901", "LT123456789",    "LT123456789012", "LU12345678",
        "LV12345678901", "MT12345678",    "NL123456789B01", "PL1234567890",   "PT123456789",
        "RO12",          "RO1234567890",  "SE123456789001", "SI12345678",     "SK1234567890",
        "XI123456789",   "XIGD123"}) {
    Result<VatId> vat = VatId::parse(text);
    EXPECT_TRUE(vat) << text << ": " << vat.error().message;
  }
}

TEST(VatId, NormalisesSeparatorsAndCase) {
  Result<VatId> vat = VatId::parse("de 123.456-789");
  ASSERT_TRUE(vat);
  EXPECT_EQ(vat->text(), "DE123456789");
  EXPECT_EQ(vat->prefix(), "DE");
  EXPECT_EQ(vat->number(), "123456789");
}

TEST(VatIdRejects, WrongShapeForTheMemberState) {
  struct Case {
    const char* text;
    std::int64_t position;
    const char* words;
  };
  for (const Case& c :
       {Case{"DE12345678", 11, "DE followed by 9 digits"}, Case{"DE1234567890", 12, "9 digits"},
        Case{"DE12345X789", 8, "9 digits"}, Case{"AT12345678", 3, "'U' and 8 digits"},
        Case{"BE2123456789", 3, "starting with 0 or 1"}, Case{"NL123456789X01", 12, "'B'"},
        Case{"SE123456789002", 14, "ending in 01"}, Case{"RO1", 4, "2 to 10 digits"}}) {
    Result<VatId> result = VatId::parse(c.text);
    ASSERT_FALSE(result) << c.text;
    EXPECT_EQ(result.error().position, c.position) << result.error().message;
    EXPECT_NE(result.error().message.find(c.words), std::string::npos) << result.error().message;
  }
}

TEST(VatIdRejects, CountriesOutsideTheEuAndGreekGr) {
  Result<VatId> greek = VatId::parse("GR123456789");
  ASSERT_FALSE(greek);
  EXPECT_NE(greek.error().message.find("start with EL"), std::string::npos);
  Result<VatId> british = VatId::parse("GB123456789");
  ASSERT_FALSE(british);
  EXPECT_NE(british.error().message.find("not the prefix of an EU member state"),
            std::string::npos);
  EXPECT_FALSE(VatId::parse("1E123456789"));
  EXPECT_FALSE(VatId::parse(""));
}

}  // namespace
}  // namespace kontor
