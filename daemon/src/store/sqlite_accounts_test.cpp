// What a statement of account asks of the store: a customer's items, every allocation dated by
// the payment (or return) behind it, unapplied payments, when items were settled externally,
// and which customers have a notice of a period.
#include <gtest/gtest.h>

#include "store/sqlite_store.hpp"
#include "store/store_test_support.hpp"

namespace kontor::store {
namespace {

using namespace testing;

class AccountHistoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = open_store();
    ASSERT_TRUE(store_);
    step(*store_, [&](Transaction& tx) {
      ASSERT_TRUE(tx.upsert_customer(customer("4711")));
      ASSERT_TRUE(tx.upsert_customer(customer("4712")));
      ASSERT_TRUE(tx.upsert_open_item(invoice("RE-1", "4711", 11900)));
      ASSERT_TRUE(tx.upsert_open_item(invoice("RE-2", "4711", 5000)));
      ASSERT_TRUE(tx.upsert_open_item(invoice("RE-9", "4712", 7000)));
    });
  }

  AccountHistory history(const std::string& customer_number) {
    AccountHistory out;
    EXPECT_TRUE(store_->read([&](Reader& r) -> Status {
      auto found = r.account_history(customer_number);
      if (!found) return found.error();
      out = *found;
      return {};
    }));
    return out;
  }

  // A payment of `cents` booked on `booked`, posted to RE-1 with `applied` and the rest left
  // unapplied, plus a Skonto allocation made by the same decision.
  std::string post_payment(std::int64_t cents, std::int64_t applied, std::string_view booked) {
    std::string identity;
    step(*store_, [&](Transaction& tx) {
      ASSERT_TRUE(tx.insert_statement(statement("S-1", {credit(cents, "RE-1", booked)})));
      auto found = tx.transactions_to_reconcile();
      ASSERT_TRUE(found && found->size() == 1);
      identity = found->front().identity;
      Allocation payment{.id = 0,
                         .transaction = identity,
                         .item_number = "RE-1",
                         .amount = eur(applied),
                         .method = AllocationMethod::invoice_number,
                         .confidence_permille = 1000,
                         .evidence = "RE-1 in remittance",
                         .reverses = std::nullopt};
      Allocation skonto = payment;
      skonto.transaction.clear();
      skonto.amount = eur(100);
      skonto.method = AllocationMethod::skonto;
      auto paid = tx.add_allocation(payment);
      auto discounted = tx.add_allocation(skonto);
      ASSERT_TRUE(paid && discounted);
      Reconciliation decision;
      decision.transaction = identity;
      decision.state = ReconciliationState::posted;
      decision.customer_number = "4711";
      decision.reason = "test";
      decision.unapplied = eur(cents - applied);
      decision.allocation_ids = {*paid, *discounted};
      ASSERT_TRUE(tx.record_reconciliation(decision));
    });
    return identity;
  }

  std::unique_ptr<SqliteStore> store_;
};

TEST_F(AccountHistoryTest, HoldsOnlyTheCustomersItemsAndAllocations) {
  post_payment(11800, 11800, "2026-11-20");
  const AccountHistory mine = history("4711");
  ASSERT_EQ(mine.items.size(), 2U);
  EXPECT_EQ(mine.items[0].number, "RE-1");
  EXPECT_EQ(mine.items[1].number, "RE-2");
  EXPECT_EQ(mine.allocations.size(), 2U);
  const AccountHistory other = history("4712");
  ASSERT_EQ(other.items.size(), 1U);
  EXPECT_TRUE(other.allocations.empty());
  EXPECT_TRUE(other.unapplied.empty());
}

TEST_F(AccountHistoryTest, AnAllocationWithoutMoneyIsDatedByThePaymentWhoseDecisionMadeIt) {
  const std::string payment = post_payment(11800, 11800, "2026-11-20");
  const AccountHistory mine = history("4711");
  ASSERT_EQ(mine.allocations.size(), 2U);
  for (const AccountAllocation& allocation : mine.allocations) {
    EXPECT_EQ(allocation.booked_on, day("2026-11-20")) << to_string(allocation.allocation.method);
    EXPECT_EQ(allocation.booked_by, payment);
    EXPECT_EQ(allocation.recorded_at, "2026-11-28T09:30:00.000Z");
  }
  EXPECT_EQ(mine.allocations[1].allocation.method, AllocationMethod::skonto);
  EXPECT_TRUE(mine.allocations[1].allocation.transaction.empty());
}

TEST_F(AccountHistoryTest, WhatAPostedPaymentLeftUnappliedIsACreditOfItsCustomer) {
  const std::string payment = post_payment(15000, 11800, "2026-11-21");
  const AccountHistory mine = history("4711");
  ASSERT_EQ(mine.unapplied.size(), 1U);
  EXPECT_EQ(mine.unapplied[0].transaction, payment);
  EXPECT_EQ(mine.unapplied[0].booked_on, day("2026-11-21"));
  EXPECT_EQ(mine.unapplied[0].amount, eur(3200));
}

TEST_F(AccountHistoryTest, AnItemMarkedSettledExternallyKeepsTheTimeItWasFirstMarked) {
  OpenItem settled = invoice("RE-2", "4711", 5000);
  settled.settled_externally = true;
  step(*store_, [&](Transaction& tx) { ASSERT_TRUE(tx.upsert_open_item(settled)); });
  AccountHistory mine = history("4711");
  ASSERT_EQ(mine.settled_externally_at.count("RE-2"), 1U);
  const std::string marked_at = mine.settled_externally_at.at("RE-2");
  EXPECT_FALSE(marked_at.empty());

  settled.debtor_account = "10001";  // a later change to the still-settled item
  step(*store_, [&](Transaction& tx) { ASSERT_TRUE(tx.upsert_open_item(settled)); });
  EXPECT_EQ(history("4711").settled_externally_at.at("RE-2"), marked_at);

  settled.settled_externally = false;  // listed by the ERP again
  step(*store_, [&](Transaction& tx) { ASSERT_TRUE(tx.upsert_open_item(settled)); });
  EXPECT_TRUE(history("4711").settled_externally_at.empty());
}

TEST_F(AccountHistoryTest, NoticeNumbersByCustomerTakeThePrefixLiterally) {
  step(*store_, [&](Transaction& tx) {
    for (const auto& [number, who] :
         {std::pair<std::string, std::string>{"S-2026-10-000001", "4711"},
          {"S-2026-11-000001", "4712"},
          {"S_2026-10-000002", "4712"}}) {
      StoredNotice stored;
      stored.notice.number = number;
      stored.notice.kind = NoticeKind::statement;
      stored.notice.customer_number = who;
      stored.notice.fees = eur(0);
      stored.notice.interest = eur(0);
      stored.notice.channel = "mail";
      ASSERT_TRUE(assign_references(stored.notice));
      stored.template_name = "statement";
      stored.language = "de";
      stored.notice_date = day("2026-11-01");
      stored.total = eur(0);
      stored.recipient = "a@b.example";
      stored.subject = "Kontoauszug";
      ASSERT_TRUE(tx.record_notice(stored));
    }
  });
  std::map<std::string, std::string> found;
  ASSERT_TRUE(store_->read([&](Reader& r) -> Status {
    auto numbers = r.notice_numbers_by_customer("S-2026-10-");
    if (!numbers) return numbers.error();
    found = *numbers;
    return {};
  }));
  EXPECT_EQ(found, (std::map<std::string, std::string>{{"4711", "S-2026-10-000001"}}));
}

}  // namespace
}  // namespace kontor::store
