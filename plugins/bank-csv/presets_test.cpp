#include "presets.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "field.hpp"

namespace kontor::plugins::bank_csv {
namespace {

bool has(const Preset& preset, Field field) {
  for (const PresetColumn& column : preset.columns) {
    if (column.field == field) return true;
  }
  for (const auto& [f, position] : preset.positions) {
    if (f == field) return true;
  }
  return false;
}

TEST(Presets, NamesAreUniqueAndFitForConfiguration) {
  std::set<std::string> names;
  for (const Preset& preset : presets()) {
    const std::string name(preset.name);
    EXPECT_TRUE(names.insert(name).second) << name;
    EXPECT_EQ(name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-"), std::string::npos);
    EXPECT_EQ(preset_named(name), &preset);
  }
  EXPECT_EQ(preset_named("auto"), nullptr);
}

TEST(Presets, EachReadsAnAmountADateAndKnowsHowItIsRecognised) {
  for (const Preset& preset : presets()) {
    SCOPED_TRACE(std::string(preset.name));
    EXPECT_TRUE(has(preset, Field::amount) ||
                (has(preset, Field::debit) && has(preset, Field::credit)));
    EXPECT_TRUE(has(preset, Field::booking_date) || has(preset, Field::value_date));
    EXPECT_NE(preset.header.empty(), !preset.shape.has_value());
    EXPECT_TRUE(preset.decimal == ',' || preset.decimal == '.');
    if (preset.shape) {
      for (const auto& [field, position] : preset.positions) {
        EXPECT_LT(position, preset.shape->fields);
      }
    }
  }
}

TEST(Fields, NamesRoundTrip) {
  for (Field field : all_fields()) EXPECT_EQ(field_named(name_of(field)), field);
  EXPECT_EQ(name_of(Field::counterparty_account), "counterparty_account");
  EXPECT_FALSE(field_named("Betrag").has_value());
}

}  // namespace
}  // namespace kontor::plugins::bank_csv
