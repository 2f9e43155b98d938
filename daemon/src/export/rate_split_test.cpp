// Tests: an item's gross per VAT rate and exact pro rata splits (Skonto, partial write-offs),
// amounts worked out by hand.
#include "export/rate_split.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kontor::exports {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

Money eur(std::int64_t cents) {
  return Money(cents, Currency::eur());
}

TaxLine line(std::int64_t percent, std::int64_t net, std::int64_t tax) {
  return TaxLine{.rate = Decimal::from_integer(percent),
                 .net = eur(net),
                 .tax = eur(tax),
                 .gross = eur(net + tax)};
}

OpenItem invoice(std::vector<TaxLine> lines) {
  OpenItem item;
  item.number = "R-2";
  item.customer_number = "4711";
  item.tax_lines = std::move(lines);
  Money gross = eur(0);
  for (const TaxLine& l : item.tax_lines) gross = gross.plus(l.gross).value();
  item.gross = gross;
  item.open = gross;
  return item;
}

RateShare share(VatRate rate, std::int64_t cents) {
  return RateShare{.rate = rate, .amount = eur(cents)};
}

TEST(RateSplitTest, GrossPerRateComesIn19_7_0OrderAndAddsUpLinesOfOneRate) {
  const OpenItem item =
      invoice({line(7, 10000, 700), line(19, 10000, 1900), line(0, 500, 0), line(19, 5000, 950)});
  EXPECT_THAT(gross_by_rate(item).value(),
              ElementsAre(share(VatRate::standard, 17850), share(VatRate::reduced, 10700),
                          share(VatRate::zero, 500)));
}

// 3.57 over 119.00 (19 %) and 107.00 (7 %): 357 × 119 / 226 = 187.98 → 187,
// 357 × 107 / 226 = 169.02 → 169; the cent left over goes to 19 %, the larger gross.
TEST(RateSplitTest, SkontoOf3_57OnNineteenAndSevenPercentSplitsExactlyToTheCent) {
  const OpenItem item = invoice({line(19, 10000, 1900), line(7, 10000, 700)});
  const std::vector<RateShare> shares = split_by_rate(eur(357), item).value();
  EXPECT_THAT(shares, ElementsAre(share(VatRate::standard, 188), share(VatRate::reduced, 169)));
}

TEST(RateSplitTest, TheCentsLeftOverGoToTheLargestShare) {
  // 0.02 over 100.00 (19 %) and 200.00 (7 %): floors 0 and 1, one cent left → 7 %.
  const OpenItem item = invoice({line(19, 8403, 1597), line(7, 18692, 1308)});
  EXPECT_THAT(split_by_rate(eur(2), item).value(), ElementsAre(share(VatRate::reduced, 2)));
}

TEST(RateSplitTest, OnEqualGrossTheRemainderGoesTo19Percent) {
  // 0.01 over 107.00 at 19 % (89.92 + 17.08) and 107.00 at 7 %: both floors 0.
  const OpenItem item = invoice({line(7, 10000, 700), line(19, 8992, 1708)});
  EXPECT_THAT(split_by_rate(eur(1), item).value(), ElementsAre(share(VatRate::standard, 1)));
}

TEST(RateSplitTest, APartialAmountIsSharedInProportion) {
  // 113.00 of 226.00 is half of each rate's gross.
  const OpenItem item = invoice({line(19, 10000, 1900), line(7, 10000, 700)});
  EXPECT_THAT(split_by_rate(eur(11300), item).value(),
              ElementsAre(share(VatRate::standard, 5950), share(VatRate::reduced, 5350)));
}

TEST(RateSplitTest, ANegativeAmountKeepsItsSign) {
  const OpenItem item = invoice({line(19, 10000, 1900), line(7, 10000, 700)});
  EXPECT_THAT(split_by_rate(eur(-357), item).value(),
              ElementsAre(share(VatRate::standard, -188), share(VatRate::reduced, -169)));
}

TEST(RateSplitTest, AnItemWithoutTaxLinesIsRefusedNamingIt) {
  const Result<std::vector<RateShare>> shares = split_by_rate(eur(357), invoice({}));
  ASSERT_FALSE(shares);
  EXPECT_THAT(shares.error().message, HasSubstr("invoice R-2 of customer 4711 has no tax lines"));
}

TEST(RateSplitTest, AnUnknownRateIsRefusedNamingTheItem) {
  const Result<std::vector<RateShare>> shares = gross_by_rate(invoice({line(16, 10000, 1600)}));
  ASSERT_FALSE(shares);
  EXPECT_THAT(shares.error().message, HasSubstr("R-2"));
  EXPECT_THAT(shares.error().message, HasSubstr("16 %"));
}

TEST(RateSplitTest, TaxLinesOfBothSignsCannotBeShared) {
  const OpenItem item = invoice({line(19, 10000, 1900), line(7, -1000, -70)});
  const Result<std::vector<RateShare>> shares = split_by_rate(eur(100), item);
  ASSERT_FALSE(shares);
  EXPECT_THAT(shares.error().message, HasSubstr("both signs"));
}

TEST(RateSplitTest, AnAmountInAnotherCurrencyIsRefused) {
  const OpenItem item = invoice({line(19, 10000, 1900)});
  EXPECT_FALSE(split_by_rate(Money(100, Currency::from_code("CHF").value()), item));
}

}  // namespace
}  // namespace kontor::exports
