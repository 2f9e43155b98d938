#include "kontor/model/money.hpp"

#include <limits>
#include <stdexcept>

namespace kontor {
namespace {

constexpr std::uint64_t kPow10[] = {1,           10,           100,          1000,      10000,
                                    100000,      1000000,      10000000,     100000000, 1000000000,
                                    10000000000, 100000000000, 1000000000000};

// |INT64_MIN|: the largest magnitude a negative amount may have.
constexpr std::uint64_t kMaxNegativeMagnitude = std::uint64_t{1} << 63;

std::string quoted(std::string_view text) {
  return "'" + std::string(text) + "'";
}

std::string position_text(std::size_t index) {
  return "position " + std::to_string(index + 1);
}

Error parse_error(std::string_view text, std::size_t index, const std::string& what) {
  return Error{"amount " + quoted(text) + ": " + what, static_cast<std::int64_t>(index + 1)};
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

Error currency_mismatch(const char* operation, const Money& a, const Money& b) {
  return Error{std::string("cannot ") + operation +
               " amounts in different currencies: " + a.to_string() + " and " + b.to_string()};
}

Error overflow(const char* operation, const Money& a) {
  return Error{std::string("amount overflow: ") + operation + " " + a.to_string() +
               " leaves the range of 64-bit minor units"};
}

}  // namespace

Result<Money> Money::parse(std::string_view text, Currency currency, const Notation& notation) {
  if (Status valid = check(notation); !valid) return valid.error();
  if (text.empty()) return parse_error(text, 0, "expected an amount, found nothing");

  const char decimal = notation.decimal_separator;
  const int minor_digits = currency.minor_digits();
  std::size_t i = 0;
  bool negative = false;
  if (text[0] == '-' || text[0] == '+') {
    negative = text[0] == '-';
    ++i;
  }
  if (i == text.size() || !is_digit(text[i])) {
    return parse_error(
        text, i,
        i == text.size() ? "expected a digit after the sign"
                         : "expected a digit at " + position_text(i) + ", found '" + text[i] + "'");
  }

  // Magnitude in minor units, kept below 2^64 by checking every step.
  std::uint64_t magnitude = 0;
  auto add_digit = [&](char c) {
    return !__builtin_mul_overflow(magnitude, std::uint64_t{10}, &magnitude) &&
           !__builtin_add_overflow(magnitude, static_cast<std::uint64_t>(c - '0'), &magnitude);
  };
  const Error too_large = parse_error(text, 0, "too large for a 64-bit count of minor units");

  // Integer part, with grouping separators between groups of exactly three digits.
  std::size_t group_length = 0;
  std::size_t last_separator = std::string_view::npos;
  for (; i < text.size() && text[i] != decimal; ++i) {
    const char c = text[i];
    if (is_digit(c)) {
      if (!add_digit(c)) return too_large;
      ++group_length;
    } else if (notation.grouping_separator && c == *notation.grouping_separator) {
      const bool first_group = last_separator == std::string_view::npos;
      if (first_group ? group_length > 3 : group_length != 3) {
        return parse_error(text, i,
                           "grouping separator '" + std::string(1, c) + "' at " + position_text(i) +
                               " must follow " +
                               (first_group ? "one to three digits" : "exactly three digits"));
      }
      last_separator = i;
      group_length = 0;
    } else {
      return parse_error(text, i,
                         "expected a digit" +
                             (notation.grouping_separator
                                  ? ", '" + std::string(1, *notation.grouping_separator) + "'"
                                  : std::string()) +
                             " or the decimal separator '" + std::string(1, decimal) + "' at " +
                             position_text(i) + ", found '" + std::string(1, c) + "'");
    }
  }
  if (last_separator != std::string_view::npos && group_length != 3) {
    return parse_error(text, last_separator,
                       "grouping separator at " + position_text(last_separator) +
                           " must be followed by exactly three digits");
  }

  // Fraction: the currency's minor digits, then only zeros.
  int fraction_digits = 0;
  if (i < text.size()) {
    const std::size_t separator = i++;
    if (i == text.size()) {
      return parse_error(
          text, separator,
          "expected digits after the decimal separator at " + position_text(separator));
    }
    for (; i < text.size(); ++i) {
      const char c = text[i];
      if (!is_digit(c)) {
        return parse_error(
            text, i,
            "expected a digit at " + position_text(i) + ", found '" + std::string(1, c) + "'");
      }
      if (fraction_digits < minor_digits) {
        if (!add_digit(c)) return too_large;
        ++fraction_digits;
      } else if (c != '0') {
        return parse_error(text, i,
                           std::string(currency.code()) + " has " + std::to_string(minor_digits) +
                               " decimal places; digit '" + std::string(1, c) + "' at " +
                               position_text(i) + " is beyond them and not zero");
      }
    }
  }
  if (__builtin_mul_overflow(magnitude, kPow10[minor_digits - fraction_digits], &magnitude)) {
    return too_large;
  }

  const std::uint64_t limit =
      negative ? kMaxNegativeMagnitude
               : static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  if (magnitude > limit) return too_large;
  const std::int64_t units =
      negative ? static_cast<std::int64_t>(0 - magnitude) : static_cast<std::int64_t>(magnitude);
  return Money(units, currency);
}

Result<Money> Money::plus(const Money& other) const {
  if (currency_ != other.currency_) return currency_mismatch("add", *this, other);
  std::int64_t result = 0;
  if (__builtin_add_overflow(minor_units_, other.minor_units_, &result)) {
    return overflow("adding to", *this);
  }
  return Money(result, currency_);
}

Result<Money> Money::minus(const Money& other) const {
  if (currency_ != other.currency_) return currency_mismatch("subtract", *this, other);
  std::int64_t result = 0;
  if (__builtin_sub_overflow(minor_units_, other.minor_units_, &result)) {
    return overflow("subtracting from", *this);
  }
  return Money(result, currency_);
}

Result<Money> Money::negated() const {
  std::int64_t result = 0;
  if (__builtin_sub_overflow(std::int64_t{0}, minor_units_, &result)) {
    return overflow("negating", *this);
  }
  return Money(result, currency_);
}

Result<Money> Money::times(std::int64_t factor) const {
  std::int64_t result = 0;
  if (__builtin_mul_overflow(minor_units_, factor, &result)) {
    return overflow(("multiplying by " + std::to_string(factor)).c_str(), *this);
  }
  return Money(result, currency_);
}

std::string Money::format(const Notation& notation) const {
  const int digits = currency_.minor_digits();
  const std::uint64_t magnitude = minor_units_ < 0 ? 0 - static_cast<std::uint64_t>(minor_units_)
                                                   : static_cast<std::uint64_t>(minor_units_);
  const std::string whole = std::to_string(magnitude / kPow10[digits]);
  std::string out;
  if (minor_units_ < 0) out += '-';
  for (std::size_t k = 0; k < whole.size(); ++k) {
    if (notation.grouping_separator && k > 0 && (whole.size() - k) % 3 == 0) {
      out += *notation.grouping_separator;
    }
    out += whole[k];
  }
  if (digits > 0) {
    std::string fraction = std::to_string(magnitude % kPow10[digits]);
    out += notation.decimal_separator;
    out.append(static_cast<std::size_t>(digits) - fraction.size(), '0');
    out += fraction;
  }
  return out;
}

std::string Money::to_string() const {
  return format() + " " + std::string(currency_.code());
}

std::strong_ordering Money::operator<=>(const Money& other) const {
  if (currency_ != other.currency_) {
    throw std::logic_error("ordering amounts in different currencies: " + to_string() + " and " +
                           other.to_string());
  }
  return minor_units_ <=> other.minor_units_;
}

Result<std::strong_ordering> compare(const Money& a, const Money& b) {
  if (a.currency() != b.currency()) return currency_mismatch("compare", a, b);
  return a.minor_units() <=> b.minor_units();
}

Result<Money> sum(std::span<const Money> amounts, Currency currency) {
  Money total = Money::zero(currency);
  for (const Money& amount : amounts) {
    Result<Money> next = total.plus(amount);
    if (!next) return next.error();
    total = *next;
  }
  return total;
}

}  // namespace kontor
