// The account manager's reports through a running kontord and kontorctl, on the demo's data as
// `kontord --once` imports and matches it on 2026-11-28: figures worked by hand from
// config/demo-data (the ERP's items, Thursday's MT940 and Friday's camt.053).
//
//   R-2026-1001  1190.00  paid in full 11-27 (RF reference)
//   R-2026-1002  2380.00  paid 2142.00 11-27, the rest by credit note G-2026-0042 (238.00)
//   R-2026-1003   107.00  paid 11-27 (batch)
//   R-2026-1004   809.00  due 10-31, 595.00 paid 11-26: 214.00 open, 30 days late on 11-30
//   R-2026-1005   476.00  due 11-04, collected 11-26 and returned 11-27 (AM04): 476.00, 26 days
//   R-2026-1006  3570.00  due 12-10, issued 11-10, 1000.00 paid 11-27 (batch): 2570.00 not due
//
// As of 2026-11-30: not due 2570.00, 1-30 days 690.00, total 3260.00. Payments posted in
// November: 595 + 1190 + 2142 + 107 + 1000 = 5034.00 in 5 (the returned debit is not posted).
// DSO of November: 3260.00 / 3570.00 (R-2026-1006, the only invoice of November) x 30 = 27.39…
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "statements/statement_figures.hpp"
#include "support/admin_socket.hpp"
#include "support/child_process.hpp"
#include "support/demo_setup.hpp"
#include "support/running_kontord.hpp"
#include "support/temp_dir.hpp"

namespace kontor::testing {
namespace {

namespace fs = std::filesystem;

class ReportsAdmin : public ::testing::Test {
 protected:
  void SetUp() override {
    drop_demo_files(state());
    dir_.write("kontor.yaml", demo_yaml(state(), socket_));

    ChildOptions options;
    options.argv = {(binary_dir() / "daemon/kontord").string(),
                    "--config",
                    (dir_ / "kontor.yaml").string(),
                    "--now=2026-11-28T09:00",
                    "--once",
                    "import-items",
                    "import-statements"};
    options.output_dir = dir_ / "once";
    fs::create_directories(options.output_dir);
    const Completed imported = run_to_end(std::move(options));
    ASSERT_EQ(imported.status, 0) << imported.err;
    fs::create_directories(dir_ / "daemon");
    daemon_ = std::make_unique<RunningKontord>(dir_ / "kontor.yaml", dir_ / "daemon");
    ASSERT_TRUE(daemon_->ready()) << daemon_->err();
  }

  fs::path state() const { return dir_ / "state"; }

  Completed kontorctl(const std::vector<std::string>& args) {
    ChildOptions options;
    options.argv = {(binary_dir() / "daemon/kontorctl").string(), "--config",
                    (dir_ / "kontor.yaml").string()};
    options.argv.insert(options.argv.end(), args.begin(), args.end());
    options.output_dir = dir_ / ("run-" + std::to_string(++runs_));
    fs::create_directories(options.output_dir);
    return run_to_end(std::move(options));
  }

  nlohmann::json report(const std::vector<std::string>& args) {
    const Completed shown = kontorctl(args);
    EXPECT_EQ(shown.status, 0) << shown.err;
    return nlohmann::json::parse(shown.out, nullptr, false);
  }

  TempDir dir_;
  fs::path socket_ = dir_ / "run/admin.sock";
  std::unique_ptr<RunningKontord> daemon_;
  int runs_ = 0;
};

TEST_F(ReportsAdmin, AgingAsOfMonthEndPutsEachDemoItemInItsBucket) {
  const nlohmann::json aging = report({"aging", "--as-of", "2026-11-30", "--json"});
  ASSERT_EQ(aging["items"].size(), 3u) << aging.dump(2);
  ASSERT_EQ(aging["totals"].size(), 1u);
  const nlohmann::json& totals = aging["totals"][0];
  EXPECT_EQ(totals["currency"], "EUR");
  EXPECT_EQ(totals["not_due"], "2570.00");
  EXPECT_EQ(totals["days_1_30"], "690.00");
  EXPECT_EQ(totals["days_31_60"], "0.00");
  EXPECT_EQ(totals["days_61_90"], "0.00");
  EXPECT_EQ(totals["over_90"], "0.00");
  EXPECT_EQ(totals["total"], "3260.00");
  for (const nlohmann::json& item : aging["items"]) {
    if (item["item"] == "R-2026-1005") {
      EXPECT_EQ(item["open"], "476.00");  // collected and returned: open again
      EXPECT_EQ(item["days_overdue"], 26);
      EXPECT_EQ(item["bucket"], "days_1_30");
    }
  }
}

TEST_F(ReportsAdmin, AgingBeforeTheImportDayShowsNothingImportedLater) {
  const nlohmann::json aging = report({"aging", "--as-of", "2026-11-27", "--json"});
  EXPECT_TRUE(aging["items"].empty()) << aging.dump(2);
}

TEST_F(ReportsAdmin, AgingOfOneCustomerShowsOnlyItsItems) {
  const nlohmann::json aging =
      report({"aging", "--as-of", "2026-11-30", "--customer", "K-10001", "--json"});
  ASSERT_EQ(aging["items"].size(), 1u);
  EXPECT_EQ(aging["customers"][0]["totals"][0]["total"], "214.00");
}

TEST_F(ReportsAdmin, YearEndListAsCsvHasARowPerItemAndTheTotal) {
  const Completed shown = kontorctl({"open-items", "--year", "2026", "--csv"});
  ASSERT_EQ(shown.status, 0) << shown.err;
  EXPECT_EQ(shown.out.rfind("row,customer,name,item,type,issue_date,due_date,currency,gross,open,"
                            "days_overdue\r\n",
                            0),
            0u)
      << shown.out;
  EXPECT_NE(shown.out.find("item,K-10001,Bäckerei Schmitz GmbH,R-2026-1004,invoice,2026-10-01,"
                           "2026-10-31,EUR,809.00,214.00,61\r\n"),
            std::string::npos)
      << shown.out;
  EXPECT_NE(shown.out.find("total,,,,,,,EUR,,3260.00,\r\n"), std::string::npos) << shown.out;
}

TEST_F(ReportsAdmin, DsoOfNovemberIsMonthEndReceivablesOverNovemberSalesTimesThirty) {
  // 3260.00 / 3570.00 (R-2026-1006, the only invoice issued in November) × 30 = 27.39… → 27.4
  const nlohmann::json dso = report({"dso", "--month", "2026-11", "--json"});
  ASSERT_EQ(dso["figures"].size(), 1u) << dso.dump(2);
  EXPECT_EQ(dso["days"], 30);
  EXPECT_EQ(dso["figures"][0]["receivables"], "3260.00");
  EXPECT_EQ(dso["figures"][0]["sales"], "3570.00");
  EXPECT_EQ(dso["figures"][0]["dso"], "27.4");
}

TEST_F(ReportsAdmin, ActivityOfNovemberCountsPostedPaymentsButNotTheReturnedDebit) {
  const nlohmann::json activity = report({"activity", "--month", "2026-11", "--json"});
  ASSERT_EQ(activity["payments_posted"].size(), 1u) << activity.dump(2);
  EXPECT_EQ(activity["payments_posted"][0]["count"], 5);
  EXPECT_EQ(activity["payments_posted"][0]["sum"], "5034.00");
  EXPECT_TRUE(activity["reminders"].empty());
  EXPECT_TRUE(activity["write_offs"].empty());
  EXPECT_EQ(activity["notes_opened"]["complaint"], 0);
}

TEST_F(ReportsAdmin, MalformedDaysAndPeriodsAreRefusedWithAJsonError) {
  const AdminAnswer bad_day = admin_request(socket_, "GET", "/reports/aging?as_of=30.11.2026");
  EXPECT_EQ(bad_day.status, 400);
  const AdminAnswer no_period = admin_request(socket_, "GET", "/reports/dso");
  EXPECT_EQ(no_period.status, 400);
  const AdminAnswer reversed =
      admin_request(socket_, "GET", "/reports/activity?from=2026-11-30&to=2026-11-01");
  EXPECT_EQ(reversed.status, 400);
  EXPECT_NE(message_of(reversed).find("before it starts"), std::string::npos);
}

}  // namespace
}  // namespace kontor::testing
