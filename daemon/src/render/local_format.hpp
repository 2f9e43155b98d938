// Local format: amounts, dates and rates as the customer's language writes them on a letter —
// exact, from the integers of Money, Date and Decimal, never through floating point.
//
//   German ("de"):      1.234,56 €    -5,00 €    1.234,56 USD    28.11.2026          9,27 %
//   English (others):   EUR 1,234.56  EUR -5.00  USD 1,234.56    28 November 2026    9.27%
//
// English writes the currency code, not "€": the code is what an international customer's
// bank asks for and never ambiguous ($ is several currencies). German writes "€" for euros,
// as DIN 5008 does, and the code for every other currency. Every language but German is
// written the English way: those are the two languages Kontor ships templates for.
#pragma once

#include <string>
#include <string_view>

#include "kontor/model/date.hpp"
#include "kontor/model/decimal.hpp"
#include "kontor/model/money.hpp"

namespace kontor::render {

enum class LocalStyle { german, english };

// "de" (also "de-AT", "de_CH") is German; everything else English.
LocalStyle local_style(std::string_view language);

std::string format_amount(const Money& amount, LocalStyle style);
std::string format_date(const Date& date, LocalStyle style);
// An annual rate in percent as stored (9.27 is 9.27 %), all its significant digits.
std::string format_percent(const Decimal& percent, LocalStyle style);

}  // namespace kontor::render
