#include "csv_cells.hpp"

namespace kontor::plugins::csv_export {

std::string defused(std::string_view text) {
  if (text.empty()) return "";
  switch (text.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return "'" + std::string(text);
    default:
      return std::string(text);
  }
}

std::string quoted(std::string_view text, char delimiter) {
  if (text.find_first_of(std::string{delimiter, '"', '\r', '\n'}) == std::string_view::npos) {
    return std::string(text);
  }
  std::string cell = "\"";
  for (char c : text) {
    if (c == '"') cell += '"';
    cell += c;
  }
  return cell + "\"";
}

std::string text_cell(std::string_view text, char delimiter) {
  return quoted(defused(valid_utf8(text)), delimiter);
}

std::string own_cell(std::string_view text, char delimiter) {
  return quoted(text, delimiter);
}

}  // namespace kontor::plugins::csv_export
