// ParserOptions: how one ERP writes its open-items export — format, delimiter, number and date
// notation, encoding, default currency and column names — read from the plugin instance's
// configuration (the keys are declared by option_schema()).
#pragma once

#include <cstdint>
#include <vector>

#include "column_names.hpp"
#include "kontor/model/currency.hpp"
#include "kontor/model/notation.hpp"
#include "kontor/result.hpp"
#include "kontor/sdk/config.hpp"
#include "kontor/sdk/config_schema.hpp"
#include "text_encoding.hpp"

namespace kontor::plugins::open_items {

enum class InputFormat { automatic, csv, json_lines };
enum class DateFormat { iso, german };  // YYYY-MM-DD or DD.MM.YYYY

inline constexpr std::uint64_t kDefaultMaxFileSize = 64 * 1024 * 1024;

struct ParserOptions {
  // automatic: JSON Lines when the first non-blank character is '{', CSV otherwise.
  InputFormat format = InputFormat::automatic;
  char delimiter = ';';
  // Amounts written as strings; a JSON number is always read with a decimal point.
  Notation notation = Notation::point();
  TextEncoding encoding = TextEncoding::utf8;
  DateFormat date_format = DateFormat::iso;
  Currency currency = Currency::eur();  // for rows without a currency
  ColumnNames columns;
  std::uint64_t max_file_size = kDefaultMaxFileSize;
};

// The configuration keys: format, delimiter, decimal, grouping, encoding, date_format, currency,
// columns, max_file_size.
std::vector<sdk::ConfigField> option_schema();

// The options of a validated configuration. An error names a key whose value cannot work (an
// unknown currency, a column rename of no field, the same separator for decimals and groups).
Result<ParserOptions> options_from(const sdk::Config& config);

}  // namespace kontor::plugins::open_items
