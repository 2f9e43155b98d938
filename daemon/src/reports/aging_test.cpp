// The aging rules: which bucket a day count falls in, credits kept out of the buckets, and
// totals per customer and per currency that never mix currencies.
#include "reports/aging.hpp"

#include <gtest/gtest.h>

namespace kontor::reports {
namespace {

Date day(std::string_view iso) {
  return *Date::parse_iso(iso);
}

store::ReceivableAsOf receivable(std::string customer, std::string number, std::string_view due,
                                 std::int64_t open, std::string_view currency = "EUR") {
  store::ReceivableAsOf item;
  item.customer_number = std::move(customer);
  item.customer_name = "Name of " + item.customer_number;
  item.item_number = std::move(number);
  item.due_date = day(due);
  item.open = Money(open, *Currency::from_code(currency));
  item.gross = item.open;
  return item;
}

TEST(AgingBuckets, DueOnTheDayIsNotYetLateAndEachBucketEndsOnItsLastDay) {
  EXPECT_EQ(bucket_of(-5), AgingBucket::not_due);
  EXPECT_EQ(bucket_of(0), AgingBucket::not_due);
  EXPECT_EQ(bucket_of(1), AgingBucket::days_1_30);
  EXPECT_EQ(bucket_of(30), AgingBucket::days_1_30);
  EXPECT_EQ(bucket_of(31), AgingBucket::days_31_60);
  EXPECT_EQ(bucket_of(60), AgingBucket::days_31_60);
  EXPECT_EQ(bucket_of(61), AgingBucket::days_61_90);
  EXPECT_EQ(bucket_of(90), AgingBucket::days_61_90);
  EXPECT_EQ(bucket_of(91), AgingBucket::over_90);
}

TEST(AgingReportTotals, CountPerCustomerAndCurrencyAndKeepCreditsOutOfTheBuckets) {
  // As of 2026-11-30: A-1 due 11-30 (0 days), A-2 due 10-31 (30), A-3 credit due 11-10,
  // B-1 due 2026-08-01 (121 days) in USD, B-2 due 09-30 (61) in EUR.
  Result<AgingReport> report =
      age_receivables(day("2026-11-30"), {receivable("A", "A-1", "2026-11-30", 10000),
                                          receivable("A", "A-2", "2026-10-31", 2500),
                                          receivable("A", "A-3", "2026-11-10", -700),
                                          receivable("B", "B-1", "2026-08-01", 9900, "USD"),
                                          receivable("B", "B-2", "2026-09-30", 100)});
  ASSERT_TRUE(report) << report.error().message;
  ASSERT_EQ(report->items.size(), 5u);
  EXPECT_EQ(report->items[1].days_overdue, 30);
  EXPECT_EQ(report->items[3].days_overdue, 121);
  EXPECT_EQ(report->items[3].bucket, AgingBucket::over_90);
  EXPECT_EQ(report->items[4].bucket, AgingBucket::days_61_90);

  ASSERT_EQ(report->customers.size(), 2u);
  const AgingTotals& a = report->customers[0].totals.at(0);
  EXPECT_EQ(a.buckets[0].minor_units(), 10000);
  EXPECT_EQ(a.buckets[1].minor_units(), 2500);
  EXPECT_EQ(a.credits.minor_units(), -700);
  EXPECT_EQ(a.total.minor_units(), 11800);
  EXPECT_EQ(a.items, 3);
  ASSERT_EQ(report->customers[1].totals.size(), 2u);  // EUR before USD

  ASSERT_EQ(report->totals.size(), 2u);
  EXPECT_EQ(report->totals[0].currency.code(), "EUR");
  EXPECT_EQ(report->totals[0].total.minor_units(), 11900);
  EXPECT_EQ(report->totals[0].buckets[3].minor_units(), 100);
  EXPECT_EQ(report->totals[1].currency.code(), "USD");
  EXPECT_EQ(report->totals[1].buckets[4].minor_units(), 9900);
  EXPECT_EQ(report->totals[1].total.minor_units(), 9900);
}

}  // namespace
}  // namespace kontor::reports
