// What the reports ask of the store, worked by hand: items as they stood at the end of a past
// day (payments by their booking day even when matched later, a credit note's clearing by when
// it was recorded, items issued or imported after the day left out, currencies apart), the
// sales of a period, and a period's activity.
#include <gtest/gtest.h>

#include "store/sqlite_store.hpp"
#include "store/store_test_support.hpp"

namespace kontor::store {
namespace {

using namespace testing;
using namespace std::chrono;

Instant at(int y, unsigned m, unsigned d, int hour) {
  return sys_days(std::chrono::year(y) / std::chrono::month(m) / std::chrono::day(d)) + hours(hour);
}

// The company's day `iso` in Europe/Berlin in winter: it ends at 23:00 UTC.
ReportDay berlin_day(std::string_view iso) {
  const Date d = testing::day(iso);
  return ReportDay{
      .day = d,
      .ends = at(d.year(), static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()), 23)};
}

ReportPeriod november() {
  return ReportPeriod{.first = testing::day("2026-11-01"),
                      .last = testing::day("2026-11-30"),
                      .starts = at(2026, 10, 31, 23),
                      .ends = at(2026, 11, 30, 23)};
}

OpenItem item(std::string number, std::string customer, std::int64_t cents, std::string_view issued,
              std::string_view due) {
  OpenItem made = invoice(std::move(number), std::move(customer), cents);
  made.issue_date = testing::day(issued);
  made.due_date = testing::day(due);
  return made;
}

class ReportQueriesTest : public ::testing::Test {
 protected:
  // The story, step by step on its own clock:
  //   11-10 RE-1 1000.00 (issued 10-01), RE-2 500.00, credit note GS-1 -200.00 for RE-2,
  //         US-1 300.00 USD of another customer, RE-3 700.00 issued 12-02;
  //   11-20 GS-1 clears 200.00 of RE-2 (recorded then: no bank booking dates it);
  //   11-21 300.00 booked 11-20 posted to RE-1; a complaint;
  //   12-01 RE-4 800.00 (issued 11-20) imported;
  //   12-02 100.00 booked 11-28 posted to RE-1 (matched late, counts from its booking day);
  //   12-04 400.00 booked 12-03 posted to RE-1.
  void SetUp() override {
    SqliteOptions options = options_for(":memory:");
    options.clock = [this] { return now_; };
    auto opened = SqliteStore::open(options);
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(opened).value();

    now_ = at(2026, 11, 10, 9);
    step(*store_, [&](Transaction& tx) {
      ASSERT_TRUE(tx.upsert_customer(customer("4711")));
      ASSERT_TRUE(tx.upsert_customer(customer("4712")));
      ASSERT_TRUE(tx.upsert_open_item(item("RE-1", "4711", 100000, "2026-10-01", "2026-10-15")));
      ASSERT_TRUE(tx.upsert_open_item(item("RE-2", "4711", 50000, "2026-11-01", "2026-11-15")));
      OpenItem credit_note = item("GS-1", "4711", -20000, "2026-11-10", "2026-11-10");
      credit_note.type = OpenItemType::credit_note;
      credit_note.refers_to = "RE-2";
      ASSERT_TRUE(tx.upsert_open_item(credit_note));
      OpenItem dollars = item("US-1", "4712", 30000, "2026-11-05", "2026-12-05");
      dollars.gross = Money(30000, *Currency::from_code("USD"));
      ASSERT_TRUE(tx.upsert_open_item(dollars));
      ASSERT_TRUE(tx.upsert_open_item(item("RE-3", "4711", 70000, "2026-12-02", "2026-12-16")));
    });
    now_ = at(2026, 11, 20, 10);
    step(*store_, [&](Transaction& tx) {
      for (const auto& [number, cents] : {std::pair{"RE-2", 20000}, std::pair{"GS-1", -20000}}) {
        ASSERT_TRUE(tx.add_allocation(Allocation{.id = 0,
                                                 .transaction = "",
                                                 .item_number = number,
                                                 .amount = eur(cents),
                                                 .method = AllocationMethod::credit_note,
                                                 .confidence_permille = 1000,
                                                 .evidence = "GS-1 for RE-2",
                                                 .reverses = std::nullopt}));
      }
    });
    now_ = at(2026, 11, 21, 8);
    post("S-1", 30000, "2026-11-20");
    step(*store_, [&](Transaction& tx) {
      ASSERT_TRUE(tx.add_note(Note{.id = 0,
                                   .kind = NoteKind::complaint,
                                   .customer_number = "4711",
                                   .item_number = "RE-1",
                                   .text = "goods damaged",
                                   .status = NoteStatus::open}));
    });
    now_ = at(2026, 12, 1, 8);
    step(*store_, [&](Transaction& tx) {
      ASSERT_TRUE(tx.upsert_open_item(item("RE-4", "4711", 80000, "2026-11-20", "2026-12-20")));
    });
    now_ = at(2026, 12, 2, 8);
    post("S-2", 10000, "2026-11-28");
    now_ = at(2026, 12, 4, 8);
    post("S-3", 40000, "2026-12-03");
  }

  // A credit of `cents` booked on `booked`, posted to RE-1 in full.
  void post(const std::string& statement_id, std::int64_t cents, std::string_view booked) {
    step(*store_, [&](Transaction& tx) {
      ASSERT_TRUE(tx.insert_statement(statement(statement_id, {credit(cents, "RE-1", booked)})));
      auto waiting = tx.transactions_to_reconcile();
      ASSERT_TRUE(waiting && waiting->size() == 1);
      const std::string identity = waiting->front().identity;
      auto paid = tx.add_allocation(Allocation{.id = 0,
                                               .transaction = identity,
                                               .item_number = "RE-1",
                                               .amount = eur(cents),
                                               .method = AllocationMethod::invoice_number,
                                               .confidence_permille = 1000,
                                               .evidence = "RE-1 in remittance",
                                               .reverses = std::nullopt});
      ASSERT_TRUE(paid);
      Reconciliation decision;
      decision.transaction = identity;
      decision.state = ReconciliationState::posted;
      decision.customer_number = "4711";
      decision.reason = "test";
      decision.unapplied = eur(0);
      decision.allocation_ids = {*paid};
      ASSERT_TRUE(tx.record_reconciliation(decision));
    });
  }

  // item number → open amount (minor units) as of the day.
  std::map<std::string, std::int64_t> open_as_of(std::string_view iso,
                                                 const std::string& customer = "") {
    std::map<std::string, std::int64_t> open;
    EXPECT_TRUE(store_->read([&](Reader& r) -> Status {
      auto found = r.receivables_as_of(
          ReceivablesQuery{.as_of = berlin_day(iso), .customer_number = customer});
      if (!found) return found.error();
      for (const ReceivableAsOf& item : *found) open[item.item_number] = item.open.minor_units();
      return {};
    }));
    return open;
  }

  Instant now_{};
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(ReportQueriesTest, PaymentsCountFromTheirBookingDayEvenWhenMatchedLater) {
  // RE-1: 1000.00 - 300.00 (booked 11-20) - 100.00 (booked 11-28, matched 12-02) = 600.00;
  // RE-2: 500.00 - 200.00 credit note; GS-1 cleared; RE-3 issued and RE-4 imported after.
  const std::map<std::string, std::int64_t> expected = {
      {"RE-1", 60000}, {"RE-2", 30000}, {"US-1", 30000}};
  EXPECT_EQ(open_as_of("2026-11-30"), expected);
}

TEST_F(ReportQueriesTest, CreditNoteCountsFromWhenItsClearingWasRecorded) {
  const std::map<std::string, std::int64_t> expected = {
      {"RE-1", 100000}, {"RE-2", 50000}, {"GS-1", -20000}, {"US-1", 30000}};
  EXPECT_EQ(open_as_of("2026-11-15"), expected);
}

TEST_F(ReportQueriesTest, ItemsIssuedOrImportedAfterTheDayAreLeftOutUntilThen) {
  EXPECT_FALSE(open_as_of("2026-11-30").contains("RE-3"));
  EXPECT_FALSE(open_as_of("2026-11-30").contains("RE-4"));
  const std::map<std::string, std::int64_t> year_end = {
      {"RE-1", 20000}, {"RE-2", 30000}, {"RE-3", 70000}, {"RE-4", 80000}, {"US-1", 30000}};
  EXPECT_EQ(open_as_of("2026-12-31"), year_end);
}

TEST_F(ReportQueriesTest, ReceivablesOfOneCustomerKeepTheirCurrency) {
  const std::map<std::string, std::int64_t> expected = {{"US-1", 30000}};
  EXPECT_EQ(open_as_of("2026-11-30", "4712"), expected);
  EXPECT_TRUE(store_->read([&](Reader& r) -> Status {
    auto found = r.receivables_as_of(
        ReceivablesQuery{.as_of = berlin_day("2026-11-30"), .customer_number = "4712"});
    if (!found) return found.error();
    EXPECT_EQ(found->at(0).open.currency().code(), "USD");
    EXPECT_EQ(found->at(0).customer_name, "Muster GmbH");
    EXPECT_EQ(found->at(0).due_date, testing::day("2026-12-05"));
    return {};
  }));
}

TEST_F(ReportQueriesTest, SalesAreInvoicesLessCreditNotesIssuedAndImportedInThePeriod) {
  EXPECT_TRUE(store_->read([&](Reader& r) -> Status {
    auto sales = r.invoiced(november());
    if (!sales) return sales.error();
    // EUR: RE-2 500.00 - GS-1 200.00 (RE-4 was imported in December); USD: US-1.
    const std::vector<CurrencyTally> expected = {
        CurrencyTally{.amount = eur(30000), .count = 2},
        CurrencyTally{.amount = Money(30000, *Currency::from_code("USD")), .count = 1}};
    EXPECT_EQ(*sales, expected);
    return {};
  }));
}

TEST_F(ReportQueriesTest, ActivityCountsPaymentsByBookingDayAndNotesByWhenRecorded) {
  EXPECT_TRUE(store_->read([&](Reader& r) -> Status {
    auto figures = r.activity(november());
    if (!figures) return figures.error();
    const std::vector<CurrencyTally> payments = {CurrencyTally{.amount = eur(40000), .count = 2}};
    EXPECT_EQ(figures->payments_posted, payments);
    EXPECT_TRUE(figures->notices.empty());
    EXPECT_EQ(figures->notes_opened, (std::map<std::string, std::int64_t>{{"complaint", 1}}));
    EXPECT_TRUE(figures->write_offs.empty());
    return {};
  }));
}

}  // namespace
}  // namespace kontor::store
