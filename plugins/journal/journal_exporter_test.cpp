// The journal exporter through the SDK's fake host: a batch's file is out of sight until
// published, published once, included once in the index journal that both tools read whole;
// configuration refused at creation with every problem named.
#include "journal_exporter.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "journal_test_batch.hpp"
#include "kontor/testing/fake_host.hpp"
#include "support/journal_tools.hpp"
#include "support/temp_dir.hpp"

extern "C" const kontor_plugin_descriptor* kontor_plugin_entry_impl_v1(
    const kontor_host_info* host) noexcept;

namespace kontor::plugins::journal {
namespace tools = kontor::testing::journal_tools;
namespace {

namespace fs = std::filesystem;
using namespace test_batch;
using kontor::testing::file_names_in;
using kontor::testing::read_file;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class JournalExporterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    host_.set("path", target_.string());
    host_.set("chart", "skr03");
  }

  std::unique_ptr<kontor::testing::FakeInstance> create() {
    auto instance = host_.create();
    EXPECT_TRUE(instance.ok()) << (instance.ok() ? "" : instance.error().message);
    return instance.ok() ? std::move(instance).value() : nullptr;
  }

  std::string refusal() {
    auto instance = host_.create();
    return instance.ok() ? "" : instance.error().message;
  }

  std::vector<std::string> published() const {
    std::vector<std::string> names = file_names_in(target_);
    std::erase(names, ".kontor-staging");
    return names;
  }

  kontor::testing::TempDir dir_;
  fs::path target_ = dir_ / "journal";
  kontor::testing::FakeHost host_{&kontor_plugin_entry_impl_v1};
};

TEST_F(JournalExporterTest, AStagedJournalIsOutOfSightUntilPublished) {
  auto exporter = create();
  ASSERT_TRUE(exporter);
  ASSERT_TRUE(
      exporter->proxy().stage(batch_of("journal-000001", {payment(1, day(2024, 1, 25))})).is_ok());
  EXPECT_THAT(published(), ::testing::IsEmpty());
  ASSERT_TRUE(exporter->proxy().publish("journal-000001").is_ok());
  EXPECT_THAT(published(), ElementsAre("kontor-journal-000001.journal", "kontor.journal"));
  EXPECT_EQ(tools::hledger_check(target_ / "kontor-journal-000001.journal").exit_code, 0);
}

TEST_F(JournalExporterTest, TheIndexIncludesEachBatchOnceAndBothToolsReadItWhole) {
  auto exporter = create();
  ASSERT_TRUE(exporter);
  // The second batch books earlier days than the first: order holds within each file.
  ASSERT_TRUE(exporter->proxy().stage(batch_of("j-1", {payment(1, day(2024, 2, 25))})).is_ok());
  ASSERT_TRUE(exporter->proxy().publish("j-1").is_ok());
  ASSERT_TRUE(
      exporter->proxy().stage(batch_of("j-2", {payment(2, day(2024, 1, 5), 5000)})).is_ok());
  ASSERT_TRUE(exporter->proxy().publish("j-2").is_ok());
  ASSERT_TRUE(exporter->proxy().publish("j-2").is_ok());  // a repeat writes nothing twice

  const fs::path index = target_ / "kontor.journal";
  const std::string included = read_file(index);
  EXPECT_THAT(included, HasSubstr("include kontor-j-1.journal\ninclude kontor-j-2.journal\n"));
  EXPECT_EQ(std::count(included.begin(), included.end(), '\n'), 3);  // heading and two includes
  const tools::ToolRun hledger = tools::hledger_check(index);
  EXPECT_EQ(hledger.exit_code, 0) << hledger.err;
  const tools::ToolRun ledger = tools::ledger_pedantic(index);
  EXPECT_EQ(ledger.exit_code, 0) << ledger.err;
  const std::map<std::string, std::string> expected{{"Aktiva:Bank:1200 Bank", "169.00 EUR"},
                                                    {"Aktiva:Debitoren:10001", "-169.00 EUR"}};
  EXPECT_EQ(tools::ledger_balances(index), expected);
  EXPECT_EQ(tools::hledger_balances(index), expected);
}

TEST_F(JournalExporterTest, APublishRepeatedAfterACrashStillIncludesTheBatch) {
  auto exporter = create();
  ASSERT_TRUE(exporter);
  ASSERT_TRUE(exporter->proxy().stage(batch_of("j-1", {payment(1, day(2024, 1, 25))})).is_ok());
  ASSERT_TRUE(exporter->proxy().publish("j-1").is_ok());
  // The crash came after the file was moved, before the index was written.
  fs::remove(target_ / "kontor.journal");
  ASSERT_TRUE(exporter->proxy().publish("j-1").is_ok());
  EXPECT_THAT(read_file(target_ / "kontor.journal"), HasSubstr("include kontor-j-1.journal\n"));
}

TEST_F(JournalExporterTest, ABatchFileTakenAwayIsNotIncluded) {
  host_.set("index", "alles.journal");
  auto exporter = create();
  ASSERT_TRUE(exporter);
  ASSERT_TRUE(exporter->proxy().stage(batch_of("j-1", {payment(1, day(2024, 1, 25))})).is_ok());
  ASSERT_TRUE(exporter->proxy().publish("j-1").is_ok());
  fs::remove(target_ / "kontor-j-1.journal");
  fs::remove(target_ / "alles.journal");
  ASSERT_TRUE(exporter->proxy().publish("j-1").is_ok());  // done before: nothing to include
  EXPECT_FALSE(fs::exists(target_ / "alles.journal"));
}

TEST_F(JournalExporterTest, WithoutAnIndexOnlyTheBatchFilesArePublished) {
  host_.set("index", "");
  auto exporter = create();
  ASSERT_TRUE(exporter);
  ASSERT_TRUE(exporter->proxy().stage(batch_of("j-1", {payment(1, day(2024, 1, 25))})).is_ok());
  ASSERT_TRUE(exporter->proxy().publish("j-1").is_ok());
  EXPECT_THAT(published(), ElementsAre("kontor-j-1.journal"));
}

TEST_F(JournalExporterTest, ADiscardedBatchLeavesNothingAndAPublishedOneCannotBeStagedAgain) {
  auto exporter = create();
  ASSERT_TRUE(exporter);
  ASSERT_TRUE(exporter->proxy().stage(batch_of("j-1", {payment(1, day(2024, 1, 25))})).is_ok());
  ASSERT_TRUE(exporter->proxy().discard("j-1").is_ok());
  EXPECT_FALSE(exporter->proxy().publish("j-1").is_ok());
  EXPECT_THAT(published(), ::testing::IsEmpty());

  ASSERT_TRUE(exporter->proxy().stage(batch_of("j-2", {payment(2, day(2024, 1, 25))})).is_ok());
  ASSERT_TRUE(exporter->proxy().publish("j-2").is_ok());
  const sdk::Status again =
      exporter->proxy().stage(batch_of("j-2", {payment(2, day(2024, 1, 25))}));
  EXPECT_EQ(again.code(), sdk::Code::kFailed);
  EXPECT_THAT(again.message(), HasSubstr("published before"));
}

TEST_F(JournalExporterTest, ABookingThatCannotBeWrittenFailsTheBatchNamingIt) {
  auto exporter = create();
  ASSERT_TRUE(exporter);
  const sdk::Status staged = exporter->proxy().stage(
      batch_of("j-1", {booking(4, day(2024, 1, 15), "RE-9", "Rechnung",
                               {line("10001", BookingSide::debit, 100),
                                line("8000", BookingSide::credit, 100, "44")})}));
  EXPECT_EQ(staged.code(), sdk::Code::kFailed);
  EXPECT_THAT(staged.message(), HasSubstr("booking 4, line 2: tax key '44'"));
  EXPECT_FALSE(fs::exists(target_ / ".kontor-staging" / "j-1"));
}

TEST_F(JournalExporterTest, ConfiguredNamesAndVatEntriesReplaceTheCharts) {
  host_.set_map("accounts", {{"1200", "Aktiva:Bank:1200 Sparkasse Bonn"}});
  host_.set_map("vat_accounts", {{"8736", "0:-"}});
  host_.set_map("tax_keys", {{"44", "19:1776"}});
  auto exporter = create();
  ASSERT_TRUE(exporter);
  ASSERT_TRUE(exporter->proxy()
                  .stage(batch_of("j-1", {payment(1, day(2024, 1, 25)),
                                          booking(2, day(2024, 1, 26), "RE-1", "Skonto",
                                                  {line("10001", BookingSide::credit, 300),
                                                   line("8736", BookingSide::debit, 300)}),
                                          booking(3, day(2024, 1, 27), "RE-2", "Rechnung",
                                                  {line("10001", BookingSide::debit, 119),
                                                   line("8000", BookingSide::credit, 119, "44")})}))
                  .is_ok());
  ASSERT_TRUE(exporter->proxy().publish("j-1").is_ok());
  const std::map<std::string, std::string> expected{
      {"Aktiva:Bank:1200 Sparkasse Bonn", "119.00 EUR"},
      {"Aktiva:Debitoren:10001", "-120.81 EUR"},
      {"Erlöse:8736 Gewährte Skonti 19% USt", "3.00 EUR"},  // no longer split
      {"Konten:8000", "-1.00 EUR"},
      {"Passiva:Umsatzsteuer:1776 Umsatzsteuer 19%", "-0.19 EUR"}};
  EXPECT_EQ(tools::ledger_balances(target_ / "kontor.journal"), expected);
}

TEST_F(JournalExporterTest, EveryConfigurationProblemIsNamedAtCreation) {
  host_.set("path", "relative/journal");
  host_.set_map("accounts", {{"1200", "Aktiva:Bank  1200"}, {"12x", "Konten:X"}});
  host_.set_map("vat_accounts", {{"8400", "19"}});
  host_.set_map("tax_keys", {{"3", "19:USt"}});
  host_.set("debtor_accounts", "(Debitoren)");
  host_.set("index", "../kontor.journal");
  const std::string message = refusal();
  EXPECT_THAT(message, HasSubstr("path 'relative/journal' is not an absolute path"));
  EXPECT_THAT(message, HasSubstr("accounts: the name of 1200 has two blanks in a row"));
  EXPECT_THAT(message, HasSubstr("accounts: '12x' is not an account"));
  EXPECT_THAT(message, HasSubstr("vat_accounts: 8400: '19' is not <percent>:<VAT account>"));
  EXPECT_THAT(message, HasSubstr("tax_keys: 3: 'USt' is not an account"));
  EXPECT_THAT(message, HasSubstr("debtor_accounts '(Debitoren)' starts with '('"));
  EXPECT_THAT(message, HasSubstr("index '../kontor.journal' is not a plain file name"));
}

}  // namespace
}  // namespace kontor::plugins::journal
