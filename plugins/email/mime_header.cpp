#include "mime_header.hpp"

#include <array>
#include <cstdint>
#include <cstdio>
#include <optional>

#include "transfer_encoding.hpp"

namespace kontor::plugins::email {
namespace {

constexpr std::size_t kMaxLine = 78;
// Base64 of 42 bytes is 56 characters; with "=?UTF-8?B?" and "?=" that makes kMaxEncodedWord.
constexpr std::size_t kEncodedWordBytes = 42;
static_assert(10 + kEncodedWordBytes / 3 * 4 + 2 == kMaxEncodedWord);

// One UTF-8 character at `text[i]`: its code point and length, or nullopt when the bytes there
// are not one (truncated, overlong, a surrogate, beyond U+10FFFF).
struct Utf8Char {
  char32_t code;
  std::size_t length;
};
std::optional<Utf8Char> utf8_at(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return Utf8Char{lead, 1};
  std::size_t length = 0;
  char32_t code = 0;
  char32_t minimum = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, code = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, code = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, code = lead & 0x07, minimum = 0x10000;
  } else {
    return std::nullopt;
  }
  if (i + length > text.size()) return std::nullopt;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return std::nullopt;
    code = (code << 6) | (byte(i + k) & 0x3F);
  }
  if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
    return std::nullopt;
  }
  return Utf8Char{code, length};
}

bool is_control(char32_t code) {
  // C0, DEL, C1, and the Unicode line and paragraph separators some software treats as breaks.
  return code < 0x20 || (code >= 0x7F && code <= 0x9F) || code == 0x2028 || code == 0x2029;
}

bool is_atext(char c) {
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

bool is_printable_ascii(std::string_view text) {
  for (char c : text) {
    if (c < 0x20 || c > 0x7E) return false;
  }
  return true;
}

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) words.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

bool any_longer_than(const std::vector<std::string>& words, std::size_t limit) {
  for (const auto& word : words) {
    if (word.size() > limit) return true;
  }
  return false;
}

// Labels of letters, digits and inner hyphens, each 1..63; at most 253 in all.
bool is_domain(std::string_view domain) {
  if (domain.empty() || domain.size() > 253) return false;
  std::size_t start = 0;
  while (true) {
    std::size_t end = domain.find('.', start);
    if (end == std::string_view::npos) end = domain.size();
    const std::string_view label = domain.substr(start, end - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
      return false;
    }
    for (char c : label) {
      const bool alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (!alnum && c != '-') return false;
    }
    if (end == domain.size()) return true;
    start = end + 1;
  }
}

}  // namespace

std::string clean_header_text(std::string_view text) {
  std::string cleaned;
  cleaned.reserve(text.size());
  bool blank_pending = false;
  for (std::size_t i = 0; i < text.size();) {
    const std::optional<Utf8Char> c = utf8_at(text, i);
    const std::size_t length = c ? c->length : 1;
    if (c && (c->code == ' ' || is_control(c->code))) {
      blank_pending = !cleaned.empty();
    } else {
      if (blank_pending) cleaned += ' ';
      blank_pending = false;
      cleaned += c ? text.substr(i, length) : std::string_view("\xEF\xBF\xBD");
    }
    i += length;
  }
  return cleaned;
}

bool is_plain_domain(std::string_view domain) {
  return is_domain(domain);
}

bool is_plain_address(std::string_view address) {
  const std::size_t at = address.rfind('@');
  if (at == std::string_view::npos || at == 0 || at > 64 || address.size() > 254) return false;
  const std::string_view local = address.substr(0, at);
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) {
    return false;
  }
  for (char c : local) {
    if (!is_atext(c) && c != '.') return false;
  }
  return is_domain(address.substr(at + 1));
}

std::string_view address_domain(std::string_view address) {
  return address.substr(address.rfind('@') + 1);
}

std::vector<std::string> encoded_words(std::string_view text) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < text.size()) {
    // Whole characters only: a decoder decodes each word on its own, so a character cut in two
    // would turn into two replacement characters.
    std::size_t end = start;
    while (end < text.size()) {
      const std::optional<Utf8Char> c = utf8_at(text, end);
      const std::size_t length = c ? c->length : 1;
      if (end + length - start > kEncodedWordBytes) break;
      end += length;
    }
    words.push_back("=?UTF-8?B?" + base64(text.substr(start, end - start)) + "?=");
    start = end;
  }
  return words;
}

std::vector<std::string> unstructured_tokens(std::string_view text) {
  std::vector<std::string> words = split_words(text);
  // "=?" in plain text would be taken for an encoded word by the reader's decoder.
  if (is_printable_ascii(text) && text.find("=?") == std::string_view::npos &&
      !any_longer_than(words, kMaxEncodedWord)) {
    return words;
  }
  return encoded_words(text);
}

std::vector<std::string> phrase_tokens(std::string_view name) {
  if (name.empty()) return {};
  if (!is_printable_ascii(name) || name.find("=?") != std::string_view::npos) {
    return encoded_words(name);
  }
  bool atoms_only = true;
  for (char c : name) {
    if (c != ' ' && !is_atext(c)) atoms_only = false;
  }
  std::vector<std::string> tokens;
  if (atoms_only) {
    tokens = split_words(name);
  } else {
    std::string quoted = "\"";
    for (char c : name) {
      if (c == '"' || c == '\\') quoted += '\\';
      quoted += c;
    }
    quoted += '"';
    // Folding between the words of a quoted string is allowed (FWS) and unfolds to one blank.
    tokens = split_words(quoted);
  }
  if (any_longer_than(tokens, kMaxEncodedWord)) return encoded_words(name);
  return tokens;
}

std::string fold_header(std::string_view name, const std::vector<std::string>& tokens) {
  std::string out;
  std::string line = std::string(name) + ":";
  for (const auto& token : tokens) {
    // An empty line is a fresh continuation line: the token goes there even when too long,
    // since cutting it would change it. Otherwise fold before it (after the colon at worst).
    if (!line.empty() && line.size() + 1 + token.size() > kMaxLine) {
      out += line + "\r\n";
      line.clear();
    }
    line += ' ';
    line += token;
  }
  out += line + "\r\n";
  return out;
}

std::vector<std::string> mailbox_tokens(std::string_view display_name, std::string_view address) {
  std::vector<std::string> tokens = phrase_tokens(clean_header_text(display_name));
  if (tokens.empty()) return {std::string(address)};
  tokens.push_back("<" + std::string(address) + ">");
  return tokens;
}

std::string rfc5322_date(std::chrono::sys_seconds time) {
  using namespace std::chrono;
  static constexpr std::array<const char*, 7> kDays = {"Sun", "Mon", "Tue", "Wed",
                                                       "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const sys_days day = floor<days>(time);
  const year_month_day date(day);
  const hh_mm_ss clock(time - day);
  char text[40];
  std::snprintf(text, sizeof text, "%s, %02u %s %04d %02d:%02d:%02d +0000",
                kDays[weekday(day).c_encoding()], static_cast<unsigned>(date.day()),
                kMonths[static_cast<unsigned>(date.month()) - 1], static_cast<int>(date.year()),
                static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                static_cast<int>(clock.seconds().count()));
  return text;
}

std::string printable(std::string_view text) {
  std::string out;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\r') {
      out += "\\r";
    } else if (c == '\n') {
      out += "\\n";
    } else if (byte < 0x20 || byte == 0x7F) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02X", byte);
      out += escaped;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace kontor::plugins::email
