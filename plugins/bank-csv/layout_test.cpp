#include "layout.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "presets.hpp"

namespace kontor::plugins::bank_csv {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

Result<Layout> detect(std::string_view text, ParserOptions options = {}) {
  return detect_layout(text, 1, options);
}

std::string dialect_of(std::string_view text) {
  auto layout = detect(text);
  return layout ? layout->dialect : "error: " + layout.error().message;
}

TEST(Layout, EveryPresetIsRecognisedFromItsHeader) {
  EXPECT_EQ(dialect_of("Buchungstag;Wertstellung;Umsatzart;Buchungstext;Betrag;Währung;"
                       "IBAN Kontoinhaber;Kategorie\n"),
            "commerzbank");
  EXPECT_EQ(dialect_of("\"Buchungsdatum\";\"Wertstellung\";\"Status\";\"Zahlungspflichtige*r\";"
                       "\"Zahlungsempfänger*in\";\"Verwendungszweck\";\"Umsatztyp\";\"IBAN\";"
                       "\"Betrag (€)\";\"Gläubiger-ID\";\"Mandatsreferenz\";\"Kundenreferenz\"\n"),
            "dkb");
  EXPECT_EQ(dialect_of("\"Buchungstag\";\"Wertstellung\";\"Buchungstext\";\"Auftraggeber / "
                       "Begünstigter\";\"Verwendungszweck\";\"Kontonummer\";\"BLZ\";\"Betrag "
                       "(EUR)\";\"Gläubiger-ID\";\"Mandatsreferenz\";\"Kundenreferenz\";\n"),
            "dkb-old");
  EXPECT_EQ(dialect_of("Buchung;Valuta;Auftraggeber/Empfänger;Buchungstext;Notiz;"
                       "Verwendungszweck;Saldo;Währung;Betrag;Währung\n"),
            "ing");
  EXPECT_EQ(dialect_of("\"Datum\",\"Uhrzeit\",\"Zeitzone\",\"Name\",\"Typ\",\"Status\","
                       "\"Währung\",\"Brutto\",\"Gebühr\",\"Netto\",\"Transaktionscode\","
                       "\"Guthaben\"\n"),
            "paypal");
  EXPECT_EQ(dialect_of("\"Auftragskonto\";\"Buchungstag\";\"Valutadatum\";\"Buchungstext\";"
                       "\"Verwendungszweck\";\"Beguenstigter/Zahlungspflichtiger\";"
                       "\"Kontonummer\";\"BLZ\";\"Betrag\";\"Waehrung\";\"Info\"\n"),
            "sparkasse-csv-mt940");
}

TEST(Layout, OfTwoMatchingPresetsTheOneWithMoreOfItsNamesWins) {
  // Every CSV-MT940 name but Kontonummer and BLZ is also a CSV-CAMT name.
  auto layout = detect(
      "Auftragskonto;Buchungstag;Valutadatum;Buchungstext;Verwendungszweck;Glaeubiger ID;"
      "Mandatsreferenz;Kundenreferenz (End-to-End);Sammlerreferenz;Lastschrift Ursprungsbetrag;"
      "Auslagenersatz Ruecklastschrift;Beguenstigter/Zahlungspflichtiger;Kontonummer/IBAN;"
      "BIC (SWIFT-Code);Betrag;Waehrung;Info\n");
  ASSERT_TRUE(layout);
  EXPECT_EQ(layout->dialect, "sparkasse-csv-camt");
  EXPECT_THAT(layout->columns[index_of(Field::end_to_end_id)], ElementsAre(7u));
}

TEST(Layout, MetadataLinesAboveTheHeaderAreKept) {
  auto layout = detect(
      "Umsatzanzeige;Datei erstellt am: 09.12.2025 15:23\n\nIBAN;DE89370400440532013000\n"
      "Saldo;66.331,90;EUR\n\nBuchung;Wertstellungsdatum;Auftraggeber/Empfänger;Buchungstext;"
      "Verwendungszweck;Betrag;Währung\n09.12.2025;09.12.2025;A;B;C;-1,00;EUR\n");
  ASSERT_TRUE(layout) << layout.error().message;
  EXPECT_EQ(layout->dialect, "ing");
  EXPECT_EQ(layout->header_line, 6);
  EXPECT_EQ(layout->data_line, 7);
  EXPECT_EQ(layout->metadata.size(), 3u);
  EXPECT_EQ(layout->column_count, 7u);
}

TEST(Layout, TheLastOfTwoEquallyNamedColumnsIsTheAmountsCurrency) {
  auto layout = detect(
      "Buchung;Valuta;Auftraggeber/Empfänger;Buchungstext;Verwendungszweck;"
      "Saldo;Währung;Betrag;Währung\n");
  ASSERT_TRUE(layout);
  EXPECT_THAT(layout->columns[index_of(Field::currency)], ElementsAre(8u));
  EXPECT_THAT(layout->columns[index_of(Field::balance)], ElementsAre(5u));
}

TEST(Layout, DamagedHeaderCellsAreTakenByTheirPlace) {
  auto layout = detect(
      "Bezeichnung Auftragskonto;IBAN Auftragskonto;GENOXXXXX;Bankname Auftragskonto;Buchungstag;"
      "Valutadatum;Max Mustermann;IBAN Zahlungsbeteiligter;BIC (SWIFT-Code) Zahlungsbeteiligter;"
      "Buchungstext;Verwendungszweck;Betrag;Waehrung;Saldo nach Buchung;Bemerkung;"
      "Gekennzeichneter Umsatz;Glaeubiger ID;Mandatsreferenz\n");
  ASSERT_TRUE(layout) << layout.error().message;
  EXPECT_EQ(layout->dialect, "atruvia");
  EXPECT_THAT(layout->columns[index_of(Field::counterparty_name)], ElementsAre(6u));
  EXPECT_THAT(layout->columns[index_of(Field::account_bic)], ElementsAre(2u));
  ASSERT_EQ(layout->warnings.size(), 2u);
  EXPECT_EQ(layout->warnings[0].code, "header_damaged");
  EXPECT_THAT(layout->warnings[1].message, HasSubstr("'Max Mustermann': read as 'Name "
                                                     "Zahlungsbeteiligter'"));
}

TEST(Layout, PayPalsRemittanceJoinsSeveralColumns) {
  auto layout = detect(
      "Datum,Uhrzeit,Zeitzone,Name,Typ,Status,Währung,Brutto,Gebühr,Netto,"
      "Transaktionscode,Rechnungsnummer,Guthaben,Betreff,Hinweis\n");
  ASSERT_TRUE(layout);
  EXPECT_EQ(layout->delimiter, ',');
  EXPECT_THAT(layout->columns[index_of(Field::remittance)], ElementsAre(13u, 14u, 11u));
}

TEST(Layout, HeaderlessTargobankByTheShapeOfItsRows) {
  const std::string comma =
      "03.11.2025;Lastschrift   BANK AG;-24,00;;;;'DE67000000000000000000'\r\n"
      "10.11.2025;Gutschrift   TEAG;;83,16;;;'DE67000000000000000000'\r\n";
  auto layout = detect(comma);
  ASSERT_TRUE(layout) << layout.error().message;
  EXPECT_EQ(layout->dialect, "targobank");
  EXPECT_EQ(layout->header_line, 0);
  EXPECT_EQ(layout->notation, Notation::german());
  EXPECT_EQ(layout->column_count, 7u);

  std::string point = comma;
  point.replace(point.find("-24,00"), 6, "-24.00");
  point.replace(point.find("83,16"), 5, "83.16");
  auto variant = detect(point);
  ASSERT_TRUE(variant);
  EXPECT_EQ(variant->dialect, "targobank-point");
  EXPECT_EQ(variant->notation.decimal_separator, '.');
}

TEST(Layout, AnUnknownFileSaysWhatCameClosest) {
  auto layout = detect("Buchungstag;Wertstellung;Text;Summe\n01.01.2025;01.01.2025;x;1\n");
  ASSERT_FALSE(layout);
  EXPECT_THAT(layout.error().message, HasSubstr("not a bank CSV layout Kontor knows"));
  EXPECT_THAT(layout.error().message, HasSubstr("line 1 comes closest to commerzbank"));
  EXPECT_THAT(layout.error().message, HasSubstr("configure preset or mapping"));
}

TEST(Layout, AConfiguredPresetIsTheOnlyOneTried) {
  ParserOptions options;
  options.preset = "dkb";
  auto layout = detect("Buchungstag;Wertstellung;Umsatzart;Buchungstext;Betrag;Währung\n", options);
  ASSERT_FALSE(layout);
  EXPECT_THAT(layout.error().message, HasSubstr("no header row of preset dkb"));
}

TEST(Layout, AMappingOfItsOwnFindsItsHeaderBelowMetadata) {
  ParserOptions options;
  options.mapping = {{Field::booking_date, {.name = "Datum", .number = 0}},
                     {Field::amount, {.name = "Umsatz", .number = 0}},
                     {Field::remittance, {.name = "", .number = 4}}};
  auto layout = detect("Konto 1234\n\nDatum,Text,Umsatz,Notiz\n01.02.2025,x,\"1,00\",n\n", options);
  ASSERT_TRUE(layout) << layout.error().message;
  EXPECT_EQ(layout->dialect, "custom");
  EXPECT_EQ(layout->delimiter, ',');
  EXPECT_EQ(layout->header_line, 3);
  EXPECT_THAT(layout->columns[index_of(Field::amount)], ElementsAre(2u));
  EXPECT_THAT(layout->columns[index_of(Field::remittance)], ElementsAre(3u));
}

TEST(Layout, AMappingByNumbersOnlyHasNoHeader) {
  ParserOptions options;
  options.mapping = {{Field::booking_date, {.name = "", .number = 1}},
                     {Field::amount, {.name = "", .number = 3}}};
  auto layout = detect("01.02.2025\tx\t1,00\n", options);
  ASSERT_TRUE(layout);
  EXPECT_EQ(layout->delimiter, '\t');
  EXPECT_EQ(layout->header_line, 0);
  EXPECT_EQ(layout->column_count, 0u);
}

TEST(Layout, AMappingMustNameAnAmountAndADate) {
  ParserOptions options;
  options.mapping = {{Field::remittance, {.name = "", .number = 1}}};
  EXPECT_THAT(detect("x;y\n", options).error().message, HasSubstr("needs amount"));
}

TEST(Layout, AMappingOverridesThePresetsColumns) {
  ParserOptions options;
  options.preset = "commerzbank";
  options.mapping = {{Field::remittance, {.name = "Kategorie", .number = 0}}};
  auto layout = detect(
      "Buchungstag;Wertstellung;Umsatzart;Buchungstext;Betrag;Währung;"
      "IBAN Kontoinhaber;Kategorie\n",
      options);
  ASSERT_TRUE(layout);
  EXPECT_THAT(layout->columns[index_of(Field::remittance)], ElementsAre(7u));
  options.mapping = {{Field::remittance, {.name = "Notiz", .number = 0}}};
  EXPECT_THAT(detect("Buchungstag;Wertstellung;Umsatzart;Buchungstext;Betrag;Währung\n", options)
                  .error()
                  .message,
              HasSubstr("no column 'Notiz'"));
}

TEST(Layout, EveryPresetHasAReadableLayout) {
  for (const Preset& preset : presets()) {
    SCOPED_TRACE(std::string(preset.name));
    if (preset.shape) {
      EXPECT_THAT(preset.columns, IsEmpty());
      continue;
    }
    std::string header;
    for (const auto& names : preset.header) {
      header +=
          (header.empty() ? "" : std::string(1, preset.delimiter)) + std::string(names.front());
    }
    auto layout = detect(header + "\n");
    ASSERT_TRUE(layout) << layout.error().message;
    EXPECT_EQ(layout->dialect, preset.name);
    EXPECT_THAT(layout->warnings, IsEmpty());
  }
}

}  // namespace
}  // namespace kontor::plugins::bank_csv
