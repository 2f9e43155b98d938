#include "text_values.hpp"

#include <algorithm>

#include "text_encoding.hpp"

namespace kontor::plugins::bank_csv {
namespace {

constexpr std::string_view kNoBreakSpace = "\xC2\xA0";

bool is_blank_at(std::string_view text, std::size_t at, std::size_t& length) {
  const char c = text[at];
  if (c == ' ' || c == '\t') {
    length = 1;
    return true;
  }
  if (text.substr(at, 2) == kNoBreakSpace) {
    length = 2;
    return true;
  }
  return false;
}

bool is_control(unsigned char c) {
  return c < 0x20 || c == 0x7F;
}

}  // namespace

bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_ascii_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), is_ascii_digit);
}

std::string_view trimmed(std::string_view text) {
  std::size_t length = 0;
  while (!text.empty() && is_blank_at(text, 0, length)) text.remove_prefix(length);
  while (!text.empty()) {
    if (text.back() == ' ' || text.back() == '\t') {
      text.remove_suffix(1);
    } else if (text.ends_with(kNoBreakSpace)) {
      text.remove_suffix(2);
    } else {
      break;
    }
  }
  return text;
}

std::string collapsed(std::string_view text, bool* had_control) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = 1;
    if (is_blank_at(text, i, length) || is_control(c)) {
      if (is_control(c) && c != '\t' && c != '\r' && c != '\n' && had_control != nullptr) {
        *had_control = true;
      }
      pending_space = !out.empty();
      i += length;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += static_cast<char>(c);
    ++i;
  }
  return out;
}

std::string normalised_name(std::string_view text) {
  const std::string plain = collapsed(text);
  std::string out;
  out.reserve(plain.size() + 4);
  for (std::size_t i = 0; i < plain.size(); ++i) {
    const char c = plain[i];
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
      continue;
    }
    if (c == '\xC3' && i + 1 < plain.size()) {
      const char next = plain[i + 1];
      const char* folded = nullptr;
      switch (next) {
        case '\xA4':  // ä
        case '\x84':  // Ä
          folded = "ae";
          break;
        case '\xB6':  // ö
        case '\x96':  // Ö
          folded = "oe";
          break;
        case '\xBC':  // ü
        case '\x9C':  // Ü
          folded = "ue";
          break;
        case '\x9F':  // ß
          folded = "ss";
          break;
        default:
          break;
      }
      if (folded != nullptr) {
        out += folded;
        ++i;
        continue;
      }
    }
    out += c;
  }
  return out;
}

std::string_view without_single_quotes(std::string_view text) {
  text = trimmed(text);
  if (text.size() >= 2 && text.front() == '\'' && text.back() == '\'') {
    text = trimmed(text.substr(1, text.size() - 2));
  }
  return text;
}

std::string for_message(std::string_view text, std::size_t max_bytes) {
  constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (out.size() >= max_bytes) {
      out += "...";
      break;
    }
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t length = utf8_sequence_length(text, i);
    if (length == 0 || is_control(c)) {
      out += "\\x";
      out += kDigits[c >> 4];
      out += kDigits[c & 0xF];
      ++i;
      continue;
    }
    out.append(text.substr(i, length));
    i += length;
  }
  return out;
}

}  // namespace kontor::plugins::bank_csv
