// Texts and amounts as they may stand in a journal that both hledger 1.25 and ledger 3.3 read
// the same way (../shared/reference/plaintext-journals.md, "Common syntax subset"). Texts come
// from the ERP and the bank and may hold anything; each function makes one kind of field safe,
// changing as little as it can, so the reader still recognises the text.
//
// Every function also makes its text valid UTF-8 (an invalid byte becomes U+FFFD): hledger
// refuses a file with one invalid byte as a whole.
#pragma once

#include <string>
#include <string_view>

#include "kontor/model/money.hpp"
#include "kontor/result.hpp"
#include "valid_utf8.hpp"

namespace kontor::plugins::journal {

// One line: control characters (tab, CR, LF …) become a blank, runs of blanks become one, and
// blanks at either end go — a double blank separates an account from its amount.
std::string one_line(std::string_view text);

// The transaction code `(CODE)`: one_line, and '(' ')' become '[' ']' (a ')' would end it).
std::string code_text(std::string_view text);

// A payee (the part before '|'): one_line, ';' → ',' (hledger ends the description at ';'),
// '|' → '/' (hledger splits the payee from the note at the first '|').
std::string payee_text(std::string_view text);

// A note (the part after '|'): one_line, ';' → ','.
std::string note_text(std::string_view text);

// A tag value `key: value`: one_line, ',' → ' ' (hledger ends a value at a comma, ledger does
// not, and the two would disagree).
std::string tag_value(std::string_view text);

// Why `name` cannot be a journal account name, or an empty string: empty, a part between ':'
// empty or with blanks at its ends, two blanks in a row, a tab or control character, ';', or a
// '(' or '[' first (a virtual posting).
std::string account_name_problem(std::string_view name);

// "-1234.50 EUR": sign, every minor digit, a blank, the ISO code; never group separators
// (both tools would read "1.000" as one).
std::string amount_text(const Money& amount);

}  // namespace kontor::plugins::journal
