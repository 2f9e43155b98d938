// Files fetched over SFTP end to end: a real sshd started by the test, kontord --once with the
// real sftp-source, open-items and camt plugins, import_open_items and import_statements, the
// store, and what happened on the server afterwards. The login uses
// a key with a passphrase, read from the environment as a secret.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "store_snapshot.hpp"
#include "support/child_process.hpp"
#include "support/running_kontord.hpp"
#include "support/sftp_server.hpp"
#include "support/temp_dir.hpp"

namespace kontor::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

const char* kHeader =
    "invoice_no;customer_no;customer_name;street;postcode;city;email;iban;due_date;amount;"
    "tax_rate;document_type;refers_to\n";

class SftpImport : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_THAT(server_.error(), IsEmpty());
    fs::create_directories(outbox());
    fs::create_directories(bank_outbox());
    write_config(server_.known_hosts());
  }

  // The bank's statement directory on the server.
  fs::path bank_outbox() const { return server_.files() / "bank"; }

  // The ERP's export directory on the server.
  fs::path outbox() const { return server_.files() / "erp"; }

  void write_config(const fs::path& known_hosts) {
    dir_.write("kontor.yaml",
               "daemon: {state_dir: " + (dir_ / "state").string() +
                   ", plugin_dir: " + (binary_dir() / "plugins").string() + "}\n" + company_yaml() +
                   "  bank_accounts:\n"
                   "    - {iban: CH2909000000250094239, bic: POFICHBEXXX, ledger_account: '1200'}\n"
                   "instances:\n"
                   "  erp-sftp:\n"
                   "    plugin: sftp-source\n"
                   "    host: 127.0.0.1\n"
                   "    port: " +
                   std::to_string(server_.port()) +
                   "\n"
                   "    user: " +
                   server_.user() +
                   "\n"
                   "    path: " +
                   outbox().string() +
                   "\n"
                   "    known_hosts: " +
                   known_hosts.string() +
                   "\n"
                   "    private_key: " +
                   server_.client_key_with_passphrase().string() +
                   "\n"
                   "    password: {env: KONTOR_TEST_KEY_PASSPHRASE}\n"
                   "    settle: 0s\n"
                   "  erp: {plugin: open-items, decimal: comma, grouping: point, date_format: "
                   "german}\n"
                   "  bank-sftp:\n"
                   "    plugin: sftp-source\n"
                   "    host: 127.0.0.1\n"
                   "    port: " +
                   std::to_string(server_.port()) + "\n    user: " + server_.user() +
                   "\n    path: " + bank_outbox().string() +
                   "\n    known_hosts: " + known_hosts.string() +
                   "\n    private_key: " + server_.client_key_with_passphrase().string() +
                   "\n"
                   "    password: {env: KONTOR_TEST_KEY_PASSPHRASE}\n"
                   "    settle: 0s\n"
                   "  camt: {plugin: camt}\n"
                   "jobs:\n"
                   "  items: {engine: import_open_items, inputs: [erp-sftp], parsers: [erp]}\n"
                   "  statements: {engine: import_statements, inputs: [bank-sftp], parsers: "
                   "[camt]}\n");
  }

  Completed once() {
    ChildOptions options = kontord_once(dir_.path());
    options.set_env = {{"KONTOR_TEST_KEY_PASSPHRASE", SftpServer::kPassphrase}};
    return run_to_end(std::move(options));
  }

  void upload(const std::string& name, const std::string& rows) {
    std::ofstream(outbox() / name, std::ios::binary) << kHeader << rows;
  }

  std::map<std::string, std::int64_t> open_amounts() {
    return open_amounts_in(dir_ / "state/kontor.db");
  }

  std::size_t bank_transactions() { return bank_transactions_in(dir_ / "state/kontor.db"); }

  SftpServer server_;
  TempDir dir_;
};

TEST_F(SftpImport, ImportsOnceAndMovesTheFileOnTheServerOnlyAfterTheCommit) {
  upload("2026-11-27_offene-posten.csv",
         "R-1;K-1;Bäckerei Schmitz GmbH;Severinstr. 1;50678;Köln;a@b.example;;31.10.2026;"
         "1.190,00;19;invoice;\n");
  auto first = once();
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_THAT(first.err, HasSubstr("1 customers (1 new, 0 changed), 1 items (1 new, 0 changed)"));
  EXPECT_EQ(open_amounts().at("R-1"), 119000);
  EXPECT_THAT(names_in(outbox()), ElementsAre("processed"));
  EXPECT_THAT(names_in(outbox() / "processed"),
              ElementsAre("2026-11-28T08-00-00Z_2026-11-27_offene-posten.csv"));

  // The ERP uploads the same export again: imported before, adds nothing, moved away again.
  fs::copy_file(outbox() / "processed/2026-11-28T08-00-00Z_2026-11-27_offene-posten.csv",
                outbox() / "2026-11-27_offene-posten.csv");
  auto second = once();
  ASSERT_EQ(second.status, 0) << second.err;
  EXPECT_THAT(second.err, HasSubstr("0 files imported, 1 known before, 0 refused"));
  EXPECT_THAT(names_in(outbox()), ElementsAre("processed"));
}

TEST_F(SftpImport, ARefusedFileGoesToTheServersQuarantineWithItsErrorAndTheJobGoesOn) {
  upload("broken.csv", "R-1;K-1;Muster;Str. 1;50678;Köln;;;31.02.2026;10,00;19;invoice;\n");
  upload("good.csv", "R-9;K-9;Gut AG;Weg 2;10115;Berlin;;;30.11.2026;50,00;19;invoice;\n");
  auto result = once();
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(open_amounts().at("R-9"), 5000);
  EXPECT_EQ(open_amounts().count("R-1"), 0u);
  EXPECT_THAT(
      names_in(outbox() / "quarantine"),
      ElementsAre("2026-11-28T08-00-00Z_broken.csv", "2026-11-28T08-00-00Z_broken.csv.error"));
  EXPECT_THAT(read_text(outbox() / "quarantine/2026-11-28T08-00-00Z_broken.csv.error"),
              HasSubstr("line 2:"));
  EXPECT_THAT(names_in(outbox() / "processed"), ElementsAre("2026-11-28T08-00-00Z_good.csv"));
}

TEST_F(SftpImport, AChangedHostKeyFailsTheRunNamingTheHostAndLeavesTheFile) {
  write_config(server_.known_hosts_with_another_key());
  upload("items.csv", "R-1;K-1;Muster;Str. 1;50678;Köln;;;31.10.2026;10,00;19;invoice;\n");
  auto result = once();
  EXPECT_EQ(result.status, 1);
  EXPECT_THAT(result.err, HasSubstr("host key of 127.0.0.1:" + std::to_string(server_.port()) +
                                    " does not match"));
  EXPECT_THAT(result.err, ::testing::Not(HasSubstr(SftpServer::kPassphrase)));
  // A changed host key will be the same in a minute: the scheduler must not retry it.
  EXPECT_THAT(result.err, HasSubstr("is not retried: a plugin said waiting will not help"));
  EXPECT_THAT(names_in(outbox()), ElementsAre("items.csv"));
  EXPECT_THAT(open_amounts(), IsEmpty());
}

TEST_F(SftpImport, AStatementIsImportedOnceThenMovedToProcessedOnTheServer) {
  // PostFinance's camt.053 of the fixtures: five bookings, two with the same bank reference.
  fs::copy_file(shared_dir() / "fixtures/bank/camt053" /
                    "moov-iso20022__camt.053_P_CH2909000000250094239_1110092698_0_"
                    "2020112503071366.xml",
                bank_outbox() / "camt053.xml");
  auto first = once();
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_EQ(bank_transactions(), 5U);
  EXPECT_THAT(names_in(bank_outbox() / "processed"),
              ElementsAre("2026-11-28T08-00-00Z_camt053.xml"));

  // The bank puts the same file up again: known by its content, nothing added.
  fs::copy_file(bank_outbox() / "processed/2026-11-28T08-00-00Z_camt053.xml",
                bank_outbox() / "camt053-again.xml");
  auto second = once();
  ASSERT_EQ(second.status, 0) << second.err;
  EXPECT_EQ(bank_transactions(), 5U);
  EXPECT_THAT(second.err, HasSubstr("1 known before"));
}

TEST_F(SftpImport, AServerThatIsDownFailsTheRunAndNothingIsLost) {
  upload("items.csv", "R-1;K-1;Muster;Str. 1;50678;Köln;;;31.10.2026;10,00;19;invoice;\n");
  server_.stop();
  auto result = once();
  EXPECT_EQ(result.status, 1);
  // A server that is down may be up again soon: this failure is one the job's retries are for.
  EXPECT_THAT(result.err, ::testing::Not(HasSubstr("is not retried")));
  EXPECT_THAT(names_in(outbox()), ElementsAre("items.csv"));
}

}  // namespace
}  // namespace kontor::testing
