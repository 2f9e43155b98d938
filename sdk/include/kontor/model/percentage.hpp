// Percentages and interest of Money: Skonto, fees in percent, default interest.
//
// Rounding rule, the only one Kontor uses: the exact result is computed with 128-bit integers
// and rounded ONCE to the currency's minor unit, half away from zero — commercial rounding
// ("kaufmännisches Runden"): 0.5 cent and more rounds up in magnitude, less rounds down;
// -0.5 cent becomes -1 cent. Nothing is rounded in between, so splitting a computation into
// periods (interest() below) does not accumulate rounding errors.
//
// Day count for interest: actual days / 365 by default — German default interest
// (§288 BGB) accrues per calendar day on the amount open that day, and the year is counted
// with 365 days also in leap years (the common practice of German courts, §§187 ff. BGB).
// Actual/360 exists for money-market style agreements. Which days count is the caller's
// decision (the dunning engine: from the day after default starts to the day of the notice).
#pragma once

#include <cstdint>
#include <span>

#include "kontor/model/currency.hpp"
#include "kontor/model/decimal.hpp"
#include "kontor/model/money.hpp"
#include "kontor/result.hpp"

namespace kontor {

enum class DayCountBasis {
  actual_365,  // days / 365, leap years included: §288 BGB default interest
  actual_360,  // days / 360
};

// `percent` % of `amount`, rounded by the rule above: 2 % of 119.99 EUR is 2.40 EUR.
Result<Money> percent_of(const Money& amount, const Decimal& percent);

// The net amount inside `gross` when `gross` includes `tax_percent` % tax (VAT):
// gross × 100 / (100 + tax_percent), rounded by the rule above — 119.00 EUR at 19 % is
// 100.00 EUR, 10.00 EUR at 19 % is 8.40 EUR (8.4033...). For invoices whose ERP sends the gross
// amount per tax rate but not the net; the tax is then gross − net, so the three always add up.
// An error when tax_percent is −100 or less.
Result<Money> net_of_gross(const Money& gross, const Decimal& tax_percent);

// Interest on `principal` at `annual_percent` % per year for `days` days.
// 1000.00 EUR at 9.12 % for 30 days (Act/365) is 7.50 EUR (7.4958...).
Result<Money> interest(const Money& principal, const Decimal& annual_percent, std::int64_t days,
                       DayCountBasis basis = DayCountBasis::actual_365);

// One stretch of days with a constant principal and rate: default interest changes rate each
// 1 January and 1 July (base rate) and principal with each partial payment.
struct InterestPeriod {
  Money principal;
  Decimal annual_percent;
  std::int64_t days = 0;
};

// The interest of all periods summed exactly and rounded once. Every principal must be in
// `currency`; no periods give zero.
Result<Money> interest(std::span<const InterestPeriod> periods, Currency currency,
                       DayCountBasis basis = DayCountBasis::actual_365);

}  // namespace kontor
