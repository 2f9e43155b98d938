// Files downloaded over HTTPS end to end: the test's statement server (a throwaway CA, a bearer
// token), kontord --once with the real http-source, open-items and camt plugins,
// import_open_items and import_statements, the store, and what is left on the
// server and in the local quarantine afterwards. The token is read from the environment as a
// secret and must never show in kontord's output.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "store_snapshot.hpp"
#include "support/child_process.hpp"
#include "support/https_server.hpp"
#include "support/loopback.hpp"
#include "support/running_kontord.hpp"
#include "support/temp_dir.hpp"

namespace kontor::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;

constexpr const char* kToken = "Tok3n-of-the-Bank-4711";
// What a bank's signed download link may carry in its query; never to be shown either.
constexpr const char* kSignature = "sig-8c1f0e77aa";

const char* kHeader =
    "invoice_no;customer_no;customer_name;street;postcode;city;email;iban;due_date;amount;"
    "tax_rate;document_type;refers_to\n";

class HttpImport : public ::testing::Test {
 protected:
  HttpImport() : server_({.bearer_token = kToken, .username = "", .password = ""}) {}

  void SetUp() override { ASSERT_THAT(server_.error(), IsEmpty()); }

  // `extra` holds further keys of the http-source instance, each line indented by four.
  void write_config(const std::vector<std::string>& urls, const std::string& extra = "") {
    std::string url_list;
    for (const auto& url : urls) url_list += (url_list.empty() ? "" : ", ") + ("'" + url + "'");
    dir_.write("kontor.yaml",
               "daemon: {state_dir: " + (dir_ / "state").string() +
                   ", plugin_dir: " + (binary_dir() / "plugins").string() + "}\n" + company_yaml() +
                   "instances:\n"
                   "  erp-https:\n"
                   "    plugin: http-source\n"
                   "    urls: [" +
                   url_list +
                   "]\n"
                   "    bearer_token: {env: KONTOR_TEST_BEARER_TOKEN}\n"
                   "    ca_file: " +
                   server_.ca_file().string() + "\n" + extra +
                   "  erp: {plugin: open-items, decimal: comma, grouping: point, date_format: "
                   "german}\n"
                   "jobs:\n"
                   "  items: {engine: import_open_items, inputs: [erp-https]}\n");
  }

  // The bank's statement download: http-source → camt → import_statements.
  void write_statement_config(const std::string& url) {
    dir_.write("kontor.yaml",
               "daemon: {state_dir: " + (dir_ / "state").string() +
                   ", plugin_dir: " + (binary_dir() / "plugins").string() + "}\n" + company_yaml() +
                   "  bank_accounts:\n"
                   "    - {iban: CH2909000000250094239, bic: POFICHBEXXX, ledger_account: '1200'}\n"
                   "instances:\n"
                   "  bank-https:\n"
                   "    plugin: http-source\n"
                   "    urls: ['" +
                   url +
                   "']\n"
                   "    bearer_token: {env: KONTOR_TEST_BEARER_TOKEN}\n"
                   "    ca_file: " +
                   server_.ca_file().string() +
                   "\n"
                   "  camt: {plugin: camt}\n"
                   "jobs:\n"
                   "  statements: {engine: import_statements, inputs: [bank-https]}\n");
  }

  std::size_t bank_transactions() { return bank_transactions_in(dir_ / "state/kontor.db"); }

  Completed once() {
    ChildOptions options;
    options.argv = {(binary_dir() / "daemon/kontord").string(),
                    "--config",
                    (dir_ / "kontor.yaml").string(),
                    "--once",
                    "--now=2026-11-28T09:00",
                    "--log-level=debug"};
    options.output_dir = dir_.path();
    options.set_env = {{"KONTOR_TEST_BEARER_TOKEN", kToken}};
    return run_to_end(std::move(options));
  }

  // The ERP's export, published on the server under erp/NAME.
  void publish(const std::string& name, const std::string& rows) {
    fs::create_directories(server_.files() / "erp");
    std::ofstream(server_.files() / "erp" / name, std::ios::binary) << kHeader << rows;
  }

  std::map<std::string, std::int64_t> open_amounts() {
    return open_amounts_in(dir_ / "state/kontor.db");
  }

  HttpsServer server_;
  TempDir dir_;
};

TEST_F(HttpImport, ImportsYesterdaysExportOnceOverTwoRuns) {
  publish("2026-11-27_offene-posten.csv",
          "R-1;K-1;Bäckerei Schmitz GmbH;Severinstr. 1;50678;Köln;a@b.example;;31.10.2026;"
          "1.190,00;19;invoice;\n");
  // {date-1}: the run on 2026-11-28 asks for the export of the 27th.
  write_config({server_.url("erp/{date-1}_offene-posten.csv")});
  auto first = once();
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_THAT(first.err, HasSubstr("1 file imported, 0 known before, 0 refused"));
  EXPECT_THAT(first.err, HasSubstr("1 customers (1 new, 0 changed), 1 items (1 new, 0 changed)"));
  EXPECT_THAT(open_amounts(),
              ElementsAre(std::pair<const std::string, std::int64_t>{"R-1", 119000}));

  // The server still offers the file (after_import: none): asked conditionally, it says the
  // client has it, and nothing is offered, fetched or imported again.
  auto second = once();
  ASSERT_EQ(second.status, 0) << second.err;
  EXPECT_THAT(second.err, HasSubstr("0 files imported, 0 known before, 0 refused"));
  EXPECT_THAT(open_amounts(),
              ElementsAre(std::pair<const std::string, std::int64_t>{"R-1", 119000}));
  EXPECT_THAT(server_.requests().back(),
              StartsWith("GET /erp/2026-11-27_offene-posten.csv 304 if-none-match=\""));
  EXPECT_TRUE(fs::exists(server_.files() / "erp/2026-11-27_offene-posten.csv"));
  EXPECT_THAT(first.err + second.err, Not(HasSubstr(kToken)));
}

TEST_F(HttpImport, ARefusedFileIsKeptInQuarantineNeverDeletedAndTheJobGoesOn) {
  publish("broken.csv", "R-1;K-1;Muster;Str. 1;50678;Köln;;;31.02.2026;10,00;19;invoice;\n");
  publish("good.csv", "R-9;K-9;Gut AG;Weg 2;10115;Berlin;;;30.11.2026;50,00;19;invoice;\n");
  const fs::path quarantine = dir_ / "quarantine";
  write_config({server_.url("erp/broken.csv"), server_.url("erp/good.csv")},
               "    after_import: delete\n"
               "    quarantine_dir: " +
                   quarantine.string() + "\n");
  auto result = once();
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_THAT(result.err, HasSubstr("1 file imported, 0 known before, 1 refused"));
  EXPECT_EQ(open_amounts().at("R-9"), 5000);
  EXPECT_EQ(open_amounts().count("R-1"), 0u);
  // The imported file is deleted on the server after its commit; the refused one stays there.
  EXPECT_THAT(names_in(server_.files() / "erp"), ElementsAre("broken.csv"));
  EXPECT_THAT(names_in(quarantine), ElementsAre("2026-11-28T08-00-00Z_broken.csv",
                                                "2026-11-28T08-00-00Z_broken.csv.error"));
  EXPECT_THAT(read_text(quarantine / "2026-11-28T08-00-00Z_broken.csv"), HasSubstr("31.02.2026"));
  EXPECT_THAT(read_text(quarantine / "2026-11-28T08-00-00Z_broken.csv.error"),
              HasSubstr("line 2:"));

  // The same bad file is not offered again until the ERP replaces it.
  auto again = once();
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_THAT(again.err, HasSubstr("0 files imported, 0 known before, 0 refused"));
  EXPECT_THAT(names_in(server_.files() / "erp"), ElementsAre("broken.csv"));
}

TEST_F(HttpImport, AnUnreachableServerFailsTheRunAndLeavesNothingHalfDone) {
  publish("items.csv", "R-1;K-1;Muster;Str. 1;50678;Köln;;;31.10.2026;10,00;19;invoice;\n");
  RefusingPort down;
  const std::string unreachable =
      "https://127.0.0.1:" + std::to_string(down.port()) + "/erp/more.csv?sig=" + kSignature;
  write_config({server_.url("erp/items.csv"), unreachable}, "    after_import: delete\n");
  auto failed = once();
  EXPECT_EQ(failed.status, 1);
  EXPECT_THAT(failed.err,
              HasSubstr("GET https://127.0.0.1:" + std::to_string(down.port()) + "/erp/more.csv"));
  EXPECT_THAT(failed.err, Not(HasSubstr(kSignature)));
  EXPECT_THAT(failed.err, Not(HasSubstr(kToken)));
  // The reachable file was downloaded, but neither imported nor deleted nor remembered.
  EXPECT_THAT(open_amounts(), IsEmpty());
  EXPECT_THAT(names_in(server_.files() / "erp"), ElementsAre("items.csv"));

  // Once the other server is out of the list, the next run imports the file once.
  write_config({server_.url("erp/items.csv")}, "    after_import: delete\n");
  auto next = once();
  ASSERT_EQ(next.status, 0) << next.err;
  EXPECT_THAT(next.err, HasSubstr("1 file imported, 0 known before, 0 refused"));
  EXPECT_EQ(open_amounts().at("R-1"), 1000);
  EXPECT_THAT(names_in(server_.files() / "erp"), IsEmpty());
}

TEST_F(HttpImport, ADownloadedStatementIsImportedOnceOverTwoRuns) {
  // PostFinance's camt.053 of the fixtures: five bookings, two with the same bank reference.
  fs::create_directories(server_.files() / "bank");
  fs::copy_file(shared_dir() / "fixtures/bank/camt053" /
                    "moov-iso20022__camt.053_P_CH2909000000250094239_1110092698_0_"
                    "2020112503071366.xml",
                server_.files() / "bank/camt053.xml");
  write_statement_config(server_.url("bank/camt053.xml"));
  auto first = once();
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_EQ(bank_transactions(), 5U);
  EXPECT_THAT(first.err, Not(HasSubstr(kToken)));

  auto second = once();
  ASSERT_EQ(second.status, 0) << second.err;
  EXPECT_EQ(bank_transactions(), 5U);
  EXPECT_THAT(names_in(server_.files() / "bank"), ElementsAre("camt053.xml"));
}

}  // namespace
}  // namespace kontor::testing
