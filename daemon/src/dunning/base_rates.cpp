#include "dunning/base_rates.hpp"

#include <algorithm>
#include <iterator>
#include <string>

namespace kontor::dunning {
namespace {

bool starts_half_year(const Date& day) {
  return day.day() == 1 && (day.month() == 1 || day.month() == 7);
}

// The 1 January or 1 July after the half-year that `from` starts.
Date next_half_year(const Date& from) {
  return from.month() == 1 ? Date::from_ymd(from.year(), 7, 1).value()
                           : Date::from_ymd(from.year() + 1, 1, 1).value();
}

}  // namespace

Result<BaseRateTable> BaseRateTable::make(std::vector<BaseRate> rates) {
  if (rates.empty()) {
    return Error{"the base-rate table is empty: add the rates the Bundesbank published"};
  }
  for (const BaseRate& rate : rates) {
    if (!starts_half_year(rate.from)) {
      return Error{"base rate from " + rate.from.to_iso() +
                   ": the Bundesbank publishes the base rate for 1 January and 1 July only"};
    }
  }
  std::sort(rates.begin(), rates.end(),
            [](const BaseRate& a, const BaseRate& b) { return a.from < b.from; });
  for (std::size_t k = 1; k < rates.size(); ++k) {
    const Date& previous = rates[k - 1].from;
    const Date& from = rates[k].from;
    if (from == previous) {
      return Error{"base rate from " + from.to_iso() + " appears twice"};
    }
    // A missing half-year is refused rather than filled with its predecessor's rate: the
    // Bundesbank publishes a rate every half-year, so a gap is an entry someone forgot.
    const Date expected = next_half_year(previous);
    if (from != expected) {
      return Error{"the base-rate table has no rate from " + expected.to_iso() +
                   " (the entry after " + previous.to_iso() + " is " + from.to_iso() +
                   "): add every half-year's rate"};
    }
  }
  BaseRateTable table;
  table.rates_ = std::move(rates);
  return table;
}

Date BaseRateTable::last_day() const {
  const Date& from = rates_.back().from;
  return from.month() == 1 ? Date::from_ymd(from.year(), 6, 30).value()
                           : Date::from_ymd(from.year(), 12, 31).value();
}

Result<Decimal> BaseRateTable::rate_on(const Date& day) const {
  if (rates_.empty()) return Error{"no base rate for " + day.to_iso() + ": the table is empty"};
  if (day < first_day() || day > last_day()) {
    return Error{"no base rate for " + day.to_iso() + ": the table covers " + first_day().to_iso() +
                 " to " + last_day().to_iso() + "; add the rate the Bundesbank published"};
  }
  // The last entry starting on or before `day`; one exists because day >= first_day().
  const auto after =
      std::upper_bound(rates_.begin(), rates_.end(), day,
                       [](const Date& d, const BaseRate& rate) { return d < rate.from; });
  return std::prev(after)->percent;
}

}  // namespace kontor::dunning
