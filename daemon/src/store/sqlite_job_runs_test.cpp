// The runs of scheduled jobs in the store: one row per attempt from start to end, missed runs
// with their reason, the last planned instant per job for catch-up, and runs a crash cut off.
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/event_payload.hpp"
#include "store/sqlite_store.hpp"
#include "store/store_test_support.hpp"

namespace kontor::store {
namespace {

using namespace testing;
using ::testing::ElementsAre;

Instant at(int day, int hour, int minute = 0, int millisecond = 0) {
  using namespace std::chrono;
  return sys_days(year(2026) / November / day) + hours(hour) + minutes(minute) +
         milliseconds(millisecond);
}

JobRun run_of(std::string job, Instant planned, JobRunTrigger trigger = JobRunTrigger::schedule,
              int attempt = 0) {
  JobRun run;
  run.job = job;
  run.planned_at = planned;
  run.attempt = attempt;
  run.trigger = trigger;
  // The scheduler's key format; the store treats it as opaque text.
  run.idempotency_key = job + "@" + utc_timestamp(planned);
  run.started_at = planned + std::chrono::seconds(1);
  return run;
}

std::int64_t start(Store& store, const JobRun& run) {
  std::int64_t id = 0;
  step(store, [&](Transaction& tx) {
    auto recorded = tx.record_run_start(run);
    ASSERT_TRUE(recorded) << recorded.error().message;
    id = *recorded;
  });
  return id;
}

void end(Store& store, std::int64_t id, JobRunOutcome outcome, Instant ended,
         std::vector<std::string> warnings = {}, std::string error = {}) {
  step(store, [&](Transaction& tx) {
    JobRunEnd how;
    how.ended_at = ended;
    how.outcome = outcome;
    how.error = std::move(error);
    how.warnings = std::move(warnings);
    auto recorded = tx.record_run_end(id, how);
    ASSERT_TRUE(recorded) << recorded.error().message;
  });
}

std::vector<JobRun> runs_of(Store& store, std::string_view job, std::int64_t limit = 100) {
  std::vector<JobRun> runs;
  Status status = store.read([&](Reader& reader) -> Status {
    auto found = reader.job_runs(job, limit);
    if (!found) return found.error();
    runs = std::move(found).value();
    return {};
  });
  EXPECT_TRUE(status) << status.error().message;
  return runs;
}

TEST(JobRuns, RunIsRecordedFromStartToEndWithItsWarnings) {
  auto store = open_store();
  ASSERT_TRUE(store);
  const std::int64_t id = start(*store, run_of("import", at(28, 5)));
  std::vector<JobRun> runs = runs_of(*store, "import");
  ASSERT_EQ(runs.size(), 1U);
  EXPECT_EQ(runs[0].id, id);
  EXPECT_EQ(runs[0].outcome, JobRunOutcome::running);
  EXPECT_EQ(runs[0].started_at, at(28, 5) + std::chrono::seconds(1));
  EXPECT_FALSE(runs[0].ended_at);

  end(*store, id, JobRunOutcome::succeeded, at(28, 5, 3, 250),
      {"balance of \"DE02 1203\" does not add up", "30 February in line 4: read as 2 March"});
  runs = runs_of(*store, "import");
  ASSERT_EQ(runs.size(), 1U);
  const JobRun& run = runs[0];
  EXPECT_EQ(run.job, "import");
  EXPECT_EQ(run.planned_at, at(28, 5));
  EXPECT_EQ(run.attempt, 0);
  EXPECT_EQ(run.idempotency_key, "import@2026-11-28T05:00:00.000Z");
  EXPECT_EQ(run.trigger, JobRunTrigger::schedule);
  EXPECT_EQ(run.ended_at, at(28, 5, 3, 250));
  EXPECT_EQ(run.outcome, JobRunOutcome::succeeded);
  EXPECT_EQ(run.error, "");
  EXPECT_THAT(run.warnings, ElementsAre("balance of \"DE02 1203\" does not add up",
                                        "30 February in line 4: read as 2 March"));
}

TEST(JobRuns, WhatARunCountedIsKeptWithItsRecord) {
  auto store = open_store();
  ASSERT_TRUE(store);
  const std::int64_t id = start(*store, run_of("statements", at(28, 7)));
  EXPECT_THAT(runs_of(*store, "statements")[0].counts, ::testing::IsEmpty());
  step(*store, [&](Transaction& tx) {
    JobRunEnd how;
    how.ended_at = at(28, 7, 1);
    how.counts = {{"files_imported", 2}, {"transactions_new", 9}, {"transactions_known", 0}};
    auto recorded = tx.record_run_end(id, how);
    ASSERT_TRUE(recorded) << recorded.error().message;
  });
  const std::vector<JobRun> runs = runs_of(*store, "statements");
  ASSERT_EQ(runs.size(), 1U);
  EXPECT_THAT(runs[0].counts, ElementsAre(::testing::Pair("files_imported", 2),
                                          ::testing::Pair("transactions_known", 0),
                                          ::testing::Pair("transactions_new", 9)));
}

TEST(JobRuns, FailedRunKeepsItsErrorAndRetriesAreFurtherAttemptsOfTheSameKey) {
  auto store = open_store();
  ASSERT_TRUE(store);
  const JobRun first = run_of("import", at(28, 5));
  end(*store, start(*store, first), JobRunOutcome::failed, at(28, 5, 1), {}, "SFTP refused");
  JobRun retry = first;
  retry.attempt = 1;
  retry.trigger = JobRunTrigger::retry;
  end(*store, start(*store, retry), JobRunOutcome::succeeded, at(28, 5, 3));
  const std::vector<JobRun> runs = runs_of(*store, "import");
  ASSERT_EQ(runs.size(), 2U);
  EXPECT_EQ(runs[0].attempt, 1);
  EXPECT_EQ(runs[0].trigger, JobRunTrigger::retry);
  EXPECT_EQ(runs[0].idempotency_key, runs[1].idempotency_key);
  EXPECT_EQ(runs[1].outcome, JobRunOutcome::failed);
  EXPECT_EQ(runs[1].error, "SFTP refused");
}

TEST(JobRuns, TheSameAttemptOfAPlannedRunCannotStartTwice) {
  auto store = open_store();
  ASSERT_TRUE(store);
  start(*store, run_of("import", at(28, 5)));
  Status status = store->transact("scheduler", "test", [&](Transaction& tx) -> Status {
    auto again = tx.record_run_start(run_of("import", at(28, 5)));
    EXPECT_FALSE(again);
    if (!again) {
      EXPECT_EQ(again.error().message,
                "run import@2026-11-28T05:00:00.000Z (attempt 0) is already recorded");
    }
    return {};
  });
  EXPECT_TRUE(status);
  EXPECT_EQ(runs_of(*store, "import").size(), 1U);
}

TEST(JobRuns, EndIsRefusedForUnknownOrEndedRunsAndForNonFinalOutcomes) {
  auto store = open_store();
  ASSERT_TRUE(store);
  const std::int64_t id = start(*store, run_of("import", at(28, 5)));
  end(*store, id, JobRunOutcome::timed_out, at(28, 5, 30));
  Status status = store->transact("scheduler", "test", [&](Transaction& tx) -> Status {
    JobRunEnd how;
    how.ended_at = at(28, 6);
    how.outcome = JobRunOutcome::succeeded;
    EXPECT_EQ(tx.record_run_end(id, how).error().message,
              fmt::format("run {} (import@2026-11-28T05:00:00.000Z) already ended: timed_out", id));
    EXPECT_EQ(tx.record_run_end(id + 1, how).error().message,
              fmt::format("no run with id {}", id + 1));
    how.outcome = JobRunOutcome::running;
    EXPECT_FALSE(tx.record_run_end(id, how));
    return {};
  });
  EXPECT_TRUE(status);
  EXPECT_EQ(runs_of(*store, "import")[0].outcome, JobRunOutcome::timed_out);
}

TEST(JobRuns, MissedRunHasNoStartAndSaysWhy) {
  auto store = open_store();
  ASSERT_TRUE(store);
  step(*store, [&](Transaction& tx) {
    JobRun missed = run_of("digest", at(21, 7));
    missed.started_at.reset();
    missed.ended_at = at(28, 9, 30);
    missed.error = "kontord was not running at the planned time";
    EXPECT_TRUE(tx.record_missed_run(missed));
  });
  const std::vector<JobRun> runs = runs_of(*store, "digest");
  ASSERT_EQ(runs.size(), 1U);
  EXPECT_EQ(runs[0].outcome, JobRunOutcome::missed);
  EXPECT_FALSE(runs[0].started_at);
  EXPECT_EQ(runs[0].ended_at, at(28, 9, 30));
  EXPECT_EQ(runs[0].error, "kontord was not running at the planned time");
}

TEST(JobRuns, AreListedNewestFirstPerJobUpToTheLimit) {
  auto store = open_store();
  ASSERT_TRUE(store);
  for (int hour = 1; hour <= 5; ++hour) {
    end(*store, start(*store, run_of("match", at(28, hour))), JobRunOutcome::succeeded,
        at(28, hour, 1));
  }
  start(*store, run_of("import", at(28, 3)));
  const std::vector<JobRun> runs = runs_of(*store, "match", 3);
  ASSERT_EQ(runs.size(), 3U);
  EXPECT_EQ(runs[0].planned_at, at(28, 5));
  EXPECT_EQ(runs[1].planned_at, at(28, 4));
  EXPECT_EQ(runs[2].planned_at, at(28, 3));
  EXPECT_TRUE(runs_of(*store, "unknown").empty());
}

TEST(JobRuns, LastPlannedInstantCountsScheduledRunsOnly) {
  auto store = open_store();
  ASSERT_TRUE(store);
  start(*store, run_of("import", at(27, 5)));
  step(*store, [&](Transaction& tx) {
    JobRun missed = run_of("import", at(28, 5), JobRunTrigger::schedule);
    missed.error = "a later run took its place";
    EXPECT_TRUE(tx.record_missed_run(missed));
  });
  start(*store, run_of("import", at(28, 9, 31, 120), JobRunTrigger::manual));
  start(*store, run_of("digest", at(26, 7), JobRunTrigger::catch_up));
  start(*store, run_of("digest", at(28, 7), JobRunTrigger::then));
  start(*store, run_of("match", at(28, 8), JobRunTrigger::manual));
  std::map<std::string, Instant> last;
  Status status = store->read([&](Reader& reader) -> Status {
    auto found = reader.last_planned_instants();
    if (!found) return found.error();
    last = *found;
    return {};
  });
  ASSERT_TRUE(status) << status.error().message;
  EXPECT_EQ(last, (std::map<std::string, Instant>{{"digest", at(26, 7)}, {"import", at(28, 5)}}));
}

TEST(JobRuns, RunsCutOffByACrashAreMarkedFailedAtStartUp) {
  ScratchDirectory dir;
  const std::string path = dir.file("kontor.db");
  std::int64_t cut_off = 0;
  {
    auto store = open_store(path);
    ASSERT_TRUE(store);
    end(*store, start(*store, run_of("match", at(28, 4))), JobRunOutcome::succeeded, at(28, 4, 1));
    cut_off = start(*store, run_of("import", at(28, 5)));
  }  // kontord is gone without ending the run
  auto store = open_store(path);
  ASSERT_TRUE(store);
  std::vector<JobRun> failed;
  step(*store, [&](Transaction& tx) {
    auto found = tx.fail_interrupted_runs(at(28, 9));
    ASSERT_TRUE(found) << found.error().message;
    failed = *found;
  });
  ASSERT_EQ(failed.size(), 1U);
  EXPECT_EQ(failed[0].id, cut_off);
  EXPECT_EQ(failed[0].outcome, JobRunOutcome::failed);
  const JobRun stored = runs_of(*store, "import")[0];
  EXPECT_EQ(stored.outcome, JobRunOutcome::failed);
  EXPECT_EQ(stored.error, "kontord stopped during the run");
  EXPECT_EQ(stored.ended_at, at(28, 9));
  EXPECT_EQ(runs_of(*store, "match")[0].outcome, JobRunOutcome::succeeded);
  step(*store, [&](Transaction& tx) { EXPECT_TRUE(tx.fail_interrupted_runs(at(28, 9))->empty()); });
}

TEST(JobRuns, EveryChangeOfARunIsAnEvent) {
  auto store = open_store();
  ASSERT_TRUE(store);
  const std::int64_t id = start(*store, run_of("import", at(28, 5)));
  end(*store, id, JobRunOutcome::failed, at(28, 5, 1), {}, "SFTP refused");
  step(*store, [&](Transaction& tx) {
    JobRun missed = run_of("import", at(28, 6));
    missed.error = "the run import@... took its place";
    EXPECT_TRUE(tx.record_missed_run(missed));
  });
  std::vector<Event> events;
  Status status = store->read([&](Reader& reader) -> Status {
    events = *reader.events(0, 10);
    return {};
  });
  ASSERT_TRUE(status);
  ASSERT_EQ(events.size(), 3U);
  EXPECT_EQ(events[0].kind, "job_run.started");
  EXPECT_EQ(events[0].entity_key, "import@2026-11-28T05:00:00.000Z");
  EXPECT_EQ(events[1].kind, "job_run.ended");
  EXPECT_NE(events[1].payload.find("\"outcome\":\"failed\""), std::string::npos)
      << events[1].payload;
  EXPECT_EQ(events[2].kind, "job_run.missed");
}

}  // namespace
}  // namespace kontor::store
