// The open-items plugin through the SDK's fake host: configuration, probing and parsing across
// the C boundary, files read from a temporary directory.
#include "open_items_parser.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "kontor/testing/fake_host.hpp"
#include "recording_sink.hpp"
#include "support/temp_dir.hpp"

extern "C" const kontor_plugin_descriptor* kontor_plugin_entry_impl_v1(
    const kontor_host_info* host) noexcept;

namespace kontor::plugins::open_items {
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

// A file on disk, as folder-source hands it on.
class FileReader final : public sdk::DocumentReader {
 public:
  explicit FileReader(const std::filesystem::path& path)
      : name_(path.filename().string()),
        in_(path, std::ios::binary),
        size_(static_cast<std::int64_t>(std::filesystem::file_size(path))) {}
  const std::string& name() const override { return name_; }
  std::int64_t size() const override { return size_; }
  Result<std::size_t> read(std::span<std::uint8_t> buffer) override {
    in_.read(reinterpret_cast<char*>(buffer.data()), static_cast<std::streamsize>(buffer.size()));
    return static_cast<std::size_t>(in_.gcount());
  }

 private:
  std::string name_;
  std::ifstream in_;
  std::int64_t size_;
};

const std::string kExport =
    "invoice_no;customer_no;customer_name;amount;due_date;tax_rate;document_type;refers_to;"
    "iban;customer_type;delivery;discount_percent;discount_until\n"
    "RE-1;K-1;Müller GmbH;119,00;31.03.2026;19;invoice;;DE89 3704 0044 0532 0130 00;b2b;letter;2;"
    "10.03.2026\n"
    "RE-1;K-1;Müller GmbH;10,70;31.03.2026;7;invoice;;;b2b;letter;2;10.03.2026\n"
    "GS-1;K-1;Müller GmbH;23,80;31.03.2026;19;credit_note;RE-1;;b2b;letter;;\n";

class OpenItemsParserTest : public ::testing::Test {
 protected:
  void german() {
    host_.set("decimal", "comma");
    host_.set("date_format", "german");
  }
  std::unique_ptr<testing::FakeInstance> create() {
    auto instance = host_.create();
    EXPECT_TRUE(instance.ok()) << (instance.ok() ? "" : instance.error().message);
    return instance.ok() ? std::move(instance).value() : nullptr;
  }
  std::string create_error() {
    auto instance = host_.create();
    return instance.ok() ? "" : instance.error().message;
  }

  kontor::testing::TempDir dir_;
  testing::FakeHost host_{&kontor_plugin_entry_impl_v1};
  RecordingSink sink_;
};

TEST_F(OpenItemsParserTest, DeclaresItselfAParserWithItsConfigurationKeys) {
  const kontor_plugin_descriptor* d = host_.descriptor();
  ASSERT_NE(d, nullptr);
  EXPECT_STREQ(d->name, "open-items");
  EXPECT_EQ(d->roles, static_cast<std::uint32_t>(KONTOR_ROLE_PARSER));
  std::vector<std::string> keys;
  for (const sdk::ConfigField& field : OpenItemsParser::schema()) keys.push_back(field.key());
  EXPECT_THAT(keys, ElementsAre("format", "delimiter", "decimal", "grouping", "encoding",
                                "date_format", "currency", "columns", "max_file_size"));
  EXPECT_EQ(d->config_field_count, 9u);
}

TEST_F(OpenItemsParserTest, ConfigurationThatCannotWorkIsRefusedAtCreation) {
  host_.set("currency", "EURO");
  EXPECT_THAT(create_error(), HasSubstr("currency: expected a currency"));
  host_.set("currency", "EUR");
  host_.set_map("columns", {{"belegnummer", "Beleg"}});
  EXPECT_THAT(create_error(), HasSubstr("columns: 'belegnummer' is not a field"));
  host_.set_map("columns", {});
  host_.set("grouping", "comma");
  host_.set("decimal", "comma");
  EXPECT_THAT(create_error(), HasSubstr("decimal and grouping"));
  host_.set("grouping", "none");
  host_.set("delimiter", "#");
  EXPECT_THAT(create_error(), HasSubstr("delimiter: '#' is not"));
}

TEST_F(OpenItemsParserTest, AGermanExportCrossesThePluginBoundaryWhole) {
  german();
  auto parser = create();
  StringReader export_file("offene-posten.csv", kExport);
  sdk::Status status = parser->proxy().parse(export_file, sink_);
  ASSERT_TRUE(status) << status.message();
  ASSERT_EQ(sink_.customers.size(), 1u);
  EXPECT_EQ(sink_.customers[0].kind, CustomerKind::business);
  EXPECT_EQ(sink_.customers[0].delivery, Delivery::letter);
  EXPECT_THAT(sink_.customers[0].ibans, ElementsAre("DE89 3704 0044 0532 0130 00"));
  ASSERT_EQ(sink_.items.size(), 2u);
  const sdk::ImportedOpenItem& invoice = sink_.items[0];
  EXPECT_EQ(invoice.gross, Money(12970, Currency::eur()));
  EXPECT_EQ(invoice.skonto_percent, Decimal::from_integer(2));
  EXPECT_EQ(invoice.skonto_until, *Date::from_ymd(2026, 3, 10));
  ASSERT_EQ(invoice.tax_lines.size(), 2u);
  EXPECT_EQ(invoice.tax_lines[1].rate, Decimal::from_integer(7));
  EXPECT_EQ(invoice.tax_lines[1].net, Money(1000, Currency::eur()));
  EXPECT_EQ(invoice.tax_lines[1].line, 3);
  EXPECT_EQ(sink_.items[1].type, OpenItemType::credit_note);
  EXPECT_EQ(sink_.items[1].gross, Money(-2380, Currency::eur()));
  EXPECT_EQ(host_.metrics().at("rows_read"), 3);
}

TEST_F(OpenItemsParserTest, ReadsAFileAsASourceHandsItOn) {
  german();
  host_.set("encoding", "windows-1252");
  auto parser = create();
  const auto path = dir_.write("op.csv",
                               "invoice_no;customer_no;customer_name;amount;due_date\r\n"
                               "RE-1;K-1;B\xE4"
                               "ckerei \x80;1,00;31.03.2026\r\n");
  FileReader file(path);
  sdk::Status status = parser->proxy().parse(file, sink_);
  ASSERT_TRUE(status) << status.message();
  EXPECT_EQ(sink_.customers[0].name, "Bäckerei €");
}

TEST_F(OpenItemsParserTest, AFileWithBadRowsFailsTheCallAndNothingReachesTheSink) {
  auto parser = create();
  StringReader export_file("op.csv",
                           "invoice_no;customer_no;customer_name;amount;due_date\n"
                           "RE-1;K-1;Müller;1.00;2026-03-31\n"
                           "RE-2;K-1;Müller;1,00;2026-03-31\n");
  sdk::Status status = parser->proxy().parse(export_file, sink_);
  EXPECT_EQ(status.code(), sdk::Code::kFailed);
  EXPECT_THAT(status.message(), HasSubstr("1 bad row in op.csv\nline 3: amount: amount '1,00'"));
  EXPECT_TRUE(sink_.empty());
}

TEST_F(OpenItemsParserTest, AFileLargerThanMaxFileSizeIsRefusedClearly) {
  host_.set("max_file_size", "100");
  auto parser = create();
  const std::string content =
      "invoice_no;customer_no;customer_name;amount;due_date\n" + std::string(100, ';') + "\n";
  for (bool size_known : {true, false}) {
    StringReader big("big.csv", content, size_known);
    sdk::Status status = parser->proxy().parse(big, sink_);
    EXPECT_EQ(status.code(), sdk::Code::kFailed);
    EXPECT_THAT(status.message(), HasSubstr("big.csv is larger than max_file_size (100 bytes)"));
  }
  EXPECT_TRUE(sink_.empty());
}

TEST_F(OpenItemsParserTest, ProbesThroughTheBoundary) {
  auto parser = create();
  auto probe = [&](std::string_view prefix) {
    auto confidence = parser->proxy().probe(
        "x", std::span(reinterpret_cast<const std::uint8_t*>(prefix.data()), prefix.size()));
    return confidence.ok() ? *confidence : -1;
  };
  EXPECT_GE(probe("invoice_no;customer_no;customer_name;amount;due_date\n"), 80);
  EXPECT_EQ(probe(":20:STARTUMSE\r\n"), 0);
}

TEST_F(OpenItemsParserTest, ACancelledRunReportsCancelled) {
  auto parser = create();
  std::string content = "invoice_no;customer_no;customer_name;amount;due_date\n";
  for (int i = 0; i < 5000; ++i) content += "RE-" + std::to_string(i) + ";K;M;1.00;2026-03-31\n";
  host_.cancelled = true;
  StringReader export_file("op.csv", content);
  EXPECT_EQ(parser->proxy().parse(export_file, sink_).code(), sdk::Code::kCancelled);
  EXPECT_TRUE(sink_.empty());
}

}  // namespace
}  // namespace kontor::plugins::open_items
