#include "kontor/model/booking.hpp"

#include "kontor/model/enum_text.hpp"

namespace kontor {
namespace {

constexpr EnumName<BookingSide> kSides[] = {{BookingSide::debit, "debit"},
                                            {BookingSide::credit, "credit"}};
constexpr EnumName<BookingFacts> kFacts[] = {{BookingFacts::none, "none"},
                                             {BookingFacts::dunning_interest, "dunning_interest"},
                                             {BookingFacts::dunning_fee, "dunning_fee"}};

}  // namespace

std::string_view to_string(BookingSide side) {
  return enum_to_text(kSides, side);
}

std::string_view to_string(BookingFacts facts) {
  return enum_to_text(kFacts, facts);
}
Result<BookingFacts> parse_booking_facts(std::string_view text) {
  return enum_from_text(kFacts, "booking facts", text);
}

Status check_balanced(const Booking& booking) {
  const std::string name = "booking '" + booking.document_number + "' of " + booking.date.to_iso();
  if (booking.lines.size() < 2) return Error{name + " needs at least two lines"};
  const Currency currency = booking.lines.front().amount.currency();
  Money debits = Money::zero(currency);
  Money credits = Money::zero(currency);
  for (const BookingLine& line : booking.lines) {
    if (line.account.empty()) return Error{name + " has a line without an account"};
    if (!line.amount.is_positive()) {
      return Error{name + ": line on account " + line.account + " has " + line.amount.to_string() +
                   "; amounts must be positive (the side gives the sign)"};
    }
    Money& total = line.side == BookingSide::debit ? debits : credits;
    Result<Money> next = total.plus(line.amount);
    if (!next) return Error{name + ": " + next.error().message};
    total = *next;
  }
  if (debits != credits) {
    return Error{name + " does not balance: debits " + debits.to_string() + ", credits " +
                 credits.to_string()};
  }
  return {};
}

Status check_amendable(const Booking& booking) {
  if (!booking.exported()) return {};
  return Error{"booking '" + booking.document_number + "' was exported in batch " +
               booking.exported_in + "; correct it by a reversal and a new booking"};
}

Booking reversal_of(const Booking& booking, const Date& date) {
  Booking reversal = booking;
  reversal.id = 0;
  reversal.date = date;
  reversal.text = "Storno " + booking.text;
  reversal.exported_in.clear();
  reversal.reverses = booking.id;
  for (BookingLine& line : reversal.lines) {
    line.side = line.side == BookingSide::debit ? BookingSide::credit : BookingSide::debit;
  }
  return reversal;
}

}  // namespace kontor
