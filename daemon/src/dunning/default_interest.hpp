// Default interest (§288 (1), (2) BGB): base rate + 5 percentage points, or + 9 when the debtor
// is not a consumer, accruing day by day on the invoice principal still open that day (never on
// fees or interest: §289 BGB).
//
// Exact arithmetic: each day contributes principal × annual percent / (100 × days in the year)
// as an exact fraction; the period is split wherever the principal or the base rate changes
// (each 1 January and 1 July), and the sum is rounded ONCE, half away from zero, to the minor
// unit. No floating point anywhere.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "dunning/base_rates.hpp"
#include "kontor/model/date.hpp"
#include "kontor/model/decimal.hpp"
#include "kontor/model/money.hpp"
#include "kontor/result.hpp"

namespace kontor::dunning {

// How a day's share of the annual rate is counted.
enum class DayCount {
  actual_365,     // every day 1/365, leap years included (the default; German courts' usual way)
  actual_actual,  // a day 1/366 in a leap year, else 1/365
};

Result<DayCount> parse_day_count(std::string_view text);  // "act/365", "act/act"

// The principal open on each day: a step function. `changes` are (first day, open amount from
// that day on), ascending by day, all in one currency; before the first change nothing is open.
// The amount open on a day is the amount after that day's payments: a payment stops interest
// on the day it is booked.
struct OpenPrincipal {
  std::vector<std::pair<Date, Money>> changes;

  Money open_on(const Date& day, const Currency& currency) const;
};

// One stretch of days with the same principal and rate, for the notice to show.
struct InterestSpan {
  Date first;  // inclusive
  Date last;   // inclusive
  Money principal;
  Decimal annual_percent;  // base rate + points
  std::int64_t days = 0;

  bool operator==(const InterestSpan&) const = default;
};

struct InterestCharge {
  Money amount;                     // rounded once, half away from zero
  std::vector<InterestSpan> spans;  // days with no principal open are left out

  bool operator==(const InterestCharge&) const = default;
};

// Interest on `principal` for the days `first` to `last` (inclusive; nothing when last < first)
// at base rate + `points_above_base`. Fails when the table does not cover a charged day or the
// arithmetic would overflow.
Result<InterestCharge> default_interest(const OpenPrincipal& principal, const Date& first,
                                        const Date& last, const BaseRateTable& base_rates,
                                        const Decimal& points_above_base, DayCount day_count,
                                        const Currency& currency);

}  // namespace kontor::dunning
