// DSO in exact integer arithmetic: the quotient rounded half away from zero to a tenth of a day,
// no figure without sales, one figure per currency.
#include "reports/dso.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace kontor::reports {
namespace {

TEST(Dso, IsReceivablesOverSalesTimesDaysInTenthsRoundedHalfUp) {
  // 1000.00 open, 3000.00 sold in 30 days: exactly 10.0 days.
  EXPECT_EQ(dso_tenths(100000, 300000, 30), 100);
  // 1000.00 / 7000.00 × 30 = 4.2857… → 4.3
  EXPECT_EQ(dso_tenths(100000, 700000, 30), 43);
  // 1.00 / 8.00 × 1 = 0.125 → 0.1; 1.00 / 4.00 × 1 = 0.25 → 0.3 (half away from zero)
  EXPECT_EQ(dso_tenths(100, 800, 1), 1);
  EXPECT_EQ(dso_tenths(100, 400, 1), 3);
  EXPECT_EQ(dso_tenths(-100, 400, 1), -3);
}

TEST(Dso, HasNoFigureWithoutSales) {
  EXPECT_EQ(dso_tenths(100000, 0, 30), std::nullopt);
  EXPECT_EQ(dso_tenths(100000, -500, 30), std::nullopt);
}

TEST(Dso, DoesNotOverflowOnTheLargestAmounts) {
  const std::int64_t most = std::numeric_limits<std::int64_t>::max();
  EXPECT_EQ(dso_tenths(most, most, 365), 3650);
}

TEST(Dso, TenthsAreWrittenAsADecimal) {
  EXPECT_EQ(tenths_text(435), "43.5");
  EXPECT_EQ(tenths_text(0), "0.0");
  EXPECT_EQ(tenths_text(-5), "-0.5");
}

TEST(Dso, IsFiguredPerCurrency) {
  store::ReceivableAsOf euros;
  euros.open = Money(50000, Currency::eur());
  store::ReceivableAsOf dollars;
  dollars.open = Money(1000, *Currency::from_code("USD"));
  const std::vector<store::CurrencyTally> sales = {
      store::CurrencyTally{.amount = Money(150000, Currency::eur()), .count = 3}};
  const std::vector<DsoFigure> figures = days_sales_outstanding({euros, dollars}, sales, 30);
  ASSERT_EQ(figures.size(), 2u);
  EXPECT_EQ(figures[0].currency.code(), "EUR");
  EXPECT_EQ(figures[0].tenths, 100);  // 500 / 1500 × 30 = 10.0
  EXPECT_EQ(figures[0].invoices, 3);
  EXPECT_EQ(figures[1].currency.code(), "USD");
  EXPECT_EQ(figures[1].tenths, std::nullopt);  // dollars owed, none sold in the period
}

}  // namespace
}  // namespace kontor::reports
