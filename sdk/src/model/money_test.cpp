#include "kontor/model/money.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <stdexcept>

namespace kontor {
namespace {

const Currency kEur = Currency::eur();
const Currency kJpy = *Currency::from_code("JPY");
const Currency kKwd = *Currency::from_code("KWD");
const Currency kUsd = *Currency::from_code("USD");

Money eur(std::int64_t cents) {
  return Money(cents, kEur);
}

Result<Money> parse_eur(std::string_view text, Notation notation = Notation::point()) {
  return Money::parse(text, kEur, notation);
}

void expect_error(const Result<Money>& result, std::int64_t position, std::string_view words) {
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().position, position) << result.error().message;
  EXPECT_NE(result.error().message.find(words), std::string::npos) << result.error().message;
}

TEST(Money, ParsesPointAndCommaNotations) {
  EXPECT_EQ(*parse_eur("1234.56"), eur(123456));
  EXPECT_EQ(*parse_eur("1234,56", Notation::comma()), eur(123456));
  EXPECT_EQ(*parse_eur("1.234,56", Notation::german()), eur(123456));
  EXPECT_EQ(*parse_eur("1,234,567.89", Notation{'.', ','}), eur(123456789));
  EXPECT_EQ(*parse_eur("-0.5"), eur(-50));
  EXPECT_EQ(*parse_eur("+7"), eur(700));
  EXPECT_EQ(*Money::parse("1500", kJpy, Notation::point()), Money(1500, kJpy));
  EXPECT_EQ(*Money::parse("1.5", kKwd, Notation::point()), Money(1500, kKwd));
}

TEST(Money, AcceptsExtraFractionalDigitsOnlyWhenZero) {
  EXPECT_EQ(*parse_eur("18.150"), eur(1815));
  EXPECT_EQ(*parse_eur("18.1500000"), eur(1815));
  EXPECT_EQ(*Money::parse("100.00", kJpy, Notation::point()), Money(100, kJpy));
}

TEST(MoneyRejects, NonZeroExtraDigitsNamingThePosition) {
  expect_error(parse_eur("18.155"), 6, "EUR has 2 decimal places");
  expect_error(parse_eur("18,1501", Notation::comma()), 7, "digit '1' at position 7");
  expect_error(Money::parse("100.5", kJpy, Notation::point()), 5, "JPY has 0 decimal places");
}

TEST(MoneyRejects, TheOtherNotationInsteadOfGuessing) {
  // "1.234" with a decimal comma and '.' grouping is 1234; with a plain decimal comma the
  // point is simply wrong.
  expect_error(parse_eur("1.234", Notation::comma()), 2, "found '.'");
  // German notation: "1,5" is fine, but "1.5" has a grouping point followed by one digit.
  EXPECT_EQ(*parse_eur("1,5", Notation::german()), eur(150));
  expect_error(parse_eur("1.5", Notation::german()), 2, "exactly three digits");
}

TEST(MoneyRejects, MisplacedGroupingSeparators) {
  expect_error(parse_eur("1234.567,00", Notation::german()), 5, "one to three digits");
  expect_error(parse_eur("1.23.456,00", Notation::german()), 5, "exactly three digits");
  expect_error(parse_eur("1.234.56", Notation::german()), 6, "exactly three digits");
}

TEST(MoneyRejects, MalformedText) {
  expect_error(parse_eur(""), 1, "found nothing");
  expect_error(parse_eur("-"), 2, "expected a digit after the sign");
  expect_error(parse_eur(".5"), 1, "expected a digit at position 1");
  expect_error(parse_eur("5."), 2, "expected digits after the decimal separator");
  expect_error(parse_eur("12a"), 3, "found 'a'");
  expect_error(parse_eur(" 12"), 1, "found ' '");
  expect_error(parse_eur("12 EUR"), 3, "found ' '");
  expect_error(parse_eur("1.2.3"), 4, "found '.'");
  expect_error(parse_eur("--1"), 2, "found '-'");
}

TEST(MoneyRejects, NotationThatCannotWork) {
  EXPECT_FALSE(parse_eur("1", Notation{';', std::nullopt}));
  EXPECT_FALSE(parse_eur("1", Notation{',', ','}));
}

TEST(MoneyRejects, AmountsBeyondSixtyFourBits) {
  EXPECT_EQ(*parse_eur("92233720368547758.07"), eur(std::numeric_limits<std::int64_t>::max()));
  EXPECT_EQ(*parse_eur("-92233720368547758.08"), eur(std::numeric_limits<std::int64_t>::min()));
  expect_error(parse_eur("92233720368547758.08"), 1, "too large");
  expect_error(parse_eur("99999999999999999999999"), 1, "too large");
  expect_error(Money::parse("9223372036854775808", kJpy, Notation::point()), 1, "too large");
}

TEST(Money, FormatsWithNotationAndRoundTrips) {
  EXPECT_EQ(eur(123456789).format(), "1234567.89");
  EXPECT_EQ(eur(-123456789).format(Notation::german()), "-1.234.567,89");
  EXPECT_EQ(eur(5).format(), "0.05");
  EXPECT_EQ(eur(-5).format(Notation::comma()), "-0,05");
  EXPECT_EQ(Money(1500, kJpy).format(Notation::german()), "1.500");
  EXPECT_EQ(Money(1500, kKwd).format(), "1.500");
  EXPECT_EQ(eur(-1999).to_string(), "-19.99 EUR");
  const Money extreme = eur(std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(*parse_eur(extreme.format(Notation::german()), Notation::german()), extreme);
}

TEST(Money, AddsAndSubtractsInOneCurrency) {
  EXPECT_EQ(*eur(1050).plus(eur(-50)), eur(1000));
  EXPECT_EQ(*eur(1050).minus(eur(2000)), eur(-950));
  EXPECT_EQ(*eur(1050).negated(), eur(-1050));
  EXPECT_EQ(*eur(1050).times(3), eur(3150));
  const Money parts[] = {eur(100), eur(250), eur(-50)};
  EXPECT_EQ(*sum(parts, kEur), eur(300));
}

TEST(MoneyRejects, AddingDifferentCurrencies) {
  Result<Money> mixed = eur(100).plus(Money(100, kUsd));
  ASSERT_FALSE(mixed);
  EXPECT_NE(mixed.error().message.find("different currencies"), std::string::npos);
  EXPECT_FALSE(eur(100).minus(Money(100, kUsd)));
  const Money parts[] = {eur(100), Money(1, kUsd)};
  EXPECT_FALSE(sum(parts, kEur));
  EXPECT_FALSE(compare(eur(1), Money(1, kUsd)));
}

TEST(MoneyRejects, OverflowInEveryOperation) {
  const Money max = eur(std::numeric_limits<std::int64_t>::max());
  const Money min = eur(std::numeric_limits<std::int64_t>::min());
  EXPECT_FALSE(max.plus(eur(1)));
  EXPECT_FALSE(min.minus(eur(1)));
  EXPECT_FALSE(min.negated());
  EXPECT_FALSE(max.times(2));
  EXPECT_FALSE(min.times(-1));
  Result<Money> overflow = max.plus(eur(1));
  EXPECT_NE(overflow.error().message.find("overflow"), std::string::npos);
}

TEST(Money, OrdersAmountsOfOneCurrencyOnly) {
  EXPECT_LT(eur(-1), eur(0));
  EXPECT_GT(eur(100), eur(99));
  EXPECT_EQ(*compare(eur(5), eur(5)), std::strong_ordering::equal);
  EXPECT_NE(eur(1), Money(1, kUsd));
  EXPECT_THROW((void)(eur(1) < Money(1, kUsd)), std::logic_error);
}

}  // namespace
}  // namespace kontor
