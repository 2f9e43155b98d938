// Bookings for the csv-export tests, written by hand: an invoice on debtor 10001 against revenue
// 8400, its payment to the bank 1200, and batches of them.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "kontor/model/booking.hpp"
#include "kontor/sdk/values.hpp"

namespace kontor::plugins::csv_export::test_support {

inline Date day(int year, int month, int day) {
  return Date::from_ymd(year, month, day).value();
}

inline BookingLine line(std::string account, BookingSide side, std::int64_t cents,
                        std::string tax_key = "") {
  return BookingLine{.account = std::move(account),
                     .side = side,
                     .amount = Money(cents, Currency::eur()),
                     .tax_key = std::move(tax_key)};
}

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

inline Customer customer(std::string number, std::string name) {
  Customer made;
  made.number = std::move(number);
  made.name = std::move(name);
  made.kind = CustomerKind::business;
  return made;
}

inline sdk::ExportBatch batch_of(std::string id, std::vector<Booking> bookings,
                                 std::vector<sdk::ExportDebtor> debtors = {}) {
  return sdk::ExportBatch{.batch_id = std::move(id),
                          .period_from = std::nullopt,
                          .period_to = std::nullopt,
                          .bookings = std::move(bookings),
                          .debtors = std::move(debtors)};
}

}  // namespace kontor::plugins::csv_export::test_support
