// Layout: how one bank CSV file is laid out — which preset (or the configured mapping), its
// delimiter and notation, where its header row is, and which columns hold which field — found
// from the file's first lines (detect_layout).
//
// Detection: among the first 60 records (after skip_lines), the first that has at least three
// quarters of a preset's header names is the header row; the lines above it are metadata. When
// several presets match that row, the one with the larger share of its names wins. A file
// without such a row is matched against the headerless presets by the shape of its first rows.
// A header cell that anonymisation or a bank's typo damaged ("GENOXXXXX" for "BIC
// Auftragskonto") is taken by its position when the row has exactly the preset's columns; each
// such cell gets a `header_damaged` warning.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bank_dates.hpp"
#include "csv_records.hpp"
#include "field.hpp"
#include "kontor/model/notation.hpp"
#include "kontor/result.hpp"
#include "parser_options.hpp"

namespace kontor::plugins::bank_csv {

struct LayoutWarning {
  std::int64_t line = 0;
  std::string code;
  std::string message;
};

struct Layout {
  std::string dialect;  // the preset's name, or "custom" for a mapping of its own
  char delimiter = ';';
  Notation notation = Notation::german();
  DateFormat date_format = DateFormat::automatic;
  std::int64_t header_line = 0;  // 0: the file has no header row
  std::size_t column_count = 0;  // fields a row has (0: take the first row's count)
  std::size_t data_offset = 0;   // byte offset in the text of the first row after the header
  std::int64_t data_line = 1;    // its physical line
  // Per field, the 0-based columns that hold it (several are joined with a blank).
  std::array<std::vector<std::size_t>, kFieldCount> columns;
  std::vector<CsvRecord> metadata;  // non-blank records above the header row
  std::vector<LayoutWarning> warnings;

  bool has(Field field) const { return !columns[index_of(field)].empty(); }
};

inline constexpr std::size_t kHeaderSearchRecords = 60;

// The layout of `text` (UTF-8, after skip_lines; `first_line` is its first physical line), or
// why none fits: no preset's header and no headerless shape, the configured preset's header not
// found (naming the columns the closest line lacks), a mapping whose columns are not there.
Result<Layout> detect_layout(std::string_view text, std::int64_t first_line,
                             const ParserOptions& options);

}  // namespace kontor::plugins::bank_csv
