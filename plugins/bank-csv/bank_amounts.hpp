// Amounts as bank CSV files write them, read exactly (Money::parse with the layout's notation):
// "200", "-62,3", "2.647,74", "-5.00" (Targobank's decimal-point variant), and a sign written
// after the number ("9,90-", as German banks print debits in texts and older exports).
#pragma once

#include <string_view>

#include "kontor/model/currency.hpp"
#include "kontor/model/money.hpp"
#include "kontor/model/notation.hpp"
#include "kontor/result.hpp"

namespace kontor::plugins::bank_csv {

struct AmountReading {
  Money amount;
  bool sign_written = false;  // a '+' or '-' was part of the text
};

// Blanks around the number are ignored; an empty text is an error.
Result<AmountReading> read_amount(std::string_view text, Currency currency,
                                  const Notation& notation);

// The notation of a layout whose decimal separator is `decimal`: ',' groups with '.', '.' with
// ','. A group must have three digits, so a file read with the wrong one fails.
Notation notation_for(char decimal);

}  // namespace kontor::plugins::bank_csv
