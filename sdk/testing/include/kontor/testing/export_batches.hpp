// The pieces exporter tests build their batches from — a day, euros, a booking line, a customer,
// a batch — so that every exporter's tests (csv-export, journal, …) write bookings the same way
// and only their example bookings are their own.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "kontor/model/booking.hpp"
#include "kontor/sdk/values.hpp"

namespace kontor::testing::export_batches {

inline Date day(int year, int month, int day_of_month) {
  return Date::from_ymd(year, month, day_of_month).value();
}

inline Money euros(std::int64_t cents) {
  return Money(cents, Currency::eur());
}

inline BookingLine line(std::string account, BookingSide side, std::int64_t cents,
                        std::string tax_key = "") {
  return BookingLine{.account = std::move(account),
                     .side = side,
                     .amount = euros(cents),
                     .tax_key = std::move(tax_key)};
}

// A business customer with a number and a name, nothing else.
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

}  // namespace kontor::testing::export_batches
