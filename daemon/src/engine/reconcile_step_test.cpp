// Tests: the reconcile step against a real (in-memory) SQLite store — what it writes for each
// kind of decision, that a rerun writes nothing twice, that provisional entries are never
// posted, that a return reopens what its payment settled, and that taught IBANs count.
#include "engine/reconcile_step.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kontor/model/decimal.hpp"
#include "store/store_test_support.hpp"

namespace kontor::engine {
namespace {

using namespace store::testing;
using ::testing::HasSubstr;

constexpr const char* kPayerIban = "DE89370400440532013000";  // customer()'s IBAN

class ReconcileStepTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = open_store();
    ASSERT_TRUE(store_);
    step(*store_, [&](store::Transaction& tx) {
      ASSERT_TRUE(tx.upsert_customer(customer("4711")));
      Customer other = customer("4712");
      other.name = "Erika Beispiel";
      other.ibans.clear();
      ASSERT_TRUE(tx.upsert_customer(other));
    });
  }

  void add_item(const OpenItem& item) {
    step(*store_, [&](store::Transaction& tx) { ASSERT_TRUE(tx.upsert_open_item(item)); });
  }

  std::vector<BankTransaction> import(std::string id, std::vector<BankTransaction> transactions,
                                      StatementKind kind = StatementKind::statement) {
    BankStatement s = statement(std::move(id), std::move(transactions));
    s.kind = kind;
    step(*store_, [&](store::Transaction& tx) { ASSERT_TRUE(tx.insert_statement(s)); });
    std::vector<BankTransaction> stored;
    read([&](store::Reader& r) { stored = *r.bank_transactions({}); });
    return stored;
  }

  ReconcileCounts reconcile(const matching::ReconcilePolicy& policy = {}) {
    ReconcileCounts counts;
    const std::atomic<bool> cancelled = false;
    const Status status =
        store_->transact("engine:reconcile", "test", [&](store::Transaction& tx) -> Status {
          Result<ReconcileCounts> done = reconcile_pending(tx, policy, cancelled);
          if (!done) return done.error();
          counts = *done;
          return {};
        });
    EXPECT_TRUE(status) << status.error().message;
    return counts;
  }

  template <typename Body>
  void read(Body&& body) {
    ASSERT_TRUE(store_->read([&](store::Reader& r) -> Status {
      body(r);
      return {};
    }));
  }

  Money open_of(const std::string& item) {
    Money open;
    read([&](store::Reader& r) { open = r.open_amount(item)->value(); });
    return open;
  }

  store::Reconciliation decision_of(const BankTransaction& t) {
    store::Reconciliation found;
    read([&](store::Reader& r) { found = r.reconciliation(t.identity)->value(); });
    return found;
  }

  std::unique_ptr<store::SqliteStore> store_;
};

TEST_F(ReconcileStepTest, APaymentNamingItsInvoiceIsPostedWithItsEvidence) {
  add_item(invoice("RE-2026-0012", "4711", 11900));
  const auto stored = import("S-1", {credit(11900, "Rechnung RE 2026-0012 Danke")});
  const ReconcileCounts counts = reconcile();
  EXPECT_EQ(counts.posted, 1);
  EXPECT_EQ(open_of("RE-2026-0012"), eur(0));
  const store::Reconciliation decision = decision_of(stored[0]);
  EXPECT_EQ(decision.state, store::ReconciliationState::posted);
  EXPECT_EQ(decision.customer_number, "4711");
  ASSERT_EQ(decision.allocation_ids.size(), 1u);
  std::vector<Allocation> allocations;
  read([&](store::Reader& r) { allocations = *r.allocations_of_item("RE-2026-0012"); });
  ASSERT_EQ(allocations.size(), 1u);
  EXPECT_EQ(allocations[0].transaction, stored[0].identity);
  EXPECT_EQ(allocations[0].method, AllocationMethod::invoice_number);
  EXPECT_GE(allocations[0].confidence_permille, 900);
  EXPECT_THAT(allocations[0].evidence, HasSubstr("written as \"2026-0012\""));
}

TEST_F(ReconcileStepTest, ARerunWritesNothingTwice) {
  add_item(invoice("RE-2026-0012", "4711", 11900));
  import("S-1", {credit(11900, "RE-2026-0012"), credit(777, "Spende", "2026-11-21")});
  const ReconcileCounts first = reconcile();
  EXPECT_EQ(first.posted, 1);
  EXPECT_EQ(first.unmatched, 1);
  std::int64_t events_after_first = 0;
  read([&](store::Reader& r) {
    events_after_first = static_cast<std::int64_t>(r.events(0, 100000)->size());
  });
  const ReconcileCounts second = reconcile();
  EXPECT_EQ(second.considered, 1);  // only the unmatched one is looked at again
  EXPECT_EQ(second.posted, 0);
  EXPECT_EQ(second.unchanged, 1);
  read([&](store::Reader& r) {
    EXPECT_EQ(static_cast<std::int64_t>(r.events(0, 100000)->size()), events_after_first);
  });
}

TEST_F(ReconcileStepTest, AnUnmatchedPaymentIsPostedOnceItsInvoiceArrives) {
  const auto stored = import("S-1", {credit(11900, "RE-2026-0077")});
  EXPECT_EQ(reconcile().unmatched, 1);
  add_item(invoice("RE-2026-0077", "4711", 11900));
  EXPECT_EQ(reconcile().posted, 1);
  EXPECT_EQ(decision_of(stored[0]).state, store::ReconciliationState::posted);
}

TEST_F(ReconcileStepTest, ProvisionalEntriesAreNeverPosted) {
  add_item(invoice("RE-2026-0012", "4711", 11900));
  BankTransaction intraday = credit(11900, "RE-2026-0012");
  intraday.provisional = true;
  import("I-1", {intraday}, StatementKind::intraday);
  EXPECT_EQ(reconcile().considered, 0);
  EXPECT_EQ(open_of("RE-2026-0012"), eur(11900));
}

TEST_F(ReconcileStepTest, SkontoIsAnAllocationOfItsOwnWithoutTheTransaction) {
  OpenItem item = invoice("RE-2026-0012", "4711", 10000);
  item.skonto = SkontoTerms{.percent = Decimal::parse("2").value(), .until = day("2026-11-25")};
  add_item(item);
  const auto stored = import("S-1", {credit(9800, "RE-2026-0012 abzgl. Skonto")});
  EXPECT_EQ(reconcile().allocations, 2);
  std::vector<Allocation> allocations;
  read([&](store::Reader& r) { allocations = *r.allocations_of_item("RE-2026-0012"); });
  ASSERT_EQ(allocations.size(), 2u);
  EXPECT_EQ(allocations[1].method, AllocationMethod::skonto);
  EXPECT_EQ(allocations[1].amount, eur(200));
  EXPECT_EQ(allocations[1].transaction, "");
  EXPECT_EQ(decision_of(stored[0]).allocation_ids.size(), 2u);
  EXPECT_EQ(open_of("RE-2026-0012"), eur(0));
}

TEST_F(ReconcileStepTest, AnUnsurePaymentWaitsInReviewAndIsNotLookedAtAgain) {
  add_item(invoice("RE-1001", "4711", 5000));
  add_item(invoice("RE-1002", "4711", 5000));
  const auto stored = import("S-1", {credit(5000, "Danke")});  // from 4711's IBAN
  EXPECT_EQ(reconcile().review, 1);
  const store::Reconciliation decision = decision_of(stored[0]);
  EXPECT_EQ(decision.state, store::ReconciliationState::review);
  ASSERT_EQ(decision.candidates.size(), 2u);
  EXPECT_EQ(decision.candidates[0].item_number, "RE-1001");
  EXPECT_EQ(reconcile().considered, 0);
}

TEST_F(ReconcileStepTest, DebitsAreIgnored) {
  const auto stored = import("S-1", {credit(-2500, "Miete")});
  EXPECT_EQ(reconcile().ignored, 1);
  EXPECT_EQ(decision_of(stored[0]).state, store::ReconciliationState::ignored);
}

TEST_F(ReconcileStepTest, AReturnReversesThePaymentAndReopensItsItem) {
  add_item(invoice("RE-2026-0012", "4711", 11900));
  BankTransaction paid = credit(11900, "RE-2026-0012");
  paid.end_to_end_id = "E2E-4711-1";
  import("S-1", {paid});
  EXPECT_EQ(reconcile().posted, 1);
  BankTransaction returned = credit(-11900, "RETOURE AC04 RE-2026-0012", "2026-11-24");
  returned.end_to_end_id = "E2E-4711-1";
  returned.is_return = true;
  returned.return_reason = "AC04";
  const auto stored = import("S-2", {returned});
  const ReconcileCounts counts = reconcile();
  EXPECT_EQ(counts.returns_applied, 1);
  EXPECT_EQ(open_of("RE-2026-0012"), eur(11900));
  ASSERT_EQ(stored.size(), 2u);  // by booking date: the payment, then its return
  const BankTransaction& payment = stored[0];
  const BankTransaction& the_return = stored[1];
  EXPECT_EQ(decision_of(payment).state, store::ReconciliationState::returned);
  const store::Reconciliation applied = decision_of(the_return);
  EXPECT_EQ(applied.state, store::ReconciliationState::return_applied);
  EXPECT_THAT(applied.reason, HasSubstr("AC04"));
  EXPECT_THAT(applied.reason, HasSubstr("reopened RE-2026-0012"));
  // A second run finds nothing more to do.
  EXPECT_EQ(reconcile().considered, 0);
}

TEST_F(ReconcileStepTest, AnIbanTaughtByHandIdentifiesTheCustomer) {
  add_item(invoice("RE-3001", "4712", 4200));
  BankTransaction from_new_account = credit(4200, "Danke");
  from_new_account.counterparty_account = "DE02120300000000202051";
  from_new_account.counterparty_name = "E. Beispiel";
  import("S-1", {from_new_account});
  EXPECT_EQ(reconcile().posted, 0);
  step(*store_, [&](store::Transaction& tx) {
    ASSERT_TRUE(tx.learn_iban("4712", "DE02120300000000202051", "earlier payment"));
  });
  // Unmatched before, posted on the next run once the IBAN is known.
  EXPECT_EQ(reconcile().posted, 1);
  EXPECT_EQ(open_of("RE-3001"), eur(0));
}

TEST_F(ReconcileStepTest, TheBankChargesToleranceComesFromThePolicy) {
  add_item(invoice("RE-2026-0012", "4711", 10000));
  import("S-1", {credit(9700, "RE-2026-0012")});
  matching::ReconcilePolicy policy;
  policy.scoring.amounts.bank_charges_tolerance = eur(500);
  EXPECT_EQ(reconcile(policy).allocations, 2);
  EXPECT_EQ(open_of("RE-2026-0012"), eur(0));
}

TEST_F(ReconcileStepTest, PaymentQuotingAReminderReferencePaysTheItemsItListed) {
  add_item(invoice("RE-1", "4711", 11900));
  add_item(invoice("RE-2", "4711", 5000));
  store::StoredNotice reminder;
  reminder.notice.number = "M-2026-000007";
  reminder.notice.customer_number = "4711";
  reminder.notice.level = 1;
  reminder.notice.items = {NoticeLine{.item_number = "RE-1", .open = eur(11900), .level = 1},
                           NoticeLine{.item_number = "RE-2", .open = eur(5000), .level = 1}};
  reminder.notice.fees = eur(0);
  reminder.notice.interest = eur(0);
  reminder.notice.channel = "mail-out";
  ASSERT_TRUE(assign_references(reminder.notice));
  reminder.template_name = "reminder-1";
  reminder.language = "de";
  reminder.notice_date = day("2026-11-28");
  reminder.total = eur(16900);
  step(*store_, [&](store::Transaction& tx) { ASSERT_TRUE(tx.record_notice(reminder)); });

  // A payer who knows nothing but the reminder's reference, from an account Kontor never saw.
  BankTransaction paid = credit(16900, "Ihre Mahnung " + reminder.notice.rf_reference->formatted());
  paid.counterparty_account = "DE75512108001245126199";
  paid.counterparty_name = "Jemand Anderes";
  const std::vector<BankTransaction> stored = import("S1", {paid});

  const ReconcileCounts counts = reconcile();
  EXPECT_EQ(counts.posted, 1);
  EXPECT_EQ(open_of("RE-1"), eur(0));
  EXPECT_EQ(open_of("RE-2"), eur(0));
  EXPECT_EQ(decision_of(stored[0]).state, store::ReconciliationState::posted);
}

}  // namespace
}  // namespace kontor::engine
