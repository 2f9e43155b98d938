// The mt940 parser's core: one MT940/MT942 file, already in memory, read into statements and
// entries for a sink. The plugin (mt940_parser.hpp), its tests, the fuzz target and the
// benchmark all read files through this function.
//
// Steps: decode the text (text_encoding.hpp), cut it into fields (field_reader.hpp), build the
// statements (statement_builder.hpp). A file that holds no statement at all — empty, not MT940,
// only a preamble — fails, saying so.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "kontor/sdk/roles.hpp"
#include "parser_options.hpp"

namespace kontor::plugins::mt940 {

struct ParseFigures {
  std::int64_t lines = 0;
  std::int64_t statements = 0;
  std::int64_t entries = 0;
};

// `bytes`: the file, which is decoded in its own buffer (reserve an eighth more than its size to
// spare a copy when a single-byte encoding grows into UTF-8). `cancelled` is asked now and then
// (a long file): when it says yes the call ends kCancelled.
sdk::Status parse_mt940(std::string bytes, const ParserOptions& options, sdk::ParseSink& sink,
                        const std::function<bool()>& cancelled = {},
                        ParseFigures* figures = nullptr);

}  // namespace kontor::plugins::mt940
