// Writing off on a real store in memory, and what the booking ledger makes of it: an
// uncollectible invoice books gross per rate on the automatic Forderungsverluste accounts, a
// doubtful one and a fee item without VAT correction; a payment allocated by hand to a
// written-off item takes the write-off back first and the ledger books the correction reversed
// beside the payment.
#include "engine/write_off.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/booking_ledger.hpp"
#include "engine/manual_allocation.hpp"
#include "store/store_test_support.hpp"

namespace kontor::engine {
namespace {

using namespace store::testing;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

BookingLine line(std::string account, BookingSide side, std::int64_t cents) {
  return BookingLine{
      .account = std::move(account), .side = side, .amount = eur(cents), .tax_key = ""};
}

TaxLine tax_line(std::string_view rate, std::int64_t net, std::int64_t tax) {
  return TaxLine{.rate = Decimal::parse(rate).value(),
                 .net = eur(net),
                 .tax = eur(tax),
                 .gross = eur(net + tax)};
}

class WriteOffTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = open_store();
    ASSERT_TRUE(store_);
    step(*store_, [&](store::Transaction& tx) {
      ASSERT_TRUE(tx.upsert_customer(customer("4711")));
      // 119.00 at 19 % and 107.00 at 7 %: 226.00.
      OpenItem invoice_r1 = invoice("RE-1", "4711", 22600);
      invoice_r1.debtor_account = "10001";
      invoice_r1.tax_lines = {tax_line("19", 10000, 1900), tax_line("7", 10000, 700)};
      ASSERT_TRUE(tx.upsert_open_item(invoice_r1));
      OpenItem fee = invoice("RE-1-G1", "4711", 500);
      fee.type = OpenItemType::fee;
      fee.refers_to = "RE-1";
      fee.debtor_account = "10001";
      ASSERT_TRUE(tx.upsert_open_item(fee));
    });
  }

  Result<store::WriteOff> write_off(WriteOffRequest request) {
    Result<store::WriteOff> out = Error{"the step did not run"};
    (void)store_->transact("user:alice", "write-off", [&](store::Transaction& tx) -> Status {
      out = write_off_item(tx, request);
      if (!out) return out.error();
      return {};
    });
    return out;
  }

  static WriteOffRequest request(std::string item,
                                 store::WriteOffKind kind = store::WriteOffKind::uncollectible) {
    return WriteOffRequest{.item_number = std::move(item),
                           .amount = std::nullopt,
                           .kind = kind,
                           .reason = "Insolvenz abgelehnt mangels Masse",
                           .day = day("2026-11-30")};
  }

  // The ledger's bookings for customer 4711 after booking it on `today`, the fee charged aside.
  std::vector<store::StoredBooking> book(const Date& today = day("2026-12-01")) {
    const exports::BookingRules rules(exports::ExportSettings{}, Company{});
    const BookingLedger ledger(rules, today);
    LedgerCounts counts;
    step(*store_,
         [&](store::Transaction& tx) { ASSERT_TRUE(ledger.book_customer(tx, "4711", counts)); });
    EXPECT_THAT(counts.problems, IsEmpty());
    std::vector<store::StoredBooking> found;
    EXPECT_TRUE(store_->read([&](store::Reader& r) -> Status {
      Result<std::vector<store::StoredBooking>> all = r.bookings_of_customer("4711");
      if (!all) return all.error();
      for (const store::StoredBooking& b : all.value()) {
        // The fee item's own booking (charged) is not what these tests are about.
        if (b.kind != "fee") found.push_back(b);
      }
      return {};
    }));
    return found;
  }

  Money open_of(const std::string& number) {
    Money open;
    EXPECT_TRUE(store_->read([&](store::Reader& r) -> Status {
      open = (*r.open_item(number))->open;
      return {};
    }));
    return open;
  }

  BankTransaction import_payment(std::int64_t cents, std::string_view booked) {
    BankTransaction payment = credit(cents, "RE-1 Rest", booked);
    step(*store_, [&](store::Transaction& tx) {
      ASSERT_TRUE(tx.insert_statement(statement("S-" + std::string(booked), {payment})));
    });
    std::vector<BankTransaction> all;
    EXPECT_TRUE(store_->read([&](store::Reader& r) -> Status {
      all = *r.bank_transactions({.account = {}, .from = {}, .to = {}, .include_superseded = true});
      return {};
    }));
    return all.back();
  }

  std::unique_ptr<store::SqliteStore> store_;
};

TEST_F(WriteOffTest, AnUncollectibleInvoiceIsBookedGrossPerRateOnTheAutomaticAccounts) {
  const Result<store::WriteOff> written = write_off(request("RE-1"));
  ASSERT_TRUE(written) << written.error().message;
  EXPECT_EQ(written->amount, eur(22600));
  EXPECT_EQ(open_of("RE-1"), eur(0)) << "settled: no longer dunned or listed as open";
  const auto booked = book();
  ASSERT_THAT(booked, SizeIs(1));
  EXPECT_EQ(booked[0].kind, "write_off");
  EXPECT_EQ(booked[0].booking.date, day("2026-11-30"));
  EXPECT_EQ(booked[0].booking.text, "Forderungsverlust RE-1");
  // SKR03 2406 / 2401 are automatic: no tax key, DATEV corrects the VAT itself.
  EXPECT_THAT(booked[0].booking.lines, ElementsAre(line("10001", BookingSide::credit, 22600),
                                                   line("2406", BookingSide::debit, 11900),
                                                   line("2401", BookingSide::debit, 10700)));
}

TEST_F(WriteOffTest, ADoubtfulInvoiceAndAFeeItemAreBookedWithoutVatCorrection) {
  WriteOffRequest doubtful = request("RE-1", store::WriteOffKind::doubtful);
  doubtful.amount = eur(10000);
  ASSERT_TRUE(write_off(doubtful));
  ASSERT_TRUE(write_off(request("RE-1-G1")));
  EXPECT_EQ(open_of("RE-1"), eur(12600));
  const auto booked = book();
  ASSERT_THAT(booked, SizeIs(2));
  EXPECT_THAT(booked[0].booking.lines, ElementsAre(line("10001", BookingSide::credit, 10000),
                                                   line("2400", BookingSide::debit, 10000)));
  EXPECT_THAT(booked[1].booking.lines, ElementsAre(line("10001", BookingSide::credit, 500),
                                                   line("2400", BookingSide::debit, 500)));
}

TEST_F(WriteOffTest, WhatCannotBeWrittenOffIsRefusedAndNothingIsWritten) {
  WriteOffRequest too_much = request("RE-1");
  too_much.amount = eur(30000);
  EXPECT_THAT(write_off(too_much).error().message, HasSubstr("has only 226.00 EUR open"));
  WriteOffRequest no_reason = request("RE-1");
  no_reason.reason = "  ";
  EXPECT_FALSE(write_off(no_reason));
  EXPECT_FALSE(write_off(request("RE-9")));
  ASSERT_TRUE(write_off(request("RE-1")));
  EXPECT_THAT(write_off(request("RE-1")).error().message, HasSubstr("nothing open"));
  EXPECT_THAT(book(), SizeIs(1));
}

TEST_F(WriteOffTest,
       APaymentOnAWrittenOffInvoiceTakesTheWriteOffBackAndBooksTheCorrectionReversed) {
  ASSERT_TRUE(write_off(request("RE-1")));
  // In February 113.00 comes in after all (an insolvency quota): allocated by hand.
  const BankTransaction payment = import_payment(11300, "2027-02-10");
  step(*store_, [&](store::Transaction& tx) {
    const auto posted =
        allocate_by_hand(tx, payment.identity,
                         {ItemPayment{.item_number = "RE-1", .amount = std::nullopt}}, "Quote");
    ASSERT_TRUE(posted) << posted.error().message;
    EXPECT_TRUE(posted->unapplied.is_zero());
  });
  EXPECT_EQ(open_of("RE-1"), eur(0));
  std::vector<Recoverable> left;
  EXPECT_TRUE(store_->read([&](store::Reader& r) -> Status {
    left = *recoverable_write_offs(r, "RE-1");
    return {};
  }));
  ASSERT_THAT(left, SizeIs(1));
  EXPECT_EQ(left[0].amount, eur(11300)) << "the rest stays written off";

  const auto booked = book(day("2027-02-11"));
  ASSERT_THAT(booked, SizeIs(3));
  std::map<std::string, const store::StoredBooking*> by_kind;
  for (const store::StoredBooking& b : booked) by_kind[b.kind] = &b;
  ASSERT_TRUE(by_kind.contains("write_off_recovery"));
  const Booking& recovery = by_kind["write_off_recovery"]->booking;
  EXPECT_EQ(recovery.date, day("2027-02-10")) << "the payment's booking day";
  // Half of each rate: 59.50 at 19 %, 53.50 at 7 % — the VAT is owed again on what came in.
  EXPECT_THAT(recovery.lines, ElementsAre(line("10001", BookingSide::debit, 11300),
                                          line("2406", BookingSide::credit, 5950),
                                          line("2401", BookingSide::credit, 5350)));
  ASSERT_TRUE(by_kind.contains("payment"));
  EXPECT_THAT(by_kind["payment"]->booking.lines,
              ElementsAre(line("10001", BookingSide::credit, 11300),
                          line("1200", BookingSide::debit, 11300)));
}

TEST_F(WriteOffTest, APaymentBeyondWhatIsWrittenOffIsRefused) {
  ASSERT_TRUE(write_off(request("RE-1")));
  const BankTransaction payment = import_payment(30000, "2027-02-10");
  Status done = store_->transact("user:alice", "allocate", [&](store::Transaction& tx) -> Status {
    auto posted = allocate_by_hand(tx, payment.identity,
                                   {ItemPayment{.item_number = "RE-1", .amount = eur(30000)}}, "");
    if (!posted) return posted.error();
    return {};
  });
  ASSERT_FALSE(done);
  EXPECT_THAT(done.error().message, HasSubstr("written off included"));
  EXPECT_EQ(open_of("RE-1"), eur(0));
}

}  // namespace
}  // namespace kontor::engine
