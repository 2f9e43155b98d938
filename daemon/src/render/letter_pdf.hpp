// The letter renderer: a notice as a PDF business letter that can go into a window envelope as
// it is — DIN 5008 form B on A4: the company's name at the top, the return address line and the
// recipient's address in the window field (20 mm from the left, 45 mm from the top), an
// information block (customer number, notice number, date) beside it, fold and hole marks, the
// subject, the text of the notice's letter template, a table of the items (number, date, due,
// amount, open, fees, interest) whose header repeats on every page, the totals, the EPC QR code
// (GiroCode) for the amount due with the notice's RF reference, and on every page a footer with
// the company details §35a GmbHG / §37a HGB require and the bank account; page numbers when the
// letter has more than one page.
//
// A statement of account (kind "statement" with NoticeView::statement) has the period and the
// statement's number in the information block, and in place of the items and totals the
// period's figures, the movements with their running balance, the items open at the end of the
// period and the aging (statement_letter.hpp), each table's header repeated on every page it
// runs onto; the GiroCode then asks for the closing balance when the customer owes one.
//
// Text is set by Pango (through cairo), so umlauts, ß, € and long names break and hyphenate
// like text should; amounts and dates come formatted from local_format (exact, no floating
// point: the only real numbers here are positions on the page). The same view and text give
// the same bytes: the PDF's creation date is the notice's date.
#pragma once

#include <string>

#include "kontor/result.hpp"
#include "render/notice_view.hpp"

namespace kontor::render {

// The notice's letter text, rendered from its `.letter` template: what stands before the table
// of items (salutation, the request) and after it (how to pay, the closing).
struct LetterText {
  std::string language;  // of the template: the letter's fixed words and formats follow it
  std::string subject;
  std::string before_table;
  std::string after_table;
};

// The PDF's bytes, or an Error (the GiroCode could not be made from the company's account,
// cairo failed).
Result<std::string> render_letter_pdf(const NoticeView& view, const LetterText& text);

}  // namespace kontor::render
