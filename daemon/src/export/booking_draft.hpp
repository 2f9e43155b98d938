// BookingDraft: a booking assembled line by line from signed amounts — positive is a debit,
// negative a credit — so a recipe and its mirror image (invoice and credit note) are one piece
// of code, and the sides can never be swapped by hand.
//
// finish() hands out the booking only when kontor::check_balanced accepts it.
#pragma once

#include <string>

#include "kontor/model/booking.hpp"
#include "kontor/model/money.hpp"
#include "kontor/result.hpp"

namespace kontor::exports {

class BookingDraft {
 public:
  BookingDraft(const Date& date, std::string document_number, std::string text);

  // A line of `signed_amount` on `account`: debit when positive, credit when negative. A zero
  // amount adds no line.
  Status add(std::string account, const Money& signed_amount, std::string tax_key = {});

  Result<Booking> finish() const;

 private:
  Booking booking_;
};

}  // namespace kontor::exports
