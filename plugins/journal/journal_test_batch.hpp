// Bookings for the journal tests, written by hand like the booking rules make them (lines[0]
// the debtor line).
#pragma once

#include <string>
#include <vector>

#include "kontor/model/booking.hpp"
#include "kontor/sdk/values.hpp"
#include "kontor/testing/export_batches.hpp"

namespace kontor::plugins::journal::test_batch {

using namespace kontor::testing::export_batches;

inline Booking booking(std::int64_t id, const Date& date, std::string document, std::string text,
                       std::vector<BookingLine> lines) {
  return Booking{.id = id,
                 .date = date,
                 .document_number = std::move(document),
                 .text = std::move(text),
                 .lines = std::move(lines),
                 .exported_in = "",
                 .reverses = std::nullopt,
                 .facts = BookingFacts::none,
                 .due_date = std::nullopt};
}

// 119.00 paid to the bank 1200 on `date`, debtor 10001 credited.
inline Booking payment(std::int64_t id, const Date& date, std::int64_t cents = 11900,
                       std::string debtor = "10001") {
  return booking(id, date, "RE2024-0001", "Zahlung RE2024-0001",
                 {line(std::move(debtor), BookingSide::credit, cents),
                  line("1200", BookingSide::debit, cents)});
}

}  // namespace kontor::plugins::journal::test_batch
