// What payment matching asks of the store: the transactions still to reconcile, decisions with
// their candidates and allocations, the payments a return may return, learned IBANs.
#include <gtest/gtest.h>

#include "store/sqlite_store.hpp"
#include "store/store_test_support.hpp"

namespace kontor::store {
namespace {

using namespace testing;

class ReconciliationStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = open_store();
    ASSERT_TRUE(store_);
    step(*store_, [&](Transaction& tx) {
      ASSERT_TRUE(tx.upsert_customer(customer("4711")));
      ASSERT_TRUE(tx.upsert_open_item(invoice("RE-1", "4711", 11900)));
    });
  }

  // Imports `transactions` as one statement; returns them with their identities.
  std::vector<BankTransaction> import(std::string id, std::vector<BankTransaction> transactions) {
    step(*store_,
         [&](Transaction& tx) { ASSERT_TRUE(tx.insert_statement(statement(id, transactions))); });
    return to_reconcile();
  }

  std::vector<BankTransaction> to_reconcile() {
    std::vector<BankTransaction> out;
    EXPECT_TRUE(store_->read([&](Reader& r) -> Status {
      auto found = r.transactions_to_reconcile();
      if (!found) return found.error();
      out = *found;
      return {};
    }));
    return out;
  }

  std::optional<Reconciliation> decision(const std::string& identity) {
    std::optional<Reconciliation> out;
    EXPECT_TRUE(store_->read([&](Reader& r) -> Status {
      auto found = r.reconciliation(identity);
      if (!found) return found.error();
      out = *found;
      return {};
    }));
    return out;
  }

  std::unique_ptr<SqliteStore> store_;
};

Reconciliation decided(const BankTransaction& t, ReconciliationState state) {
  Reconciliation r;
  r.transaction = t.identity;
  r.state = state;
  r.reason = "test";
  r.unapplied = Money::zero(t.amount.currency());
  return r;
}

TEST_F(ReconciliationStoreTest, OnlyBookedFinalUndecidedOrUnmatchedTransactionsAreToReconcile) {
  BankTransaction pending = credit(100, "pending");
  pending.provisional = true;
  BankTransaction info = credit(200, "info");
  info.status = EntryStatus::info;
  const auto found =
      import("S-1", {credit(300, "a"), credit(400, "b"), credit(500, "c"), pending, info});
  ASSERT_EQ(found.size(), 3u);
  step(*store_, [&](Transaction& tx) {
    ASSERT_TRUE(tx.record_reconciliation(decided(found[0], ReconciliationState::posted)));
    ASSERT_TRUE(tx.record_reconciliation(decided(found[1], ReconciliationState::unmatched)));
  });
  const auto left = to_reconcile();
  ASSERT_EQ(left.size(), 2u);
  EXPECT_EQ(left[0].remittance, "b");
  EXPECT_EQ(left[1].remittance, "c");
}

TEST_F(ReconciliationStoreTest, ADecisionKeepsItsCandidatesAndAddsAllocations) {
  const auto found = import("S-1", {credit(5000, "RE-1")});
  Reconciliation review = decided(found[0], ReconciliationState::review);
  review.candidates = {{.item_number = "RE-1",
                        .customer_number = "4711",
                        .score_permille = 700,
                        .evidence = "number RE-1"}};
  step(*store_,
       [&](Transaction& tx) { EXPECT_EQ(*tx.record_reconciliation(review), Change::inserted); });
  step(*store_,
       [&](Transaction& tx) { EXPECT_EQ(*tx.record_reconciliation(review), Change::unchanged); });
  ASSERT_EQ(decision(found[0].identity)->candidates, review.candidates);
  EXPECT_EQ(decision(found[0].identity)->decided_by, "engine:test");

  step(*store_, [&](Transaction& tx) {
    Allocation a{.id = 0,
                 .transaction = found[0].identity,
                 .item_number = "RE-1",
                 .amount = eur(5000),
                 .method = AllocationMethod::manual,
                 .confidence_permille = 1000,
                 .evidence = "by hand",
                 .reverses = {}};
    const auto id = tx.add_allocation(a);
    ASSERT_TRUE(id);
    Reconciliation posted = decided(found[0], ReconciliationState::posted);
    posted.by_hand = true;
    posted.allocation_ids = {*id};
    EXPECT_EQ(*tx.record_reconciliation(posted), Change::updated);
  });
  const auto after = decision(found[0].identity);
  EXPECT_EQ(after->state, ReconciliationState::posted);
  EXPECT_TRUE(after->by_hand);
  EXPECT_TRUE(after->candidates.empty());
  EXPECT_EQ(after->allocation_ids.size(), 1u);
}

TEST_F(ReconciliationStoreTest, TheAllocationsOfATransactionComeWithTheirReversals) {
  const auto found = import("S-1", {credit(9800, "RE-1")});
  step(*store_, [&](Transaction& tx) {
    const auto paid = tx.add_allocation({.id = 0,
                                         .transaction = found[0].identity,
                                         .item_number = "RE-1",
                                         .amount = eur(9800),
                                         .method = AllocationMethod::invoice_number,
                                         .confidence_permille = 950,
                                         .evidence = "RE-1",
                                         .reverses = {}});
    const auto skonto = tx.add_allocation({.id = 0,
                                           .transaction = "",
                                           .item_number = "RE-1",
                                           .amount = eur(200),
                                           .method = AllocationMethod::skonto,
                                           .confidence_permille = 950,
                                           .evidence = "Skonto",
                                           .reverses = {}});
    ASSERT_TRUE(paid && skonto);
    Reconciliation posted = decided(found[0], ReconciliationState::posted);
    posted.allocation_ids = {*paid, *skonto};
    ASSERT_TRUE(tx.record_reconciliation(posted));
    ASSERT_TRUE(tx.reverse_allocation(*skonto, "undo"));
  });
  std::vector<Allocation> allocations;
  ASSERT_TRUE(store_->read([&](Reader& r) -> Status {
    allocations = *r.allocations_of_transaction(found[0].identity);
    return {};
  }));
  ASSERT_EQ(allocations.size(), 3u);
  EXPECT_EQ(allocations[1].method, AllocationMethod::skonto);
  EXPECT_EQ(allocations[2].reverses, allocations[1].id);
}

TEST_F(ReconciliationStoreTest, AnAllocationThatDoesNotExistIsRefused) {
  const auto found = import("S-1", {credit(5000, "RE-1")});
  Reconciliation posted = decided(found[0], ReconciliationState::posted);
  posted.allocation_ids = {42};
  step(*store_, [&](Transaction& tx) {
    const auto recorded = tx.record_reconciliation(posted);
    ASSERT_FALSE(recorded);
    EXPECT_NE(recorded.error().message.find("no allocation 42"), std::string::npos);
  });
  EXPECT_FALSE(decision(found[0].identity));
}

TEST_F(ReconciliationStoreTest, AReturnFindsThePostedPaymentByEndToEndIdOrPayerAndAmount) {
  BankTransaction paid = credit(11900, "RE-1");
  paid.end_to_end_id = "E2E-1";
  BankTransaction other = credit(11900, "RE-1 again", "2026-11-21");
  BankTransaction returned = credit(-11900, "RETOURE", "2026-11-25");
  returned.is_return = true;
  returned.end_to_end_id = "E2E-1";
  const auto found = import("S-1", {paid, other, returned});
  step(*store_, [&](Transaction& tx) {
    ASSERT_TRUE(tx.record_reconciliation(decided(found[0], ReconciliationState::posted)));
    ASSERT_TRUE(tx.record_reconciliation(decided(found[1], ReconciliationState::posted)));
  });
  std::vector<BankTransaction> by_id;
  std::vector<BankTransaction> by_payer;
  BankTransaction without_id = found[2];
  without_id.end_to_end_id = "NOTPROVIDED";
  ASSERT_TRUE(store_->read([&](Reader& r) -> Status {
    by_id = *r.payments_returned_by(found[2]);
    by_payer = *r.payments_returned_by(without_id);
    return {};
  }));
  ASSERT_EQ(by_id.size(), 1u);
  EXPECT_EQ(by_id[0].identity, found[0].identity);
  ASSERT_EQ(by_payer.size(), 2u);
  EXPECT_EQ(by_payer[0].identity, found[1].identity);  // the latest first
}

TEST_F(ReconciliationStoreTest, LearnedIbansAreKeptOnceAndOnlyForKnownCustomers) {
  step(*store_, [&](Transaction& tx) {
    EXPECT_EQ(*tx.learn_iban("4711", "de02 1203 0000 0000 2020 51", "abc"), Change::inserted);
    EXPECT_EQ(*tx.learn_iban("4711", "DE02120300000000202051", "def"), Change::unchanged);
    EXPECT_FALSE(tx.learn_iban("9999", "DE02120300000000202051", "abc"));
  });
  ASSERT_TRUE(store_->read([&](Reader& r) -> Status {
    const auto ibans = *r.learned_ibans();
    EXPECT_EQ(ibans.size(), 1u);
    EXPECT_EQ(ibans.at("4711"), std::vector<std::string>{"DE02120300000000202051"});
    return {};
  }));
}

TEST_F(ReconciliationStoreTest, ShortIdsFindIdentitiesByPrefixOnly) {
  const auto found = import("S-1", {credit(5000, "RE-1")});
  const std::string prefix = found[0].identity.substr(0, 12);
  ASSERT_TRUE(store_->read([&](Reader& r) -> Status {
    EXPECT_EQ(*r.transaction_identities(prefix, 2), std::vector<std::string>{found[0].identity});
    EXPECT_TRUE(r.transaction_identities("%", 2)->empty());
    return {};
  }));
}

}  // namespace
}  // namespace kontor::store
