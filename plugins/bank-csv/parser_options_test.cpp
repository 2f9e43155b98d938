#include "parser_options.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kontor::plugins::bank_csv {
namespace {

using ::testing::HasSubstr;

sdk::Config defaults() {
  sdk::Config config;
  for (const sdk::ConfigField& field : option_schema()) {
    if (field.default_value()) config.set(field.key(), *field.default_value());
  }
  return config;
}

TEST(ParserOptions, DefaultsDetectEverything) {
  auto options = options_from(defaults());
  ASSERT_TRUE(options) << options.error().message;
  EXPECT_EQ(options->preset, "auto");
  EXPECT_FALSE(options->delimiter);
  EXPECT_FALSE(options->decimal);
  EXPECT_EQ(options->date_format, DateFormat::automatic);
  EXPECT_EQ(options->encoding, Encoding::automatic);
  EXPECT_EQ(options->currency, Currency::eur());
  EXPECT_EQ(options->max_file_size, 256u * 1024 * 1024);
}

TEST(ParserOptions, EveryKeyIsRead) {
  sdk::Config config = defaults();
  config.set("preset", "targobank");
  config.set("delimiter", "tab");
  config.set("decimal", "point");
  config.set("date_format", "DD.MM.YY");
  config.set("encoding", "windows-1252");
  config.set("account", "DE89370400440532013000");
  config.set("currency", "CHF");
  config.set("skip_lines", "3");
  config.set("max_file_size", "1000");
  config.set_map("mapping", {{"remittance", "Verwendungszweck"}, {"value_date", "4"}});
  auto options = options_from(config);
  ASSERT_TRUE(options) << options.error().message;
  EXPECT_EQ(options->preset, "targobank");
  EXPECT_EQ(*options->delimiter, '\t');
  EXPECT_EQ(*options->decimal, '.');
  EXPECT_EQ(options->date_format, DateFormat::dmy2);
  EXPECT_EQ(options->encoding, Encoding::windows1252);
  EXPECT_EQ(options->account, "DE89370400440532013000");
  EXPECT_EQ(options->currency.code(), "CHF");
  EXPECT_EQ(options->skip_lines, 3);
  EXPECT_EQ(options->max_file_size, 1000u);
  ASSERT_EQ(options->mapping.size(), 2u);
  EXPECT_EQ(options->mapping[0].first, Field::remittance);
  EXPECT_EQ(options->mapping[0].second.name, "Verwendungszweck");
  EXPECT_EQ(options->mapping[1].second.number, 4u);
}

TEST(ParserOptions, CommaDelimitedFilesMayQuoteDecimalCommaAmounts) {
  // PayPal: "18.06.2025","100,00"
  sdk::Config config = defaults();
  config.set("delimiter", ",");
  config.set("decimal", "comma");
  EXPECT_TRUE(options_from(config));
}

TEST(ParserOptions, ValuesThatCannotWorkNameTheirKey) {
  sdk::Config config = defaults();
  config.set_map("mapping", {{"betrag", "Betrag"}});
  EXPECT_THAT(options_from(config).error().message, HasSubstr("mapping: 'betrag' is not a field"));
  config.set_map("mapping", {{"amount", "0"}});
  EXPECT_THAT(options_from(config).error().message, HasSubstr("a column number from 1"));
  config.set_map("mapping", {{"amount", " "}});
  EXPECT_THAT(options_from(config).error().message, HasSubstr("names no column"));
  config.set_map("mapping", {});
  config.set("currency", "EURO");
  EXPECT_THAT(options_from(config).error().message, HasSubstr("currency:"));
  config.set("currency", "EUR");
  config.set("preset", "postbank");
  EXPECT_THAT(options_from(config).error().message, HasSubstr("preset: 'postbank'"));
}

}  // namespace
}  // namespace kontor::plugins::bank_csv
