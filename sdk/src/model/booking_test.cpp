#include "kontor/model/booking.hpp"

#include <gtest/gtest.h>

namespace kontor {
namespace {

Money eur(std::int64_t cents) {
  return Money(cents, Currency::eur());
}

Booking payment_booking() {
  Booking booking;
  booking.id = 7;
  booking.date = *Date::parse_iso("2026-11-28");
  booking.document_number = "RE-2026-0012";
  booking.text = "Zahlung RE-2026-0012";
  booking.lines = {{"1200", BookingSide::debit, eur(11900), ""},
                   {"10001", BookingSide::credit, eur(11900), ""}};
  return booking;
}

TEST(Booking, BalancedBookingPasses) {
  EXPECT_TRUE(check_balanced(payment_booking()));
}

TEST(BookingRejects, DebitsThatDoNotEqualCredits) {
  Booking booking = payment_booking();
  booking.lines.push_back({"4970", BookingSide::debit, eur(100), ""});
  Status status = check_balanced(booking);
  ASSERT_FALSE(status);
  EXPECT_NE(status.error().message.find("does not balance"), std::string::npos);
}

TEST(BookingRejects, SingleLineNegativeAmountsAndMixedCurrencies) {
  Booking single = payment_booking();
  single.lines.pop_back();
  EXPECT_FALSE(check_balanced(single));
  Booking negative = payment_booking();
  negative.lines[0].amount = eur(-11900);
  negative.lines[1].amount = eur(-11900);
  EXPECT_FALSE(check_balanced(negative));
  Booking mixed = payment_booking();
  mixed.lines[1].amount = Money(11900, *Currency::from_code("CHF"));
  EXPECT_FALSE(check_balanced(mixed));
  Booking no_account = payment_booking();
  no_account.lines[0].account.clear();
  EXPECT_FALSE(check_balanced(no_account));
}

TEST(Booking, ExportedBookingIsImmutableAndCorrectedByReversal) {
  Booking booking = payment_booking();
  EXPECT_TRUE(check_amendable(booking));
  booking.exported_in = "datev-2026-11";
  Status amend = check_amendable(booking);
  ASSERT_FALSE(amend);
  EXPECT_NE(amend.error().message.find("reversal"), std::string::npos);

  const Booking reversal = reversal_of(booking, *Date::parse_iso("2026-12-01"));
  EXPECT_EQ(reversal.reverses, 7);
  EXPECT_FALSE(reversal.exported());
  EXPECT_EQ(reversal.lines[0].side, BookingSide::credit);
  EXPECT_EQ(reversal.lines[1].side, BookingSide::debit);
  EXPECT_TRUE(check_balanced(reversal));
}

// A Generalumkehr repeats the original's open-item fields, so it must still know them.
TEST(Booking, AReversalKeepsTheItemsFactsAndDueDate) {
  Booking fee = payment_booking();
  fee.facts = BookingFacts::dunning_fee;
  fee.due_date = *Date::parse_iso("2026-12-12");
  const Booking reversal = reversal_of(fee, *Date::parse_iso("2026-12-01"));
  EXPECT_EQ(reversal.facts, BookingFacts::dunning_fee);
  EXPECT_EQ(reversal.due_date, fee.due_date);
}

TEST(Booking, FactsDefaultToNoneAndNoDueDate) {
  const Booking booking = payment_booking();
  EXPECT_EQ(booking.facts, BookingFacts::none);
  EXPECT_FALSE(booking.due_date.has_value());
}

TEST(Booking, FactsHaveStableNames) {
  EXPECT_EQ(to_string(BookingFacts::none), "none");
  EXPECT_EQ(to_string(BookingFacts::dunning_interest), "dunning_interest");
  EXPECT_EQ(to_string(BookingFacts::dunning_fee), "dunning_fee");
  Result<BookingFacts> unknown = parse_booking_facts("fee");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().message,
            "unknown booking facts 'fee'; expected one of none, dunning_interest, dunning_fee");
}

}  // namespace
}  // namespace kontor
