// Booking: a balanced debit-and-credit record for external bookkeeping (payments, fees, interest,
// write-offs, bank charges), as the export engine hands it to an exporter.
//
// Once exported a booking is immutable: a correction is its reversal (every line on the other
// side) plus a new booking, both exported, never an edit of what the bookkeeping already has.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kontor/model/date.hpp"
#include "kontor/model/money.hpp"
#include "kontor/result.hpp"

namespace kontor {

enum class BookingSide { debit, credit };

std::string_view to_string(BookingSide side);

// DATEV's Sachverhalt (field 18) for open items the bookkeeping must not charge interest on.
enum class BookingFacts { none, dunning_interest, dunning_fee };  // 31, 40
std::string_view to_string(BookingFacts facts);  // "none", "dunning_interest", "dunning_fee"
Result<BookingFacts> parse_booking_facts(std::string_view text);

struct BookingLine {
  std::string account;  // ledger account, e.g. "1200" or a debtor account "10001"
  BookingSide side = BookingSide::debit;
  Money amount;         // positive
  std::string tax_key;  // tax key of the rate, empty on automatic accounts

  bool operator==(const BookingLine&) const = default;
};

struct Booking {
  std::int64_t id = 0;  // assigned by the store
  Date date;
  std::string document_number;  // Belegfeld 1: the invoice or notice number
  std::string text;
  std::vector<BookingLine> lines;
  std::string exported_in;  // the export batch; empty while not exported
  std::optional<std::int64_t> reverses;
  // What the open item booked is, so that the bookkeeping's dunning charges no interest on
  // dunning fees and default interest (DATEV Sachverhalt 40 and 31).
  BookingFacts facts = BookingFacts::none;
  std::optional<Date> due_date;  // Fälligkeit of the item booked (invoices, fees, interest)

  bool exported() const { return !exported_in.empty(); }
  bool operator==(const Booking&) const = default;
};

// At least two lines, each with an account and a positive amount, all in one currency, and
// debits equal to credits.
Status check_balanced(const Booking& booking);

// A booking may be changed only while it is not exported.
Status check_amendable(const Booking& booking);

// The reversal of `booking` on `date`: the same lines on the other side, `reverses` set,
// not exported. It keeps `facts` and `due_date`: a Generalumkehr repeats the original's open-item
// fields, so that the bookkeeping reverses the very item it booked.
Booking reversal_of(const Booking& booking, const Date& date);

}  // namespace kontor
