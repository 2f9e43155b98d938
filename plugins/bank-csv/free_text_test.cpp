#include "free_text.hpp"

#include <gtest/gtest.h>

namespace kontor::plugins::bank_csv {
namespace {

TEST(FreeText, TransferWithPartyIbanBicAndPurpose) {
  const FreeTextParts parts = split_free_text(
      "Echtzeitüberweisung   CHRISTIAN MUSTERMANN   DE70000000000000000000   TRBKDEBBXXX  B   "
      "HBKIN2511012751525 - Bitte bei Rückfragen angeben ");
  EXPECT_EQ(parts.bank_code, "Echtzeitüberweisung");
  EXPECT_EQ(parts.counterparty_name, "CHRISTIAN MUSTERMANN");
  EXPECT_EQ(parts.counterparty_account, "DE70000000000000000000");
  EXPECT_EQ(parts.counterparty_bic, "TRBKDEBBXXX");
  EXPECT_EQ(parts.remittance, "B HBKIN2511012751525 - Bitte bei Rückfragen angeben");
}

TEST(FreeText, DirectDebitEndsInEndToEndIdCreditorIdAndMandate) {
  const FreeTextParts parts = split_free_text(
      "Lastschrift   AMAZON EU S A R L   NIEDERLASSUNG DEUTSCHLAND   DE93000000000000000000   "
      "D01-3656272-1503044 AMZNPrime DE 5PAJJRR8WR0JXXJ5   5PAJJRR8WR0JXXJ5   DE2400000000000000   "
      "wO5Q ImonZl0a2EH)a3ipVvLszID2m");
  EXPECT_EQ(parts.counterparty_name, "AMAZON EU S A R L NIEDERLASSUNG DEUTSCHLAND");
  EXPECT_EQ(parts.counterparty_account, "DE93000000000000000000");
  EXPECT_EQ(parts.remittance, "D01-3656272-1503044 AMZNPrime DE 5PAJJRR8WR0JXXJ5");
  EXPECT_EQ(parts.end_to_end_id, "5PAJJRR8WR0JXXJ5");
  EXPECT_EQ(parts.creditor_id, "DE2400000000000000");
  EXPECT_EQ(parts.mandate_id, "wO5Q ImonZl0a2EH)a3ipVvLszID2m");
}

TEST(FreeText, WithoutAnIbanTheSecondPartIsTheName) {
  const FreeTextParts parts = split_free_text(
      "Kartenzahlung   SCORE-SB-STATION   GANDERKESEE 74026606   Kartennummer: 439556XXXXXX009X");
  EXPECT_EQ(parts.counterparty_name, "SCORE-SB-STATION");
  EXPECT_EQ(parts.counterparty_account, "");
  EXPECT_EQ(parts.remittance, "GANDERKESEE 74026606 Kartennummer: 439556XXXXXX009X");
}

TEST(FreeText, TwoPartsAreKindAndPurpose) {
  const FreeTextParts parts = split_free_text("Entgelt Kontoführung   für Oktober 2025");
  EXPECT_EQ(parts.bank_code, "Entgelt Kontoführung");
  EXPECT_EQ(parts.counterparty_name, "");
  EXPECT_EQ(parts.remittance, "für Oktober 2025");
}

TEST(FreeText, Shapes) {
  EXPECT_TRUE(looks_like_iban("DE89370400440532013000"));
  EXPECT_FALSE(looks_like_iban("DE8937 0400"));
  EXPECT_TRUE(looks_like_creditor_id("DE98ZZZ09999999999"));
  EXPECT_TRUE(looks_like_bic("COBADEFFXXX"));
  EXPECT_TRUE(looks_like_bic("RZOODE77"));
  EXPECT_FALSE(looks_like_bic("12341234"));
}

}  // namespace
}  // namespace kontor::plugins::bank_csv
