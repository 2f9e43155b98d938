// Dates as bank CSV files write them: DD.MM.YYYY, DD.MM.YY (years 00-69 are 2000-2069, 70-99
// 1970-1999) or ISO YYYY-MM-DD; day and month may have one digit.
//
// Lenient where banks are off: a day past the end of its month (30.02.2025, as Sparkasse books
// its Entgeltabschluss) is read as the month's last day and marked `clamped`, for the caller's
// `invalid_date` warning. A day above 31 or a month above 12 is not a date.
#pragma once

#include <string_view>

#include "kontor/model/date.hpp"
#include "kontor/result.hpp"

namespace kontor::plugins::bank_csv {

enum class DateFormat {
  automatic,  // any of the three forms, told apart by their shape
  dmy4,       // DD.MM.YYYY
  dmy2,       // DD.MM.YY
  iso,        // YYYY-MM-DD
};

struct DateReading {
  Date date;
  bool clamped = false;
};

Result<DateReading> read_date(std::string_view text, DateFormat format);

// True when `text` has the shape of a DD.MM.YYYY or DD.MM.YY date (digits and dots only).
bool looks_like_german_date(std::string_view text);

}  // namespace kontor::plugins::bank_csv
