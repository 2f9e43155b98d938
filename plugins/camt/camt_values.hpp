// The basic values of camt — amounts with their currency, the credit/debit indicator, dates —
// read from their elements with the leniency banks need and the strictness money needs.
//
// Amounts: camt allows five decimals, Money has the currency's minor unit. Extra decimals that
// are zero are exact ("18.150" EUR); non-zero ones (a bank's "100.0000000000005", or an FX
// result) are rounded half up to the minor unit with an `amount_rounded` warning: money moves
// in minor units, the warning keeps the difference visible and the balance check catches a
// rounding that mattered, where refusing would lose a whole statement over a fraction of a
// cent. A negative amount or one that is no number cannot be read (camt states the sign in
// CdtDbtInd) and is an error.
//
// Dates: Dt (YYYY-MM-DD) or DtTm; of a DtTm the calendar date as written counts, the bank's
// local date (not converted to UTC). 30 February is read as the last day of February with an
// `invalid_date` warning; a date that cannot be read is reported (`invalid_date`) and absent.
#pragma once

#include <optional>
#include <pugixml.hpp>
#include <string_view>

#include "kontor/model/currency.hpp"
#include "kontor/model/date.hpp"
#include "kontor/model/money.hpp"
#include "kontor/result.hpp"
#include "part_context.hpp"

namespace kontor::plugins::camt {

struct AmountText {
  Money amount;
  bool rounded = false;
};

// A non-negative decimal with a point ("1234.5", "0.00000") in `currency`; error messages say
// what is wrong without a position.
Result<AmountText> amount_of_text(std::string_view text, Currency currency);

// <Amt Ccy="EUR">12.50</Amt> (or any element holding an amount, like Sum or TtlChrgsAndTaxAmt):
// its Ccy attribute, else `currency` when given. Errors name the element's position.
Result<Money> read_amount(pugi::xml_node amount, PartContext& context,
                          std::optional<Currency> currency = std::nullopt);

// CdtDbtInd of `parent`: true for CRDT, false for DBIT, an error for anything else or none.
Result<bool> read_credit(pugi::xml_node parent, PartContext& context);

// The date in a date choice element (BookgDt, ValDt, Bal/Dt): its Dt or its DtTm.
std::optional<Date> read_date_choice(pugi::xml_node choice, PartContext& context);
// The date at the start of a Dt or DtTm text.
std::optional<Date> read_date(pugi::xml_node element, PartContext& context);

// Days of a "YYYY-MM-DD..." text: the date, with `clamped` set when the day was past the
// month's end; nullopt when the text starts with no such date.
std::optional<Date> date_of_text(std::string_view text, bool& clamped);

}  // namespace kontor::plugins::camt
