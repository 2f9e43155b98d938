// Tests: exact default interest — splits at rate changes, payments and year ends, leap years,
// negative base rate, rounding once half away from zero, uncovered days and overflow.

#include "dunning/default_interest.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace kontor::dunning {
namespace {

Date day(int year, int month, int day_of_month) {
  return Date::from_ymd(year, month, day_of_month).value();
}
Decimal percent(std::string_view text) {
  return Decimal::parse(text).value();
}
Money eur(std::int64_t cents) {
  return Money(cents, Currency::eur());
}

// The Bundesbank's rates 2016-07-01 (−0.88 %) to 2025-12-31 (1.27 %).
BaseRateTable bundesbank() {
  std::vector<BaseRate> rates;
  for (int year = 2016; year <= 2022; ++year) {
    if (year > 2016)
      rates.push_back(BaseRate{.from = day(year, 1, 1), .percent = percent("-0.88")});
    rates.push_back(BaseRate{.from = day(year, 7, 1), .percent = percent("-0.88")});
  }
  rates.push_back(BaseRate{.from = day(2023, 1, 1), .percent = percent("1.62")});
  rates.push_back(BaseRate{.from = day(2023, 7, 1), .percent = percent("3.12")});
  rates.push_back(BaseRate{.from = day(2024, 1, 1), .percent = percent("3.62")});
  rates.push_back(BaseRate{.from = day(2024, 7, 1), .percent = percent("3.37")});
  rates.push_back(BaseRate{.from = day(2025, 1, 1), .percent = percent("2.27")});
  rates.push_back(BaseRate{.from = day(2025, 7, 1), .percent = percent("1.27")});
  return BaseRateTable::make(std::move(rates)).value();
}

// A table of one flat rate for 2025, for cases built to land on a chosen fraction of a cent.
BaseRateTable flat_2025(std::string_view rate) {
  return BaseRateTable::make({BaseRate{.from = day(2025, 1, 1), .percent = percent(rate)},
                              BaseRate{.from = day(2025, 7, 1), .percent = percent(rate)}})
      .value();
}

OpenPrincipal open_from(const Date& from, std::int64_t cents) {
  return OpenPrincipal{.changes = {{from, eur(cents)}}};
}

Result<InterestCharge> interest(const OpenPrincipal& principal, const Date& first, const Date& last,
                                std::string_view points, DayCount day_count = DayCount::actual_365,
                                const BaseRateTable& table = bundesbank()) {
  return default_interest(principal, first, last, table, percent(points), day_count,
                          Currency::eur());
}

TEST(DefaultInterest, InterestSplitsAtFirstJulyRateChange) {
  // 10,000.00 EUR, business (+9): 1–30 June 2024 at 3.62 + 9 = 12.62 % (30 days), 1–31 July at
  // 3.37 + 9 = 12.37 % (31 days).
  // 1,000,000 ct × (1262 × 30 + 1237 × 31) / (100 × 100 × 365) = 1,000,000 × 76,207 / 3,650,000
  // = 20,878.63 ct → 208.79 EUR.
  const InterestCharge charge =
      interest(open_from(day(2024, 1, 1), 1'000'000), day(2024, 6, 1), day(2024, 7, 31), "9")
          .value();
  EXPECT_EQ(charge.amount, eur(20'879));
  ASSERT_EQ(charge.spans.size(), 2u);
  EXPECT_EQ(charge.spans[0], (InterestSpan{.first = day(2024, 6, 1),
                                           .last = day(2024, 6, 30),
                                           .principal = eur(1'000'000),
                                           .annual_percent = percent("12.62"),
                                           .days = 30}));
  EXPECT_EQ(charge.spans[1], (InterestSpan{.first = day(2024, 7, 1),
                                           .last = day(2024, 7, 31),
                                           .principal = eur(1'000'000),
                                           .annual_percent = percent("12.37"),
                                           .days = 31}));
}

TEST(DefaultInterest, LeapDayCountsAndActActDiffersFromAct365) {
  // 1 February to 31 March 2024: 29 + 31 = 60 days, 29 February included; 12.62 %.
  // act/365: 1,000,000 × 1262 × 60 / 3,650,000 = 20,745.21 ct → 207.45 EUR.
  // act/act: 1,000,000 × 1262 × 60 / 3,660,000 = 20,688.52 ct → 206.89 EUR.
  const OpenPrincipal principal = open_from(day(2024, 1, 1), 1'000'000);
  const InterestCharge act_365 =
      interest(principal, day(2024, 2, 1), day(2024, 3, 31), "9", DayCount::actual_365).value();
  const InterestCharge act_act =
      interest(principal, day(2024, 2, 1), day(2024, 3, 31), "9", DayCount::actual_actual).value();
  ASSERT_EQ(act_365.spans.size(), 1u);
  EXPECT_EQ(act_365.spans[0].days, 60);
  EXPECT_EQ(act_365.amount, eur(20'745));
  EXPECT_EQ(act_act.amount, eur(20'689));
}

TEST(DefaultInterest, PartialPaymentSplitsAtTheDayItIsBooked) {
  // 10,000.00 EUR open; 4,000.00 paid on 1 February 2025, so 6,000.00 from that day.
  // 15–31 January: 17 days × 1,000,000 ct; 1–28 February: 28 days × 600,000 ct; 2.27 + 9 = 11.27 %.
  // (17,000,000 + 16,800,000) × 1127 / 3,650,000 = 10,436.33 ct → 104.36 EUR.
  const OpenPrincipal principal{
      .changes = {{day(2025, 1, 1), eur(1'000'000)}, {day(2025, 2, 1), eur(600'000)}}};
  const InterestCharge charge =
      interest(principal, day(2025, 1, 15), day(2025, 2, 28), "9").value();
  EXPECT_EQ(charge.amount, eur(10'436));
  ASSERT_EQ(charge.spans.size(), 2u);
  EXPECT_EQ(charge.spans[0].last, day(2025, 1, 31));
  EXPECT_EQ(charge.spans[0].days, 17);
  EXPECT_EQ(charge.spans[1].first, day(2025, 2, 1));
  EXPECT_EQ(charge.spans[1].principal, eur(600'000));
  EXPECT_EQ(charge.spans[1].days, 28);
}

TEST(DefaultInterest, ChangeThatLeavesTheAmountDoesNotSplit) {
  const OpenPrincipal principal{
      .changes = {{day(2025, 1, 1), eur(1'000'000)}, {day(2025, 2, 1), eur(1'000'000)}}};
  EXPECT_EQ(interest(principal, day(2025, 1, 15), day(2025, 2, 28), "9")->spans.size(), 1u);
}

TEST(DefaultInterest, PeriodAcross31DecemberSplitsAndActActCountsEachYear) {
  // 5,000.00 EUR, consumer (+5): December 2023 at 3.12 + 5 = 8.12 % (31 days), January 2024 at
  // 3.62 + 5 = 8.62 % (31 days).
  // act/365: 500,000 × (812 × 31 + 862 × 31) / 3,650,000 = 7,108.77 ct → 71.09 EUR.
  // act/act: 500,000 × 812 × 31 / 3,650,000 + 500,000 × 862 × 31 / 3,660,000
  //        = 3,447.95 + 3,650.82 = 7,098.77 ct → 70.99 EUR (the sum of exact fractions,
  //          94,832,410 / 13,359, rounded once).
  const OpenPrincipal principal = open_from(day(2023, 11, 1), 500'000);
  const InterestCharge act_365 =
      interest(principal, day(2023, 12, 1), day(2024, 1, 31), "5", DayCount::actual_365).value();
  const InterestCharge act_act =
      interest(principal, day(2023, 12, 1), day(2024, 1, 31), "5", DayCount::actual_actual).value();
  ASSERT_EQ(act_365.spans.size(), 2u);
  EXPECT_EQ(act_365.spans[0].last, day(2023, 12, 31));
  EXPECT_EQ(act_365.spans[1].first, day(2024, 1, 1));
  EXPECT_EQ(act_365.amount, eur(7'109));
  EXPECT_EQ(act_act.amount, eur(7'099));
}

TEST(DefaultInterest, NegativeBaseRatePlusNinePointsIsEightPointTwelvePercent) {
  // 10,000.00 EUR, March 2019 (31 days) at −0.88 + 9 = 8.12 %:
  // 1,000,000 × 812 × 31 / 3,650,000 = 6,896.44 ct → 68.96 EUR.
  const InterestCharge charge =
      interest(open_from(day(2019, 1, 1), 1'000'000), day(2019, 3, 1), day(2019, 3, 31), "9")
          .value();
  ASSERT_EQ(charge.spans.size(), 1u);
  EXPECT_EQ(charge.spans[0].annual_percent, percent("8.12"));
  EXPECT_EQ(charge.amount, eur(6'896));
}

TEST(DefaultInterest, HalfACentRoundsAwayFromZero) {
  // 1 January to 14 March 2025 is 31 + 28 + 14 = 73 days = 1/5 year; base 1 + 9 = 10 %.
  // 1.25 EUR × 10 % × 73 / 365 = 125 × 1000 × 73 / 3,650,000 = 2.5 ct exactly → 3 ct.
  // 1.24 EUR: 2.48 ct → 2 ct.
  const BaseRateTable table = flat_2025("1");
  EXPECT_EQ(interest(open_from(day(2025, 1, 1), 125), day(2025, 1, 1), day(2025, 3, 14), "9",
                     DayCount::actual_365, table)
                ->amount,
            eur(3));
  EXPECT_EQ(interest(open_from(day(2025, 1, 1), 124), day(2025, 1, 1), day(2025, 3, 14), "9",
                     DayCount::actual_365, table)
                ->amount,
            eur(2));
  // At −19 + 9 = −10 %, −2.5 ct rounds away from zero too: −3 ct.
  EXPECT_EQ(interest(open_from(day(2025, 1, 1), 125), day(2025, 1, 1), day(2025, 3, 14), "9",
                     DayCount::actual_365, flat_2025("-19"))
                ->amount,
            eur(-3));
}

TEST(DefaultInterest, RoundsOnceOverAllSpansNotPerSpan) {
  // 0.20 EUR at 10 % for 73 days before and 73 days after 1 July 2025 (19 April – 30 June,
  // 1 July – 11 September): 0.4 ct + 0.4 ct = 0.8 ct → 1 ct; rounding each span would give 0.
  const InterestCharge charge =
      interest(open_from(day(2025, 1, 1), 20), day(2025, 4, 19), day(2025, 9, 11), "9",
               DayCount::actual_365, flat_2025("1"))
          .value();
  ASSERT_EQ(charge.spans.size(), 2u);
  EXPECT_EQ(charge.spans[0].days, 73);
  EXPECT_EQ(charge.spans[1].days, 73);
  EXPECT_EQ(charge.amount, eur(1));
}

TEST(DefaultInterest, NothingWhenLastIsBeforeFirst) {
  const InterestCharge charge =
      interest(open_from(day(2025, 1, 1), 1'000'000), day(2025, 3, 1), day(2025, 2, 28), "9")
          .value();
  EXPECT_EQ(charge.amount, eur(0));
  EXPECT_TRUE(charge.spans.empty());
}

TEST(DefaultInterest, OneDayIsOneThreeHundredSixtyFifth) {
  // 10,000.00 EUR on 2 January 2025 at 11.27 %: 1,000,000 × 1127 / 3,650,000 = 308.77 → 3.09 EUR.
  EXPECT_EQ(interest(open_from(day(2025, 1, 1), 1'000'000), day(2025, 1, 2), day(2025, 1, 2), "9")
                ->amount,
            eur(309));
}

TEST(DefaultInterest, DaysWithNothingOpenAreLeftOut) {
  // Nothing open before 10 March 2025, nothing after 20 March (paid in full that day): 10–19 March,
  // 10 days × 1,000,000 ct × 1127 / 3,650,000 = 3,087.67 → 30.88 EUR. The days before 2016-07-01
  // in the period need no base rate because nothing is charged on them.
  const OpenPrincipal principal{
      .changes = {{day(2025, 3, 10), eur(1'000'000)}, {day(2025, 3, 20), eur(0)}}};
  const InterestCharge charge =
      interest(principal, day(2016, 1, 1), day(2025, 12, 31), "9").value();
  ASSERT_EQ(charge.spans.size(), 1u);
  EXPECT_EQ(charge.spans[0].first, day(2025, 3, 10));
  EXPECT_EQ(charge.spans[0].last, day(2025, 3, 19));
  EXPECT_EQ(charge.amount, eur(3'088));
}

TEST(DefaultInterest, OverpaidItemOwesNoInterest) {
  const OpenPrincipal principal{
      .changes = {{day(2025, 3, 1), eur(1'000'000)}, {day(2025, 3, 11), eur(-500)}}};
  const InterestCharge charge = interest(principal, day(2025, 3, 1), day(2025, 3, 31), "9").value();
  ASSERT_EQ(charge.spans.size(), 1u);
  EXPECT_EQ(charge.spans[0].days, 10);
}

TEST(DefaultInterest, DayOutsideTheTableIsAnError) {
  const Result<InterestCharge> charge =
      interest(open_from(day(2025, 1, 1), 1'000'000), day(2025, 12, 1), day(2026, 1, 31), "9");
  ASSERT_FALSE(charge.ok());
  EXPECT_NE(charge.error().message.find("no base rate for 2026-01-01"), std::string::npos);
}

TEST(DefaultInterest, OverflowIsAnErrorNotAWrap) {
  // (2^63 − 1) ct × ((2^63 − 1) / 2 + 1) % × 181 days exceeds 2^127.
  const Decimal huge_points =
      Decimal::from_units(std::numeric_limits<std::int64_t>::max() / 2, 0).value();
  const Result<InterestCharge> charge = default_interest(
      open_from(day(2025, 1, 1), std::numeric_limits<std::int64_t>::max()), day(2025, 1, 1),
      day(2025, 6, 30), flat_2025("1"), huge_points, DayCount::actual_365, Currency::eur());
  ASSERT_FALSE(charge.ok());
  EXPECT_NE(charge.error().message.find("exceeds 128-bit arithmetic"), std::string::npos);
}

TEST(DefaultInterest, PrincipalInAnotherCurrencyIsRefused) {
  const OpenPrincipal principal{
      .changes = {{day(2025, 1, 1), Money(1'000'000, Currency::from_code("USD").value())}}};
  EXPECT_FALSE(interest(principal, day(2025, 1, 1), day(2025, 1, 31), "9").ok());
}

TEST(OpenPrincipal, AmountAfterThatDaysPaymentsAndZeroBeforeTheFirst) {
  const OpenPrincipal principal{.changes = {{day(2025, 1, 1), eur(1'000)},
                                            {day(2025, 2, 1), eur(600)},
                                            {day(2025, 2, 1), eur(400)}}};
  EXPECT_EQ(principal.open_on(day(2024, 12, 31), Currency::eur()), eur(0));
  EXPECT_EQ(principal.open_on(day(2025, 1, 31), Currency::eur()), eur(1'000));
  EXPECT_EQ(principal.open_on(day(2025, 2, 1), Currency::eur()), eur(400));
}

TEST(DayCount, ParsesAct365AndActAct) {
  EXPECT_EQ(parse_day_count("act/365").value(), DayCount::actual_365);
  EXPECT_EQ(parse_day_count("act/act").value(), DayCount::actual_actual);
  EXPECT_FALSE(parse_day_count("30/360").ok());
  EXPECT_FALSE(parse_day_count("").ok());
}

}  // namespace
}  // namespace kontor::dunning
