#include "reports/aging.hpp"

#include <algorithm>

namespace kontor::reports {
namespace {

AgingTotals empty_totals(const Currency& currency) {
  AgingTotals totals;
  totals.currency = currency;
  totals.buckets.fill(Money::zero(currency));
  totals.credits = Money::zero(currency);
  totals.total = Money::zero(currency);
  return totals;
}

// The totals of `currency` in `all`, added in code order when missing.
AgingTotals& totals_of(std::vector<AgingTotals>& all, const Currency& currency) {
  auto found = std::find_if(all.begin(), all.end(),
                            [&](const AgingTotals& totals) { return totals.currency == currency; });
  if (found != all.end()) return *found;
  auto at = std::find_if(all.begin(), all.end(), [&](const AgingTotals& totals) {
    return totals.currency.code() > currency.code();
  });
  return *all.insert(at, empty_totals(currency));
}

Status add(Money& to, const Money& amount) {
  Result<Money> sum = to.plus(amount);
  if (!sum) return sum.error();
  to = *sum;
  return {};
}

Status count(AgingTotals& totals, const AgedItem& aged) {
  const Money& open = aged.item.open;
  Money& column =
      open.is_negative() ? totals.credits : totals.buckets[static_cast<int>(aged.bucket)];
  if (Status added = add(column, open); !added) return added;
  if (Status added = add(totals.total, open); !added) return added;
  ++totals.items;
  return {};
}

}  // namespace

std::string_view to_string(AgingBucket bucket) {
  switch (bucket) {
    case AgingBucket::not_due:
      return "not_due";
    case AgingBucket::days_1_30:
      return "days_1_30";
    case AgingBucket::days_31_60:
      return "days_31_60";
    case AgingBucket::days_61_90:
      return "days_61_90";
    case AgingBucket::over_90:
      return "over_90";
  }
  return "over_90";
}

AgingBucket bucket_of(std::int64_t days_overdue) {
  if (days_overdue <= 0) return AgingBucket::not_due;
  if (days_overdue <= 30) return AgingBucket::days_1_30;
  if (days_overdue <= 60) return AgingBucket::days_31_60;
  if (days_overdue <= 90) return AgingBucket::days_61_90;
  return AgingBucket::over_90;
}

Result<AgingReport> age_receivables(const Date& as_of, std::vector<store::ReceivableAsOf> items) {
  AgingReport report;
  report.as_of = as_of;
  report.items.reserve(items.size());
  for (store::ReceivableAsOf& item : items) {
    const std::int64_t late = days_between(item.due_date, as_of);
    AgedItem aged{.item = std::move(item), .days_overdue = late, .bucket = bucket_of(late)};
    if (report.customers.empty() ||
        report.customers.back().customer_number != aged.item.customer_number) {
      report.customers.push_back(CustomerAging{.customer_number = aged.item.customer_number,
                                               .customer_name = aged.item.customer_name,
                                               .totals = {}});
    }
    const Currency& currency = aged.item.open.currency();
    if (Status counted = count(totals_of(report.customers.back().totals, currency), aged);
        !counted) {
      return counted.error();
    }
    if (Status counted = count(totals_of(report.totals, currency), aged); !counted) {
      return counted.error();
    }
    report.items.push_back(std::move(aged));
  }
  return report;
}

}  // namespace kontor::reports
