#include "slash_codes.hpp"

#include <gtest/gtest.h>

namespace kontor::plugins::mt940 {
namespace {

TEST(SlashCodesTest, DutchSepaTransfer) {
  SlashCodes codes;
  ASSERT_TRUE(
      codes.split("/TRTP/SEPA OVERBOEKING/IBAN/NL46ABNA0499998748/BIC/ABNANL2A/NAME/J. JANSEN/REMI/"
                  "FACTUUR 42/2026/EREF/NOTPROVIDED"));
  EXPECT_EQ(codes.value("TRTP"), "SEPA OVERBOEKING");
  EXPECT_EQ(codes.value("IBAN"), "NL46ABNA0499998748");
  EXPECT_EQ(codes.value("NAME"), "J. JANSEN");
  EXPECT_EQ(codes.value("REMI"), "FACTUUR 42/2026");
  EXPECT_EQ(codes.value("EREF"), "NOTPROVIDED");
}

TEST(SlashCodesTest, ACodesClosingSlashMayOpenTheNext) {
  SlashCodes codes;
  ASSERT_TRUE(
      codes.split("/EREF/02-04-2013 22:56 1120000153447185/BENM//NAME/Nespresso B.V."
                  "/REMI/674725433/ISDT/2013-04-03"));
  EXPECT_TRUE(codes.has("BENM"));
  EXPECT_EQ(codes.value("BENM"), "");
  EXPECT_EQ(codes.value("NAME"), "Nespresso B.V.");
  EXPECT_EQ(codes.value("REMI"), "674725433");
  EXPECT_EQ(codes.value("EREF"), "02-04-2013 22:56 1120000153447185");
}

TEST(SlashCodesTest, OnlyTextStartingWithAKnownCodeIsSlashCoded) {
  SlashCodes codes;
  EXPECT_FALSE(codes.split("/PT/FT/PY/SOMETHING FOO BAR"));
  EXPECT_FALSE(codes.split("GIRO   428428 KPN BV"));
  EXPECT_FALSE(codes.split(""));
  ASSERT_TRUE(codes.split("/BENM/300000000000133/KOMERCIJALNA BANKA/Mesecna provizija"));
  EXPECT_EQ(codes.value("BENM"), "300000000000133/KOMERCIJALNA BANKA/Mesecna provizija");
}

}  // namespace
}  // namespace kontor::plugins::mt940
