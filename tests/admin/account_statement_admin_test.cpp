// A statement of account on demand, as an account manager asks a running kontord: `kontorctl
// statement CUSTOMER --period YYYY-MM` (GET /customers/{number}/statement) on the demo's data,
// imported by `kontord --once` before kontord starts — the text with the closing balance the
// store owes, the JSON whose figures add up, the PDF letter; a preview number and no reference
// before the month's statement was sent, the sent statement's number and RF reference after the
// statements job ran; wrong requests refused with a JSON error. Showing a statement records
// and sends nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <nlohmann/json.hpp>

#include "statements/statement_figures.hpp"
#include "store/sqlite_store.hpp"
#include "support/admin_socket.hpp"
#include "support/child_process.hpp"
#include "support/demo_setup.hpp"
#include "support/running_kontord.hpp"
#include "support/store_query.hpp"
#include "support/temp_dir.hpp"

namespace kontor::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

const std::vector<std::string> kDemoCustomers = {"K-10001", "K-10002", "K-10003", "K-10004",
                                                 "K-10005"};

using Answer = AdminAnswer;

std::int64_t cents(const nlohmann::json& amount) {
  const std::optional<std::int64_t> parsed =
      amount.is_string() ? point_cents(amount.get<std::string>()) : std::nullopt;
  EXPECT_TRUE(parsed.has_value()) << "no amount: " << amount.dump();
  return parsed.value_or(0);
}

class AccountStatementAdmin : public ::testing::Test {
 protected:
  // The demo's configuration with this test's folders, an admin socket, and no schedules: the
  // daemon runs on the real clock, and nothing may run unless the test runs it.
  void SetUp() override {
    drop_demo_files(state());
    dir_.write("kontor.yaml", demo_yaml(state(), socket_));

    const Completed imported = once("2026-11-28T09:00", {"import-items", "import-statements"});
    ASSERT_EQ(imported.status, 0) << imported.err;
    ASSERT_FALSE(owing_items_of("K-10001").empty()) << imported.err;
    start();
  }

  fs::path state() const { return dir_ / "state"; }
  fs::path database() const { return state() / "kontor.db"; }

  void start() {
    const fs::path output = dir_ / ("daemon-" + std::to_string(++daemons_));
    fs::create_directories(output);
    daemon_ = std::make_unique<RunningKontord>(dir_ / "kontor.yaml", output);
    ASSERT_TRUE(daemon_->ready()) << daemon_->err();
  }
  void stop() { daemon_.reset(); }

  Completed once(const std::string& now, const std::vector<std::string>& jobs) {
    ChildOptions options;
    options.argv = {(binary_dir() / "daemon/kontord").string(), "--config",
                    (dir_ / "kontor.yaml").string(), "--now=" + now, "--once"};
    options.argv.insert(options.argv.end(), jobs.begin(), jobs.end());
    options.output_dir = dir_ / ("once-" + std::to_string(++runs_));
    fs::create_directories(options.output_dir);
    return run_to_end(std::move(options));
  }

  Completed run(std::vector<std::string> argv) {
    ChildOptions options;
    options.argv = std::move(argv);
    options.output_dir = dir_ / ("run-" + std::to_string(++runs_));
    fs::create_directories(options.output_dir);
    return run_to_end(std::move(options));
  }

  Completed kontorctl(const std::vector<std::string>& args) {
    std::vector<std::string> argv = {(binary_dir() / "daemon/kontorctl").string(), "--config",
                                     (dir_ / "kontor.yaml").string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv);
  }

  nlohmann::json statement_json(const std::string& customer, const std::string& period) {
    const Completed shown = kontorctl({"statement", customer, "--period", period, "--json"});
    EXPECT_EQ(shown.status, 0) << shown.err;
    return nlohmann::json::parse(shown.out, nullptr, false);
  }

  std::int64_t owed_by(const std::string& customer) {
    return query_store<std::int64_t>(
        database(), [&](store::Reader& r) { return owed_according_to_store(r, customer); });
  }
  std::map<std::string, std::int64_t> owing_items_of(const std::string& customer) {
    return query_store<std::map<std::string, std::int64_t>>(
        database(), [&](store::Reader& r) { return owing_items(r, customer); });
  }
  std::vector<store::StoredNotice> notices(const std::string& customer = "") {
    return query_store<std::vector<store::StoredNotice>>(database(), [&](store::Reader& r) {
      store::NoticeQuery ask;
      ask.customer_number = customer;
      ask.limit = 1000;
      return r.notices(ask);
    });
  }
  std::vector<std::string> outbox() const {
    std::vector<std::string> files = file_names_in(state() / "outbox/mail");
    for (const std::string& letter : file_names_in(state() / "outbox/letters")) {
      files.push_back(letter);
    }
    return files;
  }

  TempDir dir_;
  fs::path socket_ = dir_ / "run/admin.sock";
  std::unique_ptr<RunningKontord> daemon_;
  int daemons_ = 0;
  int runs_ = 0;
};

TEST_F(AccountStatementAdmin, TheTextShowsTheClosingBalanceTheStoreOwesAndNothingIsSent) {
  const Completed shown = kontorctl({"statement", "K-10001", "--period", "2026-11"});
  ASSERT_EQ(shown.status, 0) << shown.err;
  EXPECT_THAT(shown.out, AllOf(HasSubstr("Kontoauszug November 2026"), HasSubstr("K-10001"),
                               HasSubstr("S-2026-11-PREVIEW-K-10001"), HasSubstr("R-2026-1004")));
  EXPECT_EQ(printed_closing(shown.out), 21400) << shown.out;
  for (const std::string& customer : kDemoCustomers) {
    const Completed text = kontorctl({"statement", customer, "--period", "2026-11"});
    ASSERT_EQ(text.status, 0) << text.err;
    EXPECT_EQ(printed_closing(text.out), owed_by(customer)) << customer << "\n" << text.out;
  }
  EXPECT_TRUE(notices().empty()) << "a statement on demand is not recorded";
  EXPECT_TRUE(outbox().empty()) << "nor sent";
}

TEST_F(AccountStatementAdmin, TheJsonFiguresAddUpToTheClosingBalanceTheStoreOwes) {
  for (const std::string& customer : kDemoCustomers) {
    for (const std::string period : {"2026-10", "2026-11"}) {
      SCOPED_TRACE(customer + " " + period);
      const nlohmann::json statement = statement_json(customer, period);
      ASSERT_TRUE(statement.is_object()) << statement.dump();
      EXPECT_EQ(statement["customer"], customer);
      EXPECT_EQ(statement["currency"], "EUR");
      EXPECT_EQ(statement["number"], "S-" + period + "-PREVIEW-" + customer);
      EXPECT_TRUE(statement["sent_as"].is_null());
      EXPECT_EQ(statement["payment_reference"], "");
      std::int64_t balance = cents(statement["opening"]);
      for (const nlohmann::json& line : statement["movements"]) {
        balance += cents(line["amount"]);
        EXPECT_EQ(cents(line["balance"]), balance) << line.dump();
      }
      const std::int64_t closing = cents(statement["closing"]);
      EXPECT_EQ(balance, closing) << "opening + movements = closing";
      const nlohmann::json& aging = statement["aging"];
      EXPECT_EQ(cents(aging["total"]), closing);
      EXPECT_EQ(cents(aging["not_due"]) + cents(aging["days_1_30"]) + cents(aging["days_31_60"]) +
                    cents(aging["days_61_90"]) + cents(aging["over_90"]) + cents(aging["credits"]),
                closing);
      if (period == "2026-11") {
        // Nothing happened since November: the store's figures now are those of its end.
        EXPECT_EQ(closing, owed_by(customer));
        std::map<std::string, std::int64_t> owing;
        for (const nlohmann::json& item : statement["open_items"]) {
          if (cents(item["open"]) > 0) owing.emplace(item["number"], cents(item["open"]));
        }
        EXPECT_EQ(owing, owing_items_of(customer));
      }
    }
  }

  // K-10001 in November: two payments, R-2026-1004 left 30 days overdue (due 31 October).
  const nlohmann::json november = statement_json("K-10001", "2026-11");
  EXPECT_EQ(november["period"]["first"], "2026-11-01");
  EXPECT_EQ(november["period"]["last"], "2026-11-30");
  EXPECT_EQ(cents(november["opening"]), 199900);
  ASSERT_EQ(november["movements"].size(), 2u) << november.dump(2);
  EXPECT_EQ(november["movements"][0]["date"], "2026-11-26");
  EXPECT_EQ(november["movements"][0]["kind"], "payment");
  EXPECT_EQ(cents(november["movements"][0]["amount"]), -59500);
  EXPECT_EQ(november["movements"][1]["date"], "2026-11-27");
  EXPECT_EQ(cents(november["movements"][1]["amount"]), -119000);
  ASSERT_EQ(november["open_items"].size(), 1u);
  EXPECT_EQ(november["open_items"][0]["number"], "R-2026-1004");
  EXPECT_EQ(november["open_items"][0]["days_overdue"], 30);
  EXPECT_EQ(cents(november["aging"]["days_1_30"]), 21400);
  EXPECT_EQ(cents(november["aging"]["not_due"]), 0);
  // ... and in October, on its due day, it is not due yet.
  const nlohmann::json october = statement_json("K-10001", "2026-10");
  EXPECT_EQ(october["period"]["last"], "2026-10-31");
  const std::int64_t gross = 59500 + 21400;
  bool listed = false;
  for (const nlohmann::json& item : october["open_items"]) {
    if (item["number"] != "R-2026-1004") continue;
    listed = true;
    EXPECT_EQ(item["due_date"], "2026-10-31");
    EXPECT_EQ(item["days_overdue"], 0);
    EXPECT_EQ(cents(item["open"]), gross);
  }
  EXPECT_TRUE(listed) << october.dump(2);
  EXPECT_EQ(cents(october["aging"]["not_due"]), gross);
  EXPECT_EQ(cents(october["aging"]["days_1_30"]), 119000) << "R-2026-1001, due 1 October";
}

TEST_F(AccountStatementAdmin, ThePdfIsTheStatementsLetterAndItsGiroCodeQuotesNoReference) {
  const fs::path file = dir_ / "K-10001.pdf";
  const Completed saved =
      kontorctl({"statement", "K-10001", "--period", "2026-11", "--pdf", file.string()});
  ASSERT_EQ(saved.status, 0) << saved.err;
  EXPECT_THAT(saved.out, HasSubstr("bytes written to " + file.string()));
  const std::string pdf = read_file(file);
  EXPECT_THAT(pdf, StartsWith("%PDF-"));
  const Completed text = run({"/usr/bin/pdftotext", "-layout", file.string(), "-"});
  ASSERT_EQ(text.status, 0) << text.err;
  EXPECT_THAT(text.out, AllOf(HasSubstr("K-10001"), HasSubstr("Bäckerei Schmitz GmbH"),
                              HasSubstr("S-2026-11-PREVIEW-K-10001"), HasSubstr("R-2026-1004")));
  EXPECT_EQ(printed_closing(text.out), owed_by("K-10001")) << text.out;
  EXPECT_THAT(text.out, Not(HasSubstr("RF40"))) << "a preview quotes no reference";
  // The GiroCode pays the balance with the preview's number as text, never an RF reference.
  const std::vector<std::string> codes = girocodes_in(file, dir_ / "scan");
  ASSERT_EQ(codes.size(), 1u);
  EXPECT_THAT(codes[0],
              AllOf(StartsWith("BCD\n002\n1\nSCT\nCOKSDE33XXX\n"), HasSubstr("\nEUR214.00\n"),
                    HasSubstr("S-2026-11-PREVIEW-K-10001"), Not(HasSubstr("\nRF"))));
  EXPECT_TRUE(notices().empty());
}

TEST_F(AccountStatementAdmin, OnceSentTheStatementQuotesItsNumberAndReference) {
  EXPECT_EQ(statement_json("K-10001", "2026-11")["number"], "S-2026-11-PREVIEW-K-10001");

  // The statements job on the 1st of December (kontord --once, the daemon stopped meanwhile).
  stop();
  const Completed sent = once("2026-12-01T09:00", {"statements"});
  ASSERT_EQ(sent.status, 0) << sent.err;
  start();
  const std::vector<store::StoredNotice> stored = notices("K-10001");
  ASSERT_EQ(stored.size(), 1u);
  const Notice& notice = stored[0].notice;
  ASSERT_EQ(notice.number, "S-2026-11-000001");
  ASSERT_TRUE(notice.rf_reference.has_value());
  const std::string reference = notice.rf_reference->formatted();
  EXPECT_EQ(reference, "RF40 S202 6110 0000 1");
  const std::size_t sent_notices = notices().size();

  const nlohmann::json statement = statement_json("K-10001", "2026-11");
  EXPECT_EQ(statement["number"], notice.number);
  EXPECT_EQ(statement["sent_as"], notice.number);
  EXPECT_EQ(statement["payment_reference"], reference);
  EXPECT_EQ(cents(statement["closing"]), stored[0].total.minor_units());
  const Completed text = kontorctl({"statement", "K-10001", "--period", "2026-11"});
  ASSERT_EQ(text.status, 0) << text.err;
  EXPECT_THAT(text.out, AllOf(HasSubstr(notice.number), HasSubstr(reference)));
  EXPECT_THAT(text.out, Not(HasSubstr("PREVIEW")));
  EXPECT_EQ(printed_closing(text.out), stored[0].total.minor_units());
  const fs::path file = dir_ / "sent.pdf";
  ASSERT_EQ(
      kontorctl({"statement", "K-10001", "--period", "2026-11", "--pdf", file.string()}).status, 0);
  const std::vector<std::string> codes = girocodes_in(file, dir_ / "scan");
  ASSERT_EQ(codes.size(), 1u);
  EXPECT_TRUE(codes[0].ends_with("\nEUR214.00\n\n" + notice.rf_reference->electronic()))
      << codes[0];

  // October's was never sent: still a preview. And showing sent nothing more.
  const nlohmann::json october = statement_json("K-10001", "2026-10");
  EXPECT_EQ(october["number"], "S-2026-10-PREVIEW-K-10001");
  EXPECT_EQ(october["payment_reference"], "");
  EXPECT_EQ(notices().size(), sent_notices);
}

TEST_F(AccountStatementAdmin, WrongRequestsAreRefusedWithAJsonError) {
  const std::string path = "/customers/K-10001/statement";
  for (const std::string query : {"", "?period=2026-13", "?period=2026-00", "?period=2026-1",
                                  "?period=11-2026", "?period=November", "?period="}) {
    SCOPED_TRACE(query);
    const Answer refused = admin_request(socket_, "GET", path + query);
    EXPECT_EQ(refused.status, 400) << refused.body.dump();
    EXPECT_THAT(refused.content_type, StartsWith("application/json"));
    EXPECT_THAT(message_of(refused), HasSubstr("YYYY-MM"));
  }
  const Answer format = admin_request(socket_, "GET", path + "?period=2026-11&format=xml");
  EXPECT_EQ(format.status, 400);
  EXPECT_EQ(message_of(format), "format must be json, text or pdf");
  const Answer unknown =
      admin_request(socket_, "GET", "/customers/K-99999/statement?period=2026-11");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_THAT(unknown.content_type, StartsWith("application/json"));
  EXPECT_EQ(message_of(unknown), "no customer K-99999");
  EXPECT_EQ(admin_request(socket_, "GET", path + "?period=2026-11").status, 200);

  const Completed bad_month = kontorctl({"statement", "K-10001", "--period", "2026-13"});
  EXPECT_EQ(bad_month.status, 1);
  EXPECT_THAT(bad_month.err, AllOf(HasSubstr("kontord refused (400)"), HasSubstr("YYYY-MM")));
  EXPECT_EQ(kontorctl({"statement", "K-10001"}).status, 2) << "--period is required";
  const Completed nobody = kontorctl({"statement", "K-99999", "--period", "2026-11"});
  EXPECT_EQ(nobody.status, 1);
  EXPECT_THAT(nobody.err, HasSubstr("kontord refused (404): no customer K-99999"));
  const fs::path file = dir_ / "nobody.pdf";
  EXPECT_EQ(
      kontorctl({"statement", "K-99999", "--period", "2026-11", "--pdf", file.string()}).status, 1);
  EXPECT_FALSE(fs::exists(file)) << "no file for a refused statement";
  EXPECT_TRUE(notices().empty());
}

}  // namespace
}  // namespace kontor::testing
