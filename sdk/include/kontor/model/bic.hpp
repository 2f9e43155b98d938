// Bic: a Business Identifier Code (ISO 9362, "SWIFT code") of a bank — on the company's
// letterhead, in bank files beside an IBAN.
//
// Checked for shape only, as there is no public register: 4 letters or digits (party prefix),
// a 2-letter country code, 2 letters or digits (location), and optionally 3 letters or digits
// (branch) — 8 or 11 characters. Blanks are removed and letters upper-cased.
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "kontor/result.hpp"

namespace kontor {

class Bic {
 public:
  // Error positions are 1-based positions in `text` as written.
  static Result<Bic> parse(std::string_view text);

  // "DEUTDEFFXXX" or "DEUTDEFF", as given.
  const std::string& text() const { return value_; }
  std::string_view country_code() const { return std::string_view(value_).substr(4, 2); }
  // The first 8 characters: the institution's office, "XXX" being its main office.
  std::string_view office() const { return std::string_view(value_).substr(0, 8); }

  auto operator<=>(const Bic&) const = default;

 private:
  explicit Bic(std::string value) : value_(std::move(value)) {}
  std::string value_;
};

}  // namespace kontor
