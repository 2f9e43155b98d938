// The year-end open-items list (Offene-Posten-Liste zum Stichtag) as CSV for the balance sheet:
// one row per open item, a sum row per customer and currency, a total row per currency.
//
// RFC 4180 (comma, CRLF, quotes doubled), amounts in point notation so that they stay numbers.
// Texts from outside (customer names, the ERP's document numbers) are defused against formula
// injection, as the csv-export plugin does: a spreadsheet opens this file on a double click, so
// a cell starting with = + - @ TAB or CR gets an apostrophe in front and is never run.
#pragma once

#include <string>
#include <string_view>

#include "reports/aging.hpp"

namespace kontor::reports {

// `text` with an apostrophe before it when it starts like a formula.
std::string defused_cell(std::string_view text);

std::string open_items_csv(const AgingReport& report);

}  // namespace kontor::reports
