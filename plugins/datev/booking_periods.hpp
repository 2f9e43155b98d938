// The booking period a DATEV file covers (reference §1, §2): one month, but never across
// 31 December (a month cannot be) nor across the start of a fiscal year — when a fiscal year
// starts in the middle of a month, that month has two periods, one in each fiscal year.
// Datum vom/bis of a file are its period, and every Belegdatum in the file lies inside it.
#pragma once

#include "kontor/model/date.hpp"
#include "kontor/result.hpp"

namespace kontor::plugins::datev {

// WJ-Beginn as month and day, the same every year. 29 February cannot be one.
struct FiscalYearStart {
  int month = 1;
  int day = 1;
};

// "MM-DD" ("01-01", "07-01"): a day that exists in every year; an error saying why not.
Result<FiscalYearStart> parse_fiscal_year_start(std::string_view text);

struct BookingPeriod {
  Date from;               // Datum vom
  Date to;                 // Datum bis
  Date fiscal_year_start;  // WJ-Beginn of the fiscal year the period lies in

  bool operator==(const BookingPeriod&) const = default;
};

// The period `date` belongs to; an error only at the ends of the calendar (years 1 and 9999).
Result<BookingPeriod> booking_period_of(const Date& date, const FiscalYearStart& start);

}  // namespace kontor::plugins::datev
