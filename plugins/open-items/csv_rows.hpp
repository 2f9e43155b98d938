// The rows of a CSV open-items file: the first record is the header, whose texts name the
// columns (ParserOptions::columns); every later record is one row. Blank records are skipped.
#pragma once

#include <string_view>

#include "kontor/result.hpp"
#include "parser_options.hpp"
#include "row_text.hpp"

namespace kontor::plugins::open_items {

// Reads `text` (the file after its byte order mark) and hands every row to `consumer`. An error
// is a file that has no usable header: none at all, a required column missing, a field named by
// two columns, a header that cannot be read. Unknown columns are ignored with one warning.
Status read_csv_rows(std::string_view text, const ParserOptions& options, RowConsumer& consumer);

}  // namespace kontor::plugins::open_items
