// read_entry: one Ntry of a statement, report or notification — the entry as the account moved
// (signed amount, dates, status, reversal, charges, references) and one detail per TxDtls.
//
// An entry with one TxDtls also carries that detail's fields (parties, remittance, references),
// the entry's own AcctSvcrRef and BkTxCd taking precedence; an entry with several carries only
// its own. A detail without an amount of its own takes the entry's when it is the only one.
// Leniency (each with a warning): no booking date → the value date (`missing_entry_date`); no
// status → BOOK (`missing_status`), an unknown one → INFO, never posted (`unknown_status`);
// details that do not add up to the entry (`detail_sum_mismatch`) or do not match the batch's
// NbOfTxs (`detail_count_mismatch`). An entry without amount or direction is an error.
#pragma once

#include <optional>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "kontor/model/currency.hpp"
#include "kontor/model/date.hpp"
#include "kontor/result.hpp"
#include "kontor/sdk/values.hpp"
#include "part_context.hpp"

namespace kontor::plugins::camt {

// What reading an entry needs to know about its statement.
struct StatementFacts {
  std::optional<Currency> currency;   // the account's, for amounts without Ccy
  std::string own_account;            // to tell the counterparty from the holder
  std::optional<Date> fallback_date;  // for an entry with neither booking nor value date
};

struct EntryReading {
  sdk::StatementEntry entry;
  std::vector<sdk::EntryDetail> details;
};

Result<EntryReading> read_entry(pugi::xml_node entry, const StatementFacts& statement,
                                PartContext& context);

}  // namespace kontor::plugins::camt
