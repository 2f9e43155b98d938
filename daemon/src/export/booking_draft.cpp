// BookingDraft (see the header).
#include "export/booking_draft.hpp"

namespace kontor::exports {

BookingDraft::BookingDraft(const Date& date, std::string document_number, std::string text) {
  booking_.date = date;
  booking_.document_number = std::move(document_number);
  booking_.text = std::move(text);
}

Status BookingDraft::add(std::string account, const Money& signed_amount, std::string tax_key) {
  if (signed_amount.is_zero()) return {};
  BookingLine line;
  line.account = std::move(account);
  line.tax_key = std::move(tax_key);
  if (signed_amount.is_negative()) {
    Result<Money> magnitude = signed_amount.negated();
    if (!magnitude) return magnitude.error();
    line.side = BookingSide::credit;
    line.amount = *magnitude;
  } else {
    line.side = BookingSide::debit;
    line.amount = signed_amount;
  }
  booking_.lines.push_back(std::move(line));
  return {};
}

Result<Booking> BookingDraft::finish() const {
  if (Status balanced = check_balanced(booking_); !balanced) return balanced.error();
  return booking_;
}

}  // namespace kontor::exports
