// The rows of a JSON Lines open-items file: one flat JSON object per line, its keys the field
// names (or the columns option's renames). Blank lines are skipped.
#pragma once

#include <string_view>

#include "kontor/result.hpp"
#include "parser_options.hpp"
#include "row_text.hpp"

namespace kontor::plugins::open_items {

// Reads `text` (the file after its byte order mark) and hands every object to `consumer`; a line
// that is not one flat object is a bad row. An error is a file without a single object. Unknown
// keys are ignored with one warning.
Status read_json_lines_rows(std::string_view text, const ParserOptions& options,
                            RowConsumer& consumer);

}  // namespace kontor::plugins::open_items
