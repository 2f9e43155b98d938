// The booking ledger on a real store in memory: what each business event books, that a rerun
// books nothing twice, that a change before export amends and after export reverses and books
// anew, that an undone payment is reversed once, and that what cannot be booked is named and
// held back without stopping the rest.
#include "engine/booking_ledger.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/manual_allocation.hpp"
#include "store/store_test_support.hpp"

namespace kontor::engine {
namespace {

using namespace store::testing;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

constexpr const char* kCompanyIban = "DE02120300000000202051";  // the statements' account

Company company_with_bank(std::string ledger_account) {
  Company company;
  company.legal_name = "Kontor Demo GmbH";
  company.bank_accounts = {CompanyBankAccount{
      .iban = *Iban::parse(kCompanyIban), .bic = std::nullopt, .ledger_account = ledger_account}};
  return company;
}

OpenItem charge_item(std::string number, OpenItemType type, std::int64_t cents) {
  OpenItem item = invoice(std::move(number), "4711", cents);
  item.type = type;
  item.refers_to = "RE-1";
  item.issue_date = day("2026-11-10");
  item.due_date = day("2026-11-24");
  item.debtor_account = "10001";
  return item;
}

BookingLine line(std::string account, BookingSide side, std::int64_t cents,
                 std::string tax_key = {}) {
  return BookingLine{
      .account = std::move(account), .side = side, .amount = eur(cents), .tax_key = tax_key};
}

class BookingLedgerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = open_store();
    ASSERT_TRUE(store_);
    step(*store_, [&](store::Transaction& tx) {
      ASSERT_TRUE(tx.upsert_customer(customer("4711")));
      OpenItem first = invoice("RE-1", "4711", 11900);
      first.debtor_account = "10001";
      ASSERT_TRUE(tx.upsert_open_item(first));
    });
  }

  LedgerCounts book(const exports::ExportSettings& settings = {},
                    const Date& today = day("2026-11-28")) {
    const exports::BookingRules rules(settings, company_with_bank("1210"));
    const BookingLedger ledger(rules, today);
    LedgerCounts counts;
    step(*store_,
         [&](store::Transaction& tx) { ASSERT_TRUE(ledger.book_customer(tx, "4711", counts)); });
    return counts;
  }

  std::vector<store::StoredBooking> bookings() {
    std::vector<store::StoredBooking> found;
    EXPECT_TRUE(store_->read([&](store::Reader& reader) -> Status {
      found = *reader.bookings_of_customer("4711");
      return {};
    }));
    return found;
  }

  BankTransaction import_payment(std::int64_t cents, std::string_view booked = "2026-11-20",
                                 bool provisional = false) {
    BankTransaction payment = credit(cents, "RE-1", booked);
    payment.provisional = provisional;
    step(*store_, [&](store::Transaction& tx) {
      ASSERT_TRUE(tx.insert_statement(statement("S-" + std::string(booked), {payment})));
    });
    std::vector<BankTransaction> all;
    EXPECT_TRUE(store_->read([&](store::Reader& r) -> Status {
      all = *r.bank_transactions({.account = {}, .from = {}, .to = {}, .include_superseded = true});
      return {};
    }));
    EXPECT_THAT(all, SizeIs(::testing::Ge(1u)));
    return all.back();
  }

  void pay_by_hand(const BankTransaction& payment) {
    step(*store_, [&](store::Transaction& tx) {
      ASSERT_TRUE(allocate_by_hand(tx, payment.identity,
                                   {ItemPayment{.item_number = "RE-1", .amount = std::nullopt}},
                                   "paid"));
    });
  }

  void export_all(const std::string& target = "datev") {
    step(*store_, [&](store::Transaction& tx) {
      const Result<std::vector<store::StoredBooking>> due =
          tx.bookings_after(*tx.export_watermark(target), 1000);
      ASSERT_TRUE(due);
      std::vector<std::int64_t> ids;
      for (const store::StoredBooking& b : *due) ids.push_back(b.booking.id);
      store::ExportBatchRecord batch;
      batch.target = target;
      ASSERT_TRUE(tx.record_export_batch(batch, ids));
    });
  }

  std::unique_ptr<store::SqliteStore> store_;
};

TEST_F(BookingLedgerTest, PaymentIsBookedOnItsBankDayFromTheBankAgainstTheDebtor) {
  pay_by_hand(import_payment(11900));
  const LedgerCounts counts = book();
  EXPECT_EQ(counts.recorded, 1);
  EXPECT_THAT(counts.problems, IsEmpty());
  const std::vector<store::StoredBooking> found = bookings();
  ASSERT_THAT(found, SizeIs(1));
  const store::StoredBooking& payment = found.front();
  EXPECT_EQ(payment.kind, "payment");
  EXPECT_EQ(payment.customer_number, "4711");
  EXPECT_TRUE(payment.current);
  EXPECT_EQ(payment.booking.date, day("2026-11-20"));
  EXPECT_EQ(payment.booking.document_number, "RE-1");
  // The debtor first (the rules' promise to exporters), the company's bank ledger account 1210.
  EXPECT_THAT(payment.booking.lines, ElementsAre(line("10001", BookingSide::credit, 11900),
                                                 line("1210", BookingSide::debit, 11900)));
}

TEST_F(BookingLedgerTest, RerunBooksNothingTwice) {
  pay_by_hand(import_payment(11900));
  ASSERT_EQ(book().recorded, 1);
  const LedgerCounts again = book();
  EXPECT_EQ(again.recorded, 0);
  EXPECT_EQ(again.unchanged, 1);
  EXPECT_THAT(bookings(), SizeIs(1));
}

TEST_F(BookingLedgerTest, FeeAndInterestItemsAreChargedWithTheirSachverhalt) {
  step(*store_, [&](store::Transaction& tx) {
    ASSERT_TRUE(tx.upsert_open_item(charge_item("GEB-1", OpenItemType::fee, 500)));
    ASSERT_TRUE(tx.upsert_open_item(charge_item("ZIN-1", OpenItemType::interest, 123)));
  });
  EXPECT_EQ(book().recorded, 2);
  const std::vector<store::StoredBooking> found = bookings();
  ASSERT_THAT(found, SizeIs(2));
  EXPECT_EQ(found[0].kind, "fee");
  EXPECT_EQ(found[0].booking.facts, BookingFacts::dunning_fee);
  EXPECT_EQ(found[0].booking.due_date, day("2026-11-24"));
  EXPECT_THAT(found[0].booking.lines, ElementsAre(line("10001", BookingSide::debit, 500),
                                                  line("8600", BookingSide::credit, 500)));
  EXPECT_EQ(found[1].kind, "interest");
  EXPECT_EQ(found[1].booking.facts, BookingFacts::dunning_interest);
  EXPECT_THAT(found[1].booking.lines, ElementsAre(line("10001", BookingSide::debit, 123),
                                                  line("2650", BookingSide::credit, 123)));
}

TEST_F(BookingLedgerTest, InvoicesAreBookedOnlyOnRequest) {
  step(*store_, [&](store::Transaction& tx) {
    OpenItem taxed = invoice("RE-2", "4711", 11900);
    taxed.debtor_account = "10001";
    taxed.tax_lines = {TaxLine{.rate = Decimal::from_integer(19),
                               .net = eur(10000),
                               .tax = eur(1900),
                               .gross = eur(11900)}};
    ASSERT_TRUE(tx.upsert_open_item(taxed));
  });
  EXPECT_EQ(book().recorded, 0) << "invoices are not in export.include by default";
  exports::ExportSettings with_invoices;
  with_invoices.include.push_back(exports::BookingKind::invoices);
  const LedgerCounts counts = book(with_invoices);
  EXPECT_EQ(counts.recorded, 1);
  // RE-1 has no tax lines: refused by name, never a guessed rate.
  ASSERT_THAT(counts.problems, SizeIs(1));
  EXPECT_THAT(counts.problems.front(), HasSubstr("RE-1"));
  const std::vector<store::StoredBooking> found = bookings();
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found.front().kind, "invoice");
  EXPECT_THAT(found.front().booking.lines, ElementsAre(line("10001", BookingSide::debit, 11900),
                                                       line("8400", BookingSide::credit, 11900)));
}

TEST_F(BookingLedgerTest, ChangeBeforeExportAmendsTheBookingInPlace) {
  step(*store_, [&](store::Transaction& tx) {
    ASSERT_TRUE(tx.upsert_open_item(charge_item("GEB-1", OpenItemType::fee, 500)));
  });
  ASSERT_EQ(book().recorded, 1);
  const std::int64_t id = bookings().front().booking.id;
  step(*store_, [&](store::Transaction& tx) {
    ASSERT_TRUE(tx.upsert_open_item(charge_item("GEB-1", OpenItemType::fee, 750)));
  });
  const LedgerCounts counts = book();
  EXPECT_EQ(counts.amended, 1);
  const std::vector<store::StoredBooking> found = bookings();
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found.front().booking.id, id);
  EXPECT_EQ(found.front().booking.lines.front().amount, eur(750));
}

TEST_F(BookingLedgerTest, ChangeAfterExportIsAReversalTodayPlusTheNewBooking) {
  step(*store_, [&](store::Transaction& tx) {
    ASSERT_TRUE(tx.upsert_open_item(charge_item("GEB-1", OpenItemType::fee, 500)));
  });
  ASSERT_EQ(book().recorded, 1);
  export_all();
  step(*store_, [&](store::Transaction& tx) {
    OpenItem moved = charge_item("GEB-1", OpenItemType::fee, 500);
    moved.debtor_account = "10002";  // the ERP moved the customer to another debtor account
    ASSERT_TRUE(tx.upsert_open_item(moved));
  });
  const LedgerCounts counts = book({}, day("2026-12-02"));
  EXPECT_EQ(counts.replaced, 1);
  const std::vector<store::StoredBooking> found = bookings();
  ASSERT_THAT(found, SizeIs(3));
  const store::StoredBooking& original = found[0];
  const store::StoredBooking& reversal = found[1];
  const store::StoredBooking& renewed = found[2];
  EXPECT_FALSE(original.current);
  EXPECT_EQ(original.booking.lines.front().account, "10001") << "an exported booking never changes";
  EXPECT_EQ(reversal.kind, "reversal");
  EXPECT_EQ(reversal.booking.reverses, original.booking.id);
  EXPECT_EQ(reversal.booking.date, day("2026-12-02"));
  EXPECT_THAT(reversal.booking.lines, ElementsAre(line("10001", BookingSide::credit, 500),
                                                  line("8600", BookingSide::debit, 500)));
  EXPECT_TRUE(renewed.current);
  EXPECT_EQ(renewed.booking.lines.front().account, "10002");
  EXPECT_EQ(renewed.booking.date, day("2026-11-10"));
  const LedgerCounts again = book({}, day("2026-12-03"));
  EXPECT_EQ(again.replaced + again.recorded + again.amended, 0);
}

TEST_F(BookingLedgerTest, UndonePaymentIsReversedOnceAndNotBookedAgain) {
  const BankTransaction payment = import_payment(11900);
  pay_by_hand(payment);
  ASSERT_EQ(book().recorded, 1);
  step(*store_, [&](store::Transaction& tx) {
    ASSERT_TRUE(undo_posting(tx, payment.identity, "wrong customer"));
  });
  const LedgerCounts counts = book({}, day("2026-11-30"));
  EXPECT_EQ(counts.reversed, 1);
  std::vector<store::StoredBooking> found = bookings();
  ASSERT_THAT(found, SizeIs(2));
  EXPECT_FALSE(found[0].current);
  EXPECT_EQ(found[1].booking.reverses, found[0].booking.id);
  EXPECT_THAT(found[1].booking.lines, ElementsAre(line("10001", BookingSide::debit, 11900),
                                                  line("1210", BookingSide::credit, 11900)));
  const LedgerCounts again = book({}, day("2026-12-01"));
  EXPECT_EQ(again.recorded + again.reversed + again.replaced, 0);
  EXPECT_THAT(bookings(), SizeIs(2));
}

TEST_F(BookingLedgerTest, PaymentOnAProvisionalTransactionWaitsForTheBookedStatement) {
  const BankTransaction intraday = import_payment(11900, "2026-11-27", /*provisional=*/true);
  step(*store_, [&](store::Transaction& tx) {
    ASSERT_TRUE(tx.add_allocation(Allocation{.id = 0,
                                             .transaction = intraday.identity,
                                             .item_number = "RE-1",
                                             .amount = eur(11900),
                                             .method = AllocationMethod::creditor_reference,
                                             .confidence_permille = 1000,
                                             .evidence = "RF",
                                             .reverses = std::nullopt}));
  });
  const LedgerCounts counts = book();
  EXPECT_EQ(counts.waiting, 1);
  EXPECT_THAT(bookings(), IsEmpty());
}

TEST_F(BookingLedgerTest, ItemWithoutDebtorAccountIsNamedAndTheOthersAreBooked) {
  step(*store_, [&](store::Transaction& tx) {
    OpenItem nameless = charge_item("GEB-2", OpenItemType::fee, 500);
    nameless.debtor_account.clear();
    ASSERT_TRUE(tx.upsert_open_item(nameless));
    ASSERT_TRUE(tx.upsert_open_item(charge_item("GEB-3", OpenItemType::fee, 500)));
  });
  const LedgerCounts counts = book();
  EXPECT_EQ(counts.recorded, 1);
  ASSERT_THAT(counts.problems, SizeIs(1));
  EXPECT_THAT(counts.problems.front(), HasSubstr("4711"));
  EXPECT_THAT(counts.problems.front(), HasSubstr("GEB-2"));
  // With a rule the held-back item is booked on the next run.
  exports::ExportSettings ruled;
  ruled.debtor_account = exports::DebtorAccountRule{
      .kind = exports::DebtorAccountRuleKind::fixed, .account = "10000", .offset = 0, .prefix = ""};
  EXPECT_EQ(book(ruled).recorded, 1);
}

}  // namespace
}  // namespace kontor::engine
