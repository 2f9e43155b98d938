// Bookings for the csv-export tests, written by hand: an invoice on debtor 10001 against revenue
// 8400, its payment to the bank 1200, and batches of them.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "kontor/model/booking.hpp"
#include "kontor/sdk/values.hpp"
#include "kontor/testing/export_batches.hpp"

namespace kontor::plugins::csv_export::test_support {

using kontor::testing::export_batches::batch_of;
using kontor::testing::export_batches::customer;
using kontor::testing::export_batches::day;
using kontor::testing::export_batches::line;

inline Booking invoice(std::int64_t id, std::string number = "RE-2026-0001") {
  return Booking{.id = id,
                 .date = day(2026, 11, 3),
                 .document_number = number,
                 .text = "Rechnung " + number,
                 .lines = {line("10001", BookingSide::debit, 11900),
                           line("8400", BookingSide::credit, 11900, "3")},
                 .exported_in = "",
                 .reverses = std::nullopt,
                 .facts = BookingFacts::none,
                 .due_date = day(2026, 11, 17)};
}

inline Booking payment(std::int64_t id, std::string number = "RE-2026-0001") {
  return Booking{
      .id = id,
      .date = day(2026, 11, 20),
      .document_number = number,
      .text = "Zahlung " + number,
      .lines = {line("10001", BookingSide::credit, 11900), line("1200", BookingSide::debit, 11900)},
      .exported_in = "",
      .reverses = std::nullopt,
      .facts = BookingFacts::none,
      .due_date = std::nullopt};
}

}  // namespace kontor::plugins::csv_export::test_support
