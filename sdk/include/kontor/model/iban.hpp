// Iban: an International Bank Account Number (ISO 13616) — the customers' accounts Kontor
// learns, the company's own accounts whose statements it imports.
//
// An Iban is always valid: a country of the SWIFT IBAN registry, that country's length, two
// check digits and an alphanumeric BBAN that pass mod-97. Blanks are removed and letters
// upper-cased ("de89 3704 0044 0532 0130 00" is accepted). The BBAN's national structure is
// not checked. Account identifiers from bank files that are not IBANs stay plain strings in
// the entities; only what must be an IBAN is an Iban.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "kontor/result.hpp"

namespace kontor {

class Iban {
 public:
  // Error positions are 1-based positions in `text` as written, blanks included.
  static Result<Iban> parse(std::string_view text);

  // The number of characters of an IBAN of `country_code` in the registry, if it is there.
  static std::optional<int> registry_length(std::string_view country_code);

  // "DE89370400440532013000"
  const std::string& electronic() const { return value_; }
  // "DE89 3704 0044 0532 0130 00", as printed on letters.
  std::string formatted() const;
  // "DE"
  std::string_view country_code() const { return std::string_view(value_).substr(0, 2); }

  auto operator<=>(const Iban&) const = default;

 private:
  explicit Iban(std::string value) : value_(std::move(value)) {}
  std::string value_;
};

}  // namespace kontor
