// Days sales outstanding (DSO), the standard (period-end) method, per currency:
//
//   DSO = receivables at the end of the period ÷ sales of the period × days in the period
//
// receivables: what was open at the end of the period's last day (every item, credit notes
// netted, as the aging report counts it); sales: invoices less credit notes and cancellations
// issued in the period, gross (fees and interest are not sales). Exact: no floating point. The
// result is in tenths of a day, rounded half away from zero from the exact quotient
// receivables × days × 10 / sales (128-bit intermediate, so no amount overflows it), and
// written as a decimal string, "43.5". Without sales in the period (zero or less) there is no
// DSO: the quotient means nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kontor/model/money.hpp"
#include "store/store.hpp"

namespace kontor::reports {

// receivables × days × 10 / sales, rounded half away from zero; none when sales ≤ 0.
std::optional<std::int64_t> dso_tenths(std::int64_t receivables_minor, std::int64_t sales_minor,
                                       std::int64_t days);

// Tenths of a day as text: 435 → "43.5", -5 → "-0.5".
std::string tenths_text(std::int64_t tenths);

struct DsoFigure {
  Currency currency;
  Money receivables;  // open at the end of the period
  Money sales;        // invoiced in the period
  std::int64_t invoices = 0;
  std::optional<std::int64_t> tenths;  // none without sales
};

// One figure per currency that has receivables or sales, by currency code.
std::vector<DsoFigure> days_sales_outstanding(const std::vector<store::ReceivableAsOf>& open,
                                              const std::vector<store::CurrencyTally>& sales,
                                              std::int64_t days);

}  // namespace kontor::reports
