// The base rate of §247 BGB, as the Deutsche Bundesbank publishes it each 1 January and 1 July,
// from a dated table in the configuration (`dunning.base_rates`). Rates may be negative
// (−0.88 % from 1 July 2016 to 31 December 2022).
//
// The table covers the days from its first entry up to the last day of the half-year in which
// its last entry starts: a rate holds for a half-year until the next one is published. A day
// outside is an error naming the day and the table's range, never an extrapolation, so an
// operator who forgot to add the new rate learns it before a notice charges a wrong one.
#pragma once

#include <vector>

#include "kontor/model/date.hpp"
#include "kontor/model/decimal.hpp"
#include "kontor/result.hpp"

namespace kontor::dunning {

struct BaseRate {
  Date from;        // a 1 January or 1 July
  Decimal percent;  // e.g. 1.27, -0.88

  bool operator==(const BaseRate&) const = default;
};

class BaseRateTable {
 public:
  // Entries in any order; each `from` must be a 1 January or 1 July and appear once; a gap
  // between half-years is allowed only as an explicit entry (every half-year from the first
  // to the last must have one). An empty table is an error.
  static Result<BaseRateTable> make(std::vector<BaseRate> rates);

  // The rate on `day`, or an error when the table does not cover it.
  Result<Decimal> rate_on(const Date& day) const;
  const Date& first_day() const { return rates_.front().from; }
  Date last_day() const;  // 30 June or 31 December of the last entry's half-year
  const std::vector<BaseRate>& rates() const { return rates_; }

 private:
  std::vector<BaseRate> rates_;  // by `from`
};

}  // namespace kontor::dunning
