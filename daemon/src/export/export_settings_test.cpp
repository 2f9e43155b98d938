// Tests: the `export:` section — chart, account and tax-key overrides, the debtor account rule,
// what is included by default, and configuration errors with their file:line:column.
#include "export/export_settings.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/validator.hpp"
#include "config/yaml_reader.hpp"

namespace kontor::exports {
namespace {

using ::testing::HasSubstr;

const Date kMarch2026 = Date::from_ymd(2026, 3, 2).value();

// Validates `body` (what follows `export:`) as kontord does; the errors, and the settings when
// there were none.
struct Checked {
  config::ConfigErrors errors;
  std::optional<ExportSettings> settings;
};

Checked check(const std::string& body) {
  Checked out;
  const config::YamlDocument document = config::read_yaml("export:" + body, "kontor.yaml");
  EXPECT_TRUE(document.errors.empty());
  config::Validator validator([](const std::string&) { return std::nullopt; }, out.errors);
  const config::FieldSpec spec = export_section();
  const config::ConfigNode validated =
      validator.validate(*document.root.find("export"), spec.value, "export");
  if (out.errors.empty()) {
    Result<ExportSettings> settings = export_settings_of(&validated);
    EXPECT_TRUE(settings) << settings.error().message;
    if (settings) out.settings = *settings;
  }
  return out;
}

TEST(ExportSettingsTest, IncludeDefaultsExcludeInvoices) {
  const Checked checked = check("\n  chart: skr03\n");
  ASSERT_TRUE(checked.settings);
  for (BookingKind kind : {BookingKind::payments, BookingKind::fees, BookingKind::interest,
                           BookingKind::write_offs, BookingKind::bank_charges}) {
    EXPECT_TRUE(checked.settings->includes(kind)) << to_string(kind);
  }
  EXPECT_FALSE(checked.settings->includes(BookingKind::invoices));
}

TEST(ExportSettingsTest, InvoicesAreExportedOnlyOnRequest) {
  const Checked checked = check("\n  chart: skr03\n  include: [payments, invoices]\n");
  ASSERT_TRUE(checked.settings);
  EXPECT_TRUE(checked.settings->includes(BookingKind::invoices));
  EXPECT_TRUE(checked.settings->includes(BookingKind::payments));
  EXPECT_FALSE(checked.settings->includes(BookingKind::fees));
}

TEST(ExportSettingsTest, TheChartChoosesThePreset) {
  const Checked skr04 = check("\n  chart: skr04\n");
  ASSERT_TRUE(skr04.settings);
  EXPECT_EQ(skr04.settings->chart.preset(), ChartPreset::skr04);
  EXPECT_EQ(skr04.settings->chart.account(AccountRole::bank).number, "1800");
}

TEST(ExportSettingsTest, AnUnknownChartIsAConfigErrorWithItsPosition) {
  const Checked checked = check("\n  chart: skr05\n");
  ASSERT_EQ(checked.errors.size(), 1u);
  EXPECT_THAT(checked.errors[0].message, HasSubstr("export.chart"));
  EXPECT_THAT(checked.errors[0].message, HasSubstr("skr05"));
  EXPECT_EQ(checked.errors[0].position.file, "kontor.yaml");
  EXPECT_EQ(checked.errors[0].position.line, 2);
  EXPECT_EQ(checked.errors[0].position.column, 10);
}

TEST(ExportSettingsTest, AMissingChartIsAConfigError) {
  const Checked checked = check("\n  include: [payments]\n");
  ASSERT_EQ(checked.errors.size(), 1u);
  EXPECT_THAT(checked.errors[0].message, HasSubstr("chart"));
}

TEST(ExportSettingsTest, AnUnknownIncludeValueIsAConfigErrorWithItsPosition) {
  const Checked checked = check("\n  chart: skr03\n  include: [payments, invoice]\n");
  ASSERT_EQ(checked.errors.size(), 1u);
  EXPECT_THAT(checked.errors[0].message, HasSubstr("invoice"));
  EXPECT_EQ(checked.errors[0].position.line, 3);
  EXPECT_EQ(checked.errors[0].position.column, 23);
}

TEST(ExportSettingsTest, AccountOverridesReplaceThePresetAndKeepTheRest) {
  const Checked checked = check("\n  chart: skr03\n  accounts: {bank: \"1210\", fees: \"8603\"}\n");
  ASSERT_TRUE(checked.settings);
  const ChartOfAccounts& chart = checked.settings->chart;
  EXPECT_EQ(chart.account(AccountRole::bank).number, "1210");
  EXPECT_EQ(chart.account(AccountRole::fees).number, "8603");
  EXPECT_EQ(chart.account(AccountRole::revenue_19).number, "8400");
  EXPECT_EQ(chart.account(AccountRole::interest).number, "2650");
}

TEST(ExportSettingsTest, AnUnknownAccountKeyIsAConfigErrorWithItsPosition) {
  const Checked checked = check("\n  chart: skr03\n  accounts:\n    bnak: \"1210\"\n");
  ASSERT_EQ(checked.errors.size(), 1u);
  EXPECT_THAT(checked.errors[0].message, HasSubstr("bnak"));
  EXPECT_EQ(checked.errors[0].position.line, 4);
}

TEST(ExportSettingsTest, AnAccountThatIsNoNumberIsAConfigErrorWithItsPosition) {
  const Checked checked = check("\n  chart: skr03\n  accounts:\n    bank: \"12a0\"\n");
  ASSERT_EQ(checked.errors.size(), 1u);
  EXPECT_THAT(checked.errors[0].message, HasSubstr("export.accounts.bank"));
  EXPECT_EQ(checked.errors[0].position.line, 4);
  EXPECT_EQ(checked.errors[0].position.column, 11);
}

TEST(ExportSettingsTest, AutomaticIsSetPerAccount) {
  const Checked checked = check(
      "\n  chart: skr03\n  accounts: {revenue_19: \"8401\", revenue_0: \"8120\"}\n"
      "  automatic: {revenue_19: false, revenue_0: true}\n");
  ASSERT_TRUE(checked.settings);
  const ChartOfAccounts& chart = checked.settings->chart;
  EXPECT_EQ(chart.account(AccountRole::revenue_19),
            (LedgerAccount{.number = "8401", .automatic = false}));
  EXPECT_EQ(chart.account(AccountRole::revenue_0),
            (LedgerAccount{.number = "8120", .automatic = true}));
}

TEST(ExportSettingsTest, TaxKeysAreReplacedPerRate) {
  const Checked checked = check("\n  chart: skr03\n  tax_keys: {\"0\": \"1\"}\n");
  ASSERT_TRUE(checked.settings);
  EXPECT_EQ(checked.settings->tax_keys.key_for(VatRate::zero, kMarch2026).value(), "1");
  EXPECT_EQ(checked.settings->tax_keys.key_for(VatRate::standard, kMarch2026).value(), "3");
}

TEST(ExportSettingsTest, ATaxKeyOfAnUnknownRateOrShapeIsAConfigError) {
  EXPECT_EQ(check("\n  chart: skr03\n  tax_keys: {\"16\": \"3\"}\n").errors.size(), 1u);
  EXPECT_EQ(check("\n  chart: skr03\n  tax_keys: {\"19\": \"3a\"}\n").errors.size(), 1u);
}

TEST(ExportSettingsTest, TheDebtorAccountRuleIsRead) {
  const Checked derived =
      check("\n  chart: skr03\n  debtor_account: {rule: from_customer_number, offset: 10000}\n");
  ASSERT_TRUE(derived.settings);
  EXPECT_EQ(derived.settings->debtor_account,
            (DebtorAccountRule{.kind = DebtorAccountRuleKind::from_customer_number,
                               .account = "",
                               .offset = 10000,
                               .prefix = ""}));
  const Checked fixed =
      check("\n  chart: skr03\n  debtor_account: {rule: fixed, account: \"10000\"}\n");
  ASSERT_TRUE(fixed.settings);
  EXPECT_EQ(
      fixed.settings->debtor_account,
      (DebtorAccountRule{
          .kind = DebtorAccountRuleKind::fixed, .account = "10000", .offset = 0, .prefix = ""}));
}

TEST(ExportSettingsTest, WithoutADebtorAccountRuleTheErpMustSendOne) {
  const Checked checked = check("\n  chart: skr03\n");
  ASSERT_TRUE(checked.settings);
  EXPECT_EQ(checked.settings->debtor_account.kind, DebtorAccountRuleKind::none);
}

TEST(ExportSettingsTest, AFixedRuleWithoutItsAccountIsAConfigErrorWithItsPosition) {
  const Checked checked = check("\n  chart: skr03\n  debtor_account:\n    rule: fixed\n");
  ASSERT_EQ(checked.errors.size(), 1u);
  EXPECT_THAT(checked.errors[0].message, HasSubstr("rule fixed needs the account"));
  EXPECT_EQ(checked.errors[0].position.line, 4);
}

TEST(ExportSettingsTest, AKeyTheDebtorRuleDoesNotReadIsAConfigError) {
  const Checked checked = check(
      "\n  chart: skr03\n  debtor_account: {rule: from_customer_number, account: \"10000\"}\n");
  ASSERT_EQ(checked.errors.size(), 1u);
  EXPECT_THAT(checked.errors[0].message, HasSubstr("account: belongs to rule fixed only"));
}

TEST(ExportSettingsTest, CreditNotesCanBookOnRevenueReductions) {
  const Checked revenue = check("\n  chart: skr03\n");
  ASSERT_TRUE(revenue.settings);
  EXPECT_EQ(revenue.settings->credit_notes, CreditNoteAccounts::revenue);
  const Checked reductions = check("\n  chart: skr03\n  credit_notes: revenue_reductions\n");
  ASSERT_TRUE(reductions.settings);
  EXPECT_EQ(reductions.settings->credit_notes, CreditNoteAccounts::revenue_reductions);
}

TEST(ExportSettingsTest, WithoutTheSectionNothingIsExported) {
  const Result<ExportSettings> settings = export_settings_of(nullptr);
  ASSERT_FALSE(settings);
  EXPECT_THAT(settings.error().message, HasSubstr("export: section is missing"));
}

}  // namespace
}  // namespace kontor::exports
