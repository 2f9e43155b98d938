#include "extf_text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>

namespace kontor::plugins::datev {
namespace {

// The code points of cp1252's bytes 0x80–0x9F; 0 where cp1252 leaves the byte undefined.
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // € ‚ ƒ „ … † ‡
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,       // ˆ ‰ Š ‹ Œ Ž
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // ‘ ’ “ ” • – —
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,  // ˜ ™ š › œ ž Ÿ
};

// Latin Extended-A (U+0100–U+017F), the letters of Central and Eastern European names, without
// their diacritics. '*' marks the ones cp1252 holds (found in kCp1252High before this is read)
// and the ligatures in kLookAlikes.
constexpr std::string_view kLatinExtendedA =
    "AaAaAaCcCcCcCcDd"   // U+0100 Ā ā Ă ă Ą ą Ć ć Ĉ ĉ Ċ ċ Č č Ď ď
    "DdEeEeEeEeEeGgGg"   // U+0110 Đ đ Ē ē Ĕ ĕ Ė ė Ę ę Ě ě Ĝ ĝ Ğ ğ
    "GgGgHhHhIiIiIiIi"   // U+0120 Ġ ġ Ģ ģ Ĥ ĥ Ħ ħ Ĩ ĩ Ī ī Ĭ ĭ Į į
    "Ii**JjKkkLlLlLlL"   // U+0130 İ ı Ĳ ĳ Ĵ ĵ Ķ ķ ĸ Ĺ ĺ Ļ ļ Ľ ľ Ŀ
    "lLlNnNnNnnNnOoOo"   // U+0140 ŀ Ł ł Ń ń Ņ ņ Ň ň ŉ Ŋ ŋ Ō ō Ŏ ŏ
    "Oo**RrRrRrSsSsSs"   // U+0150 Ő ő Œ œ Ŕ ŕ Ŗ ŗ Ř ř Ś ś Ŝ ŝ Ş ş
    "**TtTtTtUuUuUuUu"   // U+0160 Š š Ţ ţ Ť ť Ŧ ŧ Ũ ũ Ū ū Ŭ ŭ Ů ů
    "UuUuWwYy*ZzZz**s";  // U+0170 Ű ű Ų ų Ŵ ŵ Ŷ ŷ Ÿ Ź ź Ż ż Ž ž ſ
static_assert(kLatinExtendedA.size() == 0x80);

struct LookAlike {
  char32_t code_point;
  std::string_view ascii;  // empty: the character is dropped (it has no width)
};

// Other characters that turn up in names and texts, and what a reader would take them for.
// Sorted by code point.
constexpr std::array<LookAlike, 26> kLookAlikes = {{
    {0x0132, "IJ"}, {0x0133, "ij"},                                // Ĳ ĳ
    {0x0218, "S"},  {0x0219, "s"},  {0x021A, "T"}, {0x021B, "t"},  // Ș ș Ț ț (Romanian)
    {0x02BC, "'"},                                                 // ʼ
    {0x1E9E, "SS"},                                                // ẞ
    {0x2002, " "},  {0x2003, " "},  {0x2007, " "}, {0x2009, " "},  // en, em, figure, thin
    {0x200A, " "},                                                 // hair space
    {0x200B, ""},                                                  // zero-width space
    {0x2010, "-"},  {0x2011, "-"},  {0x2012, "-"}, {0x2015, "-"},  // hyphens, bar
    {0x201B, "'"},  {0x201F, "\""},                                // ‛ ‟
    {0x202F, " "},                                                 // narrow no-break space
    {0x2032, "'"},  {0x2033, "\""},                                // ′ ″
    {0x2044, "/"},                                                 // ⁄
    {0x2212, "-"},                                                 // minus sign
    {0xFEFF, ""},                                                  // byte order mark
}};
static_assert(std::is_sorted(kLookAlikes.begin(), kLookAlikes.end(),
                             [](const LookAlike& a, const LookAlike& b) {
                               return a.code_point < b.code_point;
                             }));

// The C1 controls U+0080–U+009F have no byte: cp1252 keeps other characters at 0x80–0x9F.
std::optional<char> cp1252_byte(char32_t code_point) {
  if (code_point < 0x80 || (code_point >= 0xA0 && code_point <= 0xFF)) {
    return static_cast<char>(code_point);
  }
  for (std::size_t i = 0; i < kCp1252High.size(); ++i) {
    if (kCp1252High[i] != 0 && kCp1252High[i] == code_point) {
      return static_cast<char>(0x80 + i);
    }
  }
  return std::nullopt;
}

std::optional<std::string_view> look_alike(char32_t code_point) {
  auto it = std::lower_bound(
      kLookAlikes.begin(), kLookAlikes.end(), code_point,
      [](const LookAlike& entry, char32_t wanted) { return entry.code_point < wanted; });
  if (it != kLookAlikes.end() && it->code_point == code_point) return it->ascii;
  if (code_point >= 0x100 && code_point < 0x180) {
    char letter = kLatinExtendedA[code_point - 0x100];
    if (letter != '*') return kLatinExtendedA.substr(code_point - 0x100, 1);
  }
  return std::nullopt;
}

// One code point from well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, at most
// U+10FFFF) starting at `at`; nullopt for a byte that does not start one.
std::optional<char32_t> decode(std::string_view text, std::size_t& at) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(at);
  int length = lead < 0x80                    ? 1
               : lead >= 0xC2 && lead <= 0xDF ? 2
               : lead >= 0xE0 && lead <= 0xEF ? 3
               : lead >= 0xF0 && lead <= 0xF4 ? 4
                                              : 0;
  if (length == 0 || at + length > text.size()) return std::nullopt;
  char32_t code_point = length == 1 ? lead : lead & (0x7F >> length);
  for (int i = 1; i < length; ++i) {
    unsigned char next = byte(at + i);
    if ((next & 0xC0) != 0x80) return std::nullopt;
    code_point = (code_point << 6) | (next & 0x3F);
  }
  bool overlong = (length == 3 && code_point < 0x800) || (length == 4 && code_point < 0x10000);
  bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
  if (overlong || surrogate || code_point > 0x10FFFF) return std::nullopt;
  at += length;
  return code_point;
}

}  // namespace

Cp1252Text to_cp1252(std::string_view utf8) {
  Cp1252Text out;
  out.bytes.reserve(utf8.size());
  std::size_t at = 0;
  while (at < utf8.size()) {
    if (static_cast<unsigned char>(utf8[at]) < 0x80) {  // most text is ASCII
      out.bytes += utf8[at++];
      continue;
    }
    std::optional<char32_t> code_point = decode(utf8, at);
    if (!code_point) {
      out.bytes += '?';
      out.changed = true;
      ++at;
      continue;
    }
    if (std::optional<char> byte = cp1252_byte(*code_point)) {
      out.bytes += *byte;
    } else if (std::optional<std::string_view> ascii = look_alike(*code_point)) {
      out.bytes += *ascii;
      out.changed = true;
    } else {
      out.bytes += '?';
      out.changed = true;
    }
  }
  return out;
}

bool blank_out_control_bytes(std::string& cp1252) {
  bool replaced = false;
  for (char& c : cp1252) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
      c = ' ';
      replaced = true;
    }
  }
  return replaced;
}

std::string quoted(std::string_view cp1252) {
  std::string out;
  out.reserve(cp1252.size() + 2);
  out += '"';
  for (char c : cp1252) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace kontor::plugins::datev
