// Tests: the dated base-rate table — coverage by half-years, negative rates, refused tables.

#include "dunning/base_rates.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace kontor::dunning {
namespace {

Date day(int year, int month, int day_of_month) {
  return Date::from_ymd(year, month, day_of_month).value();
}
Decimal percent(std::string_view text) {
  return Decimal::parse(text).value();
}

// The Bundesbank's rates from 1 July 2016 (−0.88 % until 31 December 2022) to 1 July 2025.
std::vector<BaseRate> bundesbank_rates() {
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
  return rates;
}

TEST(BaseRateTable, NegativeRateFromJuly2016ToDecember2022) {
  const BaseRateTable table = BaseRateTable::make(bundesbank_rates()).value();
  EXPECT_EQ(table.rate_on(day(2016, 7, 1)).value(), percent("-0.88"));
  EXPECT_EQ(table.rate_on(day(2019, 11, 5)).value(), percent("-0.88"));
  EXPECT_EQ(table.rate_on(day(2022, 12, 31)).value(), percent("-0.88"));
  EXPECT_EQ(table.rate_on(day(2023, 1, 1)).value(), percent("1.62"));
}

TEST(BaseRateTable, LastDayOfAHalfYearKeepsItsRate) {
  const BaseRateTable table = BaseRateTable::make(bundesbank_rates()).value();
  EXPECT_EQ(table.rate_on(day(2024, 6, 30)).value(), percent("3.62"));
  EXPECT_EQ(table.rate_on(day(2024, 7, 1)).value(), percent("3.37"));
  EXPECT_EQ(table.rate_on(day(2025, 12, 31)).value(), percent("1.27"));
}

TEST(BaseRateTable, CoversUpToTheEndOfTheLastEntrysHalfYear) {
  const BaseRateTable table = BaseRateTable::make(bundesbank_rates()).value();
  EXPECT_EQ(table.first_day(), day(2016, 7, 1));
  EXPECT_EQ(table.last_day(), day(2025, 12, 31));
  const BaseRateTable first_half_only =
      BaseRateTable::make({BaseRate{.from = day(2025, 1, 1), .percent = percent("2.27")}}).value();
  EXPECT_EQ(first_half_only.last_day(), day(2025, 6, 30));
}

TEST(BaseRateTable, DayBeyondTheTableIsAnErrorNamingDayAndRange) {
  const BaseRateTable table = BaseRateTable::make(bundesbank_rates()).value();
  const Result<Decimal> beyond = table.rate_on(day(2026, 1, 4));
  ASSERT_FALSE(beyond.ok());
  EXPECT_EQ(beyond.error().message,
            "no base rate for 2026-01-04: the table covers 2016-07-01 to 2025-12-31; add the rate "
            "the Bundesbank published");
  EXPECT_FALSE(table.rate_on(day(2016, 6, 30)).ok());
}

TEST(BaseRateTable, EntriesInAnyOrderAreSortedByDay) {
  std::vector<BaseRate> rates = bundesbank_rates();
  std::reverse(rates.begin(), rates.end());
  const BaseRateTable table = BaseRateTable::make(rates).value();
  EXPECT_EQ(table.rates(), bundesbank_rates());
  EXPECT_EQ(table.rate_on(day(2023, 8, 1)).value(), percent("3.12"));
}

TEST(BaseRateTable, RateFromAnyDayButFirstJanuaryOrJulyIsRefused) {
  const Result<BaseRateTable> table =
      BaseRateTable::make({BaseRate{.from = day(2024, 1, 1), .percent = percent("3.62")},
                           BaseRate{.from = day(2024, 3, 1), .percent = percent("3.37")}});
  ASSERT_FALSE(table.ok());
  EXPECT_NE(table.error().message.find("2024-03-01"), std::string::npos);
}

TEST(BaseRateTable, MissingHalfYearIsRefused) {
  const Result<BaseRateTable> table =
      BaseRateTable::make({BaseRate{.from = day(2023, 1, 1), .percent = percent("1.62")},
                           BaseRate{.from = day(2024, 1, 1), .percent = percent("3.62")}});
  ASSERT_FALSE(table.ok());
  EXPECT_NE(table.error().message.find("2023-07-01"), std::string::npos);
}

TEST(BaseRateTable, DuplicateHalfYearIsRefused) {
  EXPECT_FALSE(BaseRateTable::make({BaseRate{.from = day(2024, 1, 1), .percent = percent("3.62")},
                                    BaseRate{.from = day(2024, 1, 1), .percent = percent("3.62")}})
                   .ok());
}

TEST(BaseRateTable, EmptyTableIsRefused) {
  EXPECT_FALSE(BaseRateTable::make({}).ok());
}

}  // namespace
}  // namespace kontor::dunning
