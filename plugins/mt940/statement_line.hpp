// The statement line :61: — one booked (MT940) or intraday (MT942) entry — in all the optional
// parts banks use:
//
//   :61:1601300301RDR1027,25NTRFKREF+//2016021783252833
//       value date YYMMDD, [entry date MMDD | 4 spaces], [R]D|C mark, [funds code letter],
//       amount (500 / 500, / 0, / 000000000001,62), [transaction type N.../F.../S... of 4],
//       [customer reference up to "//"], [//bank reference]
//   /OCMT/EUR11,85//CHGS/EUR0,50/          supplementary details on the next line(s)
//
// Sparkasse breaks the line between the mark and the amount; that break is read through. The
// sign rule: C and RD (reversal of a debit) are money in, D and RC (reversal of a credit) money
// out.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kontor/model/currency.hpp"
#include "kontor/model/money.hpp"
#include "kontor/result.hpp"
#include "swift_values.hpp"

namespace kontor::plugins::mt940 {

struct StatementLine {
  SwiftDate value_date;
  std::optional<EntryDate> entry_date;  // absent: not written, or blanks
  bool reversal = false;
  char mark = 'C';  // 'C' or 'D' as written, before the reversal is applied
  std::optional<char> funds_code;
  Amount amount;               // as written, unsigned
  Money signed_amount;         // the direction money moved: positive = in
  std::string_view type_code;  // "NTRF", "N062", empty when absent
  // Trimmed, "NONREF" as written; only its 16 characters when they are padded with blanks and
  // text follows.
  std::string_view customer_reference;
  std::string_view bank_reference;  // after "//", trimmed
  bool has_customer_reference = false;
  // The following lines, joined by a blank (first what stood behind the customer reference's
  // padded 16 characters, if anything did).
  std::string supplementary;
};

struct StatementLineError {
  std::size_t line_index = 0;  // into the field's lines
  std::int64_t column = 0;     // 1-based within that line's text
  std::string message;
};

// `lines`: the field's text after ":61:" and its continuation lines.
std::variant<StatementLine, StatementLineError> parse_statement_line(
    const std::vector<std::string_view>& lines, Currency currency);

}  // namespace kontor::plugins::mt940
