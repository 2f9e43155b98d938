// What the statement import asks of the store: entries with their totals, superseded
// transactions kept but not counted, the balance chain's previous statement, account summaries
// and refused files.
#include <gtest/gtest.h>

#include "store/sqlite_store.hpp"
#include "store/store_test_support.hpp"

namespace kontor::store {
namespace {

using namespace testing;

class StatementImportStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = open_store();
    ASSERT_TRUE(store_);
  }

  template <typename T, typename Query>
  T query(Query&& q) {
    std::optional<T> out;
    Status status = store_->read([&](Reader& reader) -> Status {
      Result<T> result = q(reader);
      if (!result) return result.error();
      out = std::move(result).value();
      return {};
    });
    EXPECT_TRUE(status) << status.error().message;
    return out.value_or(T{});
  }

  std::vector<BankTransaction> counted(bool include_superseded = false) {
    TransactionQuery q;
    q.include_superseded = include_superseded;
    return query<std::vector<BankTransaction>>([&](Reader& r) { return r.bank_transactions(q); });
  }

  std::unique_ptr<SqliteStore> store_;
};

BankTransaction provisional(BankTransaction t) {
  t.provisional = true;
  return t;
}

TEST_F(StatementImportStoreTest, BookedTransactionIsStoredBesideTheProvisionalOneItSupersedes) {
  BankStatement intraday = statement("I-1", {provisional(credit(11900, "R-1"))});
  intraday.kind = StatementKind::intraday;
  BankStatement booked = statement("S-1", {credit(11900, "R-1")});
  step(*store_, [&](Transaction& tx) {
    ASSERT_EQ(tx.insert_statement(intraday)->transactions_inserted, 1);
    ASSERT_EQ(tx.insert_statement(booked)->transactions_inserted, 1);
    const auto marked =
        tx.supersede_provisional(booked.account, day("2026-11-20"), day("2026-11-20"),
                                 {booked.account, booked.id, booked.sequence}, {});
    ASSERT_TRUE(marked);
    EXPECT_EQ(*marked, 1);
  });
  const auto now = counted();
  ASSERT_EQ(now.size(), 1U);
  EXPECT_TRUE(now[0].postable());
  const auto all = counted(/*include_superseded=*/true);
  ASSERT_EQ(all.size(), 2U);
  EXPECT_TRUE(all[0].superseded);
  EXPECT_FALSE(all[0].postable());
}

TEST_F(StatementImportStoreTest, EntriesWithAmountGroupTheDetailsOfABatchEntry) {
  BankTransaction first = credit(10000, "R-1");
  first.batch_position = 1;
  first.entry_amount = eur(30000);
  first.entry_transactions = 2;
  BankTransaction second = credit(20000, "R-2");
  second.batch_position = 2;
  second.entry_amount = eur(30000);
  second.entry_transactions = 2;
  step(*store_, [&](Transaction& tx) {
    ASSERT_TRUE(tx.insert_statement(statement("S-1", {first, second, credit(30000, "R-3")})));
  });
  const auto entries = query<std::vector<StoredEntry>>(
      [](Reader& r) { return r.entries_with_amount("DE02120300000000202051", eur(30000)); });
  ASSERT_EQ(entries.size(), 2U);
  EXPECT_EQ(entries[0].transactions.size(), 2U);
  EXPECT_EQ(entries[0].stated_transactions, 2);
  EXPECT_EQ(entries[0].kind, StatementKind::statement);
  EXPECT_EQ(entries[1].transactions.size(), 1U);
  EXPECT_EQ(entries[1].transactions[0].remittance, "R-3");
}

TEST_F(StatementImportStoreTest, PreviousStatementIsTheLatestBookedOneClosedBefore) {
  BankStatement monday = statement("S-1", {});
  monday.closing = StatementBalance{eur(1000), day("2026-11-23")};
  BankStatement tuesday = statement("S-2", {});
  tuesday.closing = StatementBalance{eur(2000), day("2026-11-24")};
  BankStatement intraday = statement("I-1", {});
  intraday.kind = StatementKind::intraday;
  intraday.closing = StatementBalance{eur(9999), day("2026-11-24")};
  step(*store_, [&](Transaction& tx) {
    for (const auto& s : {monday, tuesday, intraday}) ASSERT_TRUE(tx.insert_statement(s));
  });
  const auto previous = query<std::optional<StatementBalances>>([](Reader& r) {
    return r.booked_statement_before("DE02120300000000202051", day("2026-11-24"),
                                     {"DE02120300000000202051", "S-3", "1"});
  });
  ASSERT_TRUE(previous);
  EXPECT_EQ(previous->statement.id, "S-2");
  EXPECT_EQ(previous->closing->amount, eur(2000));
}

// What tells a statement from another that reuses its bank numbers (STARTUMS, 0).
TEST_F(StatementImportStoreTest, StatementBalancesAreThoseStoredUnderTheStatementsNumbers) {
  BankStatement first = statement("STARTUMS", {credit(6500, "a", "2020-02-19")});
  first.sequence = "0";
  first.opening = StatementBalance{eur(308500), day("2020-02-19")};
  first.closing = StatementBalance{eur(315000), day("2020-02-19")};
  BankStatement second = statement("STARTUMS", {credit(8000, "b", "2020-02-21")});
  second.sequence = "0@2020-02-21";
  second.closing = StatementBalance{eur(323000), day("2020-02-21")};
  step(*store_, [&](Transaction& tx) {
    ASSERT_TRUE(tx.insert_statement(first));
    ASSERT_TRUE(tx.insert_statement(second));
  });
  const std::string account = first.account;
  const auto stored = query<std::optional<StatementBalances>>(
      [&](Reader& r) { return r.statement_balances(account, "STARTUMS", "0"); });
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->statement.sequence, "0");
  EXPECT_EQ(stored->opening, first.opening);
  EXPECT_EQ(stored->closing, first.closing);
  const auto told_apart = query<std::optional<StatementBalances>>(
      [&](Reader& r) { return r.statement_balances(account, "STARTUMS", "0@2020-02-21"); });
  ASSERT_TRUE(told_apart);
  EXPECT_FALSE(told_apart->opening);
  EXPECT_EQ(told_apart->closing, second.closing);
  EXPECT_FALSE(query<std::optional<StatementBalances>>(
      [&](Reader& r) { return r.statement_balances(account, "STARTUMS", "1"); }));
  EXPECT_EQ(counted().size(), 2U);
}

TEST_F(StatementImportStoreTest, AccountSummaryHasStatementsLastBookingAndLastClosingBalance) {
  BankStatement first = statement("S-1", {credit(500, "a", "2026-11-20")});
  first.closing = StatementBalance{eur(500), day("2026-11-20")};
  BankStatement second = statement("S-2", {credit(700, "b", "2026-11-23")});
  second.closing = StatementBalance{eur(1200), day("2026-11-23")};
  step(*store_, [&](Transaction& tx) {
    ASSERT_TRUE(tx.insert_statement(first));
    ASSERT_TRUE(tx.insert_statement(second));
  });
  const auto summaries =
      query<std::vector<AccountSummary>>([](Reader& r) { return r.account_summaries(); });
  ASSERT_EQ(summaries.size(), 1U);
  EXPECT_EQ(summaries[0].account, "DE02120300000000202051");
  EXPECT_EQ(summaries[0].statements, 2);
  EXPECT_EQ(summaries[0].last_booking_date, day("2026-11-23"));
  ASSERT_TRUE(summaries[0].last_closing);
  EXPECT_EQ(summaries[0].last_closing->amount, eur(1200));
}

TEST_F(StatementImportStoreTest, RefusedFileIsRememberedOnceWithItsReason) {
  const FileRecord file{std::string(64, 'b'), "kaputt.xml", 12, "bank-drop"};
  step(*store_, [&](Transaction& tx) {
    EXPECT_EQ(*tx.record_refused_file(file, "1:5: not a camt document"), Change::inserted);
    EXPECT_EQ(*tx.record_refused_file(file, "1:5: not a camt document"), Change::unchanged);
  });
  const auto refused =
      query<std::vector<RefusedFile>>([](Reader& r) { return r.refused_files(10); });
  ASSERT_EQ(refused.size(), 1U);
  EXPECT_EQ(refused[0].file.name, "kaputt.xml");
  EXPECT_EQ(refused[0].reason, "1:5: not a camt document");
  EXPECT_FALSE(refused[0].refused_at.empty());
}

}  // namespace
}  // namespace kontor::store
