// The balances of a statement read from a CSV file: from a running-balance column ("Saldo nach
// Buchung", PayPal's "Guthaben"), checked row by row, or from the closing balance the lines
// above the header give (DKB's "Kontostand vom", ING's "Saldo"), the opening derived from it.
//
// Exports list the newest entry first or last; a running balance says which: the order in
// which fewer rows disagree with their neighbours wins (on a tie, the dates decide). A row whose
// balance is not the previous one plus its amount gets a `balance_mismatch` warning — banks'
// files are accepted as they are, the warning says where they do not add up.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "entry_row.hpp"
#include "kontor/model/bank_statement.hpp"
#include "kontor/model/currency.hpp"
#include "layout.hpp"
#include "statement_metadata.hpp"

namespace kontor::plugins::bank_csv {

struct StatementBalances {
  std::optional<StatementBalance> opening, closing;
  std::vector<LayoutWarning> warnings;
};

// `rows` in file order; only rows in `currency` count. `notation` formats amounts in messages.
StatementBalances statement_balances(std::span<const EntryRow> rows, Currency currency,
                                     const StatementMetadata& metadata, const Notation& notation);

}  // namespace kontor::plugins::bank_csv
