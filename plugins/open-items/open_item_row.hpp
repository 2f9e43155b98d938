// OpenItemRow: one row of an open-items file interpreted — the customer it names and its share
// of an open item: the whole item, unless more rows of the same invoice carry other tax rates
// (open_items_assembly.hpp puts those together).
//
// Values are what the file says: IBAN, RF reference, VAT ID and e-mail stay raw text (the import
// engine checks them); amounts, rates, dates, flags and choices are read exactly, in the notation
// the options name, and anything unreadable makes the row bad.
#pragma once

#include <optional>

#include "kontor/model/decimal.hpp"
#include "kontor/model/money.hpp"
#include "kontor/result.hpp"
#include "kontor/sdk/values.hpp"
#include "parser_options.hpp"
#include "row_text.hpp"

namespace kontor::plugins::open_items {

struct OpenItemRow {
  sdk::ImportedCustomer customer;
  // gross: this row's amount with the sign written in the file; no tax lines yet.
  sdk::ImportedOpenItem item;
  std::optional<Decimal> tax_rate;
  std::optional<Money> net;  // net_amount as written
};

// Interprets one row. The error lists every problem of the row ("amount: ...; due_date: ..."),
// each naming the field as the file does (ColumnNames::label).
Result<OpenItemRow> read_row(const RowText& row, const ParserOptions& options);

// "DD.MM.YYYY" (day and month may have one digit); 30.02.2026 is an error.
Result<Date> parse_german_date(std::string_view text);

}  // namespace kontor::plugins::open_items
