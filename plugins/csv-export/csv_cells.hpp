// A cell of the bookings CSV as it stands in the file: valid UTF-8, defused against formula
// injection when its text comes from outside (an ERP's document number, a customer's name), and
// quoted as RFC 4180 asks. Spreadsheets open these files on a double click, so a text that starts
// like a formula must never be run as one (OWASP "CSV Injection").
#pragma once

#include <string>
#include <string_view>

#include "valid_utf8.hpp"

namespace kontor::plugins::csv_export {

// `text` with an apostrophe before it when it starts with = + - @ TAB or CR, the characters a
// spreadsheet reads as the start of a formula; otherwise `text` unchanged.
std::string defused(std::string_view text);

// `text` quoted when it holds the delimiter, a quote, CR or LF, its quotes doubled (RFC 4180 §2);
// otherwise unchanged.
std::string quoted(std::string_view text, char delimiter);

// A cell from outside: valid_utf8, then defused, then quoted.
std::string text_cell(std::string_view text, char delimiter);

// A cell Kontor writes itself (an amount, a date, an id): quoted if need be, never defused, so
// that an amount stays a number to the spreadsheet.
std::string own_cell(std::string_view text, char delimiter);

}  // namespace kontor::plugins::csv_export
