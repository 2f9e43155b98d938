#include "open_items_probe.hpp"

#include <bitset>
#include <string>
#include <string_view>
#include <vector>

#include "ascii_text.hpp"
#include "csv_records.hpp"
#include "json_object.hpp"
#include "text_encoding.hpp"

namespace kontor::plugins::open_items {
namespace {

constexpr int kAllRequired = 80;
constexpr int kLooksLikeOurs = 60;

int confidence(const std::bitset<kFieldCount>& named, bool json) {
  bool all_required = true;
  for (Field field : all_fields()) {
    if (is_required(field) && !named.test(index_of(field))) all_required = false;
  }
  if (all_required) return kAllRequired;
  const bool ours =
      named.test(index_of(Field::invoice_no)) && (json || named.test(index_of(Field::amount)));
  return ours ? kLooksLikeOurs : 0;
}

int probe_csv_header(std::string_view line, const ParserOptions& options) {
  CsvRecords records(line, options.delimiter);
  CsvRecord header;
  if (!records.next(header) || !header.error.empty()) return 0;
  std::bitset<kFieldCount> named;
  std::string storage;
  for (std::string_view column : header.fields) {
    auto text = as_utf8(column, options.encoding, storage);
    if (!text) continue;
    if (const std::optional<Field> field = options.columns.field_for(*text)) {
      named.set(index_of(*field));
    }
  }
  return confidence(named, false);
}

int probe_json_object(std::string_view line, const ParserOptions& options) {
  std::string storage;
  auto text = as_utf8(line, options.encoding, storage);
  if (!text) return 0;
  std::vector<JsonMember> members;
  if (read_json_object(*text, members)) {
    std::bitset<kFieldCount> named;
    for (const JsonMember& member : members) {
      if (const std::optional<Field> field = options.columns.field_for(member.key)) {
        named.set(index_of(*field));
      }
    }
    return confidence(named, true);
  }
  // The prefix may end inside the first object: look for the key itself.
  const std::string key = "\"" + options.columns.header_of(Field::invoice_no) + "\"";
  return text->find(key) != std::string_view::npos ? kLooksLikeOurs : 0;
}

}  // namespace

int probe_open_items(std::span<const std::uint8_t> prefix, const ParserOptions& options) {
  std::string_view text(reinterpret_cast<const char*>(prefix.data()), prefix.size());
  text.remove_prefix(utf8_bom_length(text));
  const std::size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return 0;
  const bool looks_json = text[start] == '{';
  if (options.format == InputFormat::json_lines && !looks_json) return 0;
  if (options.format == InputFormat::csv && looks_json) return 0;

  // From the line holding the first non-blank character: blank lines before a header are skipped.
  const std::size_t line_start = text.rfind('\n', start);
  text.remove_prefix(line_start == std::string_view::npos ? 0 : line_start + 1);
  std::string_view first_line = text.substr(0, text.find('\n'));
  if (!first_line.empty() && first_line.back() == '\r') first_line.remove_suffix(1);
  return looks_json ? probe_json_object(first_line, options)
                    : probe_csv_header(first_line, options);
}

}  // namespace kontor::plugins::open_items
