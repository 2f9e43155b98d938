// VatId: a VAT identification number of an EU member state or of Northern Ireland (XI) — on
// the company's letterhead and invoices, and checked on business customers' master data.
//
// Syntax only, per member state (prefix and the shape of the number as the EU's VIES service
// publishes it); check digits and whether the number is registered are not checked. Greece
// uses the prefix EL, not GR. Blanks, dots and hyphens are removed and letters upper-cased
// ("de 123.456.789" is DE123456789).
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "kontor/result.hpp"

namespace kontor {

class VatId {
 public:
  // Error positions are 1-based positions in `text` as written.
  static Result<VatId> parse(std::string_view text);

  // "DE123456789"
  const std::string& text() const { return value_; }
  // "DE", "EL", "XI"
  std::string_view prefix() const { return std::string_view(value_).substr(0, 2); }
  // "123456789"
  std::string_view number() const { return std::string_view(value_).substr(2); }

  auto operator<=>(const VatId&) const = default;

 private:
  explicit VatId(std::string value) : value_(std::move(value)) {}
  std::string value_;
};

}  // namespace kontor
