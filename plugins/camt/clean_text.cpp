#include "clean_text.hpp"

namespace kontor::plugins::camt {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the valid UTF-8 sequence starting text[at], or 0 (RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF).
std::size_t utf8_length(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[at + k]); };
  const unsigned char lead = byte(0);
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // range of the second byte
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (at + length > text.size()) return 0;
  if (byte(1) < low || byte(1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (byte(k) < 0x80 || byte(k) > 0xBF) return 0;
  }
  return length;
}

bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

}  // namespace

CleanText clean_text(std::string_view raw) {
  CleanText out;
  out.text.reserve(raw.size());
  bool blank_pending = false;
  std::size_t at = 0;
  while (at < raw.size()) {
    const auto c = static_cast<unsigned char>(raw[at]);
    if (is_space(c)) {
      blank_pending = !out.text.empty();
      ++at;
      continue;
    }
    if (c < 0x20 || c == 0x7F) {
      out.dropped_control = true;
      ++at;
      continue;
    }
    const std::size_t length = utf8_length(raw, at);
    if (blank_pending) out.text += ' ';
    blank_pending = false;
    if (length == 0) {
      out.text += kReplacement;
      out.replaced_invalid = true;
      ++at;
    } else {
      // C1 controls (U+0080..U+009F) are control characters too.
      if (length == 2 && c == 0xC2 && static_cast<unsigned char>(raw[at + 1]) < 0xA0) {
        out.dropped_control = true;
      } else {
        out.text.append(raw.substr(at, length));
      }
      at += length;
    }
  }
  return out;
}

std::string shown(std::string_view raw, std::size_t limit) {
  const std::string text = clean_text(raw).text;
  std::size_t characters = 0;
  std::size_t at = 0;
  while (at < text.size() && characters < limit) {
    at += utf8_length(text, at);
    ++characters;
  }
  if (at < text.size()) return text.substr(0, at) + "…";
  return text;
}

std::string quoted(std::string_view raw, std::size_t limit) {
  return "'" + shown(raw, limit) + "'";
}

}  // namespace kontor::plugins::camt
