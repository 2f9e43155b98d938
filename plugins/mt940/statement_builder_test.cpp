#include "statement_builder.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "recording_sink.hpp"

namespace kontor::plugins::mt940 {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

Date day(int year, int month, int day) {
  return *Date::from_ymd(year, month, day);
}

Money eur(std::int64_t cents) {
  return Money(cents, Currency::eur());
}

// Runs the fields of `text` through a builder into `sink`.
sdk::Status build(std::string_view text, RecordingSink& sink) {
  FieldReader reader(text);
  StatementBuilder builder(sink, Currency::eur());
  while (true) {
    const FieldReader::Event event = reader.next();
    sdk::Status status;
    if (event == FieldReader::Event::end) break;
    status =
        event == FieldReader::Event::field ? builder.add(reader.field()) : builder.message_end();
    if (!status) return status;
  }
  return builder.finish();
}

RecordingSink built(std::string_view text) {
  RecordingSink sink;
  const sdk::Status status = build(text, sink);
  EXPECT_TRUE(status) << status.message();
  return sink;
}

constexpr std::string_view kSparkasse =
    ":20:STARTUMSE\n"
    ":25:87052000/123456789\n"
    ":28C:00000/001\n"
    ":60F:C190215EUR194,57\n"
    ":61:1902190219DR20,00NMSCNONREF\n"
    ":86:177?00ONLINE-UEBERWEISUNG?109310?20SVWZ+Apple Pay?21DATUM 19.\n"
    "02.2019, 13.24 UHR?30NTSBDEB1XXX?31DE1234567890123\n"
    "4567890?32Max Mustermann?34997\n"
    ":62F:C190219EUR174,57\n"
    "-\n";

TEST(StatementBuilderTest, AGermanStatementWithItsEntry) {
  const RecordingSink sink = built(kSparkasse);
  ASSERT_EQ(sink.statements.size(), 1u);
  const sdk::StatementInfo& statement = sink.statements[0];
  EXPECT_EQ(statement.kind, StatementKind::statement);
  EXPECT_EQ(statement.dialect, "mt940");
  EXPECT_EQ(statement.id, "STARTUMSE");
  EXPECT_EQ(statement.sequence, "00000/001");
  EXPECT_EQ(statement.account, "87052000/123456789");
  EXPECT_EQ(statement.currency, "EUR");
  EXPECT_EQ(statement.opening->amount, eur(19457));
  EXPECT_EQ(statement.opening->date, day(2019, 2, 15));
  EXPECT_EQ(statement.closing->amount, eur(17457));
  EXPECT_EQ(statement.line, 1);
  ASSERT_EQ(sink.entries.size(), 1u);
  const sdk::StatementEntry& entry = sink.entries[0];
  EXPECT_EQ(entry.amount, eur(-2000));
  EXPECT_EQ(entry.booking_date, day(2019, 2, 19));
  EXPECT_EQ(entry.value_date, day(2019, 2, 19));
  EXPECT_EQ(entry.status, EntryStatus::booked);
  EXPECT_EQ(entry.owner_reference, "");
  EXPECT_EQ(entry.details.bank_reference, "");
  EXPECT_EQ(entry.details.bank_transaction_code, "177");
  EXPECT_EQ(entry.details.remittance, "Apple PayDATUM 19.02.2019, 13.24 UHR");
  EXPECT_EQ(entry.details.counterparty_account, "DE12345678901234567890");
  EXPECT_EQ(entry.additional_info, "ONLINE-UEBERWEISUNG");
  EXPECT_EQ(entry.line, 5);
  EXPECT_THAT(sink.warnings, IsEmpty());
}

TEST(StatementBuilderTest, BalancesThatDoNotAddUpAreAWarningNotARejection) {
  std::string text(kSparkasse);
  text.replace(text.find("C190219EUR174,57"), 16, "C190219EUR931304,50");
  const RecordingSink sink = built(text);
  ASSERT_EQ(sink.warnings.size(), 1u);
  EXPECT_EQ(sink.warnings[0].code, "balance_mismatch");
  EXPECT_EQ(sink.warnings[0].line, 9);
  EXPECT_THAT(sink.warnings[0].message, HasSubstr("174.57 EUR"));
  EXPECT_EQ(sink.entries.size(), 1u);
}

TEST(StatementBuilderTest, SeveralStatementsAndIntermediateBalances) {
  const RecordingSink sink = built(
      ":20:A\n:25:DE89370400440532013000\n:28C:1/1\n:60F:C200101EUR10,00\n"
      ":61:200102C5,00NTRFNONREF\n:62M:C200102EUR15,00\n-\n"
      ":20:A\n:25:DE89370400440532013000\n:28C:1/2\n:60M:C200102EUR15,00\n"
      ":61:200103D1,00NTRFNONREF\n:62F:C200103EUR14,00\n-\n");
  ASSERT_EQ(sink.statements.size(), 2u);
  EXPECT_EQ(sink.statements[1].sequence, "1/2");
  EXPECT_EQ(sink.statements[1].opening->amount, eur(1500));
  EXPECT_THAT(sink.entry_statement, ElementsAre(0, 1));
  EXPECT_THAT(sink.codes(), ElementsAre("missing_entry_date", "missing_entry_date"));
}

TEST(StatementBuilderTest, ThirtiethOfFebruaryAndMissingEntryDateAreWarnings) {
  const RecordingSink sink = built(
      ":20:STARTUMSE\n:25:12345678/1020304050\n:28C:00000/001\n:60F:C160229EUR1200,00\n"
      ":61:160230D6,00N024NONREF\n:86:805?00ENTGELTABSCHLUSS\n:62F:C160301EUR1194,00\n-\n");
  ASSERT_EQ(sink.entries.size(), 1u);
  EXPECT_EQ(sink.entries[0].value_date, day(2016, 2, 29));
  EXPECT_EQ(sink.entries[0].booking_date, day(2016, 2, 29));
  EXPECT_THAT(sink.codes(), ElementsAre("invalid_date", "missing_entry_date"));
}

TEST(StatementBuilderTest, EntryDateOfTheYearBeforeIsFlaggedAsRollover) {
  const RecordingSink sink =
      built(":20:X\n:25:A\n:60F:C131229EUR0,\n:61:1401041229C1,NTRFNONREF\n:62F:C140104EUR1,\n");
  EXPECT_EQ(sink.entries[0].booking_date, day(2013, 12, 29));
  EXPECT_EQ(sink.entries[0].value_date, day(2014, 1, 4));
  EXPECT_THAT(sink.codes(), ElementsAre("year_rollover"));
}

TEST(StatementBuilderTest, ReferencesNonrefAndKref) {
  const RecordingSink sink = built(
      ":20:X\n:25:A\n:60F:C200605EUR0,\n"
      ":61:2006080608D12,35NRTIKREF+//2016021783252833\n/OCMT/EUR11,85//CHGS/EUR0,50/\n"
      ":86:109?20KREF+SEPA-DA1 SVWZ+RUECK\n"
      ":61:2006080608C1,00NTRFNONREF//NONREF\n"
      ":61:2006080608C1,00NTRFMY-REF\n"
      ":62F:D200608EUR10,35\n");
  ASSERT_EQ(sink.entries.size(), 3u);
  EXPECT_EQ(sink.entries[0].owner_reference, "SEPA-DA1");
  EXPECT_EQ(sink.entries[0].details.bank_reference, "2016021783252833");
  EXPECT_EQ(sink.entries[0].charges, eur(50));
  EXPECT_EQ(sink.entries[1].owner_reference, "");
  EXPECT_EQ(sink.entries[1].details.bank_reference, "");
  EXPECT_EQ(sink.entries[1].details.bank_transaction_code, "NTRF");
  EXPECT_EQ(sink.entries[1].additional_info, "");
  EXPECT_EQ(sink.entries[2].owner_reference, "MY-REF");
  EXPECT_EQ(sink.entries[0].additional_info, "/OCMT/EUR11,85//CHGS/EUR0,50/");
}

TEST(StatementBuilderTest, ReversalsSignedByTheDirectionMoneyMoved) {
  const RecordingSink sink = built(
      ":20:X\n:25:A\n:60F:C200219EUR0,\n:61:2002010219RCR1027,25NMSCNONREF\n"
      ":61:2002010219RDR1027,25NMSCNONREF\n:62F:C200219EUR0,\n");
  EXPECT_EQ(sink.entries[0].amount, eur(-102725));
  EXPECT_TRUE(sink.entries[0].reversal);
  EXPECT_EQ(sink.entries[1].amount, eur(102725));
  EXPECT_TRUE(sink.entries[1].reversal);
}

TEST(StatementBuilderTest, MissingAccountIsAnUnexpectedTagUnknownTagsAreSkipped) {
  const RecordingSink sink = built(
      ":20:STARTUMSE\n:28C:00000/001\n:60F:C160229EUR1200,00\n:61:1601300301DR6,00N024NONREF\n"
      ":86:805?00ENTGELTABSCHLUSS?602017-01-01T13\n:12:11\n:62F:C160301EUR1194,00\n");
  EXPECT_EQ(sink.statements[0].account, "");
  EXPECT_THAT(sink.codes(), ElementsAre("unexpected_tag", "unknown_tag"));
  EXPECT_EQ(sink.warnings[1].line, 6);
  EXPECT_EQ(sink.entries[0].details.remittance, "2017-01-01T13:12:11");
}

TEST(StatementBuilderTest, UnknownTagOutsideDetailsIsSkippedWithAWarning) {
  const RecordingSink sink = built(":20:X\n:25:A\n:60F:C160229EUR0,\n:12:11\n:62F:C160229EUR0,\n");
  EXPECT_THAT(sink.codes(), ElementsAre("unknown_tag"));
}

TEST(StatementBuilderTest, ASecondAccountInsideTheStatementIsIgnored) {
  const RecordingSink sink = built(
      ":20:X\n:25:50880050/0194787400888\n:60F:C070903EUR0,\n"
      ":61:0709070904CR1,NTRFNONREF\n:25:166?00GUTSCHRIFT\n"
      ":62F:C070904EUR1,\n");
  EXPECT_EQ(sink.statements[0].account, "50880050/0194787400888");
  EXPECT_THAT(sink.codes(), ElementsAre("unexpected_tag"));
}

TEST(StatementBuilderTest, AccountWithBicOrCurrency) {
  auto account = [](std::string_view line) {
    const RecordingSink sink = built(":20:X\n:25:" + std::string(line) + "\n");
    return sink.statements[0].account_bic + "|" + sink.statements[0].account + "|" +
           sink.statements[0].currency;
  };
  EXPECT_EQ(account("DABADKKK/3000123456"), "DABADKKK|3000123456|");
  EXPECT_EQ(account("NL10BUNQ2290325473 EUR"), "|NL10BUNQ2290325473|EUR");
  EXPECT_EQ(account("1291.99.348EUR"), "|1291.99.348|EUR");
  EXPECT_EQ(account("UBRTHUHB/123456789012ABCDEF123/HUF"), "UBRTHUHB|123456789012ABCDEF123|HUF");
  EXPECT_EQ(account("10020030/1234567"), "|10020030/1234567|");
  EXPECT_EQ(account("PL29114010810000267002001002"), "|PL29114010810000267002001002|");
}

TEST(StatementBuilderTest, StatementLevelInformationIsNotAnEntrysDetails) {
  const RecordingSink sink = built(
      ":20:X\n:25:A\n:60F:C160229EUR0,\n:86:ABOUT THE STATEMENT\n:61:160229C1,NTRFNONREF\n"
      ":86:PAYMENT\n:62F:C160229EUR1,\n:86:Some random data\n-\n");
  ASSERT_EQ(sink.entries.size(), 1u);
  EXPECT_EQ(sink.entries[0].details.remittance, "PAYMENT");
}

TEST(StatementBuilderTest, SeveralDetailsFieldsOfOneEntryAreOneText) {
  const RecordingSink sink = built(
      ":20:X\n:25:A\n:60F:C110614EUR000000000473,17\n"
      ":61:110527D000000001213,28N0440121470966      W.P. Jansen\n"
      ":86:Terugboeking      \n:86:NIET AKKOORD MET AFSCHRIJVING\n:62F:C110615EUR0,\n");
  EXPECT_EQ(sink.entries[0].details.remittance, "Terugboeking NIET AKKOORD MET AFSCHRIJVING");
  EXPECT_EQ(sink.entries[0].owner_reference, "0121470966");
  EXPECT_EQ(sink.entries[0].additional_info, "W.P. Jansen");
}

TEST(StatementBuilderTest, FragmentsWithoutReferenceStartAStatementAnyway) {
  const RecordingSink sink = built(":60F:C100318EUR380115,12\n:60F:C100318EUR380115,\n");
  ASSERT_EQ(sink.statements.size(), 2u);
  EXPECT_EQ(sink.statements[1].opening->amount, eur(38011500));
  EXPECT_THAT(sink.codes(), ElementsAre("missing_tag", "missing_tag"));
}

TEST(StatementBuilderTest, EntriesBeforeAnyCurrencyUseTheFallback) {
  const RecordingSink sink = built(":61:110701CN50,00NZ10NONREF\n-\n");
  ASSERT_EQ(sink.entries.size(), 1u);
  EXPECT_EQ(sink.entries[0].amount, eur(5000));
  EXPECT_THAT(sink.codes(), Contains("missing_currency"));
  EXPECT_EQ(sink.statements[0].currency, "");
}

TEST(StatementBuilderTest, IntradayReportWithFloorLimitsAndSums) {
  const RecordingSink sink = built(
      ":20:131110\n:25:45050050/76198810\n:28C:13/37\n:34F:EURD12345,67\n:34F:EURC12345,67\n"
      ":13D:1901091733+0100\n:61:190109C9792,00FTRFNONREF\n:90D:0EUR0,00\n:90C:2EUR9792,00\n"
      "-\n");
  ASSERT_EQ(sink.statements.size(), 1u);
  EXPECT_EQ(sink.statements[0].kind, StatementKind::intraday);
  EXPECT_EQ(sink.statements[0].dialect, "mt942");
  EXPECT_EQ(sink.statements[0].created, "2019-01-09T17:33+01:00");
  EXPECT_EQ(sink.statements[0].currency, "EUR");
  EXPECT_THAT(sink.codes(), ElementsAre("missing_entry_date", "sum_mismatch"));
}

TEST(StatementBuilderTest, UnreadableBalanceFailsNamingLineAndColumn) {
  RecordingSink sink;
  const sdk::Status status = build(":20:X\n:25:A\n:60F:C141387INR0,00\n", sink);
  EXPECT_EQ(status.code(), sdk::Code::kFailed);
  EXPECT_THAT(status.message(),
              HasSubstr("3:7: :60F: balance: date '141387': there is no month 13"));
  EXPECT_THAT(sink.statements, IsEmpty());
}

TEST(StatementBuilderTest, UnreadableStatementLineFailsNamingLineAndColumn) {
  RecordingSink sink;
  const sdk::Status status = build(":20:X\n:25:A\n:60F:C160229EUR0,\n:61:160229X1,00\n", sink);
  EXPECT_THAT(status.message(), HasSubstr("4:11: :61: expected the debit/credit mark"));
}

TEST(StatementBuilderTest, UnreadableAvailableBalanceIsIgnoredWithAWarning) {
  const RecordingSink sink =
      built(":20:X\n:25:A\n:60F:C200904EUR0,\n:62F:C200904EUR0,\n:65F:Dnullnull7414,3\n");
  EXPECT_THAT(sink.codes(), ElementsAre("unreadable_information"));
}

TEST(StatementBuilderTest, AmountWithoutDecimalCommaIsReadAndFlagged) {
  const RecordingSink sink =
      built(":20:X\n:25:A\n:60F:C100101EUR0,\n:61:1001010101C500NMSCNONREF\n:62F:C100101EUR500,\n");
  EXPECT_EQ(sink.entries[0].amount, eur(50000));
  EXPECT_THAT(sink.codes(), ElementsAre("amount_format"));
}

TEST(StatementBuilderTest, DecimalPointAmountsAreReadAndFlaggedOnce) {
  const RecordingSink sink = built(
      ":20:X\n:25:A\n:60F:C100101EUR1.50\n:61:1001010101C1.00NMSCNONREF\n:62F:C100101EUR2.50\n");
  EXPECT_EQ(sink.statements[0].closing->amount, eur(250));
  EXPECT_THAT(sink.codes(), ElementsAre("amount_format"));
}

TEST(StatementBuilderTest, OverlongDetailsAreReadWholeWithAWarning) {
  const std::string line(60, 'x');
  std::string text = ":20:X\n:25:A\n:60F:C100101EUR0,\n:61:1001010101C0,NMSCNONREF\n:86:";
  for (int i = 0; i < 7; ++i) text += line + "\n";
  const RecordingSink sink = built(text);
  EXPECT_THAT(sink.codes(), ElementsAre("field_too_long"));
  EXPECT_EQ(sink.entries[0].details.remittance.size(), 7u * 60u + 6u);
}

TEST(StatementBuilderTest, FileWarningsComeWithTheFirstStatement) {
  RecordingSink sink;
  FieldReader reader(":20:X\n:25:A\n-\n:20:Y\n:25:B\n-\n");
  StatementBuilder builder(sink, Currency::eur());
  builder.file_warning(4, "encoding_assumed", "read as Windows-1252");
  while (true) {
    const FieldReader::Event event = reader.next();
    if (event == FieldReader::Event::end) break;
    ASSERT_TRUE(event == FieldReader::Event::field ? builder.add(reader.field())
                                                   : builder.message_end());
  }
  ASSERT_TRUE(builder.finish());
  ASSERT_EQ(sink.warnings.size(), 1u);
  EXPECT_EQ(sink.warnings[0].statement, 0u);
  EXPECT_THAT(sink.codes(), Not(Contains("missing_tag")));
}

}  // namespace
}  // namespace kontor::plugins::mt940
