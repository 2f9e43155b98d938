// The camt core on whole documents: what reaches the sink, in which order, with which warnings.
#include "camt_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "testing_support.hpp"

namespace kontor::plugins::camt {
namespace {

using testing::balance;
using ::testing::ElementsAre;
using testing::entry;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using testing::statement_053;

Money eur(std::int64_t cents) {
  return Money(cents, Currency::eur());
}

class CamtReaderTest : public ::testing::Test {
 protected:
  sdk::Status read(const std::string& xml, std::size_t piece = 13) {
    testing::StringReader reader(xml, piece);
    CamtOptions options;
    options.read_size = 64;
    return read_camt(reader, options, sink_, counts_);
  }
  testing::RecordingSink sink_;
  CamtCounts counts_;
};

TEST_F(CamtReaderTest, AStatementItsBalancesAndEntriesReachTheSinkInOrder) {
  const std::string xml = statement_053(
      balance("PRCD", "100.00", "2026-02-27") + balance("CLBD", "60.00", "2026-03-02"),
      entry("10.00", "CRDT") + entry("50.00", "DBIT"));
  const sdk::Status status = read(xml);
  ASSERT_TRUE(status) << status.message();
  ASSERT_EQ(sink_.statements.size(), 1u);
  const sdk::StatementInfo& s = sink_.statements[0];
  EXPECT_EQ(s.kind, StatementKind::statement);
  EXPECT_EQ(s.dialect, "camt.053.001.02");
  EXPECT_EQ(s.account, "DE89370400440532013000");
  EXPECT_EQ(s.account_number, "");
  EXPECT_EQ(s.account_bic, "COBADEFFXXX");
  EXPECT_EQ(s.currency, "EUR");
  EXPECT_EQ(s.id, "STMT-1");
  EXPECT_EQ(s.sequence, "42");
  EXPECT_EQ(s.created, "2026-03-02T06:00:00+01:00");
  EXPECT_EQ(s.line, 5);
  // The previous closing balance opens the statement on the day after it.
  EXPECT_EQ(s.opening, (StatementBalance{eur(10000), *Date::from_ymd(2026, 2, 28)}));
  EXPECT_EQ(s.closing, (StatementBalance{eur(6000), *Date::from_ymd(2026, 3, 2)}));
  ASSERT_EQ(sink_.entries.size(), 2u);
  EXPECT_EQ(sink_.entries[0].amount, eur(1000));
  EXPECT_EQ(sink_.entries[1].amount, eur(-5000));
  EXPECT_EQ(sink_.entries[1].booking_date, *Date::from_ymd(2026, 3, 2));
  EXPECT_EQ(sink_.entries[1].line, 12);
  EXPECT_THAT(sink_.order, ElementsAre("statement", "entry", "entry"));
  EXPECT_EQ(counts_.entries, 2);
}

TEST_F(CamtReaderTest, ABatchEntryAnnouncesItsDetailsAndEachFollows) {
  const std::string batch =
      "<NtryDtls><Btch><NbOfTxs>2</NbOfTxs></Btch>"
      "<TxDtls><Refs><EndToEndId>E1</EndToEndId></Refs>"
      "<AmtDtls><TxAmt><Amt Ccy=\"EUR\">70.00</Amt></TxAmt></AmtDtls>"
      "<RltdPties><Dbtr><Nm>Anna</Nm></Dbtr></RltdPties></TxDtls>\n"
      "<TxDtls><Refs><EndToEndId>E2</EndToEndId><AcctSvcrRef>D2</AcctSvcrRef></Refs>"
      "<Amt Ccy=\"EUR\">30.00</Amt>"
      "<RltdPties><Dbtr><Pty><Nm>Bernd</Nm></Pty></Dbtr></RltdPties></TxDtls></NtryDtls>";
  ASSERT_TRUE(read(statement_053("", entry("100.00", "CRDT",
                                           "<AcctSvcrRef>B1</AcctSvcrRef>"
                                           "<BkTxCd><Prtry><Cd>NTRF+166+9310"
                                           "</Cd></Prtry></BkTxCd>" +
                                               batch))));
  ASSERT_EQ(sink_.entries.size(), 1u);
  const sdk::StatementEntry& e = sink_.entries[0];
  EXPECT_EQ(e.detail_count, 2u);
  EXPECT_EQ(e.details.bank_reference, "B1");
  EXPECT_EQ(e.details.bank_transaction_code, "NTRF+166+9310");
  EXPECT_EQ(e.details.end_to_end_id, "");  // several details: only the entry's own fields
  ASSERT_EQ(sink_.details.size(), 2u);
  EXPECT_EQ(sink_.details[0].position, 1u);
  EXPECT_EQ(sink_.details[0].amount, eur(7000));
  EXPECT_EQ(sink_.details[0].details.counterparty_name, "Anna");
  EXPECT_EQ(sink_.details[0].details.bank_reference, "B1");
  EXPECT_EQ(sink_.details[0].details.bank_transaction_code, "NTRF+166+9310");
  EXPECT_EQ(sink_.details[1].details.counterparty_name, "Bernd");
  EXPECT_EQ(sink_.details[1].details.bank_reference, "D2");
  EXPECT_EQ(sink_.details[1].line, 10);
  EXPECT_THAT(sink_.order, ElementsAre("statement", "entry", "detail", "detail"));
  EXPECT_THAT(sink_.warnings, IsEmpty());
}

TEST_F(CamtReaderTest, TheOnlyDetailsFieldsAreTheEntrysToo) {
  const std::string details =
      "<AcctSvcrRef>BANKREF</AcctSvcrRef><NtryDtls><TxDtls>"
      "<Refs><EndToEndId>RE-2026-1</EndToEndId><MndtId>M-7</MndtId></Refs>"
      "<RltdPties><Dbtr><Nm>Kunde AG</Nm></Dbtr>"
      "<DbtrAcct><Id><IBAN>DE02120300000000202051</IBAN></Id></DbtrAcct>"
      "<UltmtDbtr><Nm>Tochter GmbH</Nm></UltmtDbtr>"
      "<Cdtr><Nm>Kontor GmbH</Nm><Id><PrvtId><Othr><Id>DE98ZZZ09999999999</Id>"
      "<SchmeNm><Prtry>SEPA</Prtry></SchmeNm></Othr></PrvtId></Id></Cdtr>"
      "<CdtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></CdtrAcct>"
      "<UltmtCdtr><Pty><Nm>Kontor Inkasso</Nm></Pty></UltmtCdtr></RltdPties>"
      "<RltdAgts><DbtrAgt><FinInstnId><BICFI>BYLADEM1001</BICFI></FinInstnId></DbtrAgt>"
      "</RltdAgts>"
      "<RmtInf><Ustrd>RE 4711</Ustrd><Ustrd> und 4712</Ustrd>"
      "<Strd><CdtrRefInf><Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf>"
      "<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RDDT</Cd><SubFmlyCd>ESDD</SubFmlyCd></Fmly></Domn>"
      "</BkTxCd>"
      "</TxDtls></NtryDtls>";
  ASSERT_TRUE(read(statement_053("", entry("119.00", "CRDT", details))));
  const sdk::PaymentDetails& d = sink_.entries.at(0).details;
  EXPECT_EQ(d.end_to_end_id, "RE-2026-1");
  EXPECT_EQ(d.mandate_id, "M-7");
  EXPECT_EQ(d.creditor_id, "DE98ZZZ09999999999");
  EXPECT_EQ(d.bank_reference, "BANKREF");
  EXPECT_EQ(d.counterparty_name, "Kunde AG");
  EXPECT_EQ(d.counterparty_account, "DE02120300000000202051");
  EXPECT_EQ(d.counterparty_bic, "BYLADEM1001");
  EXPECT_EQ(d.ultimate_debtor, "Tochter GmbH");
  EXPECT_EQ(d.ultimate_creditor, "Kontor Inkasso");
  EXPECT_EQ(d.remittance, "RE 4711 und 4712");
  EXPECT_EQ(d.creditor_reference, "RF18539007547034");
  EXPECT_EQ(d.bank_transaction_code, "PMNT/RDDT/ESDD");
  EXPECT_EQ(sink_.entries[0].detail_count, 1u);
  ASSERT_EQ(sink_.details.size(), 1u);
  EXPECT_EQ(sink_.details[0].details, d);
  EXPECT_EQ(sink_.details[0].amount, eur(11900));
}

TEST_F(CamtReaderTest, AReturnedDirectDebitCarriesReasonChargesAndTheCustomer) {
  const std::string details =
      "<NtryDtls><TxDtls><Refs><MndtId>M-1</MndtId></Refs>"
      "<AmtDtls><InstdAmt><Amt Ccy=\"EUR\">50.00</Amt></InstdAmt></AmtDtls>"
      "<Chrgs><Amt Ccy=\"EUR\">3.00</Amt></Chrgs><Chrgs><Amt Ccy=\"EUR\">0.00</Amt></Chrgs>"
      "<RltdPties><Dbtr><Nm>Sven Schuldner</Nm></Dbtr><Cdtr><Nm>Kontor GmbH</Nm></Cdtr>"
      "</RltdPties><RtrInf><Rsn><Cd>MS03</Cd></Rsn></RtrInf></TxDtls></NtryDtls>";
  ASSERT_TRUE(read(statement_053("", entry("53.00", "DBIT", details))));
  const sdk::StatementEntry& e = sink_.entries.at(0);
  EXPECT_EQ(e.amount, eur(-5300));
  EXPECT_EQ(e.charges, eur(300));
  EXPECT_EQ(e.details.return_reason, "MS03");
  EXPECT_EQ(e.details.counterparty_name, "Sven Schuldner");
  EXPECT_FALSE(e.reversal);
  EXPECT_EQ(sink_.details.at(0).amount, eur(-5300));
}

TEST_F(CamtReaderTest, AReversalKeepsItsDirectionAndNamesTheOriginalCounterparty) {
  const std::string details =
      "<RvslInd>true</RvslInd><NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Kontor GmbH</Nm></Dbtr>"
      "<Cdtr><Nm>Lieferant KG</Nm></Cdtr></RltdPties></TxDtls></NtryDtls>";
  ASSERT_TRUE(read(statement_053("", entry("20.00", "CRDT", details))));
  EXPECT_TRUE(sink_.entries.at(0).reversal);
  EXPECT_EQ(sink_.entries[0].amount, eur(2000));
  EXPECT_EQ(sink_.entries[0].details.counterparty_name, "Lieferant KG");
}

TEST_F(CamtReaderTest, ChargesOfCamtFourRecordsAreSummedAndRefundsSubtracted) {
  const std::string charges =
      "<Chrgs><Rcrd><Amt Ccy=\"EUR\">2.50</Amt><CdtDbtInd>DBIT</CdtDbtInd></Rcrd>"
      "<Rcrd><Amt Ccy=\"EUR\">0.50</Amt><CdtDbtInd>CRDT</CdtDbtInd></Rcrd></Chrgs>";
  ASSERT_TRUE(read(statement_053("", entry("5.00", "DBIT", charges), "camt.053.001.04")));
  EXPECT_EQ(sink_.entries.at(0).charges, eur(200));
  EXPECT_EQ(sink_.statements.at(0).dialect, "camt.053.001.04");
}

TEST_F(CamtReaderTest, StatusesAreReadAndOnlyBookedEntriesMoveTheBalance) {
  const std::string xml = statement_053(
      balance("OPBD", "100.00", "2026-03-02") + balance("CLBD", "110.00", "2026-03-02"),
      entry("10.00", "CRDT") + entry("99.00", "CRDT", "", "PDNG") +
          "<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>DBIT</CdtDbtInd>"
          "<Sts><Cd>FUTR</Cd></Sts><ValDt><Dt>2026-03-09</Dt></ValDt></Ntry>");
  ASSERT_TRUE(read(xml));
  ASSERT_EQ(sink_.entries.size(), 3u);
  EXPECT_EQ(sink_.entries[1].status, EntryStatus::pending);
  EXPECT_EQ(sink_.entries[2].status, EntryStatus::future);
  EXPECT_EQ(sink_.entries[2].booking_date, *Date::from_ymd(2026, 3, 9));
  EXPECT_THAT(sink_.warning_codes(), ElementsAre("missing_entry_date"));
}

TEST_F(CamtReaderTest, BalancesThatDoNotAddUpAreAWarningAtTheStatementsEnd) {
  ASSERT_TRUE(read(statement_053(
      balance("OPBD", "100.00", "2026-03-02") + balance("CLBD", "1.00", "2026-03-02", "DBIT"),
      entry("10.00", "CRDT"))));
  EXPECT_THAT(sink_.order, ElementsAre("statement", "entry", "warning balance_mismatch"));
  EXPECT_EQ(sink_.warnings[0].message,
            "opening balance 100.00 + booked entries 10.00 = 110.00, but the closing balance is "
            "-1.00 (difference -111.00)");
  EXPECT_EQ(sink_.warnings[0].line, 5);
}

TEST_F(CamtReaderTest, ASummaryThatDisagreesIsAWarning) {
  const std::string summary =
      "<TxsSummry><TtlNtries><NbOfNtries>3</NbOfNtries></TtlNtries>"
      "<TtlCdtNtries><NbOfNtries>1</NbOfNtries><Sum>10.00</Sum></TtlCdtNtries>"
      "<TtlDbtNtries><NbOfNtries>1</NbOfNtries><Sum>4.00</Sum></TtlDbtNtries></TxsSummry>";
  ASSERT_TRUE(read(statement_053(summary, entry("10.00", "CRDT") + entry("5.00", "DBIT"))));
  EXPECT_THAT(sink_.warning_codes(), ElementsAre("summary_mismatch", "summary_mismatch"));
  EXPECT_THAT(sink_.warnings[0].message, HasSubstr("debits sum 4.00, the entries 5.00"));
  EXPECT_THAT(sink_.warnings[1].message, HasSubstr("entries 3, the file 2"));
}

TEST_F(CamtReaderTest, WarningsOfTheHeaderFollowTheStatement) {
  const std::string xml = statement_053(
      "<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">1.001</Amt>"
      "<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-02-30</Dt></Dt></Bal>",
      entry("1.00", "CRDT"));
  ASSERT_TRUE(read(xml));
  EXPECT_THAT(sink_.order,
              ElementsAre("statement", "warning amount_rounded", "warning invalid_date", "entry"));
  EXPECT_EQ(sink_.statements[0].opening,
            (StatementBalance{eur(100), *Date::from_ymd(2026, 2, 28)}));
}

TEST_F(CamtReaderTest, AnEntryWithoutAmountOrDirectionCannotBeRead) {
  EXPECT_EQ(read(statement_053("", "<Ntry><CdtDbtInd>CRDT</CdtDbtInd></Ntry>")).message(),
            "9:1: <Ntry> has no Amt: its amount is unknown");
  sdk::Status no_direction = read(statement_053("", "<Ntry>\n<Amt Ccy=\"EUR\">1</Amt></Ntry>"));
  EXPECT_EQ(no_direction.message(), "9:1: <Ntry> has no CdtDbtInd: credit or debit is unknown");
  EXPECT_EQ(read(statement_053("", entry("-1.00", "CRDT"))).message(),
            "9:7: <Amt> '-1.00' is negative; camt gives the direction in CdtDbtInd");
  EXPECT_THAT(read(statement_053("", "<Ntry><Amt Ccy=\"EUR\">1</Amt></Ntry2>")).message(),
              HasSubstr("XML error in <Ntry>"));
}

TEST_F(CamtReaderTest, AStatementWithoutAccountCannotBeRead) {
  std::string xml = statement_053("", entry("1.00", "CRDT"));
  xml.erase(xml.find("<Acct>"), xml.find("</Acct>") + 7 - xml.find("<Acct>"));
  EXPECT_EQ(read(xml).message(),
            "5:1: <Stmt> names no account (Acct): whose statement it is is unknown");
}

TEST_F(CamtReaderTest, ControlCharactersAndBrokenUtf8AreCleanedWithAWarning) {
  const std::string details =
      "<NtryDtls><TxDtls><RmtInf><Ustrd>RE\x01 4711 M\xFCller</Ustrd></RmtInf></TxDtls>"
      "</NtryDtls>";
  ASSERT_TRUE(read(statement_053("", entry("1.00", "CRDT", details))));
  EXPECT_EQ(sink_.entries.at(0).details.remittance, "RE 4711 M\xEF\xBF\xBDller");
  EXPECT_THAT(sink_.warning_codes(), ElementsAre("control_character", "invalid_encoding"));
}

TEST_F(CamtReaderTest, Latin1DocumentsAreReadAsUtf8) {
  std::string xml = statement_053(
      "", entry("1.00", "CRDT",
                "<NtryDtls><TxDtls><RltdPties><Dbtr><Nm>M\xFCller</Nm></Dbtr></RltdPties>"
                "</TxDtls></NtryDtls>"));
  xml.replace(xml.find("UTF-8"), 5, "ISO-8859-1");
  ASSERT_TRUE(read(xml));
  EXPECT_EQ(sink_.entries.at(0).details.counterparty_name, "M\xC3\xBCller");
}

TEST_F(CamtReaderTest, EveryStatementOfAMessageIsReadWithItsOwnEntries) {
  std::string xml = statement_053("", entry("1.00", "CRDT"));
  const std::string second =
      "<Stmt><Id>STMT-2</Id><Acct><Id><Othr><Id>0532013000</Id></Othr></Id></Acct>" +
      entry("2.00", "DBIT") + "</Stmt>\n";
  xml.insert(xml.find("</BkToCstmrStmt>"), second);
  ASSERT_TRUE(read(xml));
  ASSERT_EQ(sink_.statements.size(), 2u);
  EXPECT_EQ(sink_.statements[1].account, "0532013000");
  EXPECT_EQ(sink_.statements[1].account_number, "0532013000");
  EXPECT_EQ(sink_.statements[1].currency, "EUR");  // from its entry
  EXPECT_THAT(sink_.order, ElementsAre("statement", "entry", "statement", "entry"));
}

TEST_F(CamtReaderTest, ASinkThatRefusesStopsTheReading) {
  struct Refusing : testing::RecordingSink {
    sdk::Status entry(const sdk::StatementEntry&) override {
      return sdk::Status::failed("store full");
    }
  } refusing;
  testing::StringReader reader(statement_053("", entry("1.00", "CRDT") + entry("2.00", "CRDT")));
  CamtCounts counts;
  EXPECT_EQ(read_camt(reader, CamtOptions{}, refusing, counts).message(), "store full");
}

TEST_F(CamtReaderTest, ACancelledReadStopsBetweenEntries) {
  std::string entries;
  for (int k = 0; k < 2000; ++k) entries += entry("1.00", "CRDT");
  testing::StringReader reader(statement_053("", entries), 4096);
  CamtCounts counts;
  const sdk::Status status = read_camt(reader, CamtOptions{}, sink_, counts, [] { return true; });
  EXPECT_EQ(status.code(), sdk::Code::kCancelled);
  EXPECT_EQ(counts.entries, 1024);
}

}  // namespace
}  // namespace kontor::plugins::camt
