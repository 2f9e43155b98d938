#include "text_encoding.hpp"

#include <array>
#include <cstdint>
#include <cstring>

namespace kontor::plugins::mt940 {
namespace {

using CodePage = std::array<std::uint16_t, 128>;  // bytes 0x80..0xFF as code points, 0 = none

constexpr CodePage kWindows1252 = {
    0x20AC, 0x0000, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x0000, 0x017D, 0x0000,  // 88
    0x0000, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x0000, 0x017E, 0x0178,  // 98
    0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7,  // A0
    0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,  // A8
    0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7,  // B0
    0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF,  // B8
    0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5, 0x00C6, 0x00C7,  // C0
    0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF,  // C8
    0x00D0, 0x00D1, 0x00D2, 0x00D3, 0x00D4, 0x00D5, 0x00D6, 0x00D7,  // D0
    0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x00DD, 0x00DE, 0x00DF,  // D8
    0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x00E7,  // E0
    0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF,  // E8
    0x00F0, 0x00F1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x00F6, 0x00F7,  // F0
    0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x00FD, 0x00FE, 0x00FF,  // F8
};

constexpr CodePage kCp850 = {
    0x00C7, 0x00FC, 0x00E9, 0x00E2, 0x00E4, 0x00E0, 0x00E5, 0x00E7,  // 80
    0x00EA, 0x00EB, 0x00E8, 0x00EF, 0x00EE, 0x00EC, 0x00C4, 0x00C5,  // 88
    0x00C9, 0x00E6, 0x00C6, 0x00F4, 0x00F6, 0x00F2, 0x00FB, 0x00F9,  // 90
    0x00FF, 0x00D6, 0x00DC, 0x00F8, 0x00A3, 0x00D8, 0x00D7, 0x0192,  // 98
    0x00E1, 0x00ED, 0x00F3, 0x00FA, 0x00F1, 0x00D1, 0x00AA, 0x00BA,  // A0
    0x00BF, 0x00AE, 0x00AC, 0x00BD, 0x00BC, 0x00A1, 0x00AB, 0x00BB,  // A8
    0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x00C1, 0x00C2, 0x00C0,  // B0
    0x00A9, 0x2563, 0x2551, 0x2557, 0x255D, 0x00A2, 0x00A5, 0x2510,  // B8
    0x2514, 0x2534, 0x252C, 0x251C, 0x2500, 0x253C, 0x00E3, 0x00C3,  // C0
    0x255A, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256C, 0x00A4,  // C8
    0x00F0, 0x00D0, 0x00CA, 0x00CB, 0x00C8, 0x0131, 0x00CD, 0x00CE,  // D0
    0x00CF, 0x2518, 0x250C, 0x2588, 0x2584, 0x00A6, 0x00CC, 0x2580,  // D8
    0x00D3, 0x00DF, 0x00D4, 0x00D2, 0x00F5, 0x00D5, 0x00B5, 0x00FE,  // E0
    0x00DE, 0x00DA, 0x00DB, 0x00D9, 0x00FD, 0x00DD, 0x00AF, 0x00B4,  // E8
    0x00AD, 0x00B1, 0x2017, 0x00BE, 0x00B6, 0x00A7, 0x00F7, 0x00B8,  // F0
    0x00B0, 0x00A8, 0x00B7, 0x00B9, 0x00B3, 0x00B2, 0x25A0, 0x00A0,  // F8
};

constexpr CodePage kCp852 = {
    0x00C7, 0x00FC, 0x00E9, 0x00E2, 0x00E4, 0x016F, 0x0107, 0x00E7,  // 80
    0x0142, 0x00EB, 0x0150, 0x0151, 0x00EE, 0x0179, 0x00C4, 0x0106,  // 88
    0x00C9, 0x0139, 0x013A, 0x00F4, 0x00F6, 0x013D, 0x013E, 0x015A,  // 90
    0x015B, 0x00D6, 0x00DC, 0x0164, 0x0165, 0x0141, 0x00D7, 0x010D,  // 98
    0x00E1, 0x00ED, 0x00F3, 0x00FA, 0x0104, 0x0105, 0x017D, 0x017E,  // A0
    0x0118, 0x0119, 0x00AC, 0x017A, 0x010C, 0x015F, 0x00AB, 0x00BB,  // A8
    0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x00C1, 0x00C2, 0x011A,  // B0
    0x015E, 0x2563, 0x2551, 0x2557, 0x255D, 0x017B, 0x017C, 0x2510,  // B8
    0x2514, 0x2534, 0x252C, 0x251C, 0x2500, 0x253C, 0x0102, 0x0103,  // C0
    0x255A, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256C, 0x00A4,  // C8
    0x0111, 0x0110, 0x010E, 0x00CB, 0x010F, 0x0147, 0x00CD, 0x00CE,  // D0
    0x011B, 0x2518, 0x250C, 0x2588, 0x2584, 0x0162, 0x016E, 0x2580,  // D8
    0x00D3, 0x00DF, 0x00D4, 0x0143, 0x0144, 0x0148, 0x0160, 0x0161,  // E0
    0x0154, 0x00DA, 0x0155, 0x0170, 0x00FD, 0x00DD, 0x0163, 0x00B4,  // E8
    0x00AD, 0x02DD, 0x02DB, 0x02C7, 0x02D8, 0x00A7, 0x00F7, 0x00B8,  // F0
    0x00B0, 0x00A8, 0x02D9, 0x0171, 0x0158, 0x0159, 0x25A0, 0x00A0,  // F8
};

constexpr std::uint16_t kReplacement = 0xFFFD;

bool is_removed_control(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
}

constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
constexpr std::uint64_t kOnes = 0x0101010101010101ULL;

std::uint64_t load8(const char* at) {
  std::uint64_t chunk = 0;
  std::memcpy(&chunk, at, 8);
  return chunk;
}

// Whether all eight bytes are printable ASCII (0x20..0x7E): no high bit, no control, no DEL.
bool printable8(std::uint64_t chunk) {
  const std::uint64_t below_space = (chunk - kOnes * 0x20) & ~chunk;
  const std::uint64_t del = ((chunk ^ (kOnes * 0x7F)) - kOnes) & ~(chunk ^ (kOnes * 0x7F));
  return ((chunk | below_space | del) & kHighBits) == 0;
}

// The length (1 to 4) of the well-formed UTF-8 sequence at text[at], 0 when none starts there.
std::size_t utf8_sequence_length(std::string_view text, std::size_t at) {
  const auto c = static_cast<unsigned char>(text[at]);
  if (c < 0x80) return 1;
  // Unicode table 3-7: the second byte's range depends on the first.
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
    if ((static_cast<unsigned char>(text[at + k]) & 0xC0) != 0x80) return 0;
  }
  return length;
}

// Line (1-based, CR LF, CR and LF each ending one) and column (1-based byte) of text[at].
std::pair<std::int64_t, std::int64_t> place_of(std::string_view text, std::size_t at) {
  std::int64_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < at; ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      ++line;
      line_start = i + 1;
    }
  }
  return {line, static_cast<std::int64_t>(at - line_start) + 1};
}

std::string hex_byte(unsigned char c) {
  constexpr char kDigits[] = "0123456789ABCDEF";
  return std::string("0x") + kDigits[c >> 4] + kDigits[c & 0xF];
}

std::size_t utf8_length(std::uint32_t code) {
  return code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
}

// Writes the UTF-8 of `code` so that it ends just before text[end]; returns where it begins.
std::size_t put_code_point_before(std::uint32_t code, std::string& text, std::size_t end) {
  if (code < 0x80) {
    text[end - 1] = static_cast<char>(code);
    return end - 1;
  }
  if (code < 0x800) {
    text[end - 1] = static_cast<char>(0x80 | (code & 0x3F));
    text[end - 2] = static_cast<char>(0xC0 | (code >> 6));
    return end - 2;
  }
  text[end - 1] = static_cast<char>(0x80 | (code & 0x3F));
  text[end - 2] = static_cast<char>(0x80 | ((code >> 6) & 0x3F));
  text[end - 3] = static_cast<char>(0xE0 | (code >> 12));
  return end - 3;
}

const CodePage* page_of(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::cp850:
      return &kCp850;
    case TextEncoding::cp852:
      return &kCp852;
    case TextEncoding::windows1252:
      return &kWindows1252;
    default:
      return nullptr;  // ISO-8859-1: the byte is the code point
  }
}

std::uint32_t code_point_of(unsigned char c, const CodePage* page) {
  if (c < 0x80 || page == nullptr) return c;
  const std::uint16_t code = (*page)[c - 0x80];
  return code == 0 ? kReplacement : code;
}

// Removes control bytes (and, without code page, ISO-8859-1's C1 range) in place; nothing is
// written before the first one.
void remove_controls(std::string& text, bool c1_too) {
  auto removed = [c1_too](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return is_removed_control(c) || (c1_too && c >= 0x80 && c < 0xA0);
  };
  std::size_t i = 0;
  while (i < text.size()) {
    if (i + 8 <= text.size() && printable8(load8(text.data() + i))) {
      i += 8;
    } else if (removed(text[i])) {
      break;
    } else {
      ++i;
    }
  }
  std::size_t kept = i;
  for (; i < text.size(); ++i) {
    if (!removed(text[i])) text[kept++] = text[i];
  }
  text.resize(kept);
}

// Converts a single-byte encoding to UTF-8 in place: control bytes out first, then the text
// grows to its UTF-8 length (within its capacity when the reader reserved some) and is written
// from the back, where every byte becomes at least one.
void convert_in_place(std::string& text, TextEncoding encoding) {
  const CodePage* page = page_of(encoding);
  remove_controls(text, page == nullptr);
  const std::size_t bytes = text.size();
  std::size_t length = 0;
  std::size_t i = 0;
  for (; i + 8 <= bytes; i += 8) {
    if ((load8(text.data() + i) & kHighBits) == 0) {
      length += 8;
      continue;
    }
    for (std::size_t k = i; k < i + 8; ++k) {
      length += utf8_length(code_point_of(static_cast<unsigned char>(text[k]), page));
    }
  }
  for (; i < bytes; ++i) {
    length += utf8_length(code_point_of(static_cast<unsigned char>(text[i]), page));
  }
  if (length == bytes) return;  // ASCII after all
  text.resize(length);
  // From the back: runs of ASCII move as they are, each other byte becomes its UTF-8.
  std::size_t end = length;
  std::size_t at = bytes;
  while (at > 0) {
    std::size_t run = at;
    while (run > 0 && static_cast<unsigned char>(text[run - 1]) < 0x80) --run;
    if (run < at) {
      end -= at - run;
      std::memmove(text.data() + end, text.data() + run, at - run);
      at = run;
    }
    if (at == 0) break;
    --at;
    end =
        put_code_point_before(code_point_of(static_cast<unsigned char>(text[at]), page), text, end);
  }
}

}  // namespace

std::string_view encoding_name(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::automatic:
      return "auto";
    case TextEncoding::utf8:
      return "utf-8";
    case TextEncoding::windows1252:
      return "windows-1252";
    case TextEncoding::iso8859_1:
      return "iso-8859-1";
    case TextEncoding::cp850:
      return "cp850";
    case TextEncoding::cp852:
      return "cp852";
  }
  return "auto";
}

std::size_t invalid_utf8_at(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t length = utf8_sequence_length(text, i);
    if (length == 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

Result<DecodedText> decode_in_place(std::string& text, TextEncoding encoding) {
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  DecodedText decoded;
  decoded.applied = encoding;
  if (encoding != TextEncoding::automatic && encoding != TextEncoding::utf8) {
    convert_in_place(text, encoding);
    decoded.text = text;
    return decoded;
  }

  // One pass: is it UTF-8, and does it hold control bytes to remove?
  bool controls = false;
  std::size_t invalid = std::string::npos;
  for (std::size_t i = 0; i < text.size();) {
    if (i + 8 <= text.size() && printable8(load8(text.data() + i))) {
      i += 8;
      continue;
    }
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7F) {
      ++i;
    } else if (c < 0x80) {
      controls = controls || is_removed_control(c);
      ++i;
    } else {
      const std::size_t length = utf8_sequence_length(text, i);
      if (length == 0) {
        invalid = i;
        break;
      }
      i += length;
    }
  }

  if (invalid == std::string::npos) {
    decoded.applied = TextEncoding::utf8;
    if (controls) remove_controls(text, false);
    decoded.text = text;
    return decoded;
  }
  const auto [line, column] = place_of(text, invalid);
  const auto byte = static_cast<unsigned char>(text[invalid]);
  if (encoding == TextEncoding::utf8) {
    return Error{std::to_string(line) + ":" + std::to_string(column) + ": byte " + hex_byte(byte) +
                     " is not UTF-8; set the parser's encoding to the bank's code page "
                     "(windows-1252, iso-8859-1, cp850, cp852) or to auto",
                 line};
  }
  decoded.applied = TextEncoding::windows1252;
  decoded.fallback_line = line;
  decoded.fallback_byte = byte;
  convert_in_place(text, TextEncoding::windows1252);
  decoded.text = text;
  return decoded;
}

Result<DecodedText> decode_text(std::string_view bytes, TextEncoding encoding,
                                std::string& storage) {
  storage.assign(bytes.data(), bytes.size());
  return decode_in_place(storage, encoding);
}

}  // namespace kontor::plugins::mt940
