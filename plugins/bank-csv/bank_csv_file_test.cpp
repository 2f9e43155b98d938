#include "bank_csv_file.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "recording_sink.hpp"

namespace kontor::plugins::bank_csv {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::StartsWith;

// An ING Umsatzanzeige with the Saldo column, in Windows-1252 as ING writes it.
const std::string kIngWithSaldo =
    "Umsatzanzeige;Datei erstellt am: 09.12.2025 15:23\n"
    "\n"
    "IBAN;DE89370400440532013000\n"
    "Kontoname;Girokonto\n"
    "Zeitraum;17.11.2025 - 09.12.2025\n"
    "Saldo;1.150,00;EUR\n"
    "\n"
    "Buchung;Valuta;Auftraggeber/Empf\xE4nger;Buchungstext;Verwendungszweck;Saldo;W\xE4hrung;"
    "Betrag;W\xE4hrung\n"
    "09.12.2025;09.12.2025;Kunde GmbH;Gutschrift;RE-2025-17;1.150,00;EUR;200,00;EUR\n"
    "08.12.2025;08.12.2025;M\xFCller;Lastschrift;Miete;950,00;EUR;-50,00;EUR\n"
    "17.11.2025;17.11.2025;Lohn AG;Gehalt/Rente;Gehalt;1.000,00;EUR;1.000,00;EUR\n";

std::string ing_without_saldo_column() {
  std::string text = kIngWithSaldo;
  const auto drop = [&](std::string_view from, std::string_view to) {
    std::size_t at = 0;
    while ((at = text.find(from, at)) != std::string::npos) {
      text.replace(at, from.size(), to);
      at += to.size();
    }
  };
  drop("Verwendungszweck;Saldo;W\xE4hrung;", "Verwendungszweck;");
  drop(";1.150,00;EUR;200", ";200");
  drop(";950,00;EUR;-50", ";-50");
  drop(";1.000,00;EUR;1.000", ";1.000");
  return text;
}

sdk::Status parse(std::string_view text, BankCsvStatement& out, ParserOptions options = {}) {
  return parse_bank_csv("umsatz.csv", text, options, out);
}

TEST(BankCsvFile, IngWithSaldoGivesCheckedBalancesFromTheRows) {
  BankCsvStatement statement;
  ASSERT_TRUE(parse(kIngWithSaldo, statement)) << parse(kIngWithSaldo, statement).message();
  const sdk::StatementInfo& info = statement.info;
  EXPECT_EQ(info.dialect, "ing");
  EXPECT_EQ(info.id, "umsatz");
  EXPECT_EQ(info.kind, StatementKind::statement);
  EXPECT_EQ(info.account, "DE89370400440532013000");
  EXPECT_EQ(info.currency, "EUR");
  EXPECT_EQ(info.line, 8);
  EXPECT_EQ(info.opening->amount.format(), "0.00");
  EXPECT_EQ(info.opening->date.to_iso(), "2025-11-17");
  EXPECT_EQ(info.closing->amount.format(), "1150.00");
  EXPECT_EQ(info.closing->date.to_iso(), "2025-12-09");
  EXPECT_THAT(statement.warnings, IsEmpty());
  ASSERT_EQ(statement.entries.size(), 3u);
  EXPECT_EQ(statement.entries[1].details.counterparty_name, "Müller");
  EXPECT_EQ(statement.entries[1].line, 10);
}

TEST(BankCsvFile, IngWithoutSaldoColumnDerivesTheOpeningFromTheSaldoLine) {
  BankCsvStatement statement;
  ASSERT_TRUE(parse(ing_without_saldo_column(), statement));
  EXPECT_EQ(statement.info.dialect, "ing");
  EXPECT_EQ(statement.info.closing->amount.format(), "1150.00");
  EXPECT_EQ(statement.info.closing->date.to_iso(), "2025-12-09");
  EXPECT_EQ(statement.info.opening->amount.format(), "0.00");
  EXPECT_EQ(statement.info.opening->date.to_iso(), "2025-11-17");
}

TEST(BankCsvFile, BalancesThatDoNotAddUpAreWarnedNotRefused) {
  std::string text = kIngWithSaldo;
  text.replace(text.find("950,00"), 6, "940,00");
  BankCsvStatement statement;
  ASSERT_TRUE(parse(text, statement));
  std::vector<std::string> codes;
  for (const FileWarning& warning : statement.warnings) {
    codes.push_back(std::to_string(warning.line) + " " + warning.code);
  }
  // The Saldo line agrees with the newest row; rows 9 and 10 no longer agree with each other.
  EXPECT_THAT(codes, ElementsAre("9 balance_mismatch", "10 balance_mismatch"));
  EXPECT_EQ(statement.entries.size(), 3u);
}

TEST(BankCsvFile, AFileWithBadRowsIsRefusedWithEveryBadRowListed) {
  std::string text = kIngWithSaldo;
  text += "18.11.2025;18.11.2025;x;y;z;1,00;EUR\n";           // line 12: too few fields
  text += "19.11.2025;19.11.2025;x;y;z;1,00;EUR;1,0x;EUR\n";  // line 13: no amount
  BankCsvStatement statement;
  const sdk::Status status = parse(text, statement);
  ASSERT_FALSE(status);
  EXPECT_EQ(status.code(), sdk::Code::kFailed);
  EXPECT_THAT(status.message(), StartsWith("12:0: umsatz.csv: 2 rows cannot be read; the file is "
                                           "refused whole\n12:0: 7 fields, the header row (line "
                                           "8) has 9\n13:0: amount: amount '1,0x'"));
  EXPECT_THAT(statement.entries, IsEmpty());
}

TEST(BankCsvFile, AtMostAHundredBadRowsAreListed) {
  std::string text = ing_without_saldo_column();
  for (int i = 0; i < 150; ++i) text += "kaputt\n";
  BankCsvStatement statement;
  const sdk::Status status = parse(text, statement);
  EXPECT_THAT(status.message(), HasSubstr("150 rows cannot be read"));
  EXPECT_THAT(status.message(), HasSubstr("\n... and 50 more"));
}

TEST(BankCsvFile, AQuoteNeverClosedRefusesTheFile) {
  BankCsvStatement statement;
  const sdk::Status status =
      parse(ing_without_saldo_column() + "20.11.2025;20.11.2025;\"offen;y;z;1,00;EUR\n", statement);
  EXPECT_THAT(status.message(), HasSubstr("12:0: a quote opened on line 12 is never closed"));
}

TEST(BankCsvFile, AFileOfNoKnownLayoutIsRefusedWithWhatCameClosest) {
  BankCsvStatement statement;
  const sdk::Status status = parse("Datum;Betrag\n01.01.2025;1,00\n", statement);
  EXPECT_THAT(status.message(), StartsWith("1:0: umsatz.csv: not a bank CSV layout"));
  EXPECT_FALSE(parse("", statement));
}

TEST(BankCsvFile, AHeaderWithoutRowsIsAnEmptyStatement) {
  BankCsvStatement statement;
  ParserOptions options;
  options.account = "DE89370400440532013000";
  ASSERT_TRUE(
      parse("Buchungstag;Wertstellung;Umsatzart;Buchungstext;Betrag;Währung;"
            "IBAN Kontoinhaber;Kategorie\r\n",
            statement, options));
  EXPECT_THAT(statement.entries, IsEmpty());
  EXPECT_EQ(statement.info.account, "DE89370400440532013000");
  EXPECT_EQ(statement.info.currency, "EUR");
}

TEST(BankCsvFile, TheConfiguredAccountIsForFilesThatDoNotSay) {
  ParserOptions options;
  options.account = "DE02120300000000202051";
  BankCsvStatement statement;
  ASSERT_TRUE(parse(kIngWithSaldo, statement, options));
  EXPECT_EQ(statement.info.account, "DE89370400440532013000");
  ASSERT_EQ(statement.warnings.size(), 1u);
  EXPECT_EQ(statement.warnings[0].code, "account_mismatch");
  EXPECT_EQ(statement.warnings[0].line, 8);

  const std::string without_iban =
      "Buchungstag;Wertstellung;Umsatzart;Buchungstext;Betrag;Währung\n"
      "02.01.2025;02.01.2025;Gutschrift;RE 1;10;EUR\n";
  ASSERT_TRUE(parse(without_iban, statement, options));
  EXPECT_EQ(statement.info.account, "DE02120300000000202051");
  EXPECT_THAT(statement.warnings, IsEmpty());
  ASSERT_TRUE(parse(without_iban, statement));
  ASSERT_EQ(statement.warnings.size(), 1u);
  EXPECT_EQ(statement.warnings[0].code, "missing_account");
}

TEST(BankCsvFile, EntriesInAnotherCurrencyAreWarnedAndLeftOutOfTheBalances) {
  const std::string text =
      "Datum,Uhrzeit,Zeitzone,Name,Typ,Status,Währung,Brutto,Gebühr,Netto,Transaktionscode,"
      "Guthaben\n"
      "01.02.2025,10:00:00,CET,A,Zahlung,Abgeschlossen,EUR,\"10,00\",\"-0,35\",\"9,65\",T1,\"9,"
      "65\"\n"
      "02.02.2025,10:00:00,CET,B,Zahlung,Abgeschlossen,USD,\"5,00\",\"0,00\",\"5,00\",T2,\"5,"
      "00\"\n";
  ParserOptions options;
  options.account = "paypal@example.com";
  BankCsvStatement statement;
  ASSERT_TRUE(parse(text, statement, options));
  EXPECT_EQ(statement.info.dialect, "paypal");
  EXPECT_EQ(statement.info.currency, "EUR");
  ASSERT_EQ(statement.warnings.size(), 1u);
  EXPECT_EQ(statement.warnings[0].code, "currency_mismatch");
  EXPECT_EQ(statement.info.closing->amount.format(), "9.65");
  EXPECT_EQ(statement.entries[0].charges->format(), "0.35");
  EXPECT_EQ(statement.entries[0].details.bank_reference, "T1");
}

TEST(BankCsvFile, SkipLinesSkipsWhatIsAboveTheHeader) {
  ParserOptions options;
  options.skip_lines = 2;
  options.mapping = {{Field::booking_date, {.name = "", .number = 1}},
                     {Field::amount, {.name = "", .number = 2}}};
  options.account = "DE89370400440532013000";
  BankCsvStatement statement;
  ASSERT_TRUE(
      parse("Export\r\nDatum;Betrag\r\n01.02.2025;1,00\r\n02.02.2025;-2\r\n", statement, options));
  EXPECT_EQ(statement.info.dialect, "custom");
  ASSERT_EQ(statement.entries.size(), 2u);
  EXPECT_EQ(statement.entries[0].line, 3);
  EXPECT_EQ(statement.entries[1].amount.format(), "-2.00");
}

TEST(BankCsvFile, EmitGivesTheStatementThenWarningsBeforeTheEntriesOfTheirLines) {
  std::string text = kIngWithSaldo;
  text.replace(text.find("950,00"), 6, "940,00");
  BankCsvStatement statement;
  ASSERT_TRUE(parse(text, statement));
  RecordingSink sink;
  ASSERT_TRUE(emit(statement, sink));
  EXPECT_THAT(sink.order, ElementsAre("statement", "warning 9 balance_mismatch", "entry 9",
                                      "warning 10 balance_mismatch", "entry 10", "entry 11"));
}

}  // namespace
}  // namespace kontor::plugins::bank_csv
