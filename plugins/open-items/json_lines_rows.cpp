#include "json_lines_rows.hpp"

#include <set>
#include <string>
#include <vector>

#include "ascii_text.hpp"
#include "json_object.hpp"
#include "message_text.hpp"

namespace kontor::plugins::open_items {
namespace {

// Enough to name them in a warning; a file with a new key on every line cannot grow it further.
constexpr std::size_t kMaxUnknownKeys = 40;

}  // namespace

Status read_json_lines_rows(std::string_view text, const ParserOptions& options,
                            RowConsumer& consumer) {
  std::vector<JsonMember> members;
  std::string converted;
  std::set<std::string> unknown_keys;
  std::int64_t first_unknown_line = 0;
  bool any_object = false;
  RowText row;
  std::int64_t line_number = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    ++line_number;
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trimmed(line).empty()) continue;
    any_object = true;

    auto utf8 = as_utf8(line, options.encoding, converted);
    if (!utf8) {
      consumer.bad_row(line_number, utf8.error().message);
      continue;
    }
    if (Status read = read_json_object(*utf8, members); !read) {
      consumer.bad_row(line_number, read.error().message);
      continue;
    }
    row.line = line_number;
    row.values.fill({});
    row.json_number.reset();
    std::bitset<kFieldCount> seen;
    std::string problems;
    for (const JsonMember& member : members) {
      const std::optional<Field> field = options.columns.field_for(member.key);
      if (!field) {
        if (unknown_keys.size() < kMaxUnknownKeys) unknown_keys.insert(for_message(member.key, 60));
        if (first_unknown_line == 0) first_unknown_line = line_number;
        continue;
      }
      const std::size_t index = index_of(*field);
      if (seen.test(index)) {
        problems += (problems.empty() ? "" : "; ") + std::string("two keys hold ") +
                    options.columns.label(*field);
        continue;
      }
      seen.set(index);
      row.values[index] = member.text;
      row.json_number[index] = member.is_number;
    }
    if (!problems.empty()) {
      consumer.bad_row(line_number, std::move(problems));
      continue;
    }
    if (!consumer.row(row)) break;
  }
  if (!any_object) return Error{"the file is empty: expected one JSON object per line"};
  if (!unknown_keys.empty()) {
    std::string names;
    for (const std::string& key : unknown_keys) names += (names.empty() ? "" : ", ") + key;
    consumer.warning(first_unknown_line, "unknown_columns", "ignoring unknown keys: " + names);
  }
  return {};
}

}  // namespace kontor::plugins::open_items
