// The core of the bank-csv plugin: one bank CSV export read into one statement — its account,
// balances and entries — or refused whole with every bad row listed.
//
// The whole file is read before anything is handed on: a bank statement must not be half
// read. A refusal's message starts with "LINE:0: " (the first problem's line) so that
// `kontorctl parse` can point at it; the rows that cannot be read follow, one per line.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "kontor/sdk/roles.hpp"
#include "kontor/sdk/status.hpp"
#include "kontor/sdk/values.hpp"
#include "parser_options.hpp"

namespace kontor::plugins::bank_csv {

struct FileWarning {
  std::int64_t line = 0;
  std::string code;
  std::string message;
};

struct BankCsvStatement {
  sdk::StatementInfo info;
  std::vector<sdk::StatementEntry> entries;  // in file order
  std::vector<FileWarning> warnings;         // by line
};

inline constexpr std::size_t kMaxListedBadRows = 100;

// Reads `bytes` (the file `file_name`; its stem is the statement id). `cancelled` is asked now
// and then on long files.
sdk::Status parse_bank_csv(std::string_view file_name, std::string_view bytes,
                           const ParserOptions& options, BankCsvStatement& out,
                           const std::function<bool()>& cancelled = {});

// The statement, then its warnings and entries by line (a warning before the entry of its line).
sdk::Status emit(const BankCsvStatement& statement, sdk::ParseSink& sink);

}  // namespace kontor::plugins::bank_csv
