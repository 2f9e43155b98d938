// Tests: the debtor account — the ERP's first, then the configured rule, else an error that
// names the customer.
#include "export/debtor_account.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kontor::exports {
namespace {

using ::testing::HasSubstr;

OpenItem item_of(std::string customer, std::string debtor_account) {
  OpenItem item;
  item.number = "R-1";
  item.customer_number = std::move(customer);
  item.debtor_account = std::move(debtor_account);
  return item;
}

const ChartOfAccounts kSkr03 = ChartOfAccounts::of(ChartPreset::skr03);

DebtorAccountRule rule(DebtorAccountRuleKind kind, std::string account = {},
                       std::int64_t offset = 0) {
  return DebtorAccountRule{
      .kind = kind, .account = std::move(account), .offset = offset, .prefix = ""};
}

TEST(DebtorAccountTest, TheErpsDebtorAccountWinsOverAnyRule) {
  EXPECT_EQ(debtor_account_of(item_of("4711", "10001"), rule(DebtorAccountRuleKind::fixed, "10000"),
                              kSkr03)
                .value(),
            "10001");
}

TEST(DebtorAccountTest, AMissingDebtorAccountWithoutARuleIsAnErrorNamingTheCustomer) {
  const Result<std::string> account =
      debtor_account_of(item_of("4711", ""), rule(DebtorAccountRuleKind::none), kSkr03);
  ASSERT_FALSE(account);
  EXPECT_THAT(account.error().message, HasSubstr("customer 4711 has no debtor account"));
  EXPECT_THAT(account.error().message, HasSubstr("R-1"));
}

TEST(DebtorAccountTest, TheFixedRuleGivesOneCollectiveDebtorToAll) {
  EXPECT_EQ(
      debtor_account_of(item_of("4711", ""), rule(DebtorAccountRuleKind::fixed, "10000"), kSkr03)
          .value(),
      "10000");
}

TEST(DebtorAccountTest, FromCustomerNumberAddsTheOffset) {
  EXPECT_EQ(debtor_account_of(item_of("4711", ""),
                              rule(DebtorAccountRuleKind::from_customer_number, "", 10000), kSkr03)
                .value(),
            "14711");
  EXPECT_EQ(debtor_account_of(item_of("20001", ""),
                              rule(DebtorAccountRuleKind::from_customer_number), kSkr03)
                .value(),
            "20001");
}

TEST(DebtorAccountTest, FromCustomerNumberRefusesACustomerNumberThatIsNoNumber) {
  const Result<std::string> account = debtor_account_of(
      item_of("K-4711", ""), rule(DebtorAccountRuleKind::from_customer_number, "", 10000), kSkr03);
  ASSERT_FALSE(account);
  EXPECT_THAT(account.error().message, HasSubstr("customer 'K-4711'"));
}

TEST(DebtorAccountTest, FromCustomerNumberTakesTheConfiguredPrefixOffFirst) {
  DebtorAccountRule prefixed = rule(DebtorAccountRuleKind::from_customer_number);
  prefixed.prefix = "K-";
  EXPECT_EQ(debtor_account_of(item_of("K-10001", ""), prefixed, kSkr03).value(), "10001");
  // Only a leading prefix goes; a number without it is read as it is.
  EXPECT_EQ(debtor_account_of(item_of("20001", ""), prefixed, kSkr03).value(), "20001");
  const Result<std::string> other = debtor_account_of(item_of("L-10001", ""), prefixed, kSkr03);
  ASSERT_FALSE(other);
  EXPECT_THAT(other.error().message, HasSubstr("customer 'L-10001'"));
}

TEST(DebtorAccountTest, FromCustomerNumberRefusesAResultThatIsNoDebtorAccount) {
  // 4711 alone has four digits (a general ledger account); 70001 is a creditor account.
  EXPECT_FALSE(debtor_account_of(item_of("4711", ""),
                                 rule(DebtorAccountRuleKind::from_customer_number), kSkr03));
  EXPECT_FALSE(debtor_account_of(
      item_of("1", ""), rule(DebtorAccountRuleKind::from_customer_number, "", 70000), kSkr03));
  EXPECT_FALSE(debtor_account_of(item_of("99999999999999999999", ""),
                                 rule(DebtorAccountRuleKind::from_customer_number, "", 10000),
                                 kSkr03));
}

TEST(DebtorAccountTest, TheReceivablesRuleBooksOnTheChartsCollectiveAccount) {
  const DebtorAccountRule receivables = rule(DebtorAccountRuleKind::receivables);
  EXPECT_EQ(debtor_account_of(item_of("4711", ""), receivables, kSkr03).value(), "1400");
  EXPECT_EQ(
      debtor_account_of(item_of("4711", ""), receivables, ChartOfAccounts::of(ChartPreset::skr04))
          .value(),
      "1200");
}

TEST(DebtorAccountTest, AnErpDebtorAccountThatIsNoAccountNumberIsRefused) {
  const Result<std::string> account = debtor_account_of(
      item_of("4711", "10001 A"), rule(DebtorAccountRuleKind::fixed, "10000"), kSkr03);
  ASSERT_FALSE(account);
  EXPECT_THAT(account.error().message, HasSubstr("customer 4711"));
}

}  // namespace
}  // namespace kontor::exports
