#include "bank_csv_probe.hpp"

#include <gtest/gtest.h>

#include <string>

namespace kontor::plugins::bank_csv {
namespace {

int probe(std::string_view text, const ParserOptions& options = {}) {
  return probe_bank_csv(std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()),
                        options);
}

const std::string kCommerzbank =
    "\xEF\xBB\xBF"
    "Buchungstag;Wertstellung;Umsatzart;Buchungstext;Betrag;W\xC3\xA4hrung;"
    "IBAN Kontoinhaber;Kategorie\r\n31.12.2024;31.12.2024;Zinsen/Entgelte;Text;-10,7;EUR;DE1;\r\n";

TEST(BankCsvProbe, APresetsHeaderIsAStrongMatch) {
  EXPECT_EQ(probe(kCommerzbank), kHeaderMatch);
}

TEST(BankCsvProbe, TheHeaderBelowMetadataLinesCounts) {
  EXPECT_EQ(
      probe("Umsatzanzeige;Datei erstellt am: 09.12.2025 15:23\n\nIBAN;DE89370400440532013000\n"
            "\nBuchung;Wertstellungsdatum;Auftraggeber/Empf\xE4nger;Buchungstext;"
            "Verwendungszweck;Betrag;W\xE4hrung\n09.12.2025;09"),
      kHeaderMatch);
}

TEST(BankCsvProbe, AHeaderlessFileByItsShape) {
  EXPECT_EQ(probe("03.11.2025;Lastschrift   BANK AG;-24,00;;;;'DE67000000000000000000'\r\n"),
            kShapeMatch);
}

TEST(BankCsvProbe, APrefixCutInsideACharacterOrLineStillMatches) {
  const std::string cut = kCommerzbank.substr(0, kCommerzbank.size() - 5);
  EXPECT_EQ(probe(cut), kHeaderMatch);
  // Cut inside the header's "ä": a header cut short has too few of the preset's names.
  EXPECT_EQ(probe(kCommerzbank.substr(0, 60)), 0);
}

TEST(BankCsvProbe, OtherFormatsAreNotOurs) {
  EXPECT_EQ(probe("<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:"
                  "camt.053.001.02\">"),
            0);
  EXPECT_EQ(probe(":20:STARTUMSE\r\n:25:10020030/1234567\r\n"), 0);
  EXPECT_EQ(probe("{1:F01DEUTDEFFAXXX0000000000}{2:I940}{4:\r\n:20:X\r\n-}"), 0);
  EXPECT_EQ(probe("invoice_no;customer_no;amount\nRE-1;K-1;10\n"), 0);
  EXPECT_EQ(probe(""), 0);
}

TEST(BankCsvProbe, AConfiguredPresetOnlyMatchesItsOwnHeader) {
  ParserOptions options;
  options.preset = "dkb";
  EXPECT_EQ(probe(kCommerzbank, options), 0);
  options.preset = "commerzbank";
  EXPECT_EQ(probe(kCommerzbank, options), kHeaderMatch);
}

TEST(BankCsvProbe, AMappingMatchesByItsColumnsOrUncheckedByNumbers) {
  ParserOptions options;
  options.mapping = {{Field::booking_date, {.name = "Datum", .number = 0}},
                     {Field::amount, {.name = "Umsatz", .number = 0}}};
  EXPECT_EQ(probe("Datum;Text;Umsatz\n", options), kHeaderMatch);
  EXPECT_EQ(probe("Date;Text;Amount\n", options), 0);
  options.mapping = {{Field::booking_date, {.name = "", .number = 1}},
                     {Field::amount, {.name = "", .number = 3}}};
  EXPECT_EQ(probe("01.01.2025;x;1\n", options), kUncheckedMapping);
}

}  // namespace
}  // namespace kontor::plugins::bank_csv
