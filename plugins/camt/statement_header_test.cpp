#include "statement_header.hpp"

#include <gtest/gtest.h>

namespace kontor::plugins::camt {
namespace {

std::vector<Balance> balances(std::initializer_list<const char*> types) {
  std::vector<Balance> out;
  for (const char* type : types) out.push_back(Balance{type, Money(), std::nullopt, 0});
  return out;
}

TEST(ChooseBalancesTest, BookedOpeningAndClosingBalancesWin) {
  const BalanceChoice choice = choose_balances(balances({"OPAV", "PRCD", "OPBD", "CLAV", "CLBD"}));
  EXPECT_EQ(choice.opening, 2u);
  EXPECT_EQ(choice.closing, 4u);
}

TEST(ChooseBalancesTest, AGermanIntradayReportOpensWithThePreviousClosing) {
  const BalanceChoice choice = choose_balances(balances({"PRCD", "CLBD"}));
  EXPECT_EQ(choice.opening, 0u);
  EXPECT_EQ(choice.closing, 1u);
}

TEST(ChooseBalancesTest, InterimBalancesOpenAndCloseAnIntradayReport) {
  const BalanceChoice two = choose_balances(balances({"ITBD", "ITAV", "ITBD"}));
  EXPECT_EQ(two.opening, 0u);
  EXPECT_EQ(two.closing, 2u);
  const BalanceChoice one = choose_balances(balances({"ITBD"}));
  EXPECT_EQ(one.opening, std::nullopt);
  EXPECT_EQ(one.closing, 0u);
  const BalanceChoice opened = choose_balances(balances({"OPBD", "ITBD"}));
  EXPECT_EQ(opened.opening, 0u);
  EXPECT_EQ(opened.closing, 1u);
}

TEST(ChooseBalancesTest, AvailableBalancesAreNoBookedBalances) {
  const BalanceChoice choice = choose_balances(balances({"OPAV", "CLAV", "FWAV", "XPCD"}));
  EXPECT_EQ(choice.opening, std::nullopt);
  EXPECT_EQ(choice.closing, std::nullopt);
}

}  // namespace
}  // namespace kontor::plugins::camt
