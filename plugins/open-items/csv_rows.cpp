#include "csv_rows.hpp"

#include <optional>
#include <string>
#include <vector>

#include "ascii_text.hpp"
#include "csv_records.hpp"
#include "message_text.hpp"

namespace kontor::plugins::open_items {
namespace {

std::string joined(const std::vector<std::string>& names, std::size_t at_most) {
  std::string text;
  for (std::size_t i = 0; i < names.size() && i < at_most; ++i) {
    text += (i == 0 ? "" : ", ") + names[i];
  }
  if (names.size() > at_most) text += ", ...";
  return text;
}

// The columns of a header: which field each one holds.
struct Header {
  std::int64_t line = 0;
  std::vector<std::string> names;            // as written (UTF-8, trimmed)
  std::vector<std::optional<Field>> fields;  // per column
};

Result<Header> read_header(const CsvRecord& record, const ParserOptions& options,
                           RowConsumer& consumer) {
  const std::string at = "line " + std::to_string(record.line) + ": ";
  if (!record.error.empty()) return Error{at + "the header cannot be read: " + record.error};
  Header header;
  header.line = record.line;
  std::array<std::optional<std::size_t>, kFieldCount> column_of{};
  std::vector<std::string> unknown;
  std::string storage;
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    auto text = as_utf8(record.fields[i], options.encoding, storage);
    if (!text) {
      return Error{at + "header column " + std::to_string(i + 1) + ": " + text.error().message};
    }
    header.names.push_back(for_message(trimmed(*text), 60));
    header.fields.emplace_back();
    if (trimmed(*text).empty()) continue;  // a trailing delimiter
    const std::optional<Field> field = options.columns.field_for(*text);
    if (!field) {
      unknown.push_back(header.names.back());
      continue;
    }
    std::optional<std::size_t>& first = column_of[index_of(*field)];
    if (first) {
      return Error{at + "columns " + std::to_string(*first + 1) + " and " + std::to_string(i + 1) +
                   " both hold " + options.columns.label(*field)};
    }
    first = i;
    header.fields.back() = field;
  }
  std::vector<std::string> missing;
  for (Field field : all_fields()) {
    if (is_required(field) && !column_of[index_of(field)]) {
      missing.push_back(options.columns.label(field));
    }
  }
  if (!missing.empty()) {
    return Error{at + "the header has no column for " + joined(missing, kFieldCount) +
                 " (its columns: " + joined(header.names, 40) +
                 "; map other names with the columns option)"};
  }
  if (!unknown.empty()) {
    consumer.warning(header.line, "unknown_columns",
                     "ignoring unknown columns: " + joined(unknown, 40));
  }
  return header;
}

}  // namespace

Status read_csv_rows(std::string_view text, const ParserOptions& options, RowConsumer& consumer) {
  CsvRecords records(text, options.delimiter);
  CsvRecord record;
  bool have_header = false;
  while (!have_header && records.next(record))
    have_header = !record.error.empty() || !record.is_blank();
  if (!have_header) return Error{"the file is empty: expected a header line naming the columns"};
  auto header = read_header(record, options, consumer);
  if (!header) return header.error();

  const std::size_t columns = header->names.size();
  std::vector<std::string> converted(columns);  // per column, for Windows-1252 text
  RowText row;
  while (records.next(record)) {
    if (!record.error.empty()) {
      consumer.bad_row(record.line, record.error);
      continue;
    }
    if (record.is_blank()) continue;
    if (record.fields.size() != columns) {
      consumer.bad_row(record.line, "expected " + std::to_string(columns) +
                                        " columns as in the header, found " +
                                        std::to_string(record.fields.size()));
      continue;
    }
    row.line = record.line;
    row.values.fill({});
    std::string problems;
    for (std::size_t i = 0; i < columns; ++i) {
      auto value = as_utf8(record.fields[i], options.encoding, converted[i]);
      if (!value) {
        problems += (problems.empty() ? "" : "; ") + std::string("column ") +
                    std::to_string(i + 1) +
                    (header->names[i].empty() ? "" : " (" + header->names[i] + ")") + ": " +
                    value.error().message;
        continue;
      }
      if (header->fields[i]) row.values[index_of(*header->fields[i])] = *value;
    }
    if (!problems.empty()) {
      consumer.bad_row(record.line, std::move(problems));
      continue;
    }
    if (!consumer.row(row)) break;
  }
  return {};
}

}  // namespace kontor::plugins::open_items
