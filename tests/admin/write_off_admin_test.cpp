// Writing off as an account manager does it, on the demo: the ERP export and statements imported
// by `kontord --once`, then a running kontord and kontorctl — Gärtnerei Grünwald's returned
// direct debit (R-2026-1005, 476.00) written off as uncollectible, refused a second time and for
// an unknown item, listed for the month; then the export job books it, and what the bookkeeping
// gets is read back independently: the DATEV file by tests/export/read_datev.py (Forderungs-
// verluste 19 % without a BU key: DATEV corrects the VAT) and the journal by the real hledger and
// ledger (net and VAT spelled out).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <fstream>

#include "dunning/dunning_job_fixture.hpp"
#include "support/journal_tools.hpp"
#include "support/running_kontord.hpp"

namespace kontor::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::SizeIs;

class WriteOffAdmin : public DunningJob {
 protected:
  void SetUp() override {
    DunningJob::SetUp();
    // The demo with an admin socket of this test's own and no schedules: nothing runs unless the
    // test runs it.
    std::string config = read_text(dir_ / "kontor.yaml");
    std::string yaml;
    std::istringstream lines(config);
    for (std::string line; std::getline(lines, line);) {
      if (line.find("schedule:") != std::string::npos) continue;
      yaml += line + "\n";
      if (line == "daemon:") yaml += "  admin_socket: " + (dir_ / "admin.sock").string() + "\n";
    }
    std::ofstream(dir_ / "kontor.yaml", std::ios::binary | std::ios::trunc) << yaml;
    // kontord and kontorctl read the demo's variables from the environment.
    ::setenv("KONTOR_DEMO_STATE", state().c_str(), 1);
    ::setenv("KONTOR_PLUGIN_DIR", (binary_dir() / "plugins").c_str(), 1);
  }

  void start() {
    const fs::path output = dir_ / "daemon";
    fs::create_directories(output);
    daemon_ = std::make_unique<RunningKontord>(dir_ / "kontor.yaml", output);
    ASSERT_TRUE(daemon_->ready()) << daemon_->err();
  }

  Completed kontorctl(std::vector<std::string> args) {
    ChildOptions options;
    options.argv = {(binary_dir() / "daemon/kontorctl").string(), "--config",
                    (dir_ / "kontor.yaml").string()};
    options.argv.insert(options.argv.end(), args.begin(), args.end());
    options.output_dir = dir_ / "kontorctl" / std::to_string(++calls_);
    fs::create_directories(options.output_dir);
    return run_to_end(std::move(options));
  }

  nlohmann::json kontorctl_json(std::vector<std::string> args) {
    args.push_back("--json");
    const Completed done = kontorctl(args);
    EXPECT_EQ(done.status, 0) << done.err;
    return nlohmann::json::parse(done.out, nullptr, false);
  }

  std::unique_ptr<RunningKontord> daemon_;
  int calls_ = 0;
};

TEST_F(WriteOffAdmin, AnUncollectibleInvoiceIsWrittenOffListedAndBookedWithItsVatCorrected) {
  drop_demo();
  const Completed imported = once(kDemoDay, {"import-items", "import-statements"});
  ASSERT_EQ(imported.status, 0) << imported.err;
  ASSERT_TRUE(item("R-2026-1005"));
  ASSERT_EQ(item("R-2026-1005")->open.minor_units(), 47600) << "the direct debit came back";
  start();

  const nlohmann::json written =
      kontorctl_json({"write-off", "R-2026-1005", "--reason", "Insolvenz mangels Masse abgelehnt",
                      "--on", "2026-11-28"});
  EXPECT_EQ(written["amount"], "476.00");
  EXPECT_EQ(written["currency"], "EUR");
  EXPECT_EQ(written["kind"], "uncollectible");
  EXPECT_EQ(written["dated"], "2026-11-28");
  EXPECT_EQ(written["open_after"], "0.00");
  EXPECT_EQ(written["vat_corrected"], true);

  const Completed again = kontorctl({"write-off", "R-2026-1005", "--reason", "noch einmal"});
  EXPECT_NE(again.status, 0);
  EXPECT_THAT(again.err, HasSubstr("nothing open to write off"));
  const Completed unknown = kontorctl({"write-off", "R-0000", "--reason", "gibt es nicht"});
  EXPECT_NE(unknown.status, 0);
  EXPECT_THAT(unknown.err, HasSubstr("no open item 'R-0000'"));
  const Completed without_reason = kontorctl({"write-off", "R-2026-1004"});
  EXPECT_NE(without_reason.status, 0) << "--reason is required";

  const nlohmann::json month =
      kontorctl_json({"write-offs", "--from", "2026-11-01", "--to", "2026-11-30"});
  ASSERT_THAT(month["write_offs"], SizeIs(1));
  EXPECT_EQ(month["write_offs"][0]["item"], "R-2026-1005");
  EXPECT_EQ(month["write_offs"][0]["customer"], "K-10004");
  EXPECT_EQ(month["write_offs"][0]["reason"], "Insolvenz mangels Masse abgelehnt");
  daemon_.reset();

  // The export books it: debtor 10004 credited, Forderungsverluste 19 % (2406) debited gross.
  const Completed exported = once(kDemoDay, {"export"});
  ASSERT_EQ(exported.status, 0) << exported.err;
  std::vector<std::string> argv = {(source_dir() / "tests/export/read_datev.py").string()};
  for (const auto& entry : fs::directory_iterator(state() / "outbox/datev")) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with("EXTF_Buchungsstapel_")) argv.push_back(entry.path().string());
  }
  ASSERT_EQ(argv.size(), 2u);
  const nlohmann::json datev = python(argv);
  std::vector<nlohmann::json> written_off;
  for (const auto& record : datev["files"][0]["records"]) {
    if (record["gegenkonto"] == "2406") written_off.push_back(record);
  }
  ASSERT_THAT(written_off, SizeIs(1));
  EXPECT_EQ(written_off[0]["konto"], "10004");
  EXPECT_EQ(written_off[0]["bu"], "") << "2406 is an automatic account: DATEV corrects the VAT";
  EXPECT_EQ(datev["accounts"]["2406"]["debit"], 47600);

  // The journal spells the correction out: 400.00 net on 2406, 76.00 VAT back on 1776.
  const fs::path journal = state() / "outbox/journal/kontor.journal";
  const journal_tools::ToolRun checked = journal_tools::hledger_check(journal);
  EXPECT_EQ(checked.exit_code, 0) << checked.err;
  const auto balances = journal_tools::ledger_balances(journal);
  EXPECT_EQ(balances.at("Aufwand:2406 Forderungsverluste 19% USt"), "400.00 EUR");
  EXPECT_EQ(balances.at("Passiva:Umsatzsteuer:1776 Umsatzsteuer 19%"), "76.00 EUR");
  // The invoice itself is the ERP's booking (the demo exports no invoices): here the debtor shows
  // the write-off's credit, which in the bookkeeping clears the invoice's 476.00.
  EXPECT_EQ(balances.at("Aktiva:Debitoren:10004"), "-476.00 EUR");
}

}  // namespace
}  // namespace kontor::testing
