// The operator's digest: what it gathers from the store for a period (failed runs in it, jobs
// still failing, files refused in it) and how it says it (subject, sections, limits, texts from
// outside kept to one line).
#include "engine/operator_digest.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/event_payload.hpp"
#include "store/sqlite_store.hpp"
#include "store/store_test_support.hpp"

namespace kontor::engine {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

TimePoint at(int day, int hour, int minute = 0) {
  using namespace std::chrono;
  return sys_days(year(2026) / November / day) + hours(hour) + minutes(minute);
}

DigestFacts quiet_facts() {
  DigestFacts facts;
  facts.company = "Muster Maschinenbau GmbH";
  facts.day = *Date::parse_iso("2026-11-29");
  facts.since = at(28, 6);
  facts.until = at(29, 6);
  return facts;
}

TEST(OneLine, KeepsTextFromOutsideOnOneReadableLine) {
  EXPECT_EQ(one_line("plain"), "plain");
  EXPECT_EQ(one_line("line one\r\nBcc: victim@example.com\n"), "line one Bcc: victim@example.com");
  EXPECT_EQ(one_line("tab\there  and\x01spaces "), "tab here and spaces");
  EXPECT_EQ(one_line("Bäckerei \xff\xfe Schmitz"), "Bäckerei ?? Schmitz");
  EXPECT_EQ(one_line("abcdefghij", 8), "abcde...");
  // Cut at a whole character: "ä" is two bytes and is not split.
  EXPECT_EQ(one_line("ääääää", 8), "ää...");
  EXPECT_LE(one_line(std::string(1000, 'x')).size(), 240u);
}

TEST(ComposeDigest, AQuietDayIsAllWell) {
  const DigestMail mail = compose_digest(quiet_facts(), 20);
  EXPECT_EQ(mail.subject, "Kontor digest for Muster Maschinenbau GmbH, 2026-11-29: all well");
  EXPECT_THAT(mail.text, HasSubstr("Covers 2026-11-28T06:00:00Z to 2026-11-29T06:00:00Z"));
  EXPECT_THAT(mail.text, HasSubstr("Nothing needs attention"));
  EXPECT_THAT(mail.text, Not(HasSubstr("Files put in quarantine")));
}

TEST(ComposeDigest, CountsWhatNeedsAttentionAndListsEachKind) {
  DigestFacts facts = quiet_facts();
  facts.failed_runs = {{.job = "import-statements",
                        .outcome = "failed",
                        .ended_at = "2026-11-28T08:00:01Z",
                        .attempt = 1,
                        .error = "bank-drop: permission denied"}};
  facts.still_failing = {facts.failed_runs.front()};
  facts.quarantined = {{.source = "bank-drop",
                        .name = "kaputt.sta",
                        .refused_at = "2026-11-28T08:00:00.000000Z",
                        .reason = "line 3: expected :20:"}};
  facts.quarantined_total = 1;
  facts.parked = {{.number = "M-2026-000004",
                   .kind = "reminder",
                   .customer = "K-10001",
                   .channel = "mail-out",
                   .reason = "550 5.1.1 no such user"}};
  facts.parked_total = 1;
  facts.review = 2;
  facts.unmatched = 3;
  facts.retrying = 4;
  facts.unpublished_exports = {{.id = "datev-out-000002",
                                .state = "staged",
                                .recorded_at = "2026-11-28T17:00:00Z",
                                .detail = "disk full"}};
  // The failed job that still fails counts once; retrying and unmatched do not count.
  EXPECT_EQ(facts.attention(), 1 + 1 + 1 + 2 + 1);

  const DigestMail mail = compose_digest(facts, 20);
  EXPECT_EQ(mail.subject, "Kontor digest for Muster Maschinenbau GmbH, 2026-11-29: 6 to look at");
  const std::string& text = mail.text;
  EXPECT_THAT(text, HasSubstr("Jobs whose last run did not succeed (1)\n  import-statements: "
                              "failed at 2026-11-28T08:00:01Z: bank-drop: permission denied"));
  EXPECT_THAT(text, HasSubstr("Runs that failed in this period (1)\n  2026-11-28T08:00:01Z  "
                              "import-statements failed (retry 1): bank-drop: permission denied"));
  EXPECT_THAT(text, HasSubstr("Files put in quarantine (1)\n  2026-11-28T08:00:00.000000Z  "
                              "bank-drop: kaputt.sta: line 3: expected :20:"));
  EXPECT_THAT(text, HasSubstr("Notices parked (not delivered) (1)\n  reminder M-2026-000004 to "
                              "K-10001 via mail-out: 550 5.1.1 no such user"));
  EXPECT_THAT(text, HasSubstr("Payments waiting for review (2)"));
  EXPECT_THAT(text, HasSubstr("Export batches not published (1)\n  datev-out-000002 staged since "
                              "2026-11-28T17:00:00Z: disk full"));
  EXPECT_THAT(text, HasSubstr("4 notices wait for another delivery try."));
  EXPECT_THAT(text, HasSubstr("3 payments point to no open item"));
  EXPECT_THAT(text, Not(HasSubstr("Nothing needs attention")));
}

TEST(ComposeDigest, ListsAtMostTheLimitAndSaysHowToSeeTheRest) {
  DigestFacts facts = quiet_facts();
  for (int i = 0; i < 5; ++i) {
    facts.failed_runs.push_back({.job = "export",
                                 .outcome = "timed_out",
                                 .ended_at = "2026-11-28T1" + std::to_string(i) + ":00:00Z",
                                 .attempt = 0,
                                 .error = "timeout"});
  }
  facts.quarantined = {{.source = "erp-drop", .name = "a.csv", .refused_at = "x", .reason = "r"}};
  facts.quarantined_total = 40;  // the store lists at most the limit, and counts them all
  facts.parked = {
      {.number = "M-1", .kind = "reminder", .customer = "K-1", .channel = "m", .reason = "r"}};
  facts.parked_total = 9;
  const DigestMail mail = compose_digest(facts, 2);
  EXPECT_THAT(mail.subject, HasSubstr(": 54 to look at"));
  EXPECT_THAT(mail.text, HasSubstr("Runs that failed in this period (5)"));
  EXPECT_THAT(mail.text, HasSubstr("  ... and 3 more: kontorctl runs JOB\n"));
  EXPECT_THAT(mail.text, HasSubstr("Files put in quarantine (40)"));
  EXPECT_THAT(mail.text, HasSubstr("  ... and 39 more: kontorctl files\n"));
  EXPECT_THAT(mail.text, HasSubstr("  ... and 8 more: kontorctl notices --state parked\n"));
}

TEST(ComposeDigest, TextsFromOutsideCannotAddLinesOrHeaders) {
  DigestFacts facts = quiet_facts();
  facts.company = "Evil\r\nBcc: all@example.com";
  facts.quarantined = {{.source = "bank-drop",
                        .name = "x\n\nSubject: forged",
                        .refused_at = "2026-11-28T08:00:00Z",
                        .reason = "bad\r\n.\r\nMAIL FROM:<x>"}};
  facts.quarantined_total = 1;
  const DigestMail mail = compose_digest(facts, 20);
  EXPECT_EQ(mail.subject.find_first_of("\r\n"), std::string::npos);
  EXPECT_THAT(mail.subject, HasSubstr("Evil Bcc: all@example.com"));
  EXPECT_THAT(mail.text, HasSubstr("bank-drop: x Subject: forged: bad . MAIL FROM:<x>\n"));
  EXPECT_THAT(mail.text, Not(HasSubstr("\n.\r\n")));
}

class GatherDigest : public ::testing::Test {
 protected:
  void SetUp() override { store_ = store::testing::open_store(); }

  // A run of `job` that started a second after `ended - 1 min` and ended at `ended`.
  void run(const std::string& job, TimePoint ended, JobRunOutcome outcome,
           const std::string& error = "") {
    store::testing::step(*store_, [&](store::Transaction& tx) {
      store::JobRun started;
      started.job = job;
      started.planned_at = ended - std::chrono::minutes(1);
      started.idempotency_key = job + "@" + store::utc_timestamp(started.planned_at);
      started.started_at = started.planned_at;
      auto id = tx.record_run_start(started);
      ASSERT_TRUE(id) << id.error().message;
      store::JobRunEnd end;
      end.ended_at = ended;
      end.outcome = outcome;
      end.error = error;
      ASSERT_TRUE(tx.record_run_end(*id, end));
    });
  }

  DigestFacts gather(TimePoint since, TimePoint until, std::vector<std::string> jobs) {
    DigestFacts facts;
    const Status read = store_->read([&](store::Reader& reader) -> Status {
      Result<DigestFacts> gathered =
          gather_digest_facts(reader, DigestQuery{.jobs = std::move(jobs),
                                                  .export_targets = {"datev-out"},
                                                  .since = since,
                                                  .until = until,
                                                  .list_limit = 20});
      if (!gathered) return gathered.error();
      facts = std::move(*gathered);
      return {};
    });
    EXPECT_TRUE(read) << read.error().message;
    return facts;
  }

  std::unique_ptr<store::SqliteStore> store_;
};

TEST_F(GatherDigest, TakesFailedRunsOfThePeriodAndJobsWhoseLastRunFailed) {
  run("import", at(27, 8), JobRunOutcome::failed, "before the period");
  run("import", at(28, 8), JobRunOutcome::failed, "in the period");
  run("import", at(28, 9), JobRunOutcome::succeeded);
  run("export", at(28, 18), JobRunOutcome::timed_out, "took too long");
  run("export", at(29, 7), JobRunOutcome::failed, "after the period");
  run("retired", at(28, 10), JobRunOutcome::failed, "a job no longer configured");

  const DigestFacts facts = gather(at(28, 6), at(29, 6), {"import", "export"});
  ASSERT_EQ(facts.failed_runs.size(), 2u);
  EXPECT_EQ(facts.failed_runs[0].job, "export") << "newest first";
  EXPECT_EQ(facts.failed_runs[0].outcome, "timed_out");
  EXPECT_EQ(facts.failed_runs[0].ended_at, "2026-11-28T18:00:00Z");
  EXPECT_EQ(facts.failed_runs[1].error, "in the period");
  // Whether a job fails now is its latest run, whenever that was: import recovered, export
  // failed again after the period.
  ASSERT_EQ(facts.still_failing.size(), 1u);
  EXPECT_EQ(facts.still_failing[0].job, "export");
  EXPECT_EQ(facts.still_failing[0].error, "after the period");
}

TEST_F(GatherDigest, TakesTheFilesRefusedInThePeriod) {
  // The test store's clock stands at 2026-11-28T09:30Z: every refusal is dated then.
  store::testing::step(*store_, [&](store::Transaction& tx) {
    for (const std::string name : {"a.sta", "b.sta"}) {
      ASSERT_TRUE(tx.record_refused_file(
          store::FileRecord{
              .sha256 = std::string(64, name[0]), .name = name, .size = 3, .source = "bank-drop"},
          "not a statement"));
    }
  });
  const DigestFacts inside = gather(at(28, 6), at(29, 6), {});
  EXPECT_EQ(inside.quarantined_total, 2);
  ASSERT_EQ(inside.quarantined.size(), 2u);
  EXPECT_EQ(inside.quarantined[0].source, "bank-drop");
  EXPECT_EQ(inside.quarantined[0].reason, "not a statement");
  EXPECT_EQ(gather(at(28, 9, 31), at(29, 6), {}).quarantined_total, 0) << "refused before";
  EXPECT_EQ(gather(at(28, 9, 30), at(29, 6), {}).quarantined_total, 0) << "the start is open";
  EXPECT_EQ(gather(at(27, 6), at(28, 9, 30), {}).quarantined_total, 2) << "the end is closed";
  EXPECT_EQ(inside.attention(), 2);
  EXPECT_EQ(inside.parked_total, 0);
  EXPECT_EQ(inside.review, 0);
  EXPECT_TRUE(inside.unpublished_exports.empty());
}

}  // namespace
}  // namespace kontor::engine
