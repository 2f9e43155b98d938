// The bank-csv plugin through the SDK's fake host: configuration, probing and parsing across the
// C boundary.
#include "bank_csv_parser.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kontor/testing/fake_host.hpp"
#include "recording_sink.hpp"

extern "C" const kontor_plugin_descriptor* kontor_plugin_entry_impl_v1(
    const kontor_host_info* host) noexcept;

namespace kontor::plugins::bank_csv {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// A document held in memory, read in small pieces like a stream from a source.
class StringReader final : public sdk::DocumentReader {
 public:
  StringReader(std::string name, std::string content, bool size_known = true)
      : name_(std::move(name)), content_(std::move(content)), size_known_(size_known) {}
  const std::string& name() const override { return name_; }
  std::int64_t size() const override {
    return size_known_ ? static_cast<std::int64_t>(content_.size()) : -1;
  }
  Result<std::size_t> read(std::span<std::uint8_t> buffer) override {
    const std::size_t n = std::min({buffer.size(), content_.size() - offset_, std::size_t{1000}});
    std::copy_n(content_.data() + offset_, n, buffer.data());
    offset_ += n;
    return n;
  }

 private:
  std::string name_, content_;
  bool size_known_;
  std::size_t offset_ = 0;
};

const std::string kSparkasse =
    "\"Auftragskonto\";\"Buchungstag\";\"Valutadatum\";\"Buchungstext\";\"Verwendungszweck\";"
    "\"Beguenstigter/Zahlungspflichtiger\";\"Kontonummer\";\"BLZ\";\"Betrag\";\"Waehrung\";"
    "\"Info\"\n"
    "\"DE89370400440532013000\";\"04.12.25\";\"04.12.25\";\"ERSTLASTSCHRIFT\";"
    "\"EREF+11063225-1MREF+41310-1CRED+DE11ZZZ00000000003SVWZ+Rechnung 11063225\";"
    "\"Dienstleister GmbH\";\"DE89370400440532013006\";\"HASPDEHHXXX\";\"-29,99\";\"EUR\";"
    "\"Umsatz gebucht\"\n"
    "\"DE89370400440532013000\";\"30.02.25\";\"03.03.25\";\"GUTSCHR. UEBERWEISUNG\";"
    "\"SVWZ+RE-2025-0042\";\"Kunde AG\";\"DE02120300000000202051\";\"BYLADEM1001\";"
    "\"1.190,00\";\"EUR\";\"Umsatz gebucht\"\n";

class BankCsvParserTest : public ::testing::Test {
 protected:
  std::unique_ptr<kontor::testing::FakeInstance> create() {
    auto instance = host_.create();
    EXPECT_TRUE(instance.ok()) << (instance.ok() ? "" : instance.error().message);
    return instance.ok() ? std::move(instance).value() : nullptr;
  }
  std::string create_error() {
    auto instance = host_.create();
    return instance.ok() ? "" : instance.error().message;
  }

  kontor::testing::FakeHost host_{&kontor_plugin_entry_impl_v1};
  RecordingSink sink_;
};

TEST_F(BankCsvParserTest, DeclaresItselfAParserWithItsConfigurationKeys) {
  const kontor_plugin_descriptor* d = host_.descriptor();
  ASSERT_NE(d, nullptr);
  EXPECT_STREQ(d->name, "bank-csv");
  EXPECT_EQ(d->roles, static_cast<std::uint32_t>(KONTOR_ROLE_PARSER));
  std::vector<std::string> keys;
  for (const sdk::ConfigField& field : BankCsvParser::schema()) keys.push_back(field.key());
  EXPECT_THAT(keys, ElementsAre("preset", "mapping", "delimiter", "decimal", "date_format",
                                "encoding", "account", "currency", "skip_lines", "max_file_size"));
}

TEST_F(BankCsvParserTest, ConfigurationThatCannotWorkIsRefusedAtCreation) {
  host_.set("currency", "EURO");
  EXPECT_THAT(create_error(), HasSubstr("currency"));
  host_.set("currency", "EUR");
  host_.set_map("mapping", {{"buchungstag", "Datum"}});
  EXPECT_THAT(create_error(), HasSubstr("'buchungstag' is not a field"));
}

TEST_F(BankCsvParserTest, ParsesASparkasseExportIntoOneStatement) {
  auto instance = create();
  ASSERT_TRUE(instance);
  StringReader reader("20251204-umsatz.CSV", kSparkasse);
  const sdk::Status status = instance->proxy().parse(reader, sink_);
  ASSERT_TRUE(status) << status.message();

  ASSERT_EQ(sink_.statements.size(), 1u);
  const sdk::StatementInfo& statement = sink_.statements[0];
  EXPECT_EQ(statement.id, "20251204-umsatz");
  EXPECT_EQ(statement.dialect, "sparkasse-csv-mt940");
  EXPECT_EQ(statement.account, "DE89370400440532013000");
  EXPECT_EQ(statement.currency, "EUR");
  EXPECT_FALSE(statement.opening.has_value());

  ASSERT_EQ(sink_.entries.size(), 2u);
  const sdk::StatementEntry& debit = sink_.entries[0];
  EXPECT_EQ(debit.amount.to_string(), "-29.99 EUR");
  EXPECT_EQ(debit.details.end_to_end_id, "11063225-1");
  EXPECT_EQ(debit.details.mandate_id, "41310-1");
  EXPECT_EQ(debit.details.creditor_id, "DE11ZZZ00000000003");
  EXPECT_EQ(debit.details.remittance, "Rechnung 11063225");
  const sdk::StatementEntry& credit = sink_.entries[1];
  EXPECT_EQ(credit.booking_date.to_iso(), "2025-02-28");
  EXPECT_EQ(credit.amount.to_string(), "1190.00 EUR");
  EXPECT_EQ(credit.details.counterparty_bic, "BYLADEM1001");
  EXPECT_EQ(credit.details.remittance, "RE-2025-0042");
  ASSERT_EQ(sink_.warnings.size(), 1u);
  EXPECT_EQ(sink_.warnings[0].code, "invalid_date");
  EXPECT_EQ(sink_.warnings[0].line, 3);
  EXPECT_EQ(host_.metrics().at("entries_read"), 2);
}

TEST_F(BankCsvParserTest, ProbesThroughTheBoundary) {
  auto instance = create();
  ASSERT_TRUE(instance);
  const auto bytes = [](std::string_view text) {
    return std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
  };
  EXPECT_EQ(instance->proxy().probe("umsatz.csv", bytes(kSparkasse)).value(), 90);
  EXPECT_EQ(instance->proxy().probe("auszug.xml", bytes("<?xml version=\"1.0\"?>")).value(), 0);
}

TEST_F(BankCsvParserTest, AFileLargerThanMaxFileSizeIsRefusedUnread) {
  host_.set("max_file_size", "100");
  auto instance = create();
  ASSERT_TRUE(instance);
  for (bool size_known : {true, false}) {
    StringReader reader("gross.csv", kSparkasse, size_known);
    const sdk::Status status = instance->proxy().parse(reader, sink_);
    EXPECT_EQ(status.code(), sdk::Code::kFailed);
    EXPECT_THAT(status.message(), HasSubstr("gross.csv is larger than max_file_size (100 bytes)"));
  }
  EXPECT_THAT(sink_.statements, IsEmpty());
}

TEST_F(BankCsvParserTest, AConfiguredPresetAndMappingApply) {
  host_.set("preset", "sparkasse-csv-mt940");
  host_.set_map("mapping", {{"remittance", "Buchungstext"}});
  host_.set("account", "DE89370400440532013000");
  auto instance = create();
  ASSERT_TRUE(instance);
  StringReader reader("umsatz.csv", kSparkasse);
  ASSERT_TRUE(instance->proxy().parse(reader, sink_));
  EXPECT_EQ(sink_.entries.at(0).details.remittance, "ERSTLASTSCHRIFT");
}

TEST_F(BankCsvParserTest, ABadRowRefusesTheFileAndNothingReachesTheSink) {
  auto instance = create();
  ASSERT_TRUE(instance);
  std::string text = kSparkasse;
  text.replace(text.find("-29,99"), 6, "-29,9x");
  StringReader reader("umsatz.csv", text);
  const sdk::Status status = instance->proxy().parse(reader, sink_);
  EXPECT_EQ(status.code(), sdk::Code::kFailed);
  EXPECT_THAT(status.message(), HasSubstr("2:0: umsatz.csv: 1 row cannot be read"));
  EXPECT_THAT(sink_.order, IsEmpty());
}

}  // namespace
}  // namespace kontor::plugins::bank_csv
