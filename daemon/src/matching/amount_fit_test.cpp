// Tests: each fit and its boundaries (Skonto date and rounding cent, tolerance, overpayment).

#include "matching/amount_fit.hpp"

#include <gtest/gtest.h>

namespace kontor::matching {
namespace {

Money eur(std::int64_t cents) {
  return Money(cents, Currency::eur());
}
Date day(int year, int month, int day_of_month) {
  return Date::from_ymd(year, month, day_of_month).value();
}

// 119.00 EUR, 2 % Skonto until 10 March 2026.
OpenItem invoice_with_skonto() {
  OpenItem item;
  item.number = "RE-2026-0012";
  item.customer_number = "4711";
  item.due_date = day(2026, 3, 31);
  item.gross = eur(11900);
  item.open = eur(11900);
  item.skonto = SkontoTerms{.percent = Decimal::from_integer(2), .until = day(2026, 3, 10)};
  return item;
}

AmountFitResult fit(std::int64_t paid_cents, Date paid_on, const OpenItem& item,
                    AmountFitPolicy policy = {}) {
  return fit_amount(eur(paid_cents), paid_on, item, policy).value();
}

TEST(AmountFit, TheOpenAmountIsExact) {
  const AmountFitResult result = fit(11900, day(2026, 3, 20), invoice_with_skonto());
  EXPECT_EQ(result.fit, AmountFit::exact);
  EXPECT_TRUE(result.shortfall.is_zero());
}

TEST(AmountFit, LessByTheSkontoOnOrBeforeItsDateIsSkonto) {
  // 2 % of 119.00 is 2.38.
  const AmountFitResult result = fit(11662, day(2026, 3, 10), invoice_with_skonto());
  EXPECT_EQ(result.fit, AmountFit::skonto);
  EXPECT_EQ(result.shortfall, eur(238));
}

TEST(AmountFit, ADiscountRoundedTheOtherWayByOneCentIsStillSkonto) {
  EXPECT_EQ(fit(11661, day(2026, 3, 1), invoice_with_skonto()).fit, AmountFit::skonto);
  EXPECT_EQ(fit(11660, day(2026, 3, 1), invoice_with_skonto()).fit, AmountFit::partial);
}

TEST(AmountFit, LessSkontoThanAllowedIsWithinTheTerms) {
  EXPECT_EQ(fit(11781, day(2026, 3, 1), invoice_with_skonto()).fit, AmountFit::skonto);
}

TEST(AmountFit, SkontoAfterItsDateIsAPartialPayment) {
  EXPECT_EQ(fit(11662, day(2026, 3, 11), invoice_with_skonto()).fit, AmountFit::partial);
}

TEST(AmountFit, SkontoIsOnTheGrossEvenWhenPartOfTheItemIsPaid) {
  OpenItem item = invoice_with_skonto();
  item.open = eur(5950);
  const AmountFitResult result = fit(5950 - 238, day(2026, 3, 1), item);
  EXPECT_EQ(result.fit, AmountFit::skonto);
}

TEST(AmountFit, AShortfallWithinTheBankChargesToleranceIsBankCharges) {
  OpenItem item = invoice_with_skonto();
  item.skonto.reset();
  const AmountFitPolicy policy{.bank_charges_tolerance = eur(1500)};
  const AmountFitResult result = fit(11900 - 1250, day(2026, 3, 1), item, policy);
  EXPECT_EQ(result.fit, AmountFit::bank_charges);
  EXPECT_EQ(result.shortfall, eur(1250));
  EXPECT_EQ(fit(11900 - 1501, day(2026, 3, 1), item, policy).fit, AmountFit::partial);
}

TEST(AmountFit, WithoutAToleranceEveryShortfallIsPartial) {
  OpenItem item = invoice_with_skonto();
  item.skonto.reset();
  EXPECT_EQ(fit(11899, day(2026, 3, 1), item).fit, AmountFit::partial);
}

TEST(AmountFit, MoreThanOpenIsOverpaidWithANegativeShortfall) {
  const AmountFitResult result = fit(12000, day(2026, 3, 1), invoice_with_skonto());
  EXPECT_EQ(result.fit, AmountFit::overpaid);
  EXPECT_EQ(result.shortfall, eur(-100));
}

TEST(AmountFit, AnotherCurrencyIsAnError) {
  const Money francs(11900, Currency::from_code("CHF").value());
  EXPECT_FALSE(fit_amount(francs, day(2026, 3, 1), invoice_with_skonto(), {}).ok());
}

TEST(AmountFit, APaymentThatIsNotPositiveIsAnError) {
  EXPECT_FALSE(fit_amount(eur(0), day(2026, 3, 1), invoice_with_skonto(), {}).ok());
}

}  // namespace
}  // namespace kontor::matching
