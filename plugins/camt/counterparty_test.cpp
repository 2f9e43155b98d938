#include "counterparty.hpp"

#include <gtest/gtest.h>

namespace kontor::plugins::camt {
namespace {

const PartySide kCustomer{"Sven Schuldner", "DE02120300000000202051", "BYLADEM1001"};
const PartySide kHolder{"Kontor GmbH", "DE89 3704 0044 0532 0130 00", "COBADEFFXXX"};
const std::string kOwnAccount = "DE89370400440532013000";

TEST(CounterpartyTest, MoneyInComesFromTheDebtorMoneyOutGoesToTheCreditor) {
  EXPECT_EQ(counterparty_of(kCustomer, PartySide{}, true, false, "").name, "Sven Schuldner");
  EXPECT_EQ(counterparty_of(PartySide{}, kCustomer, false, false, "").name, "Sven Schuldner");
}

TEST(CounterpartyTest, TheSideWithTheStatementsOwnAccountIsTheHolder) {
  EXPECT_EQ(counterparty_of(kHolder, kCustomer, true, false, kOwnAccount).name, "Sven Schuldner");
  EXPECT_EQ(counterparty_of(kCustomer, kHolder, false, false, kOwnAccount).name, "Sven Schuldner");
}

TEST(CounterpartyTest, AReturnedDirectDebitIsADebitFromTheCustomerWhoRefusedIt) {
  const PartySide creditor{"Erwin Einzieher", "DEE1234567890", "TESTE1234"};
  EXPECT_EQ(counterparty_of(kCustomer, creditor, false, true, "DE1234567890").name,
            "Sven Schuldner");
}

TEST(CounterpartyTest, ASideThatNamesNobodyGivesWayToTheOther) {
  const PartySide agent_only{"", "", "POFICHBEXXX"};
  EXPECT_EQ(counterparty_of(kCustomer, agent_only, true, true, "").name, "Sven Schuldner");
}

}  // namespace
}  // namespace kontor::plugins::camt
