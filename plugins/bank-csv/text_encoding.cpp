#include "text_encoding.hpp"

#include <algorithm>
#include <array>

namespace kontor::plugins::bank_csv {
namespace {

// Windows-1252 0x80..0x9F as Unicode code points; 0 where the code page defines nothing.
constexpr std::array<std::uint16_t, 32> kC1 = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80..87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,       // 88..8F
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90..97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,  // 98..9F
};
constexpr std::uint16_t kReplacement = 0xFFFD;

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

// The length (1 to 4) of the well-formed UTF-8 sequence at text[at], or 0 (Unicode table 3-7).
std::size_t sequence_length(std::string_view text, std::size_t at) {
  const auto c = static_cast<unsigned char>(text[at]);
  if (c < 0x80) return 1;
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
    high = 0x9F;
  } else if (c == 0xF0) {
    length = 4;
    low = 0x90;
  } else if (c >= 0xF1 && c <= 0xF3) {
    length = 4;
  } else if (c == 0xF4) {
    length = 4;
    high = 0x8F;
  } else {
    return 0;
  }
  if (at + length > text.size()) return 0;
  const auto second = static_cast<unsigned char>(text[at + 1]);
  if (second < low || second > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if ((static_cast<unsigned char>(text[at + k]) & 0xC0) != 0x80) return 0;
  }
  return length;
}

std::int64_t line_of(std::string_view text, std::size_t at) {
  return 1 + static_cast<std::int64_t>(std::count(text.begin(), text.begin() + at, '\n'));
}

std::string hex_byte(unsigned char c) {
  constexpr char kDigits[] = "0123456789ABCDEF";
  return std::string("0x") + kDigits[c >> 4] + kDigits[c & 0xF];
}

void append_windows1252(std::string_view bytes, DecodedText& out) {
  out.text.reserve(bytes.size() + bytes.size() / 8);
  std::int64_t line = 1;
  for (const char byte : bytes) {
    const auto c = static_cast<unsigned char>(byte);
    if (c == '\n') ++line;
    if (c < 0x80) {
      out.text += byte;
    } else if (c < 0xA0) {
      std::uint16_t code = kC1[c - 0x80];
      if (code == 0) {
        code = kReplacement;
        if (out.replaced_lines.empty() || out.replaced_lines.back() != line) {
          out.replaced_lines.push_back(line);
        }
      }
      append_code_point(code, out.text);
    } else {
      append_code_point(c, out.text);
    }
  }
}

}  // namespace

std::size_t utf8_sequence_length(std::string_view text, std::size_t at) {
  return sequence_length(text, at);
}

std::size_t invalid_utf8_at(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = sequence_length(text, i);
    if (length == 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

Result<DecodedText> decode_text(std::string_view bytes, Encoding requested) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF") ||
      bytes.starts_with(std::string_view("\x00\x00\xFE\xFF", 4))) {
    return Error{
        "the file starts with a UTF-16 or UTF-32 byte order mark: export it as UTF-8 "
        "or Windows-1252",
        1};
  }
  const bool bom = bytes.starts_with("\xEF\xBB\xBF");
  if (bom) {
    if (requested == Encoding::windows1252) {
      return Error{
          "the file starts with a UTF-8 byte order mark but encoding is windows-1252 "
          "(configure utf-8 or auto)",
          1};
    }
    bytes.remove_prefix(3);
  }
  while (!bytes.empty() && bytes.back() == '\x1A') bytes.remove_suffix(1);
  if (const std::size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    const std::int64_t line = line_of(bytes, nul);
    return Error{"line " + std::to_string(line) + " holds a NUL byte: not a text file", line};
  }

  DecodedText out;
  const std::size_t bad = invalid_utf8_at(bytes);
  const bool utf8 = requested == Encoding::utf8 ||
                    (requested == Encoding::automatic && (bom || bad == std::string_view::npos));
  if (utf8) {
    if (bad != std::string_view::npos) {
      const std::int64_t line = line_of(bytes, bad);
      return Error{"line " + std::to_string(line) + ": byte " +
                       hex_byte(static_cast<unsigned char>(bytes[bad])) +
                       " is not UTF-8 (configure encoding: windows-1252 or auto)",
                   line};
    }
    out.text.assign(bytes);
    out.encoding = Encoding::utf8;
    return out;
  }
  out.encoding = Encoding::windows1252;
  append_windows1252(bytes, out);
  return out;
}

}  // namespace kontor::plugins::bank_csv
