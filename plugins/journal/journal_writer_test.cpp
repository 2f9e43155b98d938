// The journal writer's files through the real hledger and ledger: both accept them with their
// strictest checks, and the balances both print are the bookings' — per account, with the VAT
// of gross amounts split off by the stated rule (expected values worked out by hand).
#include "journal_writer.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "journal_test_batch.hpp"
#include "support/journal_tools.hpp"
#include "support/temp_dir.hpp"

namespace kontor::plugins::journal {
namespace tools = kontor::testing::journal_tools;
namespace {

using namespace test_batch;
using ::testing::HasSubstr;
using ::testing::Not;
using Balances = std::map<std::string, std::string>;

constexpr const char* kBank = "Aktiva:Bank:1200 Bank";
constexpr const char* kDebtor = "Aktiva:Debitoren:10001";
constexpr const char* kVat19 = "Passiva:Umsatzsteuer:1776 Umsatzsteuer 19%";
constexpr const char* kVat7 = "Passiva:Umsatzsteuer:1771 Umsatzsteuer 7%";

JournalLayout skr03() {
  return JournalLayout{.chart = standard_journal_chart("skr03").value(),
                       .debtor_root = "Aktiva:Debitoren"};
}

class JournalWriterTest : public ::testing::Test {
 protected:
  // Writes the batch, runs both tools' checks on it and returns the file (empty on failure).
  std::filesystem::path written(const sdk::ExportBatch& batch,
                                const JournalLayout& layout = skr03()) {
    JournalWritten journal = write_journal(batch, layout);
    EXPECT_TRUE(journal.ok()) << ::testing::PrintToString(journal.errors);
    const std::filesystem::path path = dir_.write("batch.journal", journal.text);
    const tools::ToolRun hledger = tools::hledger_check(path);
    EXPECT_EQ(hledger.exit_code, 0) << hledger.err << "\n" << journal.text;
    const tools::ToolRun ledger = tools::ledger_pedantic(path);
    EXPECT_EQ(ledger.exit_code, 0) << ledger.err << "\n" << journal.text;
    return path;
  }

  // Both tools' balances, which must agree.
  Balances balances(const std::filesystem::path& path) {
    const Balances from_ledger = tools::ledger_balances(path);
    const Balances from_hledger = tools::hledger_balances(path);
    EXPECT_EQ(from_ledger, from_hledger);
    return from_ledger;
  }

  kontor::testing::TempDir dir_;
};

TEST_F(JournalWriterTest, PaymentsFeesAndAReversalPassBothToolsAndBalanceAsBooked) {
  Booking fee =
      booking(3, day(2024, 2, 20), "MA2024-0007", "Mahngebühr RE2024-0001",
              {line("10001", BookingSide::debit, 500), line("8600", BookingSide::credit, 500)});
  fee.facts = BookingFacts::dunning_fee;
  fee.due_date = day(2024, 3, 5);
  Booking reversal = reversal_of(payment(1, day(2024, 1, 25)), day(2024, 2, 28));
  reversal.id = 4;
  const auto path = written(batch_of(
      "b-1", {payment(1, day(2024, 1, 25)), payment(2, day(2024, 2, 1), 5000), fee, reversal}));

  // Bank: +119 +50 −119 (the reversal); debtor: −119 −50 +5 +119; fees −5.
  EXPECT_EQ(balances(path), (Balances{{kBank, "50.00 EUR"},
                                      {kDebtor, "-45.00 EUR"},
                                      {"Erlöse:8600 Sonstige Erlöse", "-5.00 EUR"}}));
  const std::string text = kontor::testing::read_file(path);
  EXPECT_THAT(text, HasSubstr("    ; facts: dunning_fee\n    ; due: 2024-03-05\n"));
  EXPECT_THAT(text, HasSubstr("    ; reverses: 1\n"));
}

TEST_F(JournalWriterTest, AGrossAmountOnAnAutomaticAccountSplitsIntoNetAndVat) {
  // Skonto 3.00 on Gewährte Skonti 19 % (8736): VAT 3.00 × 19 / 119 = 0.479 → 0.48, net 2.52.
  const auto path = written(batch_of(
      "b-1",
      {booking(1, day(2024, 2, 25), "RE2024-0001", "Skonto RE2024-0001",
               {line("10001", BookingSide::credit, 300), line("8736", BookingSide::debit, 300)})}));
  EXPECT_EQ(balances(path), (Balances{{kDebtor, "-3.00 EUR"},
                                      {"Erlöse:8736 Gewährte Skonti 19% USt", "2.52 EUR"},
                                      {kVat19, "0.48 EUR"}}));
  EXPECT_THAT(kontor::testing::read_file(path), HasSubstr("0.48 EUR  ; vat_of: 8736\n"));
}

TEST_F(JournalWriterTest, EachLineWithATaxKeySplitsAtItsRate) {
  // An invoice on non-automatic revenue accounts with keys 3 (19 %) and 2 (7 %).
  const auto path =
      written(batch_of("b-1", {booking(1, day(2024, 1, 15), "RE2024-0001", "Rechnung RE2024-0001",
                                       {line("10001", BookingSide::debit, 22600),
                                        line("8000", BookingSide::credit, 11900, "3"),
                                        line("8001", BookingSide::credit, 10700, "2")})}));
  EXPECT_EQ(balances(path), (Balances{{kDebtor, "226.00 EUR"},
                                      {"Konten:8000", "-100.00 EUR"},
                                      {"Konten:8001", "-100.00 EUR"},
                                      {kVat19, "-19.00 EUR"},
                                      {kVat7, "-7.00 EUR"}}));
}

TEST_F(JournalWriterTest, TransactionsAreInDateOrderWhateverTheBatchOrder) {
  const auto path =
      written(batch_of("b-1", {payment(7, day(2024, 3, 1)), payment(8, day(2024, 1, 2)),
                               payment(5, day(2024, 1, 2))}));
  const std::string text = kontor::testing::read_file(path);
  const auto first = text.find("2024-01-02");
  EXPECT_LT(first, text.find("2024-03-01"));
  EXPECT_LT(text.find("; booking: 5"), text.find("; booking: 8"));  // same day: by id
}

TEST_F(JournalWriterTest, HostileTextsStayInsideTheirFields) {
  Booking hostile =
      booking(1, day(2024, 1, 25), "RE(1), RE)2", "Zahlung; Teil 1\n    Aktiva:X  1 EUR",
              {line("10002", BookingSide::credit, 100), line("1200", BookingSide::debit, 100)});
  const std::vector<sdk::ExportDebtor> debtors{
      {.account = "10002", .customer = customer("K-2", "(Müller) | Söhne;  KG\t\xFC")}};
  const auto path = written(batch_of("b-1", {hostile}, debtors));
  // One transaction, balanced as booked: nothing of the texts became a posting or a comment.
  EXPECT_EQ(balances(path),
            (Balances{{kBank, "1.00 EUR"}, {"Aktiva:Debitoren:10002", "-1.00 EUR"}}));
  const tools::ToolRun descriptions =
      tools::run("/usr/bin/hledger", {"-f", path.string(), "descriptions"});
  EXPECT_EQ(descriptions.out,
            "[Müller) / Söhne, KG \xEF\xBF\xBD | Zahlung, Teil 1 Aktiva:X 1 EUR\n");
  const tools::ToolRun codes = tools::run("/usr/bin/hledger", {"-f", path.string(), "codes"});
  EXPECT_EQ(codes.out, "RE[1], RE]2\n");
}

TEST_F(JournalWriterTest, ADebtorAccountKeepsItsNumberAndNamesItsCustomerInAComment) {
  const std::vector<sdk::ExportDebtor> debtors{
      {.account = "10001", .customer = customer("K-1", "Gärtnerei Grünwald GmbH")},
      {.account = "10000", .customer = customer("K-7", "Erste")},
      {.account = "10000", .customer = customer("K-8", "Zweite")}};
  const auto path = written(batch_of(
      "b-1", {payment(1, day(2024, 1, 25)), payment(2, day(2024, 1, 26), 100, "10000")}, debtors));
  const std::string text = kontor::testing::read_file(path);
  EXPECT_THAT(text, HasSubstr("account Aktiva:Debitoren:10001\n    ; Gärtnerei Grünwald GmbH\n"));
  EXPECT_THAT(text, HasSubstr("(RE2024-0001) Gärtnerei Grünwald GmbH | Zahlung RE2024-0001\n"));
  // A collective debtor of two customers is named by its account.
  EXPECT_THAT(text, HasSubstr("(RE2024-0001) Debitor 10000 | Zahlung"));
}

TEST_F(JournalWriterTest, ATaxKeyWithoutARateFailsNamingTheBookingAndWritesNothing) {
  const JournalWritten journal =
      write_journal(batch_of("b-1", {payment(1, day(2024, 1, 25)),
                                     booking(2, day(2024, 1, 15), "RE-9", "Rechnung RE-9",
                                             {line("10001", BookingSide::debit, 100),
                                              line("8000", BookingSide::credit, 100, "9")})}),
                    skr03());
  ASSERT_EQ(journal.errors.size(), 1U);
  EXPECT_THAT(journal.errors[0], HasSubstr("booking 2, line 2: tax key '9'"));
  EXPECT_EQ(journal.text, "");
}

TEST_F(JournalWriterTest, AnEmptyBatchIsRefused) {
  EXPECT_FALSE(write_journal(batch_of("b-1", {}), skr03()).ok());
}

TEST_F(JournalWriterTest, SkrFourNamesItsOwnAccounts) {
  const auto path = written(
      batch_of("b-1", {booking(1, day(2024, 2, 25), "RE-1", "Skonto RE-1",
                               {line("10001", BookingSide::credit, 107),
                                line("4731", BookingSide::debit, 107)})}),
      JournalLayout{.chart = standard_journal_chart("skr04").value(), .debtor_root = "Debitoren"});
  EXPECT_EQ(balances(path), (Balances{{"Debitoren:10001", "-1.07 EUR"},
                                      {"Erlöse:4731 Gewährte Skonti 7% USt", "1.00 EUR"},
                                      {"Passiva:Umsatzsteuer:3801 Umsatzsteuer 7%", "0.07 EUR"}}));
}

}  // namespace
}  // namespace kontor::plugins::journal
