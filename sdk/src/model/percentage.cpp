#include "kontor/model/percentage.hpp"

#include <algorithm>
#include <limits>
#include <string>

namespace kontor {
namespace {

__extension__ typedef __int128 Int128;

Int128 pow10(int exponent) {
  Int128 value = 1;
  for (int k = 0; k < exponent; ++k) value *= 10;
  return value;
}

// numerator / denominator (denominator > 0) rounded half away from zero.
Result<Money> rounded(Int128 numerator, Int128 denominator, Currency currency) {
  Int128 quotient = numerator / denominator;
  const Int128 remainder = numerator % denominator;
  const Int128 twice_remainder = remainder < 0 ? -2 * remainder : 2 * remainder;
  if (twice_remainder >= denominator) quotient += numerator < 0 ? -1 : 1;
  if (quotient < std::numeric_limits<std::int64_t>::min() ||
      quotient > std::numeric_limits<std::int64_t>::max()) {
    return Error{"amount overflow: the result does not fit 64-bit minor units"};
  }
  return Money(static_cast<std::int64_t>(quotient), currency);
}

Int128 days_per_year(DayCountBasis basis) {
  return basis == DayCountBasis::actual_360 ? 360 : 365;
}

}  // namespace

Result<Money> percent_of(const Money& amount, const Decimal& percent) {
  // |minor units| and |rate units| are below 2^63 each, so their product fits 127 bits.
  const Int128 numerator = Int128{amount.minor_units()} * percent.units();
  return rounded(numerator, 100 * pow10(percent.scale()), amount.currency());
}

Result<Money> net_of_gross(const Money& gross, const Decimal& tax_percent) {
  // gross × 100 × 10^scale / (100 × 10^scale + rate units): exact in 128 bits for every
  // realistic rate; a rate with many decimals on a huge amount is refused, never wrapped.
  const Int128 hundred = 100 * pow10(tax_percent.scale());
  const Int128 denominator = hundred + tax_percent.units();
  if (denominator <= 0) {
    return Error{"a tax rate of " + tax_percent.to_string() + " % leaves no net amount"};
  }
  Int128 numerator = 0;
  if (__builtin_mul_overflow(Int128{gross.minor_units()}, hundred, &numerator)) {
    return Error{"amount overflow: the net of " + gross.to_string() + " at " +
                 tax_percent.to_string() + " % exceeds 128-bit arithmetic"};
  }
  return rounded(numerator, denominator, gross.currency());
}

Result<Money> interest(const Money& principal, const Decimal& annual_percent, std::int64_t days,
                       DayCountBasis basis) {
  const InterestPeriod period{principal, annual_percent, days};
  return interest(std::span<const InterestPeriod>(&period, 1), principal.currency(), basis);
}

Result<Money> interest(std::span<const InterestPeriod> periods, Currency currency,
                       DayCountBasis basis) {
  int scale = 0;
  for (const InterestPeriod& period : periods) {
    if (period.principal.currency() != currency) {
      return Error{"interest period principal " + period.principal.to_string() + " is not in " +
                   std::string(currency.code())};
    }
    if (period.days < 0) {
      return Error{"interest period of " + std::to_string(period.days) +
                   " days: the number of days cannot be negative"};
    }
    scale = std::max(scale, period.annual_percent.scale());
  }
  // Σ principal × rate units × 10^(scale − rate scale) × days over 100 × year × 10^scale.
  Int128 numerator = 0;
  for (const InterestPeriod& period : periods) {
    Int128 term = Int128{period.principal.minor_units()} * period.annual_percent.units();
    if (__builtin_mul_overflow(term, pow10(scale - period.annual_percent.scale()), &term) ||
        __builtin_mul_overflow(term, Int128{period.days}, &term) ||
        __builtin_add_overflow(numerator, term, &numerator)) {
      return Error{"interest overflow: " + period.principal.to_string() + " at " +
                   period.annual_percent.to_string() + " % for " + std::to_string(period.days) +
                   " days exceeds 128-bit arithmetic"};
    }
  }
  return rounded(numerator, 100 * days_per_year(basis) * pow10(scale), currency);
}

}  // namespace kontor
