// Kontor's bookings as DATEV records (Buchungsstapel rows), grouped into the files of a batch.
//
// A Booking's lines[0] is the debtor line and every other line is booked against it (the export
// rules, daemon/src/export/README.md), so each further line is one DATEV record:
//   Konto = the debtor (lines[0]), Gegenkonto = the line's account, BU-Schlüssel = the line's
//   tax key, Umsatz = the line's amount, S/H = the debtor's side against that line (the
//   opposite of the line's side, since S/H refers to Konto).
// The Gegenkonto carries the BU-Schlüssel, as in DATEV's entry ("BU + Gegenkonto") and in the
// reference's recipes (§6: debtor S / revenue with key 3): the tax belongs to the line's account,
// never to the debtor. A payment of 119,00 (bank 1200 debit, debtor 10001 credit) is the record
// `119,00;"H";…;10001;1200` — the reference's `"S";1200;10001` with Konto and Gegenkonto swapped.
//
// A booking that reverses another (`reverses` set: every line on the other side, as
// kontor::reversal_of makes it) is written as DATEV's Generalumkehr: the records of the booking
// it reverses — the sides turned back — with field 118 "1". DATEV books a GU record as the same
// record with negative amounts, so the original and its reversal cancel on the same sides of
// the accounts instead of inflating both (writing the turned sides *and* GU would double the
// original).
//
// Open-item fields: a booking's `facts` (Sachverhalt 18: 40 Mahngebühr, 31 Mahnzins) and
// `due_date` (Fälligkeit 117) go on each of its records that has a Personenkonto (SKL+1 digits) as
// Konto or Gegenkonto, since DATEV keeps them only for open items there. On a record without one
// (books kept without Personenkonten, the debtor line on a collective Sachkonto) there is no open
// item to mark, so they are left out rather than refused.
//
// Files: one per period (booking_periods.hpp) and at most `max_records` records each, a
// booking's records never split between two files unless it alone has more; bookings keep the
// batch's order within a file, files are in the order of their periods.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "booking_periods.hpp"
#include "extf_bookings.hpp"
#include "kontor/model/booking.hpp"
#include "kontor/result.hpp"

namespace kontor::plugins::datev {

// Where a record came from, for messages.
struct RecordSource {
  std::int64_t booking_id = 0;
  std::size_t line = 0;  // index into Booking::lines (1 for the first record of a booking)
};

struct PlannedFile {
  BookingPeriod period;
  int part = 1;  // 2, 3 … for the files beyond the first max_records of a period
  std::vector<ExtfBooking> records;
  std::vector<RecordSource> sources;  // sources[i] wrote records[i]
};

struct BookingFilePlan {
  std::vector<PlannedFile> files;
  // Bookings that cannot become records (unbalanced, a tax key on the debtor line, a date at the
  // end of the calendar); Error::position is the booking's id.
  std::vector<Error> errors;
};

// The records of `booking` for a client whose Sachkonten have `account_length` digits, or why it
// has none.
Result<std::vector<ExtfBooking>> records_of(const Booking& booking, int account_length);

BookingFilePlan plan_booking_files(std::span<const Booking> bookings,
                                   const FiscalYearStart& fiscal_year_start, int account_length,
                                   std::int64_t max_records = kMaxBookingsPerFile);

}  // namespace kontor::plugins::datev
