// The statement of account's part of a PDF letter (letter_pdf.hpp): what stands between the
// letter's opening text and its closing text — a summary of the period's figures, the movements
// with their running balance, the items open at the end of the period and the aging — as lines
// and tables in the customer's language. Only words and formatted figures here; the letter
// renderer places them on the pages and repeats a table's header on every page it runs onto.
//
// The tables' shape is shared with the reminder's table of items, which letter_pdf.cpp builds
// the same way.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "render/local_format.hpp"
#include "render/notice_view.hpp"

namespace kontor::render {

struct LetterColumn {
  double width_mm = 0;         // the widths of a table's columns add up to the text width, 165 mm
  bool right_aligned = false;  // amounts and counts
};

using LetterRow = std::vector<std::string>;  // one cell per column

struct LetterTable {
  std::vector<LetterColumn> columns;
  LetterRow header;  // repeats at the top of every page the table runs onto
  std::vector<LetterRow> rows;
};

// A line of figures set like the letter's totals: label on the left, amount on the right.
struct LetterTotal {
  std::string label;
  std::string value;
  bool bold = false;
};

struct HeadedTable {
  std::string heading;
  LetterTable table;
};

struct StatementLetter {
  std::string number_label;  // the information block's label for the statement's number
  std::string period_label;
  std::string period;  // "01.10.2026 – 31.10.2026"
  std::vector<LetterTotal> summary;
  LetterTable movements;
  std::optional<HeadedTable> open_items;  // none when nothing is open at the end of the period
  HeadedTable aging;
};

StatementLetter statement_letter(const StatementView& statement, LocalStyle style);

}  // namespace kontor::render
