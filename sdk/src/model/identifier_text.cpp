#include "kontor/model/identifier_text.hpp"

namespace kontor {

std::int64_t CompactIdentifier::position(std::size_t k) const {
  return static_cast<std::int64_t>(k < origin.size() ? origin[k] + 1 : original_length + 1);
}

CompactIdentifier compact_identifier(std::string_view text, std::string_view separators) {
  CompactIdentifier out;
  out.original_length = text.size();
  out.text.reserve(text.size());
  out.origin.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (separators.find(c) != std::string_view::npos) continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    out.text += c;
    out.origin.push_back(i);
  }
  return out;
}

bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_ascii_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_ascii_alnum_upper(char c) {
  return is_ascii_digit(c) || is_ascii_upper(c);
}

std::string describe_character(char c) {
  const auto byte = static_cast<unsigned char>(c);
  if (byte >= 0x80) return "a non-ASCII character";
  if (byte < 0x20 || byte == 0x7f) return "a control character";
  return "'" + std::string(1, c) + "'";
}

int mod97(std::string_view text) {
  int remainder = 0;
  for (char c : text) {
    remainder = is_ascii_digit(c) ? (remainder * 10 + (c - '0')) % 97
                                  : (remainder * 100 + (c - 'A' + 10)) % 97;
  }
  return remainder;
}

std::string in_groups_of_four(std::string_view electronic) {
  std::string out;
  for (std::size_t k = 0; k < electronic.size(); ++k) {
    if (k > 0 && k % 4 == 0) out += ' ';
    out += electronic[k];
  }
  return out;
}

}  // namespace kontor
