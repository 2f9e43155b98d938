// Tests: the `dunning:` section — what it reads, its defaults, and that what the schema cannot
// say (a gap in the base-rate table, a missing table while interest is on, an unknown holiday
// region) stops the configuration with the section's position.
#include "engine/dunning_settings.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/validator.hpp"
#include "config/yaml_reader.hpp"

namespace kontor::engine {
namespace {

using ::testing::HasSubstr;

constexpr std::string_view kLevels = R"(
  levels:
    - {name: Zahlungserinnerung, days_after_due: 7}
    - {name: 1. Mahnung, days_after_previous: 14, fee: 5.00 EUR}
)";

constexpr std::string_view kRates = R"(
  base_rates:
    - {from: 2026-01-01, percent: "1.27"}
    - {from: 2026-07-01, percent: "1.27"}
)";

// Validates `section_text` (the body of `dunning:`) as kontord does; returns the errors, and
// the settings when there were none.
struct Checked {
  config::ConfigErrors errors;
  std::optional<DunningSettings> settings;
};

Checked check(std::string body) {
  Checked out;
  const config::YamlDocument document = config::read_yaml("dunning:" + body, "kontor.yaml");
  EXPECT_TRUE(document.errors.empty());
  config::Validator validator([](const std::string&) { return std::nullopt; }, out.errors);
  const config::FieldSpec spec = dunning_section();
  const config::ConfigNode validated =
      validator.validate(*document.root.find("dunning"), spec.value, "dunning");
  if (out.errors.empty()) {
    Result<DunningSettings> settings = dunning_settings_of(&validated);
    EXPECT_TRUE(settings) << settings.error().message;
    if (settings) out.settings = *settings;
  }
  return out;
}

TEST(DunningSettingsTest, LevelsFeesAndDefaultsAreRead) {
  const Checked checked = check(std::string(kLevels) + std::string(kRates));
  ASSERT_TRUE(checked.settings);
  const dunning::DunningPolicy& policy = checked.settings->policy;
  ASSERT_EQ(policy.levels.size(), 2u);
  EXPECT_EQ(policy.levels[0].template_name, "reminder-1");
  EXPECT_EQ(policy.levels[1].fee, Money(500, Currency::eur()));
  EXPECT_EQ(policy.levels[1].days_after_previous, 14);
  EXPECT_EQ(policy.flat_fee, Money(4000, Currency::eur()));
  EXPECT_EQ(policy.points_business, Decimal::from_integer(9));
  EXPECT_EQ(policy.default_rules.postal_days, 3);
  EXPECT_EQ(checked.settings->require_fresh_import, std::chrono::hours(26));
  EXPECT_EQ(checked.settings->max_statement_age_days, 3);
  EXPECT_TRUE(checked.settings->base_rates);
}

TEST(DunningSettingsTest, InterestWithoutBaseRatesStopsTheConfiguration) {
  const Checked checked = check(std::string(kLevels));
  ASSERT_EQ(checked.errors.size(), 1u);
  EXPECT_THAT(checked.errors[0].message, HasSubstr("dunning.base_rates is missing"));
  EXPECT_EQ(checked.errors[0].position.line, 2);  // where the section begins
}

TEST(DunningSettingsTest, NoInterestNeedsNoBaseRates) {
  const Checked checked = check(std::string(kLevels) + "\n  interest: false\n");
  EXPECT_TRUE(checked.errors.empty());
  ASSERT_TRUE(checked.settings);
  EXPECT_FALSE(checked.settings->policy.charge_interest);
}

TEST(DunningSettingsTest, GapInTheBaseRateTableStopsTheConfiguration) {
  const Checked checked = check(std::string(kLevels) + R"(
  base_rates:
    - {from: 2025-07-01, percent: "1.27"}
    - {from: 2026-07-01, percent: "1.27"}
)");
  ASSERT_EQ(checked.errors.size(), 1u);
  EXPECT_THAT(checked.errors[0].message, HasSubstr("2026-01-01"));
}

TEST(DunningSettingsTest, UnknownHolidayRegionStopsTheConfiguration) {
  const Checked checked =
      check(std::string(kLevels) + std::string(kRates) + "\n  holiday_region: DE-XX\n");
  ASSERT_EQ(checked.errors.size(), 1u);
  EXPECT_THAT(checked.errors[0].message, HasSubstr("DE-XX"));
}

TEST(DunningSettingsTest, FeeInAnotherCurrencyStopsTheConfiguration) {
  const Checked checked = check(R"(
  levels:
    - {name: Reminder, days_after_due: 7, fee: 5.00 USD}
)" + std::string(kRates));
  ASSERT_EQ(checked.errors.size(), 1u);
  EXPECT_THAT(checked.errors[0].message, HasSubstr("USD"));
}

TEST(DunningSettingsTest, LevelNamingAnUnknownTemplateStopsTheConfiguration) {
  const Checked checked = check(R"(
  levels:
    - {name: Erinnerung, days_after_due: 7, template: erinerung}
)" + std::string(kRates));
  ASSERT_EQ(checked.errors.size(), 1u);
  EXPECT_THAT(checked.errors[0].message, HasSubstr("erinerung"));
}

}  // namespace
}  // namespace kontor::engine
