// The camt plugin through the SDK's fake host: configuration, probing and parsing across the C
// boundary.
#include "camt_parser.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kontor/testing/fake_host.hpp"
#include "testing_support.hpp"

extern "C" const kontor_plugin_descriptor* kontor_plugin_entry_impl_v1(
    const kontor_host_info* host) noexcept;

namespace kontor::plugins::camt {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class CamtParserTest : public ::testing::Test {
 protected:
  std::unique_ptr<kontor::testing::FakeInstance> create() {
    auto instance = host_.create();
    EXPECT_TRUE(instance.ok()) << (instance.ok() ? "" : instance.error().message);
    return instance.ok() ? std::move(instance).value() : nullptr;
  }
  kontor::testing::FakeHost host_{&kontor_plugin_entry_impl_v1};
  testing::RecordingSink sink_;
};

TEST_F(CamtParserTest, DeclaresItselfAParserWithItsOneKey) {
  const kontor_plugin_descriptor* d = host_.descriptor();
  ASSERT_NE(d, nullptr);
  EXPECT_STREQ(d->name, "camt");
  EXPECT_EQ(d->roles, static_cast<std::uint32_t>(KONTOR_ROLE_PARSER));
  std::vector<std::string> keys;
  for (const sdk::ConfigField& field : CamtParser::schema()) keys.push_back(field.key());
  EXPECT_THAT(keys, ElementsAre("max_file_size"));
}

TEST_F(CamtParserTest, AStatementCrossesThePluginBoundaryWhole) {
  auto parser = create();
  testing::StringReader file(testing::statement_053(
      testing::balance("OPBD", "1.00", "2026-03-02") +
          testing::balance("CLBD", "3.00", "2026-03-02"),
      testing::entry("2.00", "CRDT",
                     "<NtryRef>OWN-1</NtryRef><NtryDtls><TxDtls><Refs><EndToEndId>E2E</EndToEndId>"
                     "</Refs></TxDtls></NtryDtls>")));
  const sdk::Status status = parser->proxy().parse(file, sink_);
  ASSERT_TRUE(status) << status.message();
  ASSERT_EQ(sink_.statements.size(), 1u);
  EXPECT_EQ(sink_.statements[0].dialect, "camt.053.001.02");
  EXPECT_EQ(sink_.statements[0].closing->amount, Money(300, Currency::eur()));
  ASSERT_EQ(sink_.entries.size(), 1u);
  EXPECT_EQ(sink_.entries[0].owner_reference, "OWN-1");
  EXPECT_EQ(sink_.entries[0].detail_count, 1u);
  EXPECT_EQ(sink_.details.at(0).details.end_to_end_id, "E2E");
  EXPECT_EQ(host_.metrics().at("entries_read"), 1);
}

TEST_F(CamtParserTest, AFileLargerThanMaxFileSizeIsRefusedClearly) {
  host_.set("max_file_size", "100");
  auto parser = create();
  for (bool size_known : {true, false}) {
    testing::StringReader big(testing::statement_053("", ""), 7, size_known);
    const sdk::Status status = parser->proxy().parse(big, sink_);
    EXPECT_EQ(status.code(), sdk::Code::kFailed);
    EXPECT_THAT(status.message(),
                HasSubstr("statement.xml is larger than max_file_size (100 bytes)"));
  }
  EXPECT_TRUE(sink_.statements.empty());
}

TEST_F(CamtParserTest, ProbesThroughTheBoundary) {
  auto parser = create();
  auto probe = [&](std::string_view prefix) {
    auto confidence = parser->proxy().probe(
        "x", std::span(reinterpret_cast<const std::uint8_t*>(prefix.data()), prefix.size()));
    return confidence.ok() ? *confidence : -1;
  };
  EXPECT_EQ(probe(testing::statement_053("", "").substr(0, 120)), 95);
  EXPECT_EQ(probe(":20:STARTUMSE\r\n"), 0);
}

TEST_F(CamtParserTest, ACancelledRunReportsCancelled) {
  auto parser = create();
  std::string entries;
  for (int k = 0; k < 1100; ++k) entries += testing::entry("1.00", "CRDT");
  host_.cancelled = true;
  testing::StringReader file(testing::statement_053("", entries), 4096);
  EXPECT_EQ(parser->proxy().parse(file, sink_).code(), sdk::Code::kCancelled);
}

}  // namespace
}  // namespace kontor::plugins::camt
