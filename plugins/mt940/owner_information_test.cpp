#include "owner_information.hpp"

#include <gtest/gtest.h>

namespace kontor::plugins::mt940 {
namespace {

OwnerInformation read(std::vector<std::string_view> lines) {
  OwnerInformationReader reader;
  OwnerInformation information;
  reader.read(lines, information);
  return information;
}

TEST(OwnerInformationTest, GermanSubfieldsWrappedInsideValuesAndBetweenMarkerAndNumber) {
  // Deutsche Bank, SEPA direct debit return (jejik deutschebank.txt).
  const OwnerInformation info = read({
      "109?00SEPA-LASTSCHR. RETOURE CORE?109075/629?20EREF+A1.200080779.",
      "400143254?21.4961336 KREF+SEPA-DA202006?2201221740-34972000-P1 MR",
      "EF+2?230852HW2723821 CRED+DE41EON0?240000129793 OAMT+11,85 SVWZ+?",
      "25SONSTIGE GRUENDE ENDABRECHN?26UNG NR. 500106875 ZU VERTRA?2740",
      "0143254, KUNDENNUM MER 2?2802227779?30CSDBDE71XXX?31DE50712345600",
      "200691329?32TESTER?33EL",
  });
  EXPECT_TRUE(info.structured);
  EXPECT_EQ(info.details.bank_transaction_code, "109");
  EXPECT_EQ(info.posting_text, "SEPA-LASTSCHR. RETOURE CORE");
  EXPECT_EQ(info.details.end_to_end_id, "A1.200080779.400143254.4961336");
  EXPECT_EQ(info.customer_reference, "SEPA-DA20200601221740-34972000-P1");
  EXPECT_EQ(info.details.mandate_id, "20852HW2723821");
  EXPECT_EQ(info.details.creditor_id, "DE41EON00000129793");
  EXPECT_EQ(info.details.remittance,
            "SONSTIGE GRUENDE ENDABRECHNUNG NR. 500106875 ZU VERTRA400143254, KUNDENNUM MER "
            "202227779");
  EXPECT_EQ(info.details.counterparty_bic, "CSDBDE71XXX");
  EXPECT_EQ(info.details.counterparty_account, "DE50712345600200691329");
  EXPECT_EQ(info.details.counterparty_name, "TESTEREL");
}

TEST(OwnerInformationTest, UltimatePartiesFromAbwaAndAbwe) {
  const OwnerInformation info =
      read({"105?00Basislastschrift?20EREF+123?21ABWA+Finanzamt Muenchen ?22ABWE+Stadtkasse"});
  EXPECT_EQ(info.details.ultimate_debtor, "Finanzamt Muenchen");
  EXPECT_EQ(info.details.ultimate_creditor, "Stadtkasse");
  EXPECT_EQ(info.details.remittance, "");
}

TEST(OwnerInformationTest, PurposeWithoutKeywordsIsTheRemittance) {
  const OwnerInformation info =
      read({"051?00UEBERWEISUNG?100599?20Gehalt Oktob", "er", "?21Firma", "Mustermann",
            "GmbH?3050060400?31084756", "4700?32MUELLER?34339"});
  EXPECT_EQ(info.details.remittance, "Gehalt OktoberFirmaMustermannGmbH");
  EXPECT_EQ(info.details.counterparty_bic, "50060400");
  EXPECT_EQ(info.details.counterparty_account, "0847564700");
}

TEST(OwnerInformationTest, PurposeContinuesInSixtyToSixtyThree) {
  const OwnerInformation info =
      read({"166?20SVWZ+RECHNUNG 2026-0001 UND?21 2026-0002?60 UND 2026-0003?61 DANKE"});
  EXPECT_EQ(info.details.remittance, "RECHNUNG 2026-0001 UND 2026-0002 UND 2026-0003 DANKE");
}

TEST(OwnerInformationTest, IbanBesideAnAccountNumberWins) {
  const OwnerInformation info =
      read({"944?3010600076?310000777777777777?38PL081060007600007777777", "77777"});
  EXPECT_EQ(info.details.counterparty_account, "PL08106000760000777777777777");
}

TEST(OwnerInformationTest, Gvc999IsUnstructuredText) {
  const OwnerInformation info = read({"999PN5477SCHECK-NR. 0000016703074"});
  EXPECT_FALSE(info.structured);
  EXPECT_EQ(info.details.bank_transaction_code, "999");
  EXPECT_EQ(info.details.remittance, "PN5477SCHECK-NR. 0000016703074");
}

TEST(OwnerInformationTest, FreeTextLinesJoinedWithBlanksUnlessWrapped) {
  const OwnerInformation info = read({
      "911 TRANSAKCJA COLLECT; ID IPH: XX000000000001; Z RACH.: ",
      "56114010810000267002001001; OD: JAN NOWAK  ",
      "",
      "TNR: 179171073864111.010001",
  });
  EXPECT_EQ(info.details.remittance,
            "911 TRANSAKCJA COLLECT; ID IPH: XX000000000001; Z RACH.: 56114010810000267002001001; "
            "OD: JAN NOWAK TNR: 179171073864111.010001");
  EXPECT_EQ(info.details.bank_transaction_code, "");
}

TEST(OwnerInformationTest, DutchSlashCodes) {
  const OwnerInformation info = read({
      "/EREF/02-04-2013 22:56 1120000153447185/BENM//NAME/Nespresso Nede",
      "rland B.V./REMI/674725433 1120000153447185 14144467636004962",
      "/ISDT/2013-04-03",
  });
  EXPECT_EQ(info.details.end_to_end_id, "02-04-2013 22:56 1120000153447185");
  EXPECT_EQ(info.details.counterparty_name, "Nespresso Nederland B.V.");
  EXPECT_EQ(info.details.remittance, "674725433 1120000153447185 14144467636004962");
}

TEST(OwnerInformationTest, DutchCounterpartyInCntpAndStructuredRemittance) {
  const OwnerInformation info =
      read({"/TRTP/SEPA OVERBOEKING/CNTP/NL32INGB0000012345/INGBNL2A/ING BANK NV/AMSTERDAM/",
            "/REMI/STRD/CUR/RF18539007547034/EREF/E2E-1/MARF/M-9/CSID/NL98ZZZ999999999999"});
  EXPECT_EQ(info.details.counterparty_account, "NL32INGB0000012345");
  EXPECT_EQ(info.details.counterparty_bic, "INGBNL2A");
  EXPECT_EQ(info.details.counterparty_name, "ING BANK NV");
  EXPECT_EQ(info.details.creditor_reference, "RF18539007547034");
  EXPECT_EQ(info.details.remittance, "RF18539007547034");
  EXPECT_EQ(info.details.mandate_id, "M-9");
  EXPECT_EQ(info.details.creditor_id, "NL98ZZZ999999999999");
}

TEST(OwnerInformationTest, SlashCodesAreJoinedWithoutSeparatorWhereverTheLineEnds) {
  const OwnerInformation info =
      read({"/TRTP/SEPA OVERBOEKING/IBAN/NL75INGB0001234567/BIC/INGBNL2A/NAME/",
            "HR K JANSEN/REMI/RES.NR 00042/EREF/NOTPROV", "IDED"});
  EXPECT_EQ(info.details.end_to_end_id, "NOTPROVIDED");
  EXPECT_EQ(info.details.counterparty_name, "HR K JANSEN");
}

TEST(OwnerInformationTest, SlashCodesWithoutRemiKeepTheWholeText) {
  const OwnerInformation info =
      read({"/BENM/300000000000618", "/KOMERCIJALNA BANKA AD SKOPJE - PROVIZIJA", "/EMPTY/"});
  EXPECT_EQ(info.details.remittance,
            "/BENM/300000000000618/KOMERCIJALNA BANKA AD SKOPJE - PROVIZIJA/EMPTY/");
}

TEST(OwnerInformationTest, AFullLineIsJoinedWithoutBlank) {
  const std::string full(65, 'x');
  EXPECT_EQ(read({full, "yz"}).details.remittance, full + "yz");
  EXPECT_EQ(read({"abc", "def"}).details.remittance, "abc def");
}

}  // namespace
}  // namespace kontor::plugins::mt940
