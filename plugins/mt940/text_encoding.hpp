// The text of a bank's MT940 file as UTF-8, ready to be split into lines.
//
// SWIFT's own character set (X) is a subset of ASCII, but the files banks hand to their
// customers carry names and purposes in whatever the bank's system writes: UTF-8 (with or
// without byte order mark), Windows-1252, ISO-8859-1, or a DOS code page (850 in German
// Sparkasse exports, 852 in Hungarian and Polish ones). The configured encoding is applied to
// the whole file at once; every syntax character of MT940 is ASCII in all of them, so lines and
// tags are found the same way afterwards.
//
// Control bytes (C0 except tab, LF and CR; DEL; and the C1 range of ISO-8859-1) are removed:
// banks wrap messages in SOH/ETX (mBank, PostFinance) or end files with SUB (Rabobank). Line
// ends stay as they are, so line numbers count as in the original file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "kontor/result.hpp"

namespace kontor::plugins::mt940 {

enum class TextEncoding { automatic, utf8, windows1252, iso8859_1, cp850, cp852 };

// "auto", "utf-8", "windows-1252", "iso-8859-1", "cp850", "cp852": the configuration's names.
std::string_view encoding_name(TextEncoding encoding);

struct DecodedText {
  std::string_view text;  // UTF-8 without control bytes; points into the input or the storage
  TextEncoding applied = TextEncoding::utf8;  // automatic resolved to utf8 or windows1252
  // automatic only: where the first byte that is not UTF-8 stands (line 1-based, 0 = valid
  // UTF-8 throughout) and which byte it is, for the warning that says the file was read as
  // Windows-1252.
  std::int64_t fallback_line = 0;
  unsigned char fallback_byte = 0;
};

// Decodes `text` as `encoding`, in place: afterwards it holds the UTF-8 (a UTF-8 byte order
// mark is skipped in every encoding) and the result's view points into it. Fails only for an
// explicit utf8 that is not valid UTF-8, with "LINE:COLUMN: ..." naming the first bad byte.
// Windows-1252's five undefined bytes become U+FFFD. A file converted from a single-byte encoding
// grows; within the string's capacity when the reader reserved some (no second copy of a large
// file), else it is reallocated.
Result<DecodedText> decode_in_place(std::string& text, TextEncoding encoding);

// The same for a view: `bytes` is copied into `storage`, which the result points into.
Result<DecodedText> decode_text(std::string_view bytes, TextEncoding encoding,
                                std::string& storage);

// The index of the first byte of `text` that is not part of well-formed UTF-8 (RFC 3629), or
// npos when it is valid throughout.
std::size_t invalid_utf8_at(std::string_view text);

}  // namespace kontor::plugins::mt940
