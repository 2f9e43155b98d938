// Reads DATEV EXTF bytes back for the tests — written apart from the writer, so that a test
// checks the file as DATEV would see it and not the writer against itself.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kontor::plugins::datev::test_support {

// The lines of `bytes`, each of which must end with CR LF; `ok` is false when a line does not
// (a bare LF, a bare CR, or a last line without line end).
struct ExtfLines {
  std::vector<std::string> lines;
  bool ok = true;
};

inline ExtfLines split_crlf_lines(std::string_view bytes) {
  ExtfLines result;
  std::size_t start = 0;
  while (start < bytes.size()) {
    std::size_t lf = bytes.find('\n', start);
    if (lf == std::string_view::npos || lf == start || bytes[lf - 1] != '\r') {
      result.ok = false;
      return result;
    }
    std::string line(bytes.substr(start, lf - 1 - start));
    if (line.find('\r') != std::string::npos) result.ok = false;
    result.lines.push_back(std::move(line));
    start = lf + 1;
  }
  return result;
}

// The fields of one line as written (quotes kept), split at the semicolons outside quotes.
inline std::vector<std::string> split_fields(std::string_view line) {
  std::vector<std::string> fields(1);
  bool in_quotes = false;
  for (char c : line) {
    if (c == '"') in_quotes = !in_quotes;  // a doubled quote toggles twice
    if (c == ';' && !in_quotes) {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

inline bool is_quoted(std::string_view field) {
  return field.size() >= 2 && field.front() == '"' && field.back() == '"';
}

// A quoted field's content with doubled quotes made single; an unquoted field as it is.
inline std::string unquoted(std::string_view field) {
  if (!is_quoted(field)) return std::string(field);
  std::string text;
  for (std::size_t i = 1; i + 1 < field.size(); ++i) {
    text += field[i];
    if (field[i] == '"') ++i;  // skip the second of the pair
  }
  return text;
}

// Field `column` (1-based, as in DATEV's tables) of `line`.
inline std::string field(std::string_view line, int column) {
  std::vector<std::string> fields = split_fields(line);
  return static_cast<std::size_t>(column) <= fields.size()
             ? fields[static_cast<std::size_t>(column - 1)]
             : std::string("<no field " + std::to_string(column) + ">");
}

}  // namespace kontor::plugins::datev::test_support
