// A person's decisions about a payment, on a real store in memory: allocating by hand (final,
// teaches the payer's IBAN), what is refused (leaving nothing behind), and undoing a posting —
// the engine's, Skonto included, or a person's.
#include "engine/manual_allocation.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/store_test_support.hpp"

namespace kontor::engine {
namespace {

using namespace store::testing;
using store::Reconciliation;
using store::ReconciliationState;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr const char* kErpIban = "DE89370400440532013000";    // the customer's, from the ERP
constexpr const char* kOtherIban = "DE44500105175407324931";  // a payer the ERP does not know

class ManualAllocationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = open_store();
    ASSERT_TRUE(store_);
    ASSERT_TRUE(Iban::parse(kOtherIban)) << "the test's IBAN must be valid";
    step(*store_, [&](store::Transaction& tx) {
      ASSERT_TRUE(tx.upsert_customer(customer("4711")));
      ASSERT_TRUE(tx.upsert_customer(customer("4712")));
      ASSERT_TRUE(tx.upsert_open_item(invoice("RE-1", "4711", 10000)));
      ASSERT_TRUE(tx.upsert_open_item(invoice("RE-2", "4711", 8000)));
      ASSERT_TRUE(tx.upsert_open_item(invoice("RE-3", "4712", 5000)));
      OpenItem dollars = invoice("RE-USD", "4711", 5000);
      dollars.gross = Money(5000, *Currency::from_code("USD"));
      dollars.open = dollars.gross;
      ASSERT_TRUE(tx.upsert_open_item(dollars));
    });
  }

  // Imports one statement with `t`; returns it with its identity.
  BankTransaction import(BankTransaction t) {
    const std::string id = "S-" + std::to_string(++statements_);
    step(*store_,
         [&](store::Transaction& tx) { ASSERT_TRUE(tx.insert_statement(statement(id, {t}))); });
    std::vector<BankTransaction> all;
    EXPECT_TRUE(store_->read([&](store::Reader& r) -> Status {
      all = *r.bank_transactions({.account = {}, .from = {}, .to = {}, .include_superseded = true});
      return {};
    }));
    for (const auto& stored : all) {
      if (stored.statement_id == id) return stored;
    }
    ADD_FAILURE() << "statement " << id << " not stored";
    return t;
  }

  // Runs `decide` as a person's step; the step rolls back when it fails, as the admin API's does.
  template <typename Decide>
  Result<Reconciliation> as_alice(Decide&& decide) {
    std::optional<Result<Reconciliation>> out;
    (void)store_->transact("user:alice", "by hand", [&](store::Transaction& tx) -> Status {
      out.emplace(decide(tx));
      if (!*out) return out->error();
      return {};
    });
    return std::move(*out);
  }

  Result<Reconciliation> allocate(const BankTransaction& t, std::vector<ItemPayment> items,
                                  std::string note = "customer called") {
    return as_alice(
        [&](store::Transaction& tx) { return allocate_by_hand(tx, t.identity, items, note); });
  }

  Result<Reconciliation> undo(const BankTransaction& t, std::string reason) {
    return as_alice([&](store::Transaction& tx) { return undo_posting(tx, t.identity, reason); });
  }

  std::int64_t open_of(const std::string& item) {
    std::int64_t open = -1;
    EXPECT_TRUE(store_->read([&](store::Reader& r) -> Status {
      open = (*r.open_amount(item))->minor_units();
      return {};
    }));
    return open;
  }

  std::optional<Reconciliation> decision(const BankTransaction& t) {
    std::optional<Reconciliation> out;
    EXPECT_TRUE(store_->read([&](store::Reader& r) -> Status {
      out = *r.reconciliation(t.identity);
      return {};
    }));
    return out;
  }

  std::vector<Allocation> allocations(const BankTransaction& t) {
    std::vector<Allocation> out;
    EXPECT_TRUE(store_->read([&](store::Reader& r) -> Status {
      out = *r.allocations_of_transaction(t.identity);
      return {};
    }));
    return out;
  }

  std::map<std::string, std::vector<std::string>> learned() {
    std::map<std::string, std::vector<std::string>> out;
    EXPECT_TRUE(store_->read([&](store::Reader& r) -> Status {
      out = *r.learned_ibans();
      return {};
    }));
    return out;
  }

  // What the engine does when it posts a payment with Skonto: an allocation of the payment and
  // one without money, both recorded with the decision.
  void post_like_the_engine(const BankTransaction& t) {
    step(*store_, [&](store::Transaction& tx) {
      const auto paid = tx.add_allocation({.id = 0,
                                           .transaction = t.identity,
                                           .item_number = "RE-1",
                                           .amount = t.amount,
                                           .method = AllocationMethod::invoice_number,
                                           .confidence_permille = 950,
                                           .evidence = "RE-1 in remittance",
                                           .reverses = {}});
      const auto skonto = tx.add_allocation({.id = 0,
                                             .transaction = "",
                                             .item_number = "RE-1",
                                             .amount = eur(10000 - t.amount.minor_units()),
                                             .method = AllocationMethod::skonto,
                                             .confidence_permille = 950,
                                             .evidence = "2 % Skonto",
                                             .reverses = {}});
      ASSERT_TRUE(paid && skonto);
      Reconciliation posted;
      posted.transaction = t.identity;
      posted.state = ReconciliationState::posted;
      posted.customer_number = "4711";
      posted.confidence_permille = 950;
      posted.reason = "RE-1 in remittance";
      posted.unapplied = eur(0);
      posted.candidates = {{.item_number = "RE-1",
                            .customer_number = "4711",
                            .score_permille = 950,
                            .evidence = "RE-1 in remittance"}};
      posted.allocation_ids = {*paid, *skonto};
      ASSERT_TRUE(tx.record_reconciliation(posted));
    });
  }

  void put_in_review(const BankTransaction& t) {
    step(*store_, [&](store::Transaction& tx) {
      Reconciliation review;
      review.transaction = t.identity;
      review.state = ReconciliationState::review;
      review.confidence_permille = 600;
      review.reason = "amount fits two items";
      review.unapplied = eur(0);
      review.candidates = {{.item_number = "RE-1",
                            .customer_number = "4711",
                            .score_permille = 600,
                            .evidence = "a"},
                           {.item_number = "RE-2",
                            .customer_number = "4711",
                            .score_permille = 550,
                            .evidence = "b"}};
      ASSERT_TRUE(tx.record_reconciliation(review));
    });
  }

  std::unique_ptr<store::SqliteStore> store_;
  int statements_ = 0;
};

TEST_F(ManualAllocationTest, APaymentGoesToTheNamedItemAndTheDecisionIsFinalAndByHand) {
  const BankTransaction payment = import(credit(10000, "Rechnung vom Oktober"));
  const auto decided = allocate(payment, {{"RE-1", std::nullopt}}, "customer called");
  ASSERT_TRUE(decided) << decided.error().message;
  EXPECT_EQ(decided->state, ReconciliationState::posted);
  EXPECT_TRUE(decided->by_hand);
  EXPECT_EQ(decided->customer_number, "4711");
  EXPECT_EQ(decided->confidence_permille, 1000);
  EXPECT_EQ(decided->unapplied, eur(0));
  EXPECT_EQ(decided->decided_by, "user:alice");
  EXPECT_EQ(open_of("RE-1"), 0);

  const auto made = allocations(payment);
  ASSERT_EQ(made.size(), 1u);
  EXPECT_EQ(decided->allocation_ids, std::vector<std::int64_t>{made[0].id});
  EXPECT_EQ(made[0].method, AllocationMethod::manual);
  EXPECT_EQ(made[0].confidence_permille, 1000);
  EXPECT_EQ(made[0].amount, eur(10000));
  EXPECT_THAT(made[0].evidence, HasSubstr("customer called"));
}

TEST_F(ManualAllocationTest, AnOmittedAmountIsWhatIsOpenUpToWhatIsLeftOfThePayment) {
  const BankTransaction payment = import(credit(15000, "zwei Rechnungen"));
  const auto decided = allocate(payment, {{"RE-1", std::nullopt}, {"RE-2", std::nullopt}});
  ASSERT_TRUE(decided) << decided.error().message;
  EXPECT_EQ(open_of("RE-1"), 0);
  EXPECT_EQ(open_of("RE-2"), 3000);  // 80.00 open, 50.00 left of the payment
  EXPECT_EQ(decided->unapplied, eur(0));
  EXPECT_EQ(decided->allocation_ids.size(), 2u);
}

TEST_F(ManualAllocationTest, WhatTheGivenAmountsLeaveIsACreditOnTheCustomersAccount) {
  const BankTransaction payment = import(credit(15000, "Anzahlung"));
  const auto decided = allocate(payment, {{"RE-2", eur(5000)}});
  ASSERT_TRUE(decided) << decided.error().message;
  EXPECT_EQ(open_of("RE-2"), 3000);
  EXPECT_EQ(decided->unapplied, eur(10000));
}

TEST_F(ManualAllocationTest, ItemsOfSeveralCustomersAreAllowedAndTheFirstItemsCustomerIsNamed) {
  const BankTransaction payment = import(credit(15000, "Konzern zahlt"));
  const auto decided = allocate(payment, {{"RE-3", std::nullopt}, {"RE-1", std::nullopt}});
  ASSERT_TRUE(decided) << decided.error().message;
  EXPECT_EQ(decided->customer_number, "4712");
  EXPECT_EQ(open_of("RE-3"), 0);
  EXPECT_EQ(open_of("RE-1"), 0);
}

TEST_F(ManualAllocationTest, AManualAllocationTeachesThePayersIbanOnce) {
  BankTransaction first = credit(4000, "Teilzahlung 1");
  first.counterparty_account = "de44 5001 0517 5407 3249 31";
  BankTransaction second = credit(4000, "Teilzahlung 2", "2026-11-21");
  second.counterparty_account = kOtherIban;
  const BankTransaction p1 = import(first);
  const BankTransaction p2 = import(second);
  ASSERT_TRUE(allocate(p1, {{"RE-1", std::nullopt}}));
  ASSERT_TRUE(allocate(p2, {{"RE-1", std::nullopt}}));
  const auto ibans = learned();
  ASSERT_EQ(ibans.size(), 1u);
  EXPECT_EQ(ibans.at("4711"), std::vector<std::string>{kOtherIban});
}

TEST_F(ManualAllocationTest, AnIbanTheErpListsOrAnAccountThatIsNoIbanIsNotLearned) {
  BankTransaction from_erp_iban = credit(1000, "a");
  from_erp_iban.counterparty_account = kErpIban;
  BankTransaction from_account_number = credit(1000, "b");
  from_account_number.counterparty_account = "0532013000";
  ASSERT_TRUE(allocate(import(from_erp_iban), {{"RE-1", std::nullopt}}));
  ASSERT_TRUE(allocate(import(from_account_number), {{"RE-1", std::nullopt}}));
  EXPECT_THAT(learned(), IsEmpty());
}

TEST_F(ManualAllocationTest, RefusalsLeaveNothingBehind) {
  BankTransaction debit = credit(-5000, "Lastschrift");
  BankTransaction returned = credit(-5000, "RETOURE");
  returned.is_return = true;
  BankTransaction intraday = credit(5000, "vorgemerkt");
  intraday.provisional = true;
  BankTransaction pending = credit(5000, "pending");
  pending.status = EntryStatus::pending;
  const BankTransaction payment = import(credit(10000, "RE-1"));

  struct Case {
    BankTransaction payment;
    std::vector<ItemPayment> items;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {payment, {{"RE-1", eur(10001)}}, "has only 100.00 EUR open"},
      {payment, {{"RE-1", std::nullopt}, {"RE-2", eur(100)}}, "more than the 0.00 EUR left"},
      {payment, {{"RE-9", std::nullopt}}, "there is no open item 'RE-9'"},
      {payment, {{"RE-1", eur(0)}}, "must be positive"},
      {payment, {{"RE-1", eur(-100)}}, "must be positive"},
      {payment, {{"RE-1", eur(100)}, {"RE-1", eur(100)}}, "named twice"},
      {payment, {{"RE-USD", std::nullopt}}, "is in USD, the payment in EUR"},
      {payment, {}, "name at least one open item"},
      {payment, {{"RE-1", std::nullopt}, {"RE-2", std::nullopt}}, "nothing is left"},
      {import(debit), {{"RE-1", std::nullopt}}, "only credits pay open items"},
      {import(returned), {{"RE-1", std::nullopt}}, "is a return"},
      {import(intraday), {{"RE-1", std::nullopt}}, "is provisional"},
      {import(pending), {{"RE-1", std::nullopt}}, "is provisional"},
  };
  for (const Case& c : cases) {
    const auto refused = allocate(c.payment, c.items);
    ASSERT_FALSE(refused) << c.expected;
    EXPECT_THAT(refused.error().message, HasSubstr(c.expected));
    EXPECT_FALSE(decision(c.payment)) << c.expected;
    EXPECT_THAT(allocations(c.payment), IsEmpty()) << c.expected;
  }
  EXPECT_EQ(open_of("RE-1"), 10000);
  EXPECT_EQ(open_of("RE-2"), 8000);

  BankTransaction unknown = payment;
  unknown.identity = std::string(64, 'f');
  EXPECT_THAT(allocate(unknown, {{"RE-1", std::nullopt}}).error().message,
              HasSubstr("there is no bank transaction"));
}

TEST_F(ManualAllocationTest, APostedPaymentMustBeUndoneBeforeItIsAllocatedAgain) {
  const BankTransaction payment = import(credit(9800, "RE-1"));
  post_like_the_engine(payment);
  const auto refused = allocate(payment, {{"RE-2", std::nullopt}});
  ASSERT_FALSE(refused);
  EXPECT_THAT(refused.error().message, HasSubstr("already posted; undo it first"));
  EXPECT_EQ(open_of("RE-2"), 8000);
}

TEST_F(ManualAllocationTest, UndoReversesEveryAllocationSkontoIncludedAndPutsTheEntryInReview) {
  const BankTransaction payment = import(credit(9800, "RE-1"));
  post_like_the_engine(payment);
  ASSERT_EQ(open_of("RE-1"), 0);

  const auto undone = undo(payment, "wrong customer");
  ASSERT_TRUE(undone) << undone.error().message;
  EXPECT_EQ(undone->state, ReconciliationState::review);
  EXPECT_TRUE(undone->by_hand);
  EXPECT_EQ(undone->reason, "undone: wrong customer");
  EXPECT_EQ(undone->candidates.size(), 1u);  // the engine's candidates stay
  EXPECT_EQ(open_of("RE-1"), 10000);

  const auto all = allocations(payment);
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[2].method, AllocationMethod::reversal);
  EXPECT_EQ(all[3].method, AllocationMethod::reversal);
  EXPECT_EQ(all[2].reverses, all[0].id);
  EXPECT_EQ(all[3].reverses, all[1].id);
  EXPECT_EQ(all[2].evidence, "undone: wrong customer");

  // The engine never looks at it again: in review, a person decides.
  std::vector<BankTransaction> pending;
  ASSERT_TRUE(store_->read([&](store::Reader& r) -> Status {
    pending = *r.transactions_to_reconcile();
    return {};
  }));
  EXPECT_THAT(pending, IsEmpty());
}

TEST_F(ManualAllocationTest, UndoTwiceIsAnErrorAndSoIsUndoOfWhatIsNotPosted) {
  const BankTransaction payment = import(credit(9800, "RE-1"));
  const auto nothing = undo(payment, "why");
  ASSERT_FALSE(nothing);
  EXPECT_THAT(nothing.error().message, HasSubstr("is not posted (no decision yet)"));
  post_like_the_engine(payment);
  ASSERT_TRUE(undo(payment, "first"));
  const auto twice = undo(payment, "second");
  ASSERT_FALSE(twice);
  EXPECT_THAT(twice.error().message, HasSubstr("is not posted (review)"));
  EXPECT_EQ(open_of("RE-1"), 10000);
  EXPECT_EQ(allocations(payment).size(), 4u);
}

TEST_F(ManualAllocationTest, UndoNeedsAReason) {
  const BankTransaction payment = import(credit(9800, "RE-1"));
  post_like_the_engine(payment);
  const auto refused = undo(payment, "  ");
  ASSERT_FALSE(refused);
  EXPECT_THAT(refused.error().message, HasSubstr("needs a reason"));
  EXPECT_EQ(open_of("RE-1"), 0);
}

TEST_F(ManualAllocationTest,
       AReviewedPaymentPostedByHandAndUndoneReturnsToReviewWithItsCandidates) {
  const BankTransaction payment = import(credit(10000, "Zahlung"));
  put_in_review(payment);
  ASSERT_TRUE(allocate(payment, {{"RE-2", std::nullopt}}));
  EXPECT_EQ(open_of("RE-2"), 0);
  EXPECT_EQ(decision(payment)->unapplied, eur(2000));

  const auto undone = undo(payment, "RE-1 was meant");
  ASSERT_TRUE(undone) << undone.error().message;
  EXPECT_EQ(undone->candidates.size(), 2u);
  EXPECT_EQ(undone->unapplied, eur(0));
  EXPECT_EQ(open_of("RE-2"), 8000);

  // And allocated again, to what was meant: only the new allocation is in force.
  const auto again = allocate(payment, {{"RE-1", std::nullopt}});
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(open_of("RE-1"), 0);
  EXPECT_EQ(open_of("RE-2"), 8000);
  EXPECT_EQ(again->unapplied, eur(0));
  ASSERT_TRUE(undo(payment, "no, after all"));
  EXPECT_EQ(open_of("RE-1"), 10000);
}

}  // namespace
}  // namespace kontor::engine
