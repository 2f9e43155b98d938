// An export batch as one CSV file for spreadsheets and simple imports: a heading row, then one row
// per booking LINE, in the batch's order (README.md has every column). A row repeats its booking's
// fields, so that a filter on any column still shows whole facts; the debit and credit columns
// hold the line's amount on its side, so that a sum over either column of a booking is the same.
//
// Amounts are Money::format() — every minor digit, '.' as the decimal point whatever the
// delimiter — so no reader rounds, and no amount ever needs quotes. Texts from outside go through
// text_cell (csv_cells.hpp): valid UTF-8, defused against formulas, quoted per RFC 4180.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kontor/sdk/values.hpp"

namespace kontor::plugins::csv_export {

struct CsvFormat {
  char delimiter = ';';
  std::string_view line_end = "\r\n";
  bool byte_order_mark = false;  // EF BB BF first, for Excel's double click
};

// The column headings, in file order.
const std::vector<std::string_view>& booking_csv_columns();

// The whole file: the heading row and one row per booking line, each row ended by line_end.
std::string booking_csv(const sdk::ExportBatch& batch, const CsvFormat& format);

}  // namespace kontor::plugins::csv_export
