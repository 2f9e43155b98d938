// CreditorReference: an ISO 11649 "RF" structured creditor reference — the payment reference
// Kontor prints on invoices, reminders and statements, so that a payment quoting it can be
// matched with certainty.
//
// Form: "RF", two check digits (ISO 7064 MOD 97-10, as in the IBAN), and 1 to 21 letters or
// digits; 25 characters at most. Printed in groups of four ("RF18 5390 0754 7034").
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "kontor/result.hpp"

namespace kontor {

class CreditorReference {
 public:
  static constexpr std::size_t kMaxReferenceLength = 21;

  // Validates a reference as written on a payment: blanks removed, letters upper-cased.
  // Error positions are 1-based positions in `text` as written.
  static Result<CreditorReference> parse(std::string_view text);

  // Generates the reference of an invoice or notice number: its letters (upper-cased) and
  // digits, with the separators ' ', '-', '/', '.', '_' and ':' dropped — "RE-2026/0012"
  // becomes RF..RE20260012. At most 21 characters remain; any other character is an error.
  // Numbers that differ only in separators ("2026-12", "202-612") get the same reference:
  // a company whose numbering relies on separators must keep such numbers apart itself.
  static Result<CreditorReference> from_number(std::string_view number);

  // "RF18539007547034"
  const std::string& electronic() const { return value_; }
  // "RF18 5390 0754 7034"
  std::string formatted() const;
  // The part after the check digits: "539007547034".
  std::string_view reference() const { return std::string_view(value_).substr(4); }

  auto operator<=>(const CreditorReference&) const = default;

 private:
  explicit CreditorReference(std::string value) : value_(std::move(value)) {}
  std::string value_;
};

}  // namespace kontor
