#include "kontor/model/decimal.hpp"

#include <algorithm>
#include <limits>

namespace kontor {
namespace {

__extension__ typedef __int128 Int128;

constexpr std::int64_t kPow10[] = {1,
                                   10,
                                   100,
                                   1000,
                                   10000,
                                   100000,
                                   1000000,
                                   10000000,
                                   100000000,
                                   1000000000,
                                   10000000000,
                                   100000000000,
                                   1000000000000,
                                   10000000000000,
                                   100000000000000,
                                   1000000000000000,
                                   10000000000000000,
                                   100000000000000000,
                                   1000000000000000000};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

Error parse_error(std::string_view text, std::size_t index, const std::string& what) {
  return Error{"rate '" + std::string(text) + "': " + what, static_cast<std::int64_t>(index + 1)};
}

// Strips trailing zeros so that equal values have equal members.
void normalise(Int128& units, int& scale) {
  while (scale > 0 && units % 10 == 0) {
    units /= 10;
    --scale;
  }
}

bool fits_int64(Int128 value) {
  return value >= std::numeric_limits<std::int64_t>::min() &&
         value <= std::numeric_limits<std::int64_t>::max();
}

Int128 scaled(const Decimal& d, int scale) {
  return Int128{d.units()} * kPow10[scale - d.scale()];
}

}  // namespace

Result<Decimal> Decimal::from_units(std::int64_t units, int scale) {
  if (scale < 0 || scale > kMaxScale) {
    return Error{"a rate has 0 to 18 decimal places, not " + std::to_string(scale)};
  }
  Int128 value = units;
  normalise(value, scale);
  return Decimal(static_cast<std::int64_t>(value), scale);
}

Result<Decimal> Decimal::parse(std::string_view text, const Notation& notation) {
  if (Status valid = check(notation); !valid) return valid.error();
  if (text.empty()) return parse_error(text, 0, "expected a number, found nothing");
  std::size_t i = 0;
  const bool negative = text[0] == '-';
  if (text[0] == '-' || text[0] == '+') ++i;

  std::string_view whole;
  std::string_view fraction;
  const std::size_t whole_start = i;
  while (i < text.size() && is_digit(text[i])) ++i;
  whole = text.substr(whole_start, i - whole_start);
  if (whole.empty()) {
    return parse_error(text, i,
                       i == text.size() ? "expected a digit after the sign"
                                        : "expected a digit at position " + std::to_string(i + 1) +
                                              ", found '" + std::string(1, text[i]) + "'");
  }
  if (i < text.size()) {
    if (text[i] != notation.decimal_separator) {
      return parse_error(text, i,
                         "expected a digit or the decimal separator '" +
                             std::string(1, notation.decimal_separator) + "' at position " +
                             std::to_string(i + 1) + ", found '" + std::string(1, text[i]) + "'");
    }
    const std::size_t fraction_start = ++i;
    while (i < text.size() && is_digit(text[i])) ++i;
    fraction = text.substr(fraction_start, i - fraction_start);
    if (i < text.size()) {
      return parse_error(text, i,
                         "expected a digit at position " + std::to_string(i + 1) + ", found '" +
                             std::string(1, text[i]) + "'");
    }
    if (fraction.empty()) {
      return parse_error(text, fraction_start - 1, "expected digits after the decimal separator");
    }
  }

  while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
  if (fraction.size() > static_cast<std::size_t>(kMaxScale)) {
    return parse_error(text, whole_start + whole.size() + 1 + kMaxScale,
                       "more than 18 significant decimal places");
  }
  Int128 units = 0;
  for (std::string_view digits : {whole, fraction}) {
    for (char c : digits) {
      units = units * 10 + (c - '0');
      if (units > Int128{std::numeric_limits<std::int64_t>::max()} + 1) {
        return parse_error(text, 0, "too many digits for an exact rate (at most 18 significant)");
      }
    }
  }
  if (negative) units = -units;
  if (!fits_int64(units)) {
    return parse_error(text, 0, "too many digits for an exact rate (at most 18 significant)");
  }
  int scale = static_cast<int>(fraction.size());
  normalise(units, scale);
  return Decimal(static_cast<std::int64_t>(units), scale);
}

Result<Decimal> Decimal::plus(const Decimal& other) const {
  int scale = std::max(scale_, other.scale_);
  Int128 sum = scaled(*this, scale) + scaled(other, scale);
  normalise(sum, scale);
  if (!fits_int64(sum)) {
    return Error{"rate overflow: " + to_string() + " + " + other.to_string()};
  }
  return Decimal(static_cast<std::int64_t>(sum), scale);
}

Result<Decimal> Decimal::minus(const Decimal& other) const {
  Result<Decimal> negative = other.negated();
  if (!negative) return negative.error();
  return plus(*negative);
}

Result<Decimal> Decimal::negated() const {
  if (units_ == std::numeric_limits<std::int64_t>::min()) {
    return Error{"rate overflow: negating " + to_string()};
  }
  return Decimal(-units_, scale_);
}

std::string Decimal::to_string(const Notation& notation) const {
  const std::uint64_t magnitude =
      units_ < 0 ? 0 - static_cast<std::uint64_t>(units_) : static_cast<std::uint64_t>(units_);
  std::string digits = std::to_string(magnitude);
  if (digits.size() <= static_cast<std::size_t>(scale_)) {
    digits.insert(0, static_cast<std::size_t>(scale_) + 1 - digits.size(), '0');
  }
  std::string out = units_ < 0 ? "-" : "";
  out += digits.substr(0, digits.size() - static_cast<std::size_t>(scale_));
  if (scale_ > 0) {
    out += notation.decimal_separator;
    out += digits.substr(digits.size() - static_cast<std::size_t>(scale_));
  }
  return out;
}

std::strong_ordering Decimal::operator<=>(const Decimal& other) const {
  const int scale = std::max(scale_, other.scale_);
  const Int128 a = scaled(*this, scale);
  const Int128 b = scaled(other, scale);
  return a < b ? std::strong_ordering::less
               : (a > b ? std::strong_ordering::greater : std::strong_ordering::equal);
}

}  // namespace kontor
