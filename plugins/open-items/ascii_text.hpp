// Small text helpers for values read from files: trimming and ASCII-only case folding (bytes of
// UTF-8 sequences are left as they are, so "Beträge" folds to "beträge").
#pragma once

#include <string>
#include <string_view>

namespace kontor::plugins::open_items {

// Without leading and trailing blanks (space, tab).
inline std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

inline char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

inline std::string ascii_lowercase(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = ascii_lower(c);
  return lower;
}

inline std::string ascii_uppercase(std::string_view text) {
  std::string upper(text);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return upper;
}

// A character for a message: "'x'" when printable ASCII, else "byte 0xE4" (a message must stay
// valid UTF-8 whatever the file held).
inline std::string describe_char(char c) {
  const auto byte = static_cast<unsigned char>(c);
  if (byte >= 0x20 && byte < 0x7F) return "'" + std::string(1, c) + "'";
  constexpr char kDigits[] = "0123456789ABCDEF";
  return std::string("byte 0x") + kDigits[byte >> 4] + kDigits[byte & 0xF];
}

}  // namespace kontor::plugins::open_items
