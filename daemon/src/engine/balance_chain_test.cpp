// The balance chain of booked statements: what continues, what has a gap, what does not add up.
#include "engine/balance_chain.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kontor::engine {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

Money eur(std::int64_t cents) {
  return Money(cents, Currency::eur());
}
Date day(const char* iso) {
  return *Date::parse_iso(iso);
}

store::StatementBalances previous(std::int64_t closing_cents, std::string sequence) {
  store::StatementBalances p;
  p.statement = {"DE02120300000000202051", "S-1", std::move(sequence)};
  p.closing = StatementBalance{eur(closing_cents), day("2026-11-26")};
  return p;
}

BankStatement statement(std::int64_t opening_cents, std::int64_t closing_cents,
                        std::string sequence) {
  BankStatement s;
  s.account = "DE02120300000000202051";
  s.id = "S-2";
  s.sequence = std::move(sequence);
  s.opening = StatementBalance{eur(opening_cents), day("2026-11-26")};
  s.closing = StatementBalance{eur(closing_cents), day("2026-11-27")};
  return s;
}

TEST(BalanceChainTest, StatementThatOpensWhereThePreviousClosedAndAddsUpIsFine) {
  EXPECT_THAT(
      check_balance_chain(previous(10000, "7"), statement(10000, 12500, "8"), eur(2500), false),
      IsEmpty());
}

TEST(BalanceChainTest, FirstStatementOfAnAccountHasNoChainToContinue) {
  EXPECT_THAT(check_balance_chain(std::nullopt, statement(10000, 12500, "8"), eur(2500), false),
              IsEmpty());
}

TEST(BalanceChainTest, OpeningOtherThanThePreviousClosingIsAGap) {
  const auto warnings =
      check_balance_chain(previous(10000, "7"), statement(9000, 11500, "8"), eur(2500), false);
  ASSERT_EQ(warnings.size(), 1U);
  EXPECT_EQ(warnings[0].code, "balance_gap");
  EXPECT_THAT(warnings[0].message, HasSubstr("90.00 EUR"));
  EXPECT_THAT(warnings[0].message, HasSubstr("100.00 EUR"));
}

TEST(BalanceChainTest, MissingSequenceNumbersAreAGap) {
  const auto warnings =
      check_balance_chain(previous(10000, "7"), statement(10000, 12500, "10"), eur(2500), false);
  ASSERT_EQ(warnings.size(), 1U);
  EXPECT_EQ(warnings[0].code, "sequence_gap");
  EXPECT_THAT(warnings[0].message, HasSubstr("2 missing"));
}

// Statements told apart from others with the same bank numbers are stored as "0@2020-02-21":
// the chain counts the bank's number.
TEST(BalanceChainTest, SequenceOfAStatementToldApartIsTheBanksNumber) {
  EXPECT_THAT(check_balance_chain(previous(10000, "0"), statement(10000, 12500, "0@2026-11-27"),
                                  eur(2500), false),
              IsEmpty());
  const auto warnings = check_balance_chain(previous(10000, "7@2026-11-26"),
                                            statement(10000, 12500, "10"), eur(2500), false);
  ASSERT_EQ(warnings.size(), 1U);
  EXPECT_EQ(warnings[0].code, "sequence_gap");
  EXPECT_THAT(warnings[0].message, HasSubstr("10 follows 7: 2 missing"));
}

TEST(BalanceChainTest, EntriesThatDoNotAddUpToTheClosingBalanceAreAMismatch) {
  const auto warnings =
      check_balance_chain(std::nullopt, statement(10000, 12500, "8"), eur(2400), false);
  ASSERT_EQ(warnings.size(), 1U);
  EXPECT_EQ(warnings[0].code, "balance_mismatch");
}

TEST(BalanceChainTest, MismatchTheParserReportedIsNotReportedTwice) {
  EXPECT_THAT(check_balance_chain(std::nullopt, statement(10000, 12500, "8"), eur(2400), true),
              IsEmpty());
}

}  // namespace
}  // namespace kontor::engine
