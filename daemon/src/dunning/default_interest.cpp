#include "dunning/default_interest.hpp"

#include <algorithm>
#include <iterator>
#include <limits>
#include <string>
#include <utility>

namespace kontor::dunning {
namespace {

__extension__ typedef __int128 Int128;

// Every span's fraction is brought to one denominator, 100 × 10^scale × 365 × 366, so that
// act/act's 1/365 and 1/366 days add up exactly.
constexpr Int128 kYearsDenominator = Int128{365} * 366;

Error overflow(const Date& first, const Date& last) {
  return Error{"default interest from " + first.to_iso() + " to " + last.to_iso() +
               " exceeds 128-bit arithmetic: the principal or the rate is implausibly large"};
}

Int128 pow10(int exponent) {
  Int128 value = 1;
  for (int k = 0; k < exponent; ++k) value *= 10;
  return value;
}

// The last day of the half-year `day` lies in: each 1 January and 1 July the base rate may
// change, and act/act's year length changes at 1 January.
Date half_year_end(const Date& day) {
  return day.month() <= 6 ? Date::from_ymd(day.year(), 6, 30).value()
                          : Date::from_ymd(day.year(), 12, 31).value();
}

Status check_changes(const OpenPrincipal& principal, const Currency& currency) {
  for (std::size_t k = 0; k < principal.changes.size(); ++k) {
    const auto& [day, amount] = principal.changes[k];
    if (amount.currency() != currency) {
      return Error{"the principal open from " + day.to_iso() + " is " + amount.to_string() +
                   ", not in " + std::string(currency.code())};
    }
    if (k > 0 && day < principal.changes[k - 1].first) {
      return Error{"the principal's changes are not in order of day: " + day.to_iso() +
                   " follows " + principal.changes[k - 1].first.to_iso()};
    }
  }
  return {};
}

// The last day from `day` up to `limit` on which the open principal still equals that of
// `day`. A change entry that leaves the amount as it was does not split the span.
Date same_principal_until(const OpenPrincipal& principal, const Date& day, const Date& limit,
                          const Currency& currency) {
  const Money open = principal.open_on(day, currency);
  for (const auto& [change_day, amount] : principal.changes) {
    if (change_day <= day) continue;
    if (change_day > limit) break;
    if (principal.open_on(change_day, currency) != open) return change_day.add_days(-1).value();
  }
  return limit;
}

// numerator / denominator (denominator > 0), rounded half away from zero.
Result<Money> rounded(Int128 numerator, Int128 denominator, const Currency& currency) {
  Int128 quotient = numerator / denominator;
  const Int128 remainder = numerator % denominator;
  const Int128 twice_remainder = remainder < 0 ? -2 * remainder : 2 * remainder;
  if (twice_remainder >= denominator) quotient += numerator < 0 ? -1 : 1;
  if (quotient < std::numeric_limits<std::int64_t>::min() ||
      quotient > std::numeric_limits<std::int64_t>::max()) {
    return Error{"default interest does not fit 64-bit minor units"};
  }
  return Money(static_cast<std::int64_t>(quotient), currency);
}

}  // namespace

Result<DayCount> parse_day_count(std::string_view text) {
  if (text == "act/365") return DayCount::actual_365;
  if (text == "act/act") return DayCount::actual_actual;
  return Error{"unknown day count \"" + std::string(text) + "\": expected act/365 or act/act"};
}

Money OpenPrincipal::open_on(const Date& day, const Currency& currency) const {
  // The last change on or before `day`: of several on one day, the last is that day's amount.
  const auto after = std::upper_bound(
      changes.begin(), changes.end(), day,
      [](const Date& d, const std::pair<Date, Money>& change) { return d < change.first; });
  return after == changes.begin() ? Money::zero(currency) : std::prev(after)->second;
}

Result<InterestCharge> default_interest(const OpenPrincipal& principal, const Date& first,
                                        const Date& last, const BaseRateTable& base_rates,
                                        const Decimal& points_above_base, DayCount day_count,
                                        const Currency& currency) {
  InterestCharge charge{.amount = Money::zero(currency), .spans = {}};
  if (last < first) return charge;
  if (Status checked = check_changes(principal, currency); !checked) return checked.error();

  for (Date day = first; day <= last;) {
    const Date span_last =
        same_principal_until(principal, day, std::min(last, half_year_end(day)), currency);
    const Money open = principal.open_on(day, currency);
    // An overpaid item (negative open amount) owes nothing, like a settled one: interest runs
    // only on what the debtor owes, never in the debtor's favour.
    if (open.is_positive()) {
      const Result<Decimal> base = base_rates.rate_on(day);
      if (!base) return base.error();
      const Result<Decimal> percent = base->plus(points_above_base);
      if (!percent) return percent.error();
      charge.spans.push_back(InterestSpan{.first = day,
                                          .last = span_last,
                                          .principal = open,
                                          .annual_percent = *percent,
                                          .days = days_between(day, span_last) + 1});
    }
    if (span_last == last) break;
    day = span_last.add_days(1).value();
  }

  // Σ principal × percent units × 10^(scale − its scale) × days × (366 or 365), over
  // 100 × 10^scale × 365 × 366: each span's exact fraction, on one denominator.
  int scale = 0;
  for (const InterestSpan& span : charge.spans) {
    scale = std::max(scale, span.annual_percent.scale());
  }
  Int128 numerator = 0;
  for (const InterestSpan& span : charge.spans) {
    const bool leap = day_count == DayCount::actual_actual && Date::is_leap_year(span.first.year());
    const Int128 year_factor = leap ? 365 : 366;  // 1/366 = 365/(365×366), 1/365 = 366/(365×366)
    Int128 term = span.principal.minor_units();
    if (__builtin_mul_overflow(term, Int128{span.annual_percent.units()}, &term) ||
        __builtin_mul_overflow(term, pow10(scale - span.annual_percent.scale()), &term) ||
        __builtin_mul_overflow(term, Int128{span.days}, &term) ||
        __builtin_mul_overflow(term, year_factor, &term) ||
        __builtin_add_overflow(numerator, term, &numerator)) {
      return overflow(first, last);
    }
  }
  const Int128 denominator = 100 * pow10(scale) * kYearsDenominator;
  Result<Money> amount = rounded(numerator, denominator, currency);
  if (!amount) return amount.error();
  charge.amount = *amount;
  return charge;
}

}  // namespace kontor::dunning
