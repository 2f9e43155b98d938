// The fields of a DATEV EXTF line, one function per kind of field (reference §1, §3, §8).
//
// Each returns the field as it goes between the semicolons — Windows-1252, quoted where the format
// quotes — or an Error that names the record, the field's column and heading, and the reason, with
// the record as Error::position. What DATEV itself would only cut with a warning (a long
// Buchungstext) is cut here and reported as a change; what it would refuse or misread (a long
// Belegfeld 1, which is the key open items are cleared by) is an error.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "kontor/model/date.hpp"
#include "kontor/model/money.hpp"
#include "kontor/result.hpp"

namespace kontor::plugins::datev {

// Where a field stands: the data record (1-based; 0 = the header line) and the field's column
// (1-based, the number in DATEV's field table) and heading.
struct FieldPlace {
  std::int64_t record = 0;
  int column = 0;
  std::string_view heading;

  // "record 3, field 14 (Buchungstext)"; "header, field 17 (Bezeichnung)"
  std::string describe() const;
};

// "record 3, field 14 (Buchungstext): <reason>", position = the record.
Error field_error(const FieldPlace& place, std::string_view reason);

struct WrittenField {
  std::string text;    // as it goes between the semicolons
  std::string change;  // empty, or what was changed, naming the place
};

// What happens to a text longer than its field.
enum class Overflow { truncate, reject };

enum class TextCharset {
  any,              // everything cp1252 holds
  document_number,  // Belegfeld 1 and 2: A–Z a–z 0–9 $ & % * + - / (§3: no blank, umlaut, '.', '_')
  word,             // A–Z a–z 0–9 _ (DATEV's \w for header fields 8 and 9)
  upper_letters,  // A–Z: currency and country codes, Diktatkürzel
  digits,         // 0–9: a text field that holds a number (BU-Schlüssel, Adressattyp)
  label,          // Bezeichnung: letters (also ä, é …), digits, '_', blank, '.', '/'
};

struct TextRule {
  std::size_t max_length = 0;  // characters (cp1252 bytes), before quoting
  Overflow overflow = Overflow::reject;
  TextCharset charset = TextCharset::any;
};

// A text field: converted to cp1252 (see extf_text.hpp), control characters blanked, checked
// against the rule's character set (a character outside it is always an error: replacing it
// would make a different document number) and length, then quoted with `"` doubled. An empty
// text is written `""`, as in DATEV's samples.
Result<WrittenField> text_field(std::string_view utf8, const TextRule& rule,
                                const FieldPlace& place);

// An amount (Umsatz): "1234,56" — decimal comma, no sign, no thousands separator, two decimals,
// at most ten digits before the comma. Zero, a negative amount, and a currency whose minor unit
// is not two digits are errors.
Result<std::string> amount_field(const Money& amount, const FieldPlace& place);

// Sachkonto (general ledger account) or Personenkonto (a debtor's or creditor's account).
enum class AccountKind { general_ledger, personal };

// An account number (Konto, Gegenkonto, Debitoren/Kreditoren Konto) checked against the
// client's Sachkontenlänge (SKL): digits only, not all zeros, never empty; at most SKL digits is
// a Sachkonto, SKL+1 digits not starting with 0 a Personenkonto, anything longer an error.
Result<AccountKind> account_kind(std::string_view account, int account_length,
                                 const FieldPlace& place);

// Belegdatum: "TTMM", 5 January = "0501" (the leading zero is what spreadsheets lose).
std::string day_month(const Date& date);
// Other dates of a record: "TTMMJJJJ".
std::string day_month_year(const Date& date);
// Dates of the header: "JJJJMMTT".
std::string year_month_day(const Date& date);

}  // namespace kontor::plugins::datev
