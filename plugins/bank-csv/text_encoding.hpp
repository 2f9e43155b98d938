// The text of a bank CSV file as UTF-8. German banks write UTF-8 (DKB, Commerzbank, the Atruvia
// banks, PayPal: with a byte order mark) or ISO-8859-1 / Windows-1252 (ING, Sparkasse, old DKB).
//
// The whole file is decoded before it is split: both encodings write the CSV syntax (delimiters,
// quotes, line ends) as the same ASCII bytes, so line numbers stay those of the file. `auto`
// takes a file that is valid UTF-8 as UTF-8 and any other as Windows-1252 — a Windows-1252 text
// with umlauts is practically never valid UTF-8, and a UTF-8 one never needs the other reading.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kontor/result.hpp"

namespace kontor::plugins::bank_csv {

enum class Encoding { automatic, utf8, windows1252 };

struct DecodedText {
  std::string text;  // UTF-8, byte order mark and trailing end-of-file marks (0x1A) removed
  Encoding encoding = Encoding::utf8;  // the one used
  // Lines holding a byte Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D), each
  // decoded as U+FFFD; one entry per line.
  std::vector<std::int64_t> replaced_lines;
};

// An error (position: its 1-based line) for: a UTF-16 or UTF-32 byte order mark, a NUL byte (not
// a text file), invalid UTF-8 under `utf8`, a UTF-8 byte order mark under `windows1252`.
Result<DecodedText> decode_text(std::string_view bytes, Encoding requested);

// The index of the first byte of `text` that is not part of well-formed UTF-8, or npos.
std::size_t invalid_utf8_at(std::string_view text);

// The length (1 to 4) of the well-formed UTF-8 sequence at text[at], or 0 when none starts there.
std::size_t utf8_sequence_length(std::string_view text, std::size_t at);

}  // namespace kontor::plugins::bank_csv
