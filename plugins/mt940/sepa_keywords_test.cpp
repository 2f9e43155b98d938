#include "sepa_keywords.hpp"

#include <gtest/gtest.h>

namespace kontor::plugins::mt940 {
namespace {

TEST(SepaKeywordsTest, OneKeywordPerSubfield) {
  SepaKeywords keywords;
  keywords.split("EREF+SCP 100 / 0082002528SVWZ+D 803020001000145464 +1000145463 X");
  ASSERT_TRUE(keywords.any());
  EXPECT_EQ(keywords.value(SepaKeyword::eref), "SCP 100 / 0082002528");
  EXPECT_EQ(keywords.value(SepaKeyword::svwz), "D 803020001000145464 +1000145463 X");
  EXPECT_FALSE(keywords.has(SepaKeyword::mref));
}

TEST(SepaKeywordsTest, AllInOneRunSeparatedByBlanks) {
  SepaKeywords keywords;
  keywords.split(
      "EREF+A1.200080779.400143254.4961336 KREF+SEPA-DA20200601221740-34972000-P1 MREF+20852HW"
      "2723821 CRED+DE41EON00000129793 OAMT+11,85 SVWZ+SONSTIGE GRUENDE");
  EXPECT_EQ(keywords.value(SepaKeyword::eref), "A1.200080779.400143254.4961336");
  EXPECT_EQ(keywords.value(SepaKeyword::kref), "SEPA-DA20200601221740-34972000-P1");
  EXPECT_EQ(keywords.value(SepaKeyword::mref), "20852HW2723821");
  EXPECT_EQ(keywords.value(SepaKeyword::cred), "DE41EON00000129793");
  EXPECT_EQ(keywords.value(SepaKeyword::oamt), "11,85");
  EXPECT_EQ(keywords.value(SepaKeyword::svwz), "SONSTIGE GRUENDE");
}

TEST(SepaKeywordsTest, AKeywordRightAfterAnotherOrInsideAValue) {
  SepaKeywords keywords;
  keywords.split(
      "KREF+EREF+TRX-0A4A47C3-F846-4729-8A1B-5DF620F:FOO:MREF+CAC97D2144174318ABF815BD4FBCRED+"
      "DE98ZZZ09999999999SVWZ+FOO TRX");
  EXPECT_TRUE(keywords.has(SepaKeyword::kref));
  EXPECT_EQ(keywords.value(SepaKeyword::kref), "");
  EXPECT_EQ(keywords.value(SepaKeyword::eref), "TRX-0A4A47C3-F846-4729-8A1B-5DF620F:FOO:");
  EXPECT_EQ(keywords.value(SepaKeyword::mref), "CAC97D2144174318ABF815BD4FB");
  EXPECT_EQ(keywords.value(SepaKeyword::cred), "DE98ZZZ09999999999");
  EXPECT_EQ(keywords.value(SepaKeyword::svwz), "FOO TRX");
}

TEST(SepaKeywordsTest, TextBeforeTheFirstKeyword) {
  SepaKeywords keywords;
  keywords.split("WOHNBAU DIEPHOLZ GMBH EREF+NOTPROVIDED SVWZ+EWE");
  EXPECT_EQ(keywords.before_keywords(), "WOHNBAU DIEPHOLZ GMBH");
  EXPECT_EQ(keywords.value(SepaKeyword::eref), "NOTPROVIDED");
}

TEST(SepaKeywordsTest, NoKeywordsLeavesTheWholeText) {
  SepaKeywords keywords;
  keywords.split(" Miete November ABWA: Finanzamt 1+1 ");
  EXPECT_FALSE(keywords.any());
  EXPECT_EQ(keywords.before_keywords(), "Miete November ABWA: Finanzamt 1+1");
}

TEST(SepaKeywordsTest, TheFirstOfARepeatedKeywordCounts) {
  SepaKeywords keywords;
  keywords.split("ABWA+Finanzamt Muenchen ABWA+Abteilung Erhebung IBAN+DE02 BIC+BYLADEMM");
  EXPECT_EQ(keywords.value(SepaKeyword::abwa), "Finanzamt Muenchen");
  EXPECT_EQ(keywords.value(SepaKeyword::iban), "DE02");
  EXPECT_EQ(keywords.value(SepaKeyword::bic), "BYLADEMM");
}

TEST(SepaKeywordsTest, AValueLongerThanSepaAllowsEndsAtASubfieldBoundary) {
  SepaKeywords keywords;
  // ?20 EREF+TFNR 40005 00005, ?21.. a message: the reference cannot be 86 characters long.
  const std::string purpose =
      "EREF+TFNR 40005 00005MTLG:Grund nicht spezifiziert Reject aus SEPA-Ueberweisungsauftrag";
  keywords.split(purpose, {0, 21, 48, 75});
  EXPECT_EQ(keywords.value(SepaKeyword::eref), "TFNR 40005 00005");
  EXPECT_EQ(keywords.free_text(),
            "MTLG:Grund nicht spezifiziert Reject aus SEPA-Ueberweisungsauftrag");
}

TEST(SepaKeywordsTest, AValueWithinTheLimitRunsOverSubfieldBoundaries) {
  SepaKeywords keywords;
  keywords.split("EREF+A1.200080779.400143254.4961336 SVWZ+X", {0, 18, 30});
  EXPECT_EQ(keywords.value(SepaKeyword::eref), "A1.200080779.400143254.4961336");
  EXPECT_EQ(keywords.free_text(), "");
}

TEST(SepaKeywordsTest, FreeTextIsTheWholePurposeWithoutKeywords) {
  SepaKeywords keywords;
  keywords.split("Miete November", {0});
  EXPECT_EQ(keywords.free_text(), "Miete November");
}

}  // namespace
}  // namespace kontor::plugins::mt940
