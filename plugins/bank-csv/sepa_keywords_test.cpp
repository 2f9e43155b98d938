#include "sepa_keywords.hpp"

#include <gtest/gtest.h>

namespace kontor::plugins::bank_csv {
namespace {

TEST(SepaKeywords, PlusFormConcatenatedWithoutBlanks) {
  const SepaParts parts = split_sepa_keywords(
      "EREF+11063225-1MREF+41310-1CRED+DE11ZZZ00000000003SVWZ+Rechnung 11063225");
  EXPECT_TRUE(parts.found);
  EXPECT_EQ(parts.end_to_end_id, "11063225-1");
  EXPECT_EQ(parts.mandate_id, "41310-1");
  EXPECT_EQ(parts.creditor_id, "DE11ZZZ00000000003");
  EXPECT_EQ(parts.remittance, "Rechnung 11063225");
}

TEST(SepaKeywords, WithoutSvwzTheTextOutsideTheKeywordsIsThePurpose) {
  const SepaParts parts = split_sepa_keywords(
      "40-059254925/HDI Leben/Unser Schreiben vom 26.11.2025 EREF: 134541375034 MREF: "
      "M-200-002-644-385-2 CRED: DE74ZZZ00000051890 IBAN: DE62300500000000163568 BIC: WELADEDDXXX");
  EXPECT_EQ(parts.remittance, "40-059254925/HDI Leben/Unser Schreiben vom 26.11.2025");
  EXPECT_EQ(parts.end_to_end_id, "134541375034");
  EXPECT_EQ(parts.mandate_id, "M-200-002-644-385-2");
  EXPECT_EQ(parts.creditor_id, "DE74ZZZ00000051890");
  EXPECT_EQ(parts.iban, "DE62300500000000163568");
  EXPECT_EQ(parts.bic, "WELADEDDXXX");
}

TEST(SepaKeywords, CommerzbankLabelsTakeOneTokenEach) {
  const SepaParts parts = split_sepa_keywords(
      "1x1 Mail & Media GmbH KD-Nr. K12345678 End-to-End-Ref.: 009876584321 Mandatsref: "
      "009876584322 Gläubiger-ID: DE012345678 SEPA-BASISLASTSCHRIFT wiederholend");
  EXPECT_EQ(parts.end_to_end_id, "009876584321");
  EXPECT_EQ(parts.mandate_id, "009876584322");
  EXPECT_EQ(parts.creditor_id, "DE012345678");
  EXPECT_EQ(parts.remittance,
            "1x1 Mail & Media GmbH KD-Nr. K12345678 SEPA-BASISLASTSCHRIFT wiederholend");
}

TEST(SepaKeywords, TextBeforeSvwzStaysInFrontOfIt) {
  const SepaParts parts =
      split_sepa_keywords("Lohn EREF+NOTPROVIDED KREF+K-1 SVWZ+Gehalt 03/18 ABWA+Firma AG");
  EXPECT_EQ(parts.remittance, "Lohn Gehalt 03/18");
  EXPECT_EQ(parts.end_to_end_id, "");
  EXPECT_EQ(parts.customer_reference, "K-1");
  EXPECT_EQ(parts.ultimate_debtor, "Firma AG");
}

TEST(SepaKeywords, ColonKeywordsCountOnlyAtAWordStart) {
  const SepaParts parts = split_sepa_keywords("XEREF: 1 Rechnung");
  EXPECT_FALSE(parts.found);
  EXPECT_EQ(parts.remittance, "XEREF: 1 Rechnung");
}

TEST(SepaKeywords, PlainTextStaysAsItIs) {
  const SepaParts parts = split_sepa_keywords("Rechnungsnummer: 20180329 Miete 04/18");
  EXPECT_FALSE(parts.found);
  EXPECT_EQ(parts.remittance, "Rechnungsnummer: 20180329 Miete 04/18");
}

TEST(SepaKeywords, AnEndToEndIdRunsToTheNextKeyword) {
  const SepaParts parts = split_sepa_keywords("EREF+2512400854-KD 123456 RE 001");
  EXPECT_EQ(parts.end_to_end_id, "2512400854-KD 123456 RE 001");
  EXPECT_EQ(parts.remittance, "");
}

}  // namespace
}  // namespace kontor::plugins::bank_csv
