// One row of a bank CSV file read into a statement entry, by its layout.
//
// A row is bad — and the file with it refused — when it cannot be read: another number of
// fields than the header has, a date or amount that is not one, an unknown currency, neither a
// booking nor a value date, no amount, or a debit and a credit at once. What a bank writes off
// but readable is taken with a warning (codes in README.md): 30 February, a missing booking
// date, a stray quote, a direction contradicting the sign, a status it does not know, SEPA
// fields in the purpose text that contradict their own columns.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "csv_records.hpp"
#include "kontor/model/currency.hpp"
#include "kontor/model/money.hpp"
#include "kontor/sdk/values.hpp"
#include "layout.hpp"

namespace kontor::plugins::bank_csv {

struct RowWarning {
  std::string code;
  std::string message;
};

struct EntryRow {
  sdk::StatementEntry entry;
  std::optional<Money> balance;  // the balance after this entry, where the file has it
  std::string account;           // the statement's own account as this row names it
  std::string account_bic;
  std::vector<RowWarning> warnings;
  std::vector<std::string> errors;  // not empty: the row cannot be read
};

// `column_count`: the fields a row must have (the layout's, or the first row's).
EntryRow read_entry_row(const CsvRecord& record, const Layout& layout, std::size_t column_count,
                        Currency default_currency);

}  // namespace kontor::plugins::bank_csv
