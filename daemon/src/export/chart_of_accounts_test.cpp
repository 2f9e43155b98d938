// Tests: the SKR03 and SKR04 presets, account by account as datev-extf.md §6 lists them, which
// of them are automatic, and overrides.
#include "export/chart_of_accounts.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kontor::exports {
namespace {

using ::testing::HasSubstr;

LedgerAccount automatic(std::string number) {
  return LedgerAccount{.number = std::move(number), .automatic = true};
}
LedgerAccount plain(std::string number) {
  return LedgerAccount{.number = std::move(number), .automatic = false};
}

TEST(ChartOfAccountsTest, Skr03PresetIsTheReferencesTable) {
  const ChartOfAccounts chart = ChartOfAccounts::of(ChartPreset::skr03);
  EXPECT_EQ(chart.account(AccountRole::bank), plain("1200"));
  EXPECT_EQ(chart.account(AccountRole::receivables), plain("1400"));
  EXPECT_EQ(chart.account(AccountRole::revenue_19), automatic("8400"));
  EXPECT_EQ(chart.account(AccountRole::revenue_7), automatic("8300"));
  EXPECT_EQ(chart.account(AccountRole::revenue_reductions_19), automatic("8720"));
  EXPECT_EQ(chart.account(AccountRole::revenue_reductions_7), automatic("8710"));
  EXPECT_EQ(chart.account(AccountRole::skonto_19), automatic("8736"));
  EXPECT_EQ(chart.account(AccountRole::skonto_7), automatic("8731"));
  EXPECT_EQ(chart.account(AccountRole::write_offs_19), automatic("2406"));
  EXPECT_EQ(chart.account(AccountRole::write_offs_7), automatic("2401"));
  EXPECT_EQ(chart.account(AccountRole::write_offs_0), plain("2400"));
  EXPECT_EQ(chart.account(AccountRole::interest), plain("2650"));
  EXPECT_EQ(chart.account(AccountRole::fees), plain("8600"));
  EXPECT_EQ(chart.account(AccountRole::bank_charges), plain("4970"));
}

TEST(ChartOfAccountsTest, Skr04PresetIsTheReferencesTable) {
  const ChartOfAccounts chart = ChartOfAccounts::of(ChartPreset::skr04);
  EXPECT_EQ(chart.account(AccountRole::bank), plain("1800"));
  EXPECT_EQ(chart.account(AccountRole::receivables), plain("1200"));
  EXPECT_EQ(chart.account(AccountRole::revenue_19), automatic("4400"));
  EXPECT_EQ(chart.account(AccountRole::revenue_7), automatic("4300"));
  EXPECT_EQ(chart.account(AccountRole::revenue_reductions_19), automatic("4720"));
  EXPECT_EQ(chart.account(AccountRole::revenue_reductions_7), automatic("4710"));
  EXPECT_EQ(chart.account(AccountRole::skonto_19), automatic("4736"));
  EXPECT_EQ(chart.account(AccountRole::skonto_7), automatic("4731"));
  EXPECT_EQ(chart.account(AccountRole::write_offs_19), automatic("6936"));
  EXPECT_EQ(chart.account(AccountRole::write_offs_7), automatic("6931"));
  EXPECT_EQ(chart.account(AccountRole::write_offs_0), plain("6930"));
  EXPECT_EQ(chart.account(AccountRole::interest), plain("7100"));
  EXPECT_EQ(chart.account(AccountRole::fees), plain("4830"));
  EXPECT_EQ(chart.account(AccountRole::bank_charges), plain("6855"));
}

TEST(ChartOfAccountsTest, ZeroPercentRevenueHasNoPresetAndNamesTheKeyToConfigure) {
  const ChartOfAccounts chart = ChartOfAccounts::of(ChartPreset::skr03);
  for (AccountRole role :
       {AccountRole::revenue_0, AccountRole::revenue_reductions_0, AccountRole::skonto_0}) {
    const Result<LedgerAccount> account = chart.require(role);
    ASSERT_FALSE(account);
    EXPECT_THAT(account.error().message,
                HasSubstr("export.accounts." + std::string(to_string(role))));
  }
  EXPECT_EQ(chart.require(AccountRole::revenue_19).value(), automatic("8400"));
}

TEST(ChartOfAccountsTest, AnOverrideReplacesThePresetNumberAndKeepsTheRest) {
  ChartOfAccounts chart = ChartOfAccounts::of(ChartPreset::skr03);
  chart.set_number(AccountRole::fees, "8603");
  chart.set_number(AccountRole::revenue_0, "8120");
  chart.set_automatic(AccountRole::revenue_0, true);
  EXPECT_EQ(chart.account(AccountRole::fees), plain("8603"));
  EXPECT_EQ(chart.require(AccountRole::revenue_0).value(), automatic("8120"));
  EXPECT_EQ(chart.account(AccountRole::bank), plain("1200"));
}

TEST(ChartOfAccountsTest, EveryRateAccountHasOneRolePerRate) {
  EXPECT_EQ(role_of(RateAccount::revenue, VatRate::standard), AccountRole::revenue_19);
  EXPECT_EQ(role_of(RateAccount::revenue, VatRate::zero), AccountRole::revenue_0);
  EXPECT_EQ(role_of(RateAccount::revenue_reductions, VatRate::reduced),
            AccountRole::revenue_reductions_7);
  EXPECT_EQ(role_of(RateAccount::skonto, VatRate::reduced), AccountRole::skonto_7);
  EXPECT_EQ(role_of(RateAccount::write_offs, VatRate::standard), AccountRole::write_offs_19);
  EXPECT_EQ(role_of(RateAccount::write_offs, VatRate::zero), AccountRole::write_offs_0);
}

TEST(ChartOfAccountsTest, RolesAndChartsReadBackTheirConfigurationNames) {
  for (AccountRole role : all_account_roles()) {
    EXPECT_EQ(parse_account_role(to_string(role)).value(), role);
  }
  EXPECT_EQ(parse_chart_preset("skr04").value(), ChartPreset::skr04);
  EXPECT_FALSE(parse_chart_preset("skr05"));
  EXPECT_FALSE(parse_account_role("bnak"));
}

TEST(ChartOfAccountsTest, AnAccountNumberIsOneToNineDigitsNotAllZeros) {
  EXPECT_EQ(check_account_number("1200"), "");
  EXPECT_EQ(check_account_number("123456789"), "");
  EXPECT_NE(check_account_number(""), "");
  EXPECT_NE(check_account_number("0000"), "");
  EXPECT_NE(check_account_number("1234567890"), "");
  EXPECT_NE(check_account_number("12a0"), "");
  EXPECT_NE(check_account_number(" 1200"), "");
}

}  // namespace
}  // namespace kontor::exports
