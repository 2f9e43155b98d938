// The ERP import as an operator sees it: files dropped into a folder, kontord --once, the store,
// processed/ and quarantine/ — with the real folder-source and open-items plugins.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "store_snapshot.hpp"
#include "support/child_process.hpp"
#include "support/running_kontord.hpp"
#include "support/temp_dir.hpp"

namespace kontor::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

const char* kHeader =
    "invoice_no;customer_no;customer_name;street;postcode;city;email;iban;due_date;amount;"
    "tax_rate;document_type;refers_to\n";

class OpenItemsImport : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(dir_ / "inbox");
    dir_.write("kontor.yaml",
               "daemon: {state_dir: " + dir_.path().string() + "/state, plugin_dir: " +
                   (binary_dir() / "plugins").string() + "}\n" + company_yaml() +
                   "instances:\n"
                   "  drop: {plugin: folder-source, path: " +
                   (dir_ / "inbox").string() +
                   ", settle: 0s}\n"
                   "  erp: {plugin: open-items, decimal: comma, grouping: point, date_format: "
                   "german}\n"
                   "jobs:\n"
                   "  items: {engine: import_open_items, inputs: [drop], with: {mode: " +
                   mode_ + "}}\n");
  }

  Completed run(const std::string& tool, std::vector<std::string> args) {
    ChildOptions options;
    options.argv = {(binary_dir() / "daemon" / tool).string(), "--config",
                    (dir_ / "kontor.yaml").string()};
    options.argv.insert(options.argv.end(), args.begin(), args.end());
    options.output_dir = dir_.path();
    return run_to_end(std::move(options));
  }

  Completed once() { return run("kontord", {"--once", "--now=2026-11-28T09:00"}); }

  void drop(const std::string& name, const std::string& rows) {
    dir_.write("inbox/" + name, std::string(kHeader) + rows);
  }

  // open amount in cents per item number, read straight from the store.
  std::map<std::string, std::int64_t> open_amounts() {
    return open_amounts_in(dir_ / "state/kontor.db");
  }

  std::vector<std::string> files_in(const std::string& folder) {
    std::vector<std::string> names;
    if (!std::filesystem::exists(dir_ / folder)) return names;
    for (const auto& entry : std::filesystem::directory_iterator(dir_ / folder)) {
      names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

  TempDir dir_;
  std::string mode_ = "delta";
};

TEST_F(OpenItemsImport, ImportsOnceAndAgainChangesNothing) {
  drop("items.csv",
       "R-1;K-1;Bäckerei Schmitz GmbH;Severinstr. 1;50678;Köln;a@b.example;DE89370400440532013000;"
       "31.10.2026;1.190,00;19;invoice;\n"
       "R-2;K-1;Bäckerei Schmitz GmbH;Severinstr. 1;50678;Köln;a@b.example;"
       "DE89370400440532013000;30.11.2026;238,00;19;invoice;\n"
       "G-1;K-1;Bäckerei Schmitz GmbH;Severinstr. 1;50678;Köln;a@b.example;"
       "DE89370400440532013000;30.11.2026;-38,00;19;credit_note;R-2\n");
  auto first = once();
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_THAT(first.err, HasSubstr("items.csv: 1 customers (1 new, 0 changed), 3 items (3 new, 0 "
                                   "changed)"));
  const auto amounts = open_amounts();
  EXPECT_EQ(amounts.at("R-1"), 119000);
  EXPECT_EQ(amounts.at("R-2"), 20000);  // the credit note settled 38.00 of it
  EXPECT_EQ(amounts.at("G-1"), 0);
  EXPECT_THAT(files_in("inbox"), ::testing::ElementsAre("processed"));

  // The ERP drops the same export again.
  std::filesystem::copy_file(dir_ / "inbox/processed" / files_in("inbox/processed")[0],
                             dir_ / "inbox/items.csv");
  auto second = once();
  ASSERT_EQ(second.status, 0) << second.err;
  EXPECT_THAT(second.err, HasSubstr("0 files imported, 1 known before, 0 refused"));
  EXPECT_EQ(open_amounts(), amounts);
}

TEST_F(OpenItemsImport, AFileWithBadRowsGoesToQuarantineWithEveryRowAndNothingIsImported) {
  drop("broken.csv",
       "R-1;K-1;Muster;Str. 1;50678;Köln;;;31.10.2026;1.190,00;19;invoice;\n"
       "R-2;K-1;Muster;Str. 1;50678;Köln;;;31.02.2026;10,00;19;invoice;\n"
       "R-3;K-1;Muster;Str. 1;50678;Köln;;;30.11.2026;zehn;19;invoice;\n");
  drop("good.csv", "R-9;K-9;Gut AG;Weg 2;10115;Berlin;;;30.11.2026;50,00;19;invoice;\n");
  auto result = once();
  EXPECT_EQ(result.status, 0) << result.err;  // the job goes on with the next file
  const auto amounts = open_amounts();
  EXPECT_EQ(amounts.count("R-1"), 0u);
  EXPECT_EQ(amounts.at("R-9"), 5000);
  const auto quarantined = files_in("inbox/quarantine");
  ASSERT_EQ(quarantined.size(), 2u);  // the file and its .error
  std::ifstream error(dir_ / "inbox/quarantine" / quarantined[1]);
  std::string reason((std::istreambuf_iterator<char>(error)), std::istreambuf_iterator<char>());
  EXPECT_THAT(reason, HasSubstr("2 bad rows in broken.csv"));
  EXPECT_THAT(reason, HasSubstr("line 3:"));
  EXPECT_THAT(reason, HasSubstr("line 4:"));
  EXPECT_THAT(result.err, HasSubstr("broken.csv refused: "));
}

TEST_F(OpenItemsImport, AFileNoParserKnowsIsQuarantinedNamingTheParsersTried) {
  dir_.write("inbox/statement.sta", ":20:STARTUMS\n:25:37040044/0532013000\n");
  auto result = once();
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_THAT(result.err, HasSubstr("statement.sta: no parser recognises this file (tried: erp)"));
  EXPECT_EQ(files_in("inbox/quarantine").size(), 2u);
}

TEST_F(OpenItemsImport, AComplaintRecordedWithKontorctlIsKeptWithTheCustomer) {
  drop("items.csv", "R-1;K-1;Muster;Str. 1;50678;Köln;;;31.10.2026;10,00;19;invoice;\n");
  ASSERT_EQ(once().status, 0);
  auto added = run("kontorctl",
                   {"note", "add", "--item", "R-1", "--complaint", "Ware beschädigt geliefert"});
  ASSERT_EQ(added.status, 0) << added.err;
  EXPECT_THAT(added.out, HasSubstr("note 1 added: an open complaint; no reminders until it is "
                                   "resolved"));
  auto listed = run("kontorctl", {"notes", "--customer", "K-1", "--json"});
  ASSERT_EQ(listed.status, 0) << listed.err;
  EXPECT_THAT(listed.out, HasSubstr("\"blocks_dunning\": true"));
  EXPECT_THAT(listed.out, HasSubstr("\"item\": \"R-1\""));
  ASSERT_EQ(run("kontorctl", {"note", "resolve", "1"}).status, 0);
  auto open = run("kontorctl", {"notes", "--open"});
  EXPECT_EQ(open.out, "no notes\n");
  auto unknown = run("kontorctl", {"note", "add", "--customer", "K-404", "--call", "hallo"});
  EXPECT_EQ(unknown.status, 1);
}

class SnapshotImport : public OpenItemsImport {
 protected:
  SnapshotImport() { mode_ = "snapshot"; }
};

TEST_F(SnapshotImport, OpenInvoicesMissingFromTheSnapshotAreSettledExternally) {
  drop("monday.csv",
       "R-1;K-1;Muster;Str. 1;50678;Köln;;;31.10.2026;10,00;19;invoice;\n"
       "R-2;K-1;Muster;Str. 1;50678;Köln;;;31.10.2026;20,00;19;invoice;\n");
  ASSERT_EQ(once().status, 0);
  drop("tuesday.csv", "R-2;K-1;Muster;Str. 1;50678;Köln;;;31.10.2026;20,00;19;invoice;\n");
  auto result = once();
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_THAT(result.err, HasSubstr("tuesday.csv: 1 open invoice not in this snapshot, marked "
                                    "settled externally (no reminders): R-1"));
}

}  // namespace
}  // namespace kontor::testing
