// Text helpers for values read from bank CSV files: trimming, whitespace collapsing, the
// normalised form header names are compared in, and text made safe for a one-line message.
//
// All functions take and return UTF-8 and treat bytes >= 0x80 as letters: they never split a
// multi-byte sequence.
#pragma once

#include <string>
#include <string_view>

namespace kontor::plugins::bank_csv {

// Without leading and trailing blanks (space, tab, no-break space U+00A0).
std::string_view trimmed(std::string_view text);

// Runs of blanks, line breaks and control characters become one space; the ends are trimmed.
// `had_control` (if given) is set when a control character other than tab, CR or LF was met.
std::string collapsed(std::string_view text, bool* had_control = nullptr);

// The form header names and keywords are compared in: trimmed, blanks collapsed, ASCII letters
// lower-cased, German umlauts and ß folded ("Währung" and "Waehrung" both become "waehrung").
std::string normalised_name(std::string_view text);

// `text` without one pair of enclosing single quotes ('DE67...' as spreadsheets protect
// numbers), trimmed.
std::string_view without_single_quotes(std::string_view text);

// `text` for a one-line message: control characters and bytes that are not UTF-8 escaped
// (\x01, \xE4), cut after about `max_bytes`, never inside a character. Also for messages of
// the model's parsers, which quote the one byte they stumbled on.
std::string for_message(std::string_view text, std::size_t max_bytes = 120);

bool is_ascii_digit(char c);
bool is_ascii_upper(char c);
bool all_digits(std::string_view text);

}  // namespace kontor::plugins::bank_csv
