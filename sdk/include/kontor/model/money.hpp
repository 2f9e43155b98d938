// Money: an exact amount — a signed 64-bit count of minor units (cents) in one ISO 4217
// currency. Every amount Kontor reads, stores, matches, charges or exports is a Money.
//
// The rules it enforces, because a receivables system that gets them wrong books wrong:
// - no floating point: amounts are integers of minor units from text to text;
// - the notation is given by the caller, never guessed (see notation.hpp);
// - digits beyond the currency's minor unit are accepted only when they are zero ("18.150"
//   EUR is 18.15; "18.155" is an error naming the position of the 5);
// - every operation checks for overflow and reports it instead of wrapping;
// - amounts in different currencies never add up: that is an error, never a conversion.
#pragma once

#include <compare>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "kontor/model/currency.hpp"
#include "kontor/model/notation.hpp"
#include "kontor/result.hpp"

namespace kontor {

class Money {
 public:
  // Zero euros, so that entities can be default-constructed.
  Money() = default;
  Money(std::int64_t minor_units, Currency currency)
      : minor_units_(minor_units), currency_(currency) {}
  static Money zero(Currency currency) { return Money(0, currency); }

  // Reads "-1.234,50" (with Notation::german()) or "1234.5" (Notation::point()): an optional
  // '+' or '-', at least one digit, optionally the decimal separator and at least one digit.
  // No blanks, no currency symbol. Error positions are 1-based character positions in `text`.
  static Result<Money> parse(std::string_view text, Currency currency, const Notation& notation);

  std::int64_t minor_units() const { return minor_units_; }
  const Currency& currency() const { return currency_; }
  bool is_zero() const { return minor_units_ == 0; }
  bool is_negative() const { return minor_units_ < 0; }
  bool is_positive() const { return minor_units_ > 0; }

  Result<Money> plus(const Money& other) const;
  Result<Money> minus(const Money& other) const;
  Result<Money> negated() const;
  Result<Money> times(std::int64_t factor) const;

  // The amount without currency, all minor digits written: "-1234.50", or "-1.234,50" with
  // Notation::german(). parse(format(n), currency, n) gives back the same Money.
  std::string format(const Notation& notation = Notation::point()) const;
  // "-1234.50 EUR", for messages and logs.
  std::string to_string() const;

  bool operator==(const Money&) const = default;
  // Orders amounts of one currency. Precondition: same currency — ordering euros against
  // dollars is a programming mistake and throws std::logic_error (as Result::value() on an
  // error does). Where the currencies come from input, use compare().
  std::strong_ordering operator<=>(const Money& other) const;

 private:
  std::int64_t minor_units_ = 0;
  Currency currency_;
};

// Orders two amounts, or says that their currencies differ.
Result<std::strong_ordering> compare(const Money& a, const Money& b);

// The sum of `amounts`, all of which must be in `currency` (zero for none).
Result<Money> sum(std::span<const Money> amounts, Currency currency);

}  // namespace kontor
