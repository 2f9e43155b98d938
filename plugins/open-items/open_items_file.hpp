// The open-items parser's core, without the plugin boundary: what the `open-items` plugin, the
// import engine's tests, the fuzz target and the benchmark call.
//
//   ParserOptions options;                        // or options_from(config)
//   OpenItemsFile file;
//   sdk::Status read = parse_open_items("export.csv", content, options, file);
//   if (!read) ... read.message() lists every bad row ...
//   sdk::Status sent = emit(file, sink);          // warnings, then customers and items
//
// A file is read whole before anything is handed on: a file with bad rows is rejected whole,
// so the import engine never sees half a file.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "kontor/sdk/roles.hpp"
#include "kontor/sdk/status.hpp"
#include "kontor/sdk/values.hpp"
#include "parser_options.hpp"

namespace kontor::plugins::open_items {

struct ParseWarning {
  std::int64_t line = 0;
  std::string code;  // unknown_columns, master_data_differs, net_without_rate
  std::string message;
};

struct BadRow {
  std::int64_t line = 0;  // physical line where the row starts, the header being line 1
  std::string reason;
};

// Everything a good file says, each customer and item in the order it first appears.
struct OpenItemsFile {
  // One per customer number, with the master data of its first row.
  std::deque<sdk::ImportedCustomer> customers;
  // One per invoice number, its tax lines gathered from all its rows; signs as the model wants
  // them (credit notes and cancellations ≤ 0).
  std::deque<sdk::ImportedOpenItem> items;
  std::vector<std::uint32_t> customer_of_item;  // index into customers, per item
  std::vector<ParseWarning> warnings;
  std::int64_t rows = 0;  // data rows read
};

// Reads a whole open-items file, CSV or JSON Lines as `options` say (auto: JSON Lines when the
// first non-blank character after a byte order mark is '{'). On success `file` holds what it
// says. Otherwise the status is kFailed and `file` stays empty: for bad rows the message is
// "N bad rows in NAME" and then "line L: reason" for each (at most 100, then "... and K more");
// for a file that cannot be read at all (no header, a required column missing) it is
// "NAME: line L: reason". `cancelled` is asked every few thousand rows (kCancelled).
sdk::Status parse_open_items(std::string_view name, std::string_view content,
                             const ParserOptions& options, OpenItemsFile& file,
                             const std::function<bool()>& cancelled = {});

// Hands a parsed file to `sink`: every warning, then the items in order, each preceded by its
// customer the first time that customer is needed. Stops at the first status the sink refuses.
sdk::Status emit(const OpenItemsFile& file, sdk::ParseSink& sink);

// The message of a rejected file: bad rows sorted by line, several problems of one line joined
// with "; ", at most `max_listed` lines listed.
std::string describe_bad_rows(std::string_view name, std::vector<BadRow> bad_rows,
                              std::size_t max_listed = 100);

}  // namespace kontor::plugins::open_items
