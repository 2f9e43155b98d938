// ParserOptions: how the bank-csv plugin reads one bank's exports — a preset (or `auto`), a
// mapping of its own or overrides of the preset's columns, delimiter, decimal separator, date
// format, encoding, the account and currency for files that do not say, lines to skip and the
// largest file read. Read from the instance's configuration (keys: option_schema()).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bank_dates.hpp"
#include "field.hpp"
#include "kontor/model/currency.hpp"
#include "kontor/result.hpp"
#include "kontor/sdk/config.hpp"
#include "kontor/sdk/config_schema.hpp"
#include "text_encoding.hpp"

namespace kontor::plugins::bank_csv {

inline constexpr std::uint64_t kDefaultMaxFileSize = 256ULL * 1024 * 1024;

// A column named by its header text, or by its 1-based number (a value of digits only).
struct ColumnRef {
  std::string name;
  std::size_t number = 0;
};

struct ParserOptions {
  std::string preset = "auto";
  std::vector<std::pair<Field, ColumnRef>> mapping;
  std::optional<char> delimiter;  // unset: the preset's (a mapping's: found from the header)
  std::optional<char> decimal;    // unset: the preset's (a mapping's: ',')
  DateFormat date_format = DateFormat::automatic;
  Encoding encoding = Encoding::automatic;
  std::string account;  // for files that do not name their account
  Currency currency = Currency::eur();
  std::int64_t skip_lines = 0;
  std::uint64_t max_file_size = kDefaultMaxFileSize;
};

// preset, mapping, delimiter, decimal, date_format, encoding, account, currency, skip_lines,
// max_file_size.
std::vector<sdk::ConfigField> option_schema();

// The options of a validated configuration; an error names the key whose value cannot work.
Result<ParserOptions> options_from(const sdk::Config& config);

}  // namespace kontor::plugins::bank_csv
