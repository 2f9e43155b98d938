// Tests: no dunning on stale bank data — what makes the bank data of an account fresh enough
// (its imports succeeded lately, nothing of theirs quarantined, a reconcile after them) and
// what only warns (a newest statement several TARGET2 business days old).
#include "engine/bank_freshness.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/store_test_support.hpp"

namespace kontor::engine {
namespace {

using namespace store::testing;
using namespace std::chrono_literals;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr const char* kAccount = "DE02370502990000684712";
constexpr const char* kFileSha = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

// 2026-11-28T09:00:00Z (a Saturday) and what happened before it.
TimePoint at(std::chrono::hours since_midnight) {
  using namespace std::chrono;
  return sys_days(year(2026) / November / 28) + since_midnight;
}

class BankFreshnessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = open_store();
    ASSERT_TRUE(store_);
    company_.bank_accounts.push_back(CompanyBankAccount{
        .iban = *Iban::parse(kAccount), .bic = std::nullopt, .ledger_account = "1200"});
    config::JobSettings importer;
    importer.name = "import-statements";
    importer.engine = "import_statements";
    importer.inputs = {"bank-drop"};
    config::JobSettings reconcile;
    reconcile.name = "reconcile";
    reconcile.engine = "reconcile";
    config_.jobs = {importer, reconcile};
  }

  void import_statement(std::string_view booking_date) {
    step(*store_, [&](store::Transaction& tx) {
      ASSERT_TRUE(tx.record_file(store::FileRecord{
          .sha256 = kFileSha, .name = "konto.xml", .size = 100, .source = "bank-drop"}));
      BankStatement s = statement("S1", {credit(100, "x", booking_date)});
      s.account = kAccount;
      s.file_sha256 = kFileSha;
      ASSERT_TRUE(tx.insert_statement(s));
    });
  }

  void run(const std::string& job, TimePoint started, TimePoint ended, JobRunOutcome outcome) {
    step(*store_, [&](store::Transaction& tx) {
      store::JobRun record;
      record.job = job;
      record.planned_at = started;
      record.idempotency_key = job + "@" + format_instant(started);
      record.trigger = JobRunTrigger::manual;
      record.started_at = started;
      Result<std::int64_t> id = tx.record_run_start(record);
      ASSERT_TRUE(id);
      ASSERT_TRUE(tx.record_run_end(
          *id,
          store::JobRunEnd{
              .ended_at = ended, .outcome = outcome, .error = "", .warnings = {}, .counts = {}}));
    });
  }

  BankFreshness check(TimePoint now = at(9h)) {
    BankFreshness out;
    EXPECT_TRUE(store_->read([&](store::Reader& reader) -> Status {
      Result<BankFreshness> checked =
          check_bank_freshness(config_, company_, settings_, reader, now, day("2026-11-28"));
      if (!checked) return checked.error();
      out = *checked;
      return {};
    }));
    return out;
  }

  std::unique_ptr<store::SqliteStore> store_;
  Company company_;
  config::KontorConfig config_;
  DunningSettings settings_;
};

TEST_F(BankFreshnessTest, FreshImportFollowedByReconcileAllowsDunning) {
  import_statement("2026-11-27");
  run("import-statements", at(7h), at(7h) + 1min, JobRunOutcome::succeeded);
  run("reconcile", at(7h) + 2min, at(7h) + 3min, JobRunOutcome::succeeded);
  const BankFreshness fresh = check();
  EXPECT_THAT(fresh.refusals, IsEmpty());
  EXPECT_THAT(fresh.warnings, IsEmpty());
}

TEST_F(BankFreshnessTest, FailedLastImportRefusesNamingTheAccount) {
  import_statement("2026-11-27");
  run("import-statements", at(6h), at(6h) + 1min, JobRunOutcome::succeeded);
  run("reconcile", at(6h) + 2min, at(6h) + 3min, JobRunOutcome::succeeded);
  run("import-statements", at(7h), at(7h) + 1min, JobRunOutcome::failed);
  EXPECT_THAT(check().refusals,
              ElementsAre(AllOf(HasSubstr(kAccount), HasSubstr("did not succeed"))));
}

TEST_F(BankFreshnessTest, ImportOlderThanTheWindowRefuses) {
  import_statement("2026-11-26");
  run("import-statements", at(9h) - 27h, at(9h) - 27h + 1min, JobRunOutcome::succeeded);
  run("reconcile", at(9h) - 26h - 30min, at(9h) - 26h - 29min, JobRunOutcome::succeeded);
  EXPECT_THAT(check().refusals, ElementsAre(HasSubstr("longer ago than 26 h")));
}

TEST_F(BankFreshnessTest, QuarantinedFileOfTheImportsSourceRefuses) {
  import_statement("2026-11-27");
  run("import-statements", at(7h), at(7h) + 1min, JobRunOutcome::succeeded);
  run("reconcile", at(7h) + 2min, at(7h) + 3min, JobRunOutcome::succeeded);
  step(*store_, [&](store::Transaction& tx) {
    ASSERT_TRUE(tx.record_refused_file(
        store::FileRecord{
            .sha256 = std::string(64, 'b'), .name = "kaputt.xml", .size = 5, .source = "bank-drop"},
        "not a bank statement"));
  });
  // The store stamps the refusal with its own clock (2026-11-28T09:30Z): check at 10:00.
  EXPECT_THAT(check(at(10h)).refusals,
              ElementsAre(AllOf(HasSubstr(kAccount), HasSubstr("kaputt.xml"))));
}

TEST_F(BankFreshnessTest, ImportWithoutALaterReconcileRefuses) {
  import_statement("2026-11-27");
  run("reconcile", at(6h), at(6h) + 1min, JobRunOutcome::succeeded);
  run("import-statements", at(7h), at(7h) + 1min, JobRunOutcome::succeeded);
  EXPECT_THAT(check().refusals, ElementsAre(HasSubstr("no reconcile run succeeded after")));
}

TEST_F(BankFreshnessTest, AccountNeverImportedRefuses) {
  run("import-statements", at(7h), at(7h) + 1min, JobRunOutcome::succeeded);
  run("reconcile", at(7h) + 2min, at(7h) + 3min, JobRunOutcome::succeeded);
  EXPECT_THAT(check().refusals, ElementsAre(HasSubstr("no statement of it was ever imported")));
}

TEST_F(BankFreshnessTest, OldNewestStatementIsAWarningNotARefusal) {
  // Booked Monday 2026-11-23; Tue, Wed, Thu, Fri are four TARGET2 business days later.
  import_statement("2026-11-23");
  run("import-statements", at(7h), at(7h) + 1min, JobRunOutcome::succeeded);
  run("reconcile", at(7h) + 2min, at(7h) + 3min, JobRunOutcome::succeeded);
  const BankFreshness fresh = check();
  EXPECT_THAT(fresh.refusals, IsEmpty());
  EXPECT_THAT(fresh.warnings, ElementsAre(AllOf(HasSubstr(kAccount), HasSubstr("2026-11-23"))));
}

TEST_F(BankFreshnessTest, StatementOfThreeBusinessDaysAgoAcrossAWeekendIsFine) {
  import_statement("2026-11-25");  // Wed; Thu, Fri = 2 business days before Saturday
  run("import-statements", at(7h), at(7h) + 1min, JobRunOutcome::succeeded);
  run("reconcile", at(7h) + 2min, at(7h) + 3min, JobRunOutcome::succeeded);
  EXPECT_THAT(check().warnings, IsEmpty());
}

}  // namespace
}  // namespace kontor::engine
