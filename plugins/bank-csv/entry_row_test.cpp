#include "entry_row.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kontor::plugins::bank_csv {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

const std::string kSparkasse =
    "Auftragskonto;Buchungstag;Valutadatum;Buchungstext;Verwendungszweck;Glaeubiger ID;"
    "Mandatsreferenz;Kundenreferenz (End-to-End);Sammlerreferenz;Lastschrift Ursprungsbetrag;"
    "Auslagenersatz Ruecklastschrift;Beguenstigter/Zahlungspflichtiger;Kontonummer/IBAN;"
    "BIC (SWIFT-Code);Betrag;Waehrung;Info\n";
const std::string kDkb =
    "Buchungsdatum;Wertstellung;Status;Zahlungspflichtige*r;Zahlungsempfänger*in;"
    "Verwendungszweck;Umsatztyp;IBAN;Betrag (€);Gläubiger-ID;Mandatsreferenz;Kundenreferenz\n";
const std::string kAtruvia =
    "Bezeichnung Auftragskonto;IBAN Auftragskonto;BIC Auftragskonto;Bankname Auftragskonto;"
    "Buchungstag;Valutadatum;Name Zahlungsbeteiligter;IBAN Zahlungsbeteiligter;"
    "BIC (SWIFT-Code) Zahlungsbeteiligter;Buchungstext;Verwendungszweck;Betrag;Waehrung;"
    "Saldo nach Buchung;Bemerkung;Gekennzeichneter Umsatz;Glaeubiger ID;Mandatsreferenz\n";

EntryRow row_of(const std::string& header, const std::string& row, ParserOptions options = {}) {
  const std::string text = header + row;
  auto layout = detect_layout(text, 1, options);
  EXPECT_TRUE(layout) << layout.error().message;
  std::vector<CsvRecord> records = first_records(std::string_view(text).substr(layout->data_offset),
                                                 layout->delimiter, 1, layout->data_line);
  const std::size_t columns =
      layout->column_count > 0 ? layout->column_count : records.front().fields.size();
  return read_entry_row(records.front(), *layout, columns, options.currency);
}

std::vector<std::string> codes(const EntryRow& row) {
  std::vector<std::string> out;
  for (const RowWarning& warning : row.warnings) out.push_back(warning.code);
  return out;
}

TEST(EntryRow, SparkasseCamtRowWithItsSepaColumns) {
  const EntryRow row =
      row_of(kSparkasse,
             "DE89370400440532013000;05.12.25;08.12.25;FOLGELASTSCHRIFT;Online-Shop Bestellung;"
             "DE94ZZZ00000000001;MANDATREF123;REF123456;;;;Online-Shop GmbH;DE89370400440532013001;"
             "TUBDDEDDXXX;-99,80;EUR;Umsatz vorgemerkt\n");
  EXPECT_THAT(row.errors, IsEmpty());
  const sdk::StatementEntry& entry = row.entry;
  EXPECT_EQ(entry.line, 2);
  EXPECT_EQ(entry.booking_date.to_iso(), "2025-12-05");
  EXPECT_EQ(entry.value_date->to_iso(), "2025-12-08");
  EXPECT_EQ(entry.amount.to_string(), "-99.80 EUR");
  EXPECT_EQ(entry.status, EntryStatus::pending);
  EXPECT_EQ(entry.details.counterparty_name, "Online-Shop GmbH");
  EXPECT_EQ(entry.details.counterparty_account, "DE89370400440532013001");
  EXPECT_EQ(entry.details.counterparty_bic, "TUBDDEDDXXX");
  EXPECT_EQ(entry.details.end_to_end_id, "REF123456");
  EXPECT_EQ(entry.details.mandate_id, "MANDATREF123");
  EXPECT_EQ(entry.details.creditor_id, "DE94ZZZ00000000001");
  EXPECT_EQ(entry.details.bank_transaction_code, "FOLGELASTSCHRIFT");
  EXPECT_EQ(entry.details.remittance, "Online-Shop Bestellung");
  EXPECT_EQ(row.account, "DE89370400440532013000");
}

TEST(EntryRow, DkbTakesThePayerOfACreditAndThePayeeOfADebit) {
  const std::string credit =
      "08.12.25;08.12.25;Gebucht;Kunde GmbH;Wir;Rechnung "
      "42;Eingang;DE89370400440532013000;200;;;\n";
  const std::string debit =
      "05.12.25;05.12.25;Vorgemerkt;Wir;Lieferant;Abschlag;Ausgang;DE89370400440532013000;-62,3;"
      "DE98ZZZ09999999999;M-1;E-1\n";
  EXPECT_EQ(row_of(kDkb, credit).entry.details.counterparty_name, "Kunde GmbH");
  const EntryRow row = row_of(kDkb, debit);
  EXPECT_EQ(row.entry.details.counterparty_name, "Lieferant");
  EXPECT_EQ(row.entry.amount.to_string(), "-62.30 EUR");
  EXPECT_EQ(row.entry.status, EntryStatus::pending);
  EXPECT_EQ(row.entry.details.end_to_end_id, "E-1");
}

TEST(EntryRow, SepaFieldsInThePurposeAreSplitOutAndWinOverContradictingColumns) {
  const EntryRow row = row_of(
      kAtruvia,
      "Giro;DE89370400440532013000;GENODEF1NEA;VR Bank;01.12.2025;01.12.2025;Firma;"
      "DE89370400440532013000;WELADEDDXXX;Basislastschrift;HDI Leben EREF: 134541375034 MREF: "
      "M-200 CRED: DE74ZZZ00000051890 IBAN: DE62300500000000163568 BIC: WELADEDDXXX;-453,11;EUR;"
      "14671,94;;;DE89370400440532013000;M-200\n");
  EXPECT_EQ(row.entry.details.remittance, "HDI Leben");
  EXPECT_EQ(row.entry.details.end_to_end_id, "134541375034");
  EXPECT_EQ(row.entry.details.mandate_id, "M-200");
  EXPECT_EQ(row.entry.details.creditor_id, "DE74ZZZ00000051890");
  // The counterparty's own column stands; the purpose's IBAN only fills a gap.
  EXPECT_EQ(row.entry.details.counterparty_account, "DE89370400440532013000");
  EXPECT_THAT(codes(row), ElementsAre("sepa_field_conflict"));
  EXPECT_EQ(row.balance->to_string(), "14671.94 EUR");
  EXPECT_EQ(row.account_bic, "GENODEF1NEA");
}

TEST(EntryRow, MissingBookingDateTakesTheValueDate) {
  const EntryRow row =
      row_of(kSparkasse, "DE1;;03.12.25;GUTSCHRIFT;x;;;;;;;A;B;C;1,00;EUR;Umsatz gebucht\n");
  EXPECT_THAT(row.errors, IsEmpty());
  EXPECT_EQ(row.entry.booking_date.to_iso(), "2025-12-03");
  EXPECT_THAT(codes(row), ElementsAre("missing_entry_date"));
}

TEST(EntryRow, ThirtiethOfFebruaryIsAWarningNotARefusal) {
  const EntryRow row =
      row_of(kSparkasse, "DE1;30.02.25;30.02.25;ENTGELT;x;;;;;;;A;B;C;-4,50;EUR;Umsatz gebucht\n");
  EXPECT_THAT(row.errors, IsEmpty());
  EXPECT_EQ(row.entry.booking_date.to_iso(), "2025-02-28");
  EXPECT_THAT(codes(row), ElementsAre("invalid_date", "invalid_date"));
}

TEST(EntryRow, UnreadableValuesMakeABadRowNamingEachProblem) {
  const EntryRow row =
      row_of(kSparkasse, "DE1;45.12.25;03.12.25;X;x;;;;;;;A;B;C;12,345;EURO;Umsatz gebucht\n");
  ASSERT_EQ(row.errors.size(), 3u);
  EXPECT_THAT(row.errors[0], HasSubstr("currency 'EURO'"));
  EXPECT_THAT(row.errors[1], HasSubstr("amount: amount '12,345'"));
  EXPECT_THAT(row.errors[2], HasSubstr("booking_date: '45.12.25' is not a date"));
}

TEST(EntryRow, AnotherNumberOfFieldsThanTheHeaderIsABadRow) {
  EXPECT_THAT(row_of(kSparkasse, "DE1;03.12.25;03.12.25;X\n").errors,
              ElementsAre(HasSubstr("4 fields, the header row (line 1) has 17")));
  EXPECT_THAT(row_of(kSparkasse, "DE1;03.12.25;03.12.25;X;x;;;;;;;A;B;C;1,00;EUR;I;extra\n").errors,
              ElementsAre(HasSubstr("field 18 is 'extra'")));
  // Trailing empty fields (";;;") are no problem.
  EXPECT_THAT(row_of(kSparkasse, "DE1;03.12.25;03.12.25;X;x;;;;;;;A;B;C;1,00;EUR;I;;\n").errors,
              IsEmpty());
}

TEST(EntryRow, UnknownStatusIsInfo) {
  const EntryRow row =
      row_of(kSparkasse, "DE1;03.12.25;03.12.25;X;x;;;;;;;A;B;C;1,00;EUR;Umsatz storniert\n");
  EXPECT_EQ(row.entry.status, EntryStatus::info);
  EXPECT_THAT(codes(row), ElementsAre("unknown_status"));
}

TEST(EntryRow, DebitAndCreditColumnsWithADirection) {
  ParserOptions options;
  options.mapping = {{Field::booking_date, {.name = "Datum", .number = 0}},
                     {Field::debit, {.name = "Soll", .number = 0}},
                     {Field::credit, {.name = "Haben", .number = 0}}};
  const std::string header = "Datum;Soll;Haben\n";
  EXPECT_EQ(row_of(header, "01.02.2025;12,50;\n", options).entry.amount.to_string(), "-12.50 EUR");
  EXPECT_EQ(row_of(header, "01.02.2025;-12,50;\n", options).entry.amount.to_string(), "-12.50 EUR");
  EXPECT_EQ(row_of(header, "01.02.2025;;7\n", options).entry.amount.to_string(), "7.00 EUR");
  EXPECT_THAT(row_of(header, "01.02.2025;1;2\n", options).errors,
              ElementsAre(HasSubstr("a debit (1,00) and a credit (2,00) in one row")));
  EXPECT_THAT(row_of(header, "01.02.2025;;\n", options).errors,
              ElementsAre(HasSubstr("no amount in debit or credit")));

  options.mapping = {{Field::booking_date, {.name = "Datum", .number = 0}},
                     {Field::amount, {.name = "Betrag", .number = 0}},
                     {Field::direction, {.name = "S/H", .number = 0}}};
  const std::string signed_header = "Datum;Betrag;S/H\n";
  EXPECT_EQ(row_of(signed_header, "01.02.2025;12,50;S\n", options).entry.amount.to_string(),
            "-12.50 EUR");
  EXPECT_EQ(row_of(signed_header, "01.02.2025;12,50;H\n", options).entry.amount.to_string(),
            "12.50 EUR");
  const EntryRow contradiction = row_of(signed_header, "01.02.2025;-12,50;Haben\n", options);
  EXPECT_EQ(contradiction.entry.amount.to_string(), "-12.50 EUR");
  EXPECT_THAT(codes(contradiction), ElementsAre("direction_mismatch"));
}

TEST(EntryRow, TargobanksFreeTextFillsTheParties) {
  const EntryRow row = row_of(
      "",
      "03.11.2025;Lastschrift   BANK AG   DE35000000000000000000   Visa ABRECHNUNG   D3293   "
      "DE9500000000000000   3293CCP;-24,00;;;;'DE67000000000000000000'\r\n");
  EXPECT_THAT(row.errors, IsEmpty());
  EXPECT_EQ(row.entry.amount.to_string(), "-24.00 EUR");
  EXPECT_EQ(row.entry.details.bank_transaction_code, "Lastschrift");
  EXPECT_EQ(row.entry.details.counterparty_name, "BANK AG");
  EXPECT_EQ(row.entry.details.creditor_id, "DE9500000000000000");
  EXPECT_EQ(row.entry.details.remittance, "Visa ABRECHNUNG");
  EXPECT_EQ(row.account, "DE67000000000000000000");
  EXPECT_FALSE(row.entry.value_date.has_value());
}

TEST(EntryRow, ControlCharactersAndStrayQuotesAreWarnings) {
  const EntryRow row =
      row_of(kSparkasse,
             "DE1;03.12.25;03.12.25;X;Rech\x01nung;;;;;;;Firma\";B;C;1,00;EUR;Umsatz gebucht\n");
  EXPECT_THAT(row.errors, IsEmpty());
  EXPECT_EQ(row.entry.details.remittance, "Rech nung");
  EXPECT_EQ(row.entry.details.counterparty_name, "Firma\"");
  EXPECT_THAT(codes(row), ElementsAre("stray_quote", "control_character"));
}

}  // namespace
}  // namespace kontor::plugins::bank_csv
