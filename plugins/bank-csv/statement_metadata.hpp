// What the lines above a header row say about the statement: DKB and ING write the account, the
// period and the balance there.
//
//   DKB:  "Girokonto";"DE42120300001033738756"        ING:  IBAN;DE89370400440532013000
//         "Kontostand vom 09.12.2025:";"4.093,32 €"          Zeitraum;17.11.2025 - 09.12.2025
//   old:  "Kontonummer:";"DE12... / Girokonto"                Saldo;66.331,90;EUR
//         "Von:";"01.01.2020"  "Bis:";"31.01.2020"
//
// The account is the first value that has an IBAN's shape. The balance is the account's balance
// at the end: dated by "Kontostand vom", else the period's end. Lines it does not know are
// ignored: they describe, they do not book.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "csv_records.hpp"
#include "kontor/model/date.hpp"

namespace kontor::plugins::bank_csv {

struct StatementMetadata {
  std::string account;
  std::optional<Date> period_from, period_to;
  // The closing balance as written ("4.093,32"), its currency if the file names it, its date.
  std::string balance_text;
  std::string balance_currency;
  std::optional<Date> balance_date;
  std::int64_t balance_line = 0;
};

StatementMetadata read_metadata(const std::vector<CsvRecord>& records);

}  // namespace kontor::plugins::bank_csv
