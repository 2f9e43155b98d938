// What came in from the banks, as an operator asks a running kontord: `kontorctl statements`
// (GET /accounts) after a statement import, and `kontorctl files --quarantined` (GET /files)
// for a file no parser could read — with the real folder-source and camt plugins.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "support/child_process.hpp"
#include "support/running_kontord.hpp"
#include "support/temp_dir.hpp"

namespace kontor::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string kIban = "CH2909000000250094239";
const std::string kCamt053 =
    "camt053/moov-iso20022__camt.053_P_CH2909000000250094239_1110092698_0_2020112503071366.xml";

class StatementsAdmin : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(dir_ / "inbox");
    dir_.write("kontor.yaml",
               "daemon: {state_dir: " + dir_.path().string() +
                   "/state, plugin_dir: " + (binary_dir() / "plugins").string() +
                   ", admin_socket: " + (dir_ / "run/admin.sock").string() + "}\n" +
                   company_yaml() +
                   "  bank_accounts:\n"
                   "    - {iban: " +
                   kIban +
                   ", bic: POFICHBEXXX, ledger_account: '1200'}\n"
                   "instances:\n"
                   "  bank-drop: {plugin: folder-source, path: " +
                   (dir_ / "inbox").string() +
                   ", settle: 0s}\n"
                   "  camt: {plugin: camt}\n"
                   "jobs:\n"
                   "  statements: {engine: import_statements, inputs: [bank-drop], parsers: "
                   "[camt], schedule: '0 6 * * 1-5'}\n");
    daemon_ = std::make_unique<RunningKontord>(dir_ / "kontor.yaml", dir_.path());
    ASSERT_TRUE(daemon_->ready()) << daemon_->err();
  }

  Completed kontorctl(std::vector<std::string> args) {
    ChildOptions options;
    options.argv = {(binary_dir() / "daemon/kontorctl").string(), "--config",
                    (dir_ / "kontor.yaml").string()};
    options.argv.insert(options.argv.end(), args.begin(), args.end());
    options.output_dir = dir_.path() / "ctl";
    std::filesystem::create_directories(options.output_dir);
    return run_to_end(std::move(options));
  }

  // Asks for an import now — the folder's watch may already have started one for the file just
  // dropped, which kontord says with 409 — and polls (bounded) `kontorctl VERB --json` until it
  // lists something.
  nlohmann::json import_and_list(const std::vector<std::string>& verb) {
    const Completed started = kontorctl({"run", "statements"});
    if (started.status != 0 && started.err.find("is running") == std::string::npos) {
      ADD_FAILURE() << "run refused: " << started.err;
      return nlohmann::json::array();
    }
    std::vector<std::string> args = verb;
    args.push_back("--json");
    for (int i = 0; i < 500; ++i) {
      const Completed listed = kontorctl(args);
      auto list = nlohmann::json::parse(listed.out, nullptr, false);
      if (list.is_array() && !list.empty()) return list;
      ::usleep(20'000);
    }
    ADD_FAILURE() << "nothing listed by kontorctl " << verb.front() << " after 10 s";
    return nlohmann::json::array();
  }

  TempDir dir_;
  std::unique_ptr<RunningKontord> daemon_;
};

TEST_F(StatementsAdmin, BeforeAnyImportNoAccountAndNoRefusedFileIsListed) {
  const Completed statements = kontorctl({"statements"});
  ASSERT_EQ(statements.status, 0) << statements.err;
  EXPECT_THAT(statements.out, HasSubstr("no bank statements imported yet"));
  const Completed files = kontorctl({"files", "--quarantined"});
  ASSERT_EQ(files.status, 0) << files.err;
  EXPECT_THAT(files.out, HasSubstr("no file refused"));
}

TEST_F(StatementsAdmin, AnImportedStatementShowsItsAccountLastBookingAndClosingBalance) {
  std::filesystem::copy_file(shared_dir() / "fixtures/bank" / kCamt053,
                             dir_ / "inbox/statement.xml");
  const auto accounts = import_and_list({"statements"});
  ASSERT_EQ(accounts.size(), 1u) << accounts.dump();
  EXPECT_EQ(accounts[0]["account"], kIban);
  EXPECT_EQ(accounts[0]["configured"], true);
  EXPECT_EQ(accounts[0]["statements"], 1);
  EXPECT_TRUE(accounts[0]["last_booking_date"].is_string()) << accounts.dump();
  ASSERT_TRUE(accounts[0]["last_closing_balance"].is_object()) << accounts.dump();
  EXPECT_EQ(accounts[0]["last_closing_balance"]["currency"], "CHF");

  const Completed table = kontorctl({"statements"});
  ASSERT_EQ(table.status, 0) << table.err;
  EXPECT_THAT(table.out, HasSubstr(kIban));

  // The run that imported it says what it counted (polled: its end is recorded after the commit
  // the statement list already shows).
  nlohmann::json counts;
  for (int i = 0; i < 500 && !counts.contains("transactions_new"); ++i) {
    const auto runs =
        nlohmann::json::parse(kontorctl({"runs", "statements", "--json"}).out, nullptr, false);
    for (const auto& run : runs) {
      if (run["counts"].value("files_imported", 0) == 1) counts = run["counts"];
    }
    if (!counts.contains("transactions_new")) ::usleep(20'000);
  }
  EXPECT_EQ(counts.value("transactions_new", -1), 5) << counts.dump();
  EXPECT_EQ(counts.value("statements_new", -1), 1) << counts.dump();
  EXPECT_THAT(table.out, Not(HasSubstr("not in company.bank_accounts")));
}

TEST_F(StatementsAdmin, AFileNoParserReadsIsListedAsRefusedWithItsReason) {
  dir_.write("inbox/kontoauszug.pdf", "%PDF-1.4 not a statement\n");
  const auto files = import_and_list({"files", "--quarantined"});
  ASSERT_EQ(files.size(), 1u) << files.dump();
  EXPECT_EQ(files[0]["name"], "kontoauszug.pdf");
  EXPECT_EQ(files[0]["source"], "bank-drop");
  EXPECT_FALSE(files[0]["reason"].get<std::string>().empty());

  const Completed table = kontorctl({"files"});
  EXPECT_THAT(table.out, HasSubstr("kontoauszug.pdf (from bank-drop"));
}

TEST_F(StatementsAdmin, AnUnknownFileStateIsABadRequest) {
  const Completed files = kontorctl({"files", "--limit", "0"});
  EXPECT_EQ(files.status, 1);
  EXPECT_THAT(files.err, HasSubstr("limit must be a whole number from 1 to 1000"));
}

}  // namespace
}  // namespace kontor::testing
