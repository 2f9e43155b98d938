// Removing old job runs (the housekeeping engine's step): old runs go, what the scheduler, the
// admin API and /metrics read stays, and no total in operations_totals goes down.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/event_payload.hpp"
#include "store/sqlite_store.hpp"
#include "store/store_test_support.hpp"

namespace kontor::store {
namespace {

using namespace testing;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

Instant on(int month, int day, int hour = 6) {
  using namespace std::chrono;
  return sys_days(year(2026) / month / day) + hours(hour);
}

// A run of `job` planned at `planned`, started a second later and ended `seconds` after that
// with `counts`; returns its id.
std::int64_t ran(Store& store, const std::string& job, Instant planned, JobRunOutcome outcome,
                 std::int64_t seconds, std::map<std::string, std::int64_t> counts = {},
                 JobRunTrigger trigger = JobRunTrigger::schedule) {
  std::int64_t id = 0;
  step(store, [&](Transaction& tx) {
    JobRun run;
    run.job = job;
    run.planned_at = planned;
    run.trigger = trigger;
    run.idempotency_key = job + "@" + utc_timestamp(planned);
    run.started_at = planned + std::chrono::seconds(1);
    auto started = tx.record_run_start(run);
    ASSERT_TRUE(started) << started.error().message;
    id = *started;
    JobRunEnd end;
    end.ended_at = *run.started_at + std::chrono::seconds(seconds) + std::chrono::milliseconds(250);
    end.outcome = outcome;
    end.counts = std::move(counts);
    auto ended = tx.record_run_end(id, end);
    ASSERT_TRUE(ended) << ended.error().message;
  });
  return id;
}

std::int64_t missed(Store& store, const std::string& job, Instant planned) {
  std::int64_t id = 0;
  step(store, [&](Transaction& tx) {
    JobRun run;
    run.job = job;
    run.planned_at = planned;
    run.idempotency_key = job + "@" + utc_timestamp(planned);
    run.ended_at = planned + std::chrono::hours(25);
    run.error = "kontord was down";
    auto recorded = tx.record_missed_run(run);
    ASSERT_TRUE(recorded) << recorded.error().message;
    id = *recorded;
  });
  return id;
}

std::int64_t prune(Store& store, Instant ended_before) {
  std::int64_t removed = -1;
  step(store, [&](Transaction& tx) {
    auto pruned = tx.prune_job_runs(ended_before);
    ASSERT_TRUE(pruned) << pruned.error().message;
    removed = *pruned;
  });
  return removed;
}

std::vector<std::int64_t> run_ids(Store& store, const std::string& job) {
  std::vector<std::int64_t> ids;
  Status read = store.read([&](Reader& reader) -> Status {
    auto runs = reader.job_runs(job, 1000);
    if (!runs) return runs.error();
    for (const JobRun& run : *runs) ids.push_back(run.id);
    return {};
  });
  EXPECT_TRUE(read) << read.error().message;
  std::sort(ids.begin(), ids.end());
  return ids;
}

OperationsTotals totals(Store& store) {
  OperationsTotals found;
  Status read = store.read([&](Reader& reader) -> Status {
    auto all = reader.operations_totals();
    if (!all) return all.error();
    found = std::move(*all);
    return {};
  });
  EXPECT_TRUE(read) << read.error().message;
  return found;
}

// The figures /metrics shows as counters, comparable with ==.
struct Counters {
  std::vector<std::tuple<std::string, std::string, std::int64_t, std::int64_t>> runs;
  std::vector<std::tuple<std::string, std::string, std::int64_t>> counted;
  bool operator==(const Counters&) const = default;
};

Counters counters(Store& store) {
  const OperationsTotals all = totals(store);
  Counters figures;
  for (const JobRunTotal& run : all.runs) {
    figures.runs.emplace_back(run.job, run.outcome, run.runs, run.duration_ms);
  }
  for (const JobCountTotal& count : all.counted) {
    figures.counted.emplace_back(count.job, count.count, count.total);
  }
  return figures;
}

TEST(JobRunPruning, RemovesRunsThatEndedBeforeTheLimitAndKeepsTheOthers) {
  auto store = open_store();
  ASSERT_TRUE(store);
  const auto old_1 = ran(*store, "import", on(3, 2), JobRunOutcome::succeeded, 10);
  const auto old_2 = ran(*store, "import", on(3, 3), JobRunOutcome::succeeded, 10);
  const auto recent = ran(*store, "import", on(11, 20), JobRunOutcome::succeeded, 10);
  const auto newest = ran(*store, "import", on(11, 27), JobRunOutcome::succeeded, 10);
  (void)old_1;
  (void)old_2;
  EXPECT_EQ(prune(*store, on(8, 30)), 2);
  EXPECT_THAT(run_ids(*store, "import"), ElementsAre(recent, newest));
  EXPECT_EQ(prune(*store, on(8, 30)), 0);  // nothing left to remove
}

TEST(JobRunPruning, KeepsTheNewestRunOfEachJobHoweverOld) {
  auto store = open_store();
  ASSERT_TRUE(store);
  ran(*store, "statements", on(1, 1), JobRunOutcome::succeeded, 60);
  const auto last_statements = ran(*store, "statements", on(2, 1), JobRunOutcome::succeeded, 60);
  const auto only_export = ran(*store, "export", on(1, 5), JobRunOutcome::succeeded, 5);
  EXPECT_EQ(prune(*store, on(11, 28)), 1);
  EXPECT_THAT(run_ids(*store, "statements"), ElementsAre(last_statements));
  EXPECT_THAT(run_ids(*store, "export"), ElementsAre(only_export));
}

// The newest run failed: the last success is kept too (the bank-freshness check asks for it), and
// a run still going is never removed.
TEST(JobRunPruning, KeepsTheNewestOfEachOutcomeAndEveryRunStillGoing) {
  auto store = open_store();
  ASSERT_TRUE(store);
  ran(*store, "reconcile", on(1, 1), JobRunOutcome::succeeded, 1);
  const auto last_success = ran(*store, "reconcile", on(1, 2), JobRunOutcome::succeeded, 1);
  ran(*store, "reconcile", on(1, 3), JobRunOutcome::failed, 1);
  const auto last_failure = ran(*store, "reconcile", on(1, 4), JobRunOutcome::failed, 1);
  std::int64_t running = 0;
  step(*store, [&](Transaction& tx) {
    JobRun run;
    run.job = "reconcile";
    run.planned_at = on(1, 5);
    run.idempotency_key = "reconcile@stuck";
    run.started_at = on(1, 5);
    running = *tx.record_run_start(run);
  });
  EXPECT_EQ(prune(*store, on(11, 28)), 2);
  EXPECT_THAT(run_ids(*store, "reconcile"), ElementsAre(last_success, last_failure, running));
}

// Catch-up after downtime starts from the latest planned instant of a scheduled run: a manual
// run after it must not leave the scheduler without it.
TEST(JobRunPruning, KeepsTheLatestScheduledRunForCatchUp) {
  auto store = open_store();
  ASSERT_TRUE(store);
  ran(*store, "dunning", on(1, 5), JobRunOutcome::succeeded, 3);
  const auto scheduled = ran(*store, "dunning", on(1, 6), JobRunOutcome::succeeded, 3);
  const auto manual =
      ran(*store, "dunning", on(1, 7), JobRunOutcome::succeeded, 3, {}, JobRunTrigger::manual);
  EXPECT_EQ(prune(*store, on(11, 28)), 1);
  EXPECT_THAT(run_ids(*store, "dunning"), ElementsAre(scheduled, manual));
  std::map<std::string, Instant> planned;
  ASSERT_TRUE(store->read([&](Reader& reader) -> Status {
    planned = *reader.last_planned_instants();
    return {};
  }));
  EXPECT_EQ(planned.at("dunning"), on(1, 6));
}

// Prometheus counters are derived from job_runs; a counter that went down would look like a
// restart of kontord to Prometheus, and rate() would be wrong.
TEST(JobRunPruning, MetricsTotalsAreTheSameAfterPruning) {
  auto store = open_store();
  ASSERT_TRUE(store);
  for (int day = 1; day <= 20; ++day) {
    ran(*store, "import", on(2, day),
        day % 4 == 0 ? JobRunOutcome::failed : JobRunOutcome::succeeded, day,
        {{"files_imported", day}, {"transactions_new", 2 * day}});
  }
  missed(*store, "import", on(3, 1));
  missed(*store, "import", on(3, 2));
  ran(*store, "import", on(11, 27), JobRunOutcome::succeeded, 7, {{"files_imported", 1}});
  ran(*store, "export", on(2, 1), JobRunOutcome::succeeded, 4, {{"batches_published", 1}});
  ran(*store, "export", on(11, 27), JobRunOutcome::timed_out, 600);
  const Counters before = counters(*store);
  ASSERT_FALSE(before.runs.empty());

  EXPECT_EQ(prune(*store, on(8, 30)), 19 + 1);  // keeps the newest failure, missed and success
  EXPECT_EQ(counters(*store), before);
  // Pruning again later, with some totals carried already, adds to what was carried.
  ran(*store, "import", on(11, 28), JobRunOutcome::succeeded, 2, {{"files_imported", 3}});
  const Counters grown = counters(*store);
  EXPECT_EQ(prune(*store, on(11, 28)), 1);  // 27 November's: no longer the newest success
  EXPECT_EQ(counters(*store), grown);
  EXPECT_THAT(grown.counted, ::testing::Contains(std::tuple<std::string, std::string, std::int64_t>(
                                 "import", "files_imported", 20 * 21 / 2 + 1 + 3)));
}

TEST(JobRunPruning, LastRunsShownOnMetricsStay) {
  auto store = open_store();
  ASSERT_TRUE(store);
  ran(*store, "import", on(1, 1), JobRunOutcome::succeeded, 1);
  ran(*store, "import", on(1, 2), JobRunOutcome::succeeded, 1);
  ran(*store, "import", on(1, 3), JobRunOutcome::failed, 1);
  const auto before = totals(*store).last_runs;
  EXPECT_EQ(prune(*store, on(11, 28)), 1);
  const auto after = totals(*store).last_runs;
  ASSERT_EQ(after.size(), before.size());
  EXPECT_EQ(after[0].outcome, before[0].outcome);
  EXPECT_EQ(after[0].ended_unix_ms, before[0].ended_unix_ms);
}

TEST(JobRunPruning, IsAnEventInTheAuditTrail) {
  auto store = open_store();
  ASSERT_TRUE(store);
  ran(*store, "import", on(1, 1), JobRunOutcome::succeeded, 1);
  ran(*store, "import", on(1, 2), JobRunOutcome::succeeded, 1);
  prune(*store, on(11, 28));
  std::vector<Event> events;
  ASSERT_TRUE(store->read([&](Reader& reader) -> Status {
    events = *reader.events(0, 100);
    return {};
  }));
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.back().kind, "job_run.pruned");
  EXPECT_THAT(events.back().payload, HasSubstr("\"runs\":1"));
}

}  // namespace
}  // namespace kontor::store
