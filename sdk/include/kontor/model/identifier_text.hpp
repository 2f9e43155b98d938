// Helpers shared by the identifier values (Iban, Bic, CreditorReference, VatId): people write
// identifiers with blanks and in lower case, and several of them carry ISO 7064 check digits.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kontor {

// An identifier in its electronic form: `separators` removed, ASCII letters upper-cased.
// origin[k] is the 0-based index in the original text of text[k], so that an error can point
// at the character the person actually typed.
struct CompactIdentifier {
  std::string text;
  std::vector<std::size_t> origin;

  // 1-based position in the original text of compact character `k` (one past the end when
  // k == text.size()).
  std::int64_t position(std::size_t k) const;
  std::size_t original_length = 0;
};

CompactIdentifier compact_identifier(std::string_view text, std::string_view separators);

bool is_ascii_digit(char c);
bool is_ascii_upper(char c);
bool is_ascii_alnum_upper(char c);

// How an error names a character: "'x'" when printable ASCII, else "a non-ASCII character"
// (one byte of a UTF-8 sequence quoted alone would garble the message) or "a control
// character".
std::string describe_character(char c);

// ISO 7064 MOD 97-10 remainder of `text` (digits and upper-case letters, A=10 … Z=35), as
// IBAN (ISO 13616) and creditor references (ISO 11649) use it. Precondition: only [0-9A-Z].
int mod97(std::string_view text);

// Groups of four separated by blanks, as IBANs and RF references are printed.
std::string in_groups_of_four(std::string_view electronic);

}  // namespace kontor
