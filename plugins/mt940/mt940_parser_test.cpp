// The mt940 plugin through the SDK's fake host: configuration, probing and parsing across the C
// boundary.
#include "mt940_parser.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "kontor/testing/fake_host.hpp"
#include "recording_sink.hpp"

extern "C" const kontor_plugin_descriptor* kontor_plugin_entry_impl_v1(
    const kontor_host_info* host) noexcept;

namespace kontor::plugins::mt940 {
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

const std::string kStatement =
    ":20:STARTUMS\r\n:25:DE89370400440532013000\r\n:28C:00001/001\r\n:60F:C260302EUR1000,00\r\n"
    ":61:2603020302CR119,00NTRFNONREF//BANKREF1\r\n"
    ":86:166?00GUTSCHRIFT?20EREF+E2E-1?21SVWZ+RE-2026-0042?32M\xDCLLER GMBH\r\n"
    ":62F:C260302EUR1119,00\r\n-\r\n";

class Mt940ParserTest : public ::testing::Test {
 protected:
  std::unique_ptr<testing::FakeInstance> create() {
    auto instance = host_.create();
    EXPECT_TRUE(instance.ok()) << (instance.ok() ? "" : instance.error().message);
    return instance.ok() ? std::move(instance).value() : nullptr;
  }
  std::string create_error() {
    auto instance = host_.create();
    return instance.ok() ? "" : instance.error().message;
  }

  testing::FakeHost host_{&kontor_plugin_entry_impl_v1};
  RecordingSink sink_;
};

TEST_F(Mt940ParserTest, DeclaresItselfAParserWithItsConfigurationKeys) {
  const kontor_plugin_descriptor* d = host_.descriptor();
  ASSERT_NE(d, nullptr);
  EXPECT_STREQ(d->name, "mt940");
  EXPECT_EQ(d->roles, static_cast<std::uint32_t>(KONTOR_ROLE_PARSER));
  std::vector<std::string> keys;
  for (const sdk::ConfigField& field : Mt940Parser::schema()) keys.push_back(field.key());
  EXPECT_THAT(keys, ElementsAre("encoding", "currency", "max_file_size"));
}

TEST_F(Mt940ParserTest, ConfigurationThatCannotWorkIsRefusedAtCreation) {
  host_.set("currency", "EURO");
  EXPECT_THAT(create_error(), HasSubstr("currency"));
}

TEST_F(Mt940ParserTest, AStatementCrossesThePluginBoundaryWhole) {
  auto parser = create();
  StringReader file("umsaetze.sta", kStatement);
  const sdk::Status status = parser->proxy().parse(file, sink_);
  ASSERT_TRUE(status) << status.message();
  ASSERT_EQ(sink_.statements.size(), 1u);
  EXPECT_EQ(sink_.statements[0].account, "DE89370400440532013000");
  EXPECT_EQ(sink_.statements[0].dialect, "mt940");
  EXPECT_EQ(sink_.statements[0].closing->amount, Money(111900, Currency::eur()));
  ASSERT_EQ(sink_.entries.size(), 1u);
  const sdk::StatementEntry& entry = sink_.entries[0];
  EXPECT_EQ(entry.amount, Money(11900, Currency::eur()));
  EXPECT_EQ(entry.details.end_to_end_id, "E2E-1");
  EXPECT_EQ(entry.details.remittance, "RE-2026-0042");
  EXPECT_EQ(entry.details.bank_reference, "BANKREF1");
  EXPECT_EQ(entry.details.counterparty_name, "MÜLLER GMBH");
  EXPECT_THAT(sink_.codes(), ElementsAre("encoding_assumed"));
  EXPECT_EQ(host_.metrics().at("entries_read"), 1);
}

TEST_F(Mt940ParserTest, TheConfiguredEncodingIsUsed) {
  host_.set("encoding", "iso-8859-1");
  auto parser = create();
  StringReader file("umsaetze.sta", kStatement);
  ASSERT_TRUE(parser->proxy().parse(file, sink_));
  EXPECT_EQ(sink_.entries[0].details.counterparty_name, "MÜLLER GMBH");
  EXPECT_THAT(sink_.warnings, IsEmpty());
}

TEST_F(Mt940ParserTest, AFileLargerThanMaxFileSizeIsRefusedClearly) {
  host_.set("max_file_size", "100");
  auto parser = create();
  for (bool size_known : {true, false}) {
    StringReader big("big.sta", kStatement, size_known);
    const sdk::Status status = parser->proxy().parse(big, sink_);
    EXPECT_EQ(status.code(), sdk::Code::kFailed);
    EXPECT_THAT(status.message(), HasSubstr("big.sta is larger than max_file_size (100 bytes)"));
  }
  EXPECT_THAT(sink_.statements, IsEmpty());
}

TEST_F(Mt940ParserTest, AnUnreadableFileFailsWithLineAndColumn) {
  auto parser = create();
  StringReader file("bad.sta", ":20:X\n:25:A\n:60F:C261302EUR0,\n");
  const sdk::Status status = parser->proxy().parse(file, sink_);
  EXPECT_EQ(status.code(), sdk::Code::kFailed);
  EXPECT_THAT(status.message(), HasSubstr("3:"));
}

TEST_F(Mt940ParserTest, ProbesThroughTheBoundary) {
  auto parser = create();
  auto probe = [&](std::string_view prefix) {
    auto confidence = parser->proxy().probe(
        "x", std::span(reinterpret_cast<const std::uint8_t*>(prefix.data()), prefix.size()));
    return confidence.ok() ? *confidence : -1;
  };
  EXPECT_GE(probe(kStatement), 90);
  EXPECT_EQ(probe("<?xml version=\"1.0\"?><Document/>"), 0);
}

TEST_F(Mt940ParserTest, ACancelledRunReportsCancelled) {
  auto parser = create();
  std::string content;
  for (int i = 0; i < 5000; ++i) content += ":20:X\n:25:A\n-\n";
  host_.cancelled = true;
  StringReader file("long.sta", content);
  EXPECT_EQ(parser->proxy().parse(file, sink_).code(), sdk::Code::kCancelled);
}

}  // namespace
}  // namespace kontor::plugins::mt940
