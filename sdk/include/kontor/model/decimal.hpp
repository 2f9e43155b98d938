// Decimal: an exact decimal number for rates — 9.12 percentage points, a 2 % Skonto, the base
// rate of −0.88 %, 5 points above it. Money is multiplied by rates only through
// percentage.hpp, which rounds once, by a stated rule.
//
// A Decimal is units × 10^−scale with a 64-bit `units` and a scale of 0 to 18, kept normalised
// (no trailing zeros), so 2.50 and 2.5 are the same value and compare equal member by member.
// No floating point is involved anywhere.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "kontor/model/notation.hpp"
#include "kontor/result.hpp"

namespace kontor {

class Decimal {
 public:
  static constexpr int kMaxScale = 18;

  Decimal() = default;  // zero
  static Decimal from_integer(std::int64_t value) { return Decimal(value, 0); }
  // units × 10^−scale; an error when the scale is outside 0..18.
  static Result<Decimal> from_units(std::int64_t units, int scale);

  // Reads "9.12", "-0.88", "+5", "2,5" (with Notation::comma()): an optional sign, at least one
  // digit, optionally the notation's decimal separator and at least one digit. Rates have no
  // thousands, so the grouping separator is not accepted. Error positions are 1-based.
  static Result<Decimal> parse(std::string_view text, const Notation& notation = Notation::point());

  std::int64_t units() const { return units_; }
  int scale() const { return scale_; }
  bool is_zero() const { return units_ == 0; }
  bool is_negative() const { return units_ < 0; }

  Result<Decimal> plus(const Decimal& other) const;
  Result<Decimal> minus(const Decimal& other) const;
  Result<Decimal> negated() const;

  // The shortest exact text: "9.12", "-0.88", "5".
  std::string to_string(const Notation& notation = Notation::point()) const;

  bool operator==(const Decimal&) const = default;
  std::strong_ordering operator<=>(const Decimal& other) const;

 private:
  Decimal(std::int64_t units, int scale) : units_(units), scale_(scale) {}

  std::int64_t units_ = 0;
  int scale_ = 0;
};

}  // namespace kontor
