#include <gtest/gtest.h>

#include <map>

#include "extf_booking_columns.hpp"
#include "extf_debtor_columns.hpp"
#include "extf_record.hpp"
#include "extf_test_reader.hpp"

namespace kontor::plugins::datev {
namespace {

using test_support::split_fields;

TEST(ExtfColumnsTest, BuchungsstapelVersion13Has125ColumnsAndVersion12TheFirst124) {
  ASSERT_EQ(booking_columns(BookingFormat::v13).size(), 125u);
  ASSERT_EQ(booking_columns(BookingFormat::v12).size(), 124u);
  EXPECT_EQ(column_count(BookingFormat::v13), 125);
  EXPECT_EQ(column_count(BookingFormat::v12), 124);
  EXPECT_EQ(booking_columns(BookingFormat::v12).back().heading, "EU-Steuersatz (Ursprung)");
}

// Headings by position, copied by hand from the reference's table (datev-extf.md §3).
TEST(ExtfColumnsTest, BuchungsstapelHeadingsStandWhereDatevsFieldTableHasThem) {
  std::span<const ExtfColumn> columns = booking_columns(BookingFormat::v13);
  const std::map<int, std::string> expected = {
      {1, "Umsatz (ohne Soll/Haben-Kz)"},
      {2, "Soll/Haben-Kennzeichen"},
      {3, "WKZ Umsatz"},
      {4, "Kurs"},
      {5, "Basis-Umsatz"},
      {6, "WKZ Basis-Umsatz"},
      {7, "Konto"},
      {8, "Gegenkonto (ohne BU-Schlüssel)"},
      {9, "BU-Schlüssel"},
      {10, "Belegdatum"},
      {11, "Belegfeld 1"},
      {12, "Belegfeld 2"},
      {13, "Skonto"},
      {14, "Buchungstext"},
      {15, "Postensperre"},
      {16, "Diverse Adressnummer"},
      {17, "Geschäftspartnerbank"},
      {18, "Sachverhalt"},
      {19, "Zinssperre"},
      {20, "Beleglink"},
      {21, "Beleginfo - Art 1"},
      {22, "Beleginfo - Inhalt 1"},
      {36, "Beleginfo - Inhalt 8"},
      {37, "KOST1 - Kostenstelle"},
      {38, "KOST2 - Kostenstelle"},
      {39, "Kost-Menge"},
      {40, "EU-Land u. UStID (Bestimmung)"},
      {41, "EU-Steuersatz (Bestimmung)"},
      {42, "Abw. Versteuerungsart"},
      {43, "Sachverhalt L+L"},
      {44, "Funktionsergänzung L+L"},
      {45, "BU 49 Hauptfunktionstyp"},
      {46, "BU 49 Hauptfunktionsnummer"},
      {47, "BU 49 Funktionsergänzung"},
      {48, "Zusatzinformation - Art 1"},
      {49, "Zusatzinformation- Inhalt 1"},
      {86, "Zusatzinformation - Art 20"},
      {87, "Zusatzinformation- Inhalt 20"},
      {88, "Stück"},
      {89, "Gewicht"},
      {90, "Zahlweise"},
      {91, "Forderungsart"},
      {92, "Veranlagungsjahr"},
      {93, "Zugeordnete Fälligkeit"},
      {94, "Skontotyp"},
      {95, "Auftragsnummer"},
      {96, "Buchungstyp"},
      {97, "USt-Schlüssel (Anzahlungen)"},
      {98, "EU-Land (Anzahlungen)"},
      {99, "Sachverhalt L+L (Anzahlungen)"},
      {100, "EU-Steuersatz (Anzahlungen)"},
      {101, "Erlöskonto (Anzahlungen)"},
      {102, "Herkunft-Kz"},
      {103, "Buchungs GUID"},
      {104, "KOST-Datum"},
      {105, "SEPA-Mandatsreferenz"},
      {106, "Skontosperre"},
      {107, "Gesellschaftername"},
      {108, "Beteiligtennummer"},
      {109, "Identifikationsnummer"},
      {110, "Zeichnernummer"},
      {111, "Postensperre bis"},
      {112, "Bezeichnung SoBil-Sachverhalt"},
      {113, "Kennzeichen SoBil-Buchung"},
      {114, "Festschreibung"},
      {115, "Leistungsdatum"},
      {116, "Datum Zuord. Steuerperiode"},
      {117, "Fälligkeit"},
      {118, "Generalumkehr (GU)"},
      {119, "Steuersatz"},
      {120, "Land"},
      {121, "Abrechnungsreferenz"},
      {122, "BVV-Position"},
      {123, "EU-Land u. UStID (Ursprung)"},
      {124, "EU-Steuersatz (Ursprung)"},
      {125, "Abw. Skontokonto"},
  };
  for (const auto& [number, heading] : expected) {
    EXPECT_EQ(columns[static_cast<std::size_t>(number - 1)].heading, heading) << "field " << number;
  }
  for (int pair = 1; pair <= 20; ++pair) {
    EXPECT_EQ(columns[static_cast<std::size_t>(47 + 2 * pair - 2)].heading,
              "Zusatzinformation - Art " + std::to_string(pair));
  }
}

TEST(ExtfColumnsTest, HeadingLineIsUnquotedSemicolonSeparatedCp1252) {
  std::string line = heading_line(booking_columns(BookingFormat::v13));
  std::vector<std::string> fields = split_fields(line);
  ASSERT_EQ(fields.size(), 125u);
  EXPECT_EQ(fields[7], "Gegenkonto (ohne BU-Schl\xFCssel)");
  EXPECT_EQ(line.find('"'), std::string::npos);
  EXPECT_EQ(line.find('\xC3'), std::string::npos);  // no UTF-8 ü
}

// The reference's example record leaves text fields `""` and others empty (datev-extf.md §3).
TEST(ExtfColumnsTest, EmptyRecordQuotesTextFieldsOnly) {
  std::vector<std::string> fields =
      split_fields(ExtfRecord(booking_columns(BookingFormat::v13)).line());
  ASSERT_EQ(fields.size(), 125u);
  for (int text : {2,  3,  6,  9,  11, 12,  14,  16,  20,  21,  36,  37,  38,  40,  42,  48,
                   87, 91, 95, 96, 98, 102, 103, 105, 107, 109, 110, 112, 118, 120, 121, 123}) {
    EXPECT_EQ(fields[static_cast<std::size_t>(text - 1)], "\"\"") << "field " << text;
  }
  for (int other : {1,   4,   5,   7,   8,   10,  13,  15,  17,  18,  19,  39,  41,
                    43,  47,  88,  89,  90,  92,  93,  94,  97,  99,  100, 101, 104,
                    106, 108, 111, 113, 114, 115, 116, 117, 119, 122, 124, 125}) {
    EXPECT_EQ(fields[static_cast<std::size_t>(other - 1)], "") << "field " << other;
  }
}

TEST(ExtfColumnsTest, DebitorenKreditorenVersion5Has254Columns) {
  EXPECT_EQ(debtor_columns().size(), 254u);
  EXPECT_EQ(kDebtorColumnCount, 254);
  EXPECT_EQ(split_fields(heading_line(debtor_columns())).size(), 254u);
}

// Headings by position, copied by hand from the reference's table (datev-extf.md §9).
TEST(ExtfColumnsTest, DebitorenKreditorenHeadingsStandWhereDatevsFieldTableHasThem) {
  std::span<const ExtfColumn> columns = debtor_columns();
  const std::map<int, std::string> expected = {
      {1, "Konto"},
      {2, "Name (Adressattyp Unternehmen)"},
      {3, "Unternehmensgegenstand"},
      {4, "Name (Adressattyp natürl. Person)"},
      {5, "Vorname (Adressattyp natürl. Person)"},
      {6, "Name (Adressattyp keine Angabe)"},
      {7, "Adressattyp"},
      {8, "Kurzbezeichnung"},
      {9, "EU-Land"},
      {10, "EU-UStID"},
      {15, "Adressart"},
      {16, "Straße"},
      {18, "Postleitzahl"},
      {19, "Ort"},
      {20, "Land"},
      {26, "Kennz. Korrespondenzadresse"},
      {29, "Telefon"},
      {33, "E-Mail"},
      {41, "Bankleitzahl 1"},
      {45, "IBAN-Nr. 1"},
      {46, "Leerfeld"},
      {47, "SWIFT-Code 1"},
      {49, "Kennz. Hauptbankverb. 1"},
      {51, "Bankverb 1 Gültig bis"},
      {56, "IBAN-Nr. 2"},
      {96, "Leerfeld"},
      {97, "Briefanrede"},
      {99, "Kunden-/Lief.-Nr."},
      {100, "Steuernummer"},
      {101, "Sprache"},
      {121, "Mahnung"},
      {133, "Lastschrift"},
      {137, "Indiv. Feld 1"},
      {151, "Indiv. Feld 15"},
      {165, "Bankleitzahl 6"},
      {169, "IBAN-Nr. 6"},
      {219, "Bankverb 10 Gültig bis"},
      {220, "Nummer Fremdsystem"},
      {221, "Insolvent"},
      {222, "SEPA-Mandatsreferenz 1"},
      {232, "Verknüpftes OPOS-Konto"},
      {243, "Verzugspauschale 3"},
      {244, "Alternativer Suchname"},
      {250, "Fristberechnung bei Debitor"},
      {254, "Letzte Frist"},
  };
  for (const auto& [number, heading] : expected) {
    EXPECT_EQ(columns[static_cast<std::size_t>(number - 1)].heading, heading) << "field " << number;
  }
}

TEST(ExtfColumnsTest, BankBlocksStartAt41And165) {
  EXPECT_EQ(debtor_column::bank_block_start(1), 41);
  EXPECT_EQ(debtor_column::bank_block_start(5), 85);
  EXPECT_EQ(debtor_column::bank_block_start(6), 165);
  EXPECT_EQ(debtor_column::bank_block_start(10), 209);
}

}  // namespace
}  // namespace kontor::plugins::datev
