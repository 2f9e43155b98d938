#include "text_encoding.hpp"

#include <array>
#include <cstdint>
#include <cstring>

namespace kontor::plugins::open_items {
namespace {

// Windows-1252 0x80..0x9F as Unicode code points; 0 where the code page defines nothing.
// 0xA0..0xFF are U+00A0..U+00FF (Latin-1), 0x00..0x7F ASCII.
constexpr std::array<std::uint16_t, 32> kC1 = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80..87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,       // 88..8F
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90..97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,  // 98..9F
};

std::size_t ascii_prefix_length(std::string_view text) {
  std::size_t i = 0;
  // Eight bytes at a time while none has its high bit set.
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t chunk = 0;
    std::memcpy(&chunk, text.data() + i, 8);
    if ((chunk & 0x8080808080808080ULL) != 0) break;
  }
  while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80) ++i;
  return i;
}

bool is_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

void append_code_point(std::uint32_t code, std::string& out) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

std::string hex_byte(unsigned char c) {
  constexpr char kDigits[] = "0123456789ABCDEF";
  return std::string("0x") + kDigits[c >> 4] + kDigits[c & 0xF];
}

}  // namespace

std::size_t utf8_bom_length(std::string_view bytes) {
  return bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0;
}

std::size_t utf8_sequence_length(std::string_view text, std::size_t at) {
  const auto c = static_cast<unsigned char>(text[at]);
  if (c < 0x80) return 1;
  // The allowed range of the second byte depends on the first (Unicode table 3-7
  // "well-formed UTF-8 byte sequences").
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    length = 2;
  } else if (c == 0xE0) {
    length = 3;
    low = 0xA0;
  } else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
    length = 3;
  } else if (c == 0xED) {
    length = 3;
    high = 0x9F;  // no surrogates
  } else if (c == 0xF0) {
    length = 4;
    low = 0x90;
  } else if (c >= 0xF1 && c <= 0xF3) {
    length = 4;
  } else if (c == 0xF4) {
    length = 4;
    high = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (at + length > text.size()) return 0;
  const auto second = static_cast<unsigned char>(text[at + 1]);
  if (second < low || second > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (!is_continuation(static_cast<unsigned char>(text[at + k]))) return 0;
  }
  return length;
}

std::size_t invalid_utf8_at(std::string_view text) {
  std::size_t i = ascii_prefix_length(text);
  while (i < text.size()) {
    const std::size_t length = utf8_sequence_length(text, i);
    if (length == 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

std::size_t append_windows1252_as_utf8(std::string_view bytes, std::string& out) {
  out.reserve(out.size() + bytes.size() + bytes.size() / 2);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0xA0) {
      const std::uint16_t code = kC1[c - 0x80];
      if (code == 0) return i;
      append_code_point(code, out);
    } else {
      append_code_point(c, out);
    }
  }
  return std::string_view::npos;
}

Result<std::string_view> as_utf8(std::string_view bytes, TextEncoding encoding,
                                 std::string& storage) {
  if (ascii_prefix_length(bytes) == bytes.size()) return bytes;
  if (encoding == TextEncoding::utf8) {
    const std::size_t bad = invalid_utf8_at(bytes);
    if (bad == std::string_view::npos) return bytes;
    return Error{"invalid UTF-8: byte " + hex_byte(static_cast<unsigned char>(bytes[bad])) +
                     " at position " + std::to_string(bad + 1) +
                     " (if the ERP writes Windows-1252, configure encoding: windows-1252)",
                 static_cast<std::int64_t>(bad + 1)};
  }
  storage.clear();
  const std::size_t bad = append_windows1252_as_utf8(bytes, storage);
  if (bad != std::string_view::npos) {
    return Error{"byte " + hex_byte(static_cast<unsigned char>(bytes[bad])) + " at position " +
                     std::to_string(bad + 1) + " is not a Windows-1252 character",
                 static_cast<std::int64_t>(bad + 1)};
  }
  return std::string_view(storage);
}

}  // namespace kontor::plugins::open_items
