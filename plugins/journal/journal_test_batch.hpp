// Bookings for the journal tests, written by hand like the booking rules make them (lines[0]
// the debtor line).
#pragma once

#include <string>
#include <vector>

#include "kontor/model/booking.hpp"
#include "kontor/sdk/values.hpp"

namespace kontor::plugins::journal::test_batch {

inline Money euros(std::int64_t cents) {
  return Money(cents, Currency::eur());
}

inline Date day(int year, int month, int day_of_month) {
  return Date::from_ymd(year, month, day_of_month).value();
}

inline BookingLine line(std::string account, BookingSide side, std::int64_t cents,
                        std::string tax_key = "") {
  return BookingLine{.account = std::move(account),
                     .side = side,
                     .amount = euros(cents),
                     .tax_key = std::move(tax_key)};
}

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

}  // namespace kontor::plugins::journal::test_batch
