// The text of an ERP file as UTF-8: ERPs write UTF-8 (often with a byte order mark) or, in
// Germany still commonly, Windows-1252. Everything the parser hands on is valid UTF-8.
//
// Both encodings write the CSV and JSON syntax characters (delimiters, quotes, line ends) as the
// same single ASCII bytes, and no byte of a multi-byte sequence is ASCII, so a file is split into
// records and fields first and each field is converted on its own.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "kontor/result.hpp"

namespace kontor::plugins::open_items {

enum class TextEncoding { utf8, windows1252 };

// 3 when `bytes` starts with the UTF-8 byte order mark EF BB BF, else 0.
std::size_t utf8_bom_length(std::string_view bytes);

// The length (1 to 4) of the well-formed UTF-8 sequence starting at text[at], or 0 when none
// starts there.
std::size_t utf8_sequence_length(std::string_view text, std::size_t at);

// The index of the first byte that is not part of a well-formed UTF-8 sequence (RFC 3629: no
// overlong forms, no surrogates, nothing above U+10FFFF), or npos when `text` is valid.
std::size_t invalid_utf8_at(std::string_view text);

// Appends the Windows-1252 text `bytes` to `out` as UTF-8. Returns the index of the first byte
// Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D), or npos when all converted.
std::size_t append_windows1252_as_utf8(std::string_view bytes, std::string& out);

// `bytes` as UTF-8: a view of `bytes` itself when it already is (ASCII in either encoding,
// valid UTF-8 in utf8), otherwise converted into `storage`. The error says which byte at which
// 1-based position is wrong; its position is that byte's.
Result<std::string_view> as_utf8(std::string_view bytes, TextEncoding encoding,
                                 std::string& storage);

}  // namespace kontor::plugins::open_items
