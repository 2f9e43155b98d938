#include "scheduler/job_planner.hpp"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "scheduler/next_run.hpp"
#include "scheduler/scheduler_test_support.hpp"

namespace kontor::scheduler {
namespace {

using namespace testing;
using std::chrono::hours;
using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

JobDefinition job(std::string name, std::optional<std::string> schedule,
                  std::string_view zone_name = "Europe/Berlin") {
  JobDefinition d;
  d.name = std::move(name);
  if (schedule) {
    auto parsed = CronExpression::parse(*schedule);
    EXPECT_TRUE(parsed) << parsed.error().message;
    d.schedule = *parsed;
  }
  d.zone = zone(zone_name);
  d.timeout = std::chrono::milliseconds(0);
  d.catch_up_within = hours(24);
  return d;
}

// A jitter that hands out a fixed sequence and remembers the ceilings it was asked for.
struct ScriptedJitter {
  std::vector<milliseconds> waits;
  std::vector<milliseconds> ceilings;
  std::size_t next = 0;

  Jitter source() {
    return [this](milliseconds ceiling) {
      ceilings.push_back(ceiling);
      return next < waits.size() ? waits[next++] : ceiling;
    };
  }
};

Jitter no_jitter() {
  return [](milliseconds) { return milliseconds(0); };
}

std::vector<std::string> keys(const std::vector<PlannedRun>& runs) {
  std::vector<std::string> out;
  for (const auto& run : runs) out.push_back(run.idempotency_key);
  return out;
}

std::vector<std::string> keys(const std::vector<MissedRun>& runs) {
  std::vector<std::string> out;
  for (const auto& missed : runs) out.push_back(missed.run.idempotency_key);
  return out;
}

TEST(JobPlanner, ScheduledRunStartsAtItsPlannedInstantWithItsKey) {
  ManualClock clock(utc("2026-11-28T04:00:00Z"));
  JobPlanner planner(clock, no_jitter());
  planner.configure({job("import", "0 6 * * *")}, {});
  EXPECT_EQ(iso(*planner.wake_at()), "2026-11-28T05:00:00Z");  // 06:00 CET

  clock.set(utc("2026-11-28T04:59:59Z"));
  EXPECT_THAT(planner.plan().start, IsEmpty());

  clock.set(utc("2026-11-28T05:00:00Z"));
  const Plan plan = planner.plan();
  ASSERT_EQ(plan.start.size(), 1U);
  EXPECT_EQ(plan.start[0].job, "import");
  EXPECT_EQ(iso(plan.start[0].planned), "2026-11-28T05:00:00Z");
  EXPECT_EQ(plan.start[0].attempt, 0);
  EXPECT_EQ(plan.start[0].trigger, JobRunTrigger::schedule);
  EXPECT_EQ(plan.start[0].idempotency_key, "import@2026-11-28T05:00:00Z");
  EXPECT_THAT(plan.missed, IsEmpty());
  EXPECT_TRUE(planner.is_running("import"));
  EXPECT_EQ(iso(*planner.wake_at()), "2026-11-29T05:00:00Z");

  clock.set(utc("2026-11-28T05:04:00Z"));
  EXPECT_EQ(planner.finished("import", JobRunOutcome::succeeded).outcome, JobRunOutcome::succeeded);
  EXPECT_FALSE(planner.is_running("import"));
}

TEST(JobPlanner, WeekOfDowntimeCatchesUpTheLatestRunOnlyAndRecordsTheRestMissed) {
  ManualClock clock(utc("2026-11-28T09:00:00Z"));
  JobPlanner planner(clock, no_jitter());
  planner.configure({job("import", "0 6 * * *")}, {{"import", utc("2026-11-21T05:00:00Z")}});
  EXPECT_LT(*planner.wake_at(), clock.now());  // something is overdue: plan at once

  const Plan plan = planner.plan();
  EXPECT_THAT(keys(plan.missed),
              ElementsAre("import@2026-11-22T05:00:00Z", "import@2026-11-23T05:00:00Z",
                          "import@2026-11-24T05:00:00Z", "import@2026-11-25T05:00:00Z",
                          "import@2026-11-26T05:00:00Z", "import@2026-11-27T05:00:00Z"));
  for (const auto& missed : plan.missed) {
    EXPECT_EQ(missed.run.trigger, JobRunTrigger::schedule);
    EXPECT_EQ(missed.reason,
              "kontord was not running at the planned time; only the latest missed run is "
              "caught up");
  }
  ASSERT_EQ(plan.start.size(), 1U);
  EXPECT_EQ(plan.start[0].idempotency_key, "import@2026-11-28T05:00:00Z");
  EXPECT_EQ(plan.start[0].trigger, JobRunTrigger::catch_up);
  EXPECT_EQ(iso(*planner.next_planned("import")), "2026-11-29T05:00:00Z");

  // Nothing more until tomorrow's run.
  clock.set(utc("2026-11-28T09:10:00Z"));
  planner.finished("import", JobRunOutcome::succeeded);
  const Plan after = planner.plan();
  EXPECT_THAT(after.start, IsEmpty());
  EXPECT_THAT(after.missed, IsEmpty());
  EXPECT_EQ(iso(*planner.wake_at()), "2026-11-29T05:00:00Z");
}

TEST(JobPlanner, MissedRunOlderThanCatchUpWithinIsRecordedOnly) {
  ManualClock clock(utc("2026-11-28T09:00:00Z"));
  JobPlanner planner(clock, no_jitter());
  JobDefinition import = job("import", "0 6 * * *");
  import.catch_up_within = hours(2);
  planner.configure({import}, {{"import", utc("2026-11-21T05:00:00Z")}});

  const Plan plan = planner.plan();
  EXPECT_THAT(plan.start, IsEmpty());
  ASSERT_EQ(plan.missed.size(), 7U);
  EXPECT_EQ(plan.missed.back().run.idempotency_key, "import@2026-11-28T05:00:00Z");
  EXPECT_EQ(plan.missed.back().reason,
            "kontord was not running at the planned time; more than catch_up_within (2h) ago, "
            "too late to catch up");
  EXPECT_EQ(iso(*planner.wake_at()), "2026-11-29T05:00:00Z");
}

TEST(JobPlanner, LongDowntimeOfAFrequentJobRecordsTheLatestMissedRunsAndCountsTheRest) {
  ManualClock clock(utc("2026-11-28T09:00:30Z"));
  JobPlanner planner(clock, no_jitter());
  planner.configure({job("poll", "* * * * *")}, {{"poll", utc("2026-11-27T09:00:00Z")}});

  const Plan plan = planner.plan();
  ASSERT_EQ(plan.start.size(), 1U);
  EXPECT_EQ(plan.start[0].idempotency_key, "poll@2026-11-28T09:00:00Z");
  // 1,440 instants were missed; the run at 09:00 is caught up, 1,439 are missed.
  ASSERT_EQ(plan.missed.size(), static_cast<std::size_t>(kMaxMissedRecorded));
  EXPECT_EQ(plan.missed.front().run.idempotency_key, "poll@2026-11-28T07:20:00Z");
  EXPECT_EQ(plan.missed.back().run.idempotency_key, "poll@2026-11-28T08:59:00Z");
  EXPECT_THAT(plan.missed.front().reason,
              HasSubstr("(and 1339 earlier missed runs since 2026-11-27T09:01:00Z, not recorded "
                        "one by one)"));
}

TEST(JobPlanner, JobWithoutHistoryStartsWithItsNextInstant) {
  ManualClock clock(utc("2026-11-28T09:00:00Z"));
  JobPlanner planner(clock, no_jitter());
  planner.configure({job("import", "0 6 * * *"), job("by-hand", std::nullopt)}, {});
  const Plan plan = planner.plan();
  EXPECT_THAT(plan.start, IsEmpty());
  EXPECT_THAT(plan.missed, IsEmpty());
  EXPECT_EQ(iso(*planner.wake_at()), "2026-11-29T05:00:00Z");
  EXPECT_FALSE(planner.next_planned("by-hand"));
}

TEST(JobPlanner, RunDueWhileTheJobRunsWaitsAndRunsOnceAfterIt) {
  ManualClock clock(utc("2026-11-28T08:30:00Z"));
  JobPlanner planner(clock, no_jitter());
  planner.configure({job("match", "0 * * * *")}, {});
  clock.set(utc("2026-11-28T09:00:00Z"));
  ASSERT_THAT(keys(planner.plan().start), ElementsAre("match@2026-11-28T09:00:00Z"));

  clock.set(utc("2026-11-28T10:00:00Z"));
  Plan plan = planner.plan();
  EXPECT_THAT(plan.start, IsEmpty());  // 11:00 waits
  EXPECT_THAT(plan.missed, IsEmpty());

  clock.set(utc("2026-11-28T11:00:00Z"));
  plan = planner.plan();
  EXPECT_THAT(plan.start, IsEmpty());  // 12:00 waits instead of 11:00
  EXPECT_THAT(keys(plan.missed), ElementsAre("match@2026-11-28T10:00:00Z"));
  EXPECT_EQ(plan.missed[0].reason, "the run match@2026-11-28T11:00:00Z took its place");

  clock.set(utc("2026-11-28T11:20:00Z"));
  planner.finished("match", JobRunOutcome::succeeded);
  EXPECT_EQ(*planner.wake_at(), clock.now());
  plan = planner.plan();
  EXPECT_THAT(keys(plan.start), ElementsAre("match@2026-11-28T11:00:00Z"));
  EXPECT_EQ(plan.start[0].trigger, JobRunTrigger::schedule);
  EXPECT_THAT(planner.plan().start, IsEmpty());  // once
  EXPECT_EQ(iso(*planner.wake_at()), "2026-11-28T12:00:00Z");
}

TEST(JobPlanner, WaitingRunThatBecameTooLateIsMissed) {
  ManualClock clock(utc("2026-11-28T08:30:00Z"));
  JobPlanner planner(clock, no_jitter());
  JobDefinition match = job("match", "0 * * * *");
  match.catch_up_within = minutes(10);
  planner.configure({match}, {});
  clock.set(utc("2026-11-28T09:00:00Z"));
  ASSERT_EQ(planner.plan().start.size(), 1U);
  clock.set(utc("2026-11-28T10:00:00Z"));
  EXPECT_THAT(planner.plan().start, IsEmpty());
  clock.set(utc("2026-11-28T10:30:00Z"));
  planner.finished("match", JobRunOutcome::succeeded);
  const Plan plan = planner.plan();
  EXPECT_THAT(plan.start, IsEmpty());
  ASSERT_EQ(plan.missed.size(), 1U);
  EXPECT_EQ(plan.missed[0].run.idempotency_key, "match@2026-11-28T10:00:00Z");
  EXPECT_EQ(plan.missed[0].reason,
            "the job was still running until 2026-11-28T10:30:00Z; too late to start "
            "(catch_up_within 10m)");
}

TEST(JobPlanner, FailedRunIsRetriedWithCappedBackoffAndJitterUnderTheSameKey) {
  ManualClock clock(utc("2026-11-28T04:00:00Z"));
  ScriptedJitter jitter;
  jitter.waits = {seconds(20), seconds(90), minutes(4), milliseconds(0)};
  JobPlanner planner(clock, jitter.source());
  JobDefinition import = job("import", "0 6 * * *");
  import.retry.attempts = 4;
  import.retry.backoff = minutes(1);
  import.retry.max_backoff = minutes(5);
  planner.configure({import}, {});
  clock.set(utc("2026-11-28T05:00:00Z"));
  ASSERT_THAT(keys(planner.plan().start), ElementsAre("import@2026-11-28T05:00:00Z"));

  std::vector<std::string> retried_at;
  for (int attempt = 1; attempt <= 4; ++attempt) {
    clock.advance(minutes(1));  // the run takes a minute and fails
    const FinishedRun finished = planner.finished("import", JobRunOutcome::failed);
    EXPECT_EQ(finished.outcome, JobRunOutcome::failed);
    ASSERT_TRUE(finished.retry_at);
    EXPECT_EQ(*planner.wake_at(), *finished.retry_at);
    clock.set(*finished.retry_at - std::chrono::microseconds(1));
    EXPECT_THAT(planner.plan().start, IsEmpty());
    clock.set(*finished.retry_at);
    const Plan plan = planner.plan();
    ASSERT_EQ(plan.start.size(), 1U);
    EXPECT_EQ(plan.start[0].idempotency_key, "import@2026-11-28T05:00:00Z");
    EXPECT_EQ(iso(plan.start[0].planned), "2026-11-28T05:00:00Z");
    EXPECT_EQ(plan.start[0].attempt, attempt);
    EXPECT_EQ(plan.start[0].trigger, JobRunTrigger::retry);
    retried_at.push_back(iso(clock.now()));
  }
  // Ceilings 1m, 2m, 4m, then capped at 5m; the waits are the jitter's.
  EXPECT_THAT(jitter.ceilings, ElementsAre(minutes(1), minutes(2), minutes(4), minutes(5)));
  EXPECT_THAT(retried_at, ElementsAre("2026-11-28T05:01:20Z", "2026-11-28T05:03:50Z",
                                      "2026-11-28T05:08:50Z", "2026-11-28T05:09:50Z"));
  // The fourth retry (attempt 4) fails too: no attempts are left.
  clock.advance(minutes(1));
  EXPECT_FALSE(planner.finished("import", JobRunOutcome::failed).retry_at);
  EXPECT_EQ(iso(*planner.wake_at()), "2026-11-29T05:00:00Z");
}

TEST(JobPlanner, JitterBeyondTheCeilingIsClamped) {
  ManualClock clock(utc("2026-11-28T05:00:00Z"));
  JobPlanner planner(clock, [](milliseconds ceiling) { return ceiling * 10; });
  JobDefinition import = job("import", std::nullopt);
  import.retry = {2, minutes(1), minutes(30)};
  planner.configure({import}, {});
  ASSERT_TRUE(planner.run_now("import"));
  ASSERT_EQ(planner.plan().start.size(), 1U);
  EXPECT_EQ(iso(*planner.finished("import", JobRunOutcome::failed).retry_at),
            "2026-11-28T05:01:00Z");
}

TEST(JobPlanner, CancelledRunIsNotRetried) {
  ManualClock clock(utc("2026-11-28T04:00:00Z"));
  JobPlanner planner(clock, no_jitter());
  JobDefinition import = job("import", "0 6 * * *");
  import.retry = {3, minutes(1), minutes(5)};
  planner.configure({import}, {});
  clock.set(utc("2026-11-28T05:00:00Z"));
  ASSERT_EQ(planner.plan().start.size(), 1U);
  const FinishedRun finished = planner.finished("import", JobRunOutcome::cancelled);
  EXPECT_EQ(finished.outcome, JobRunOutcome::cancelled);
  EXPECT_FALSE(finished.retry_at);
}

TEST(JobPlanner, AFailureThatWaitingWillNotCureIsNotRetried) {
  ManualClock clock(utc("2026-11-28T04:00:00Z"));
  JobPlanner planner(clock, no_jitter());
  JobDefinition import = job("import", "0 6 * * *");
  import.retry = {3, minutes(1), minutes(5)};
  planner.configure({import}, {});
  clock.set(utc("2026-11-28T05:00:00Z"));
  ASSERT_EQ(planner.plan().start.size(), 1U);
  const FinishedRun finished =
      planner.finished("import", JobRunOutcome::failed, /*retry_may_help=*/false);
  EXPECT_EQ(finished.outcome, JobRunOutcome::failed);
  EXPECT_FALSE(finished.retry_at);
  EXPECT_EQ(iso(*planner.wake_at()), "2026-11-29T05:00:00Z");  // the next scheduled run
}

TEST(JobPlanner, NextScheduledRunTakesThePlaceOfAPendingRetry) {
  ManualClock clock(utc("2026-11-28T08:30:00Z"));
  JobPlanner planner(clock, [](milliseconds ceiling) { return ceiling; });
  JobDefinition match = job("match", "0 * * * *");
  match.retry = {3, hours(1), hours(1)};
  planner.configure({match}, {});
  clock.set(utc("2026-11-28T09:00:00Z"));
  ASSERT_EQ(planner.plan().start.size(), 1U);
  clock.set(utc("2026-11-28T09:30:00Z"));
  EXPECT_EQ(iso(*planner.finished("match", JobRunOutcome::failed).retry_at),
            "2026-11-28T10:30:00Z");
  clock.set(utc("2026-11-28T10:00:00Z"));
  const Plan plan = planner.plan();
  EXPECT_THAT(keys(plan.start), ElementsAre("match@2026-11-28T10:00:00Z"));
  ASSERT_EQ(plan.missed.size(), 1U);
  EXPECT_EQ(plan.missed[0].run.idempotency_key, "match@2026-11-28T09:00:00Z");
  EXPECT_EQ(plan.missed[0].run.attempt, 1);
  EXPECT_EQ(plan.missed[0].run.trigger, JobRunTrigger::retry);
  EXPECT_EQ(plan.missed[0].reason,
            "not retried: the run match@2026-11-28T10:00:00Z took its place");
  EXPECT_EQ(iso(*planner.wake_at()), "2026-11-28T11:00:00Z");
}

TEST(JobPlanner, RunPastItsTimeoutIsFlaggedOnceAndRecordedTimedOutWhenItReturns) {
  ManualClock clock(utc("2026-11-28T04:50:00Z"));
  JobPlanner planner(clock, no_jitter());
  JobDefinition import = job("import", "*/15 * * * *");
  import.timeout = minutes(20);
  planner.configure({import}, {});
  clock.set(utc("2026-11-28T05:00:00Z"));
  ASSERT_EQ(planner.plan().start.size(), 1U);  // 05:00
  EXPECT_EQ(iso(*planner.wake_at()), "2026-11-28T05:15:00Z");

  clock.set(utc("2026-11-28T05:15:00Z"));
  Plan plan = planner.plan();
  EXPECT_THAT(plan.start, IsEmpty());  // 05:15 waits for the running one
  EXPECT_THAT(plan.cancel, IsEmpty());
  EXPECT_EQ(iso(*planner.wake_at()), "2026-11-28T05:20:00Z");  // the timeout

  clock.set(utc("2026-11-28T05:20:00Z"));
  plan = planner.plan();
  EXPECT_THAT(plan.cancel, ElementsAre("import"));
  EXPECT_THAT(plan.start, IsEmpty());
  EXPECT_EQ(iso(*planner.wake_at()), "2026-11-28T05:30:00Z");

  clock.set(utc("2026-11-28T05:21:00Z"));
  plan = planner.plan();
  EXPECT_THAT(plan.cancel, IsEmpty());  // flagged once
  EXPECT_THAT(plan.start, IsEmpty());   // nothing new before the run returned
  EXPECT_TRUE(planner.is_running("import"));

  clock.set(utc("2026-11-28T05:24:00Z"));
  EXPECT_EQ(planner.finished("import", JobRunOutcome::cancelled).outcome, JobRunOutcome::timed_out);
  plan = planner.plan();
  EXPECT_THAT(keys(plan.start), ElementsAre("import@2026-11-28T05:15:00Z"));
  EXPECT_EQ(iso(*planner.wake_at()), "2026-11-28T05:30:00Z");
}

TEST(JobPlanner, TimedOutRunIsRetriedLikeAFailedOne) {
  ManualClock clock(utc("2026-11-28T04:00:00Z"));
  JobPlanner planner(clock, no_jitter());
  JobDefinition import = job("import", "0 6 * * *");
  import.timeout = minutes(30);
  import.retry = {1, minutes(1), minutes(1)};
  planner.configure({import}, {});
  clock.set(utc("2026-11-28T05:00:00Z"));
  ASSERT_EQ(planner.plan().start.size(), 1U);
  clock.set(utc("2026-11-28T05:30:00Z"));
  EXPECT_THAT(planner.plan().cancel, ElementsAre("import"));
  clock.set(utc("2026-11-28T05:31:00Z"));
  const FinishedRun finished = planner.finished("import", JobRunOutcome::succeeded);
  EXPECT_EQ(finished.outcome, JobRunOutcome::timed_out);
  EXPECT_EQ(iso(*finished.retry_at), "2026-11-28T05:31:00Z");
}

TEST(JobPlanner, ManualRunIsPlannedNowWithItsOwnKeyAndNeverTwiceAtOnce) {
  ManualClock clock(utc("2026-11-28T09:31:12Z") + milliseconds(345) +
                    std::chrono::microseconds(678));
  JobPlanner planner(clock, no_jitter());
  planner.configure({job("import", "0 6 * * *")}, {});
  auto run = planner.run_now("import");
  ASSERT_TRUE(run);
  EXPECT_EQ(run->idempotency_key, "import@2026-11-28T09:31:12.345Z");
  EXPECT_EQ(run->trigger, JobRunTrigger::manual);
  EXPECT_EQ(planner.run_now("import").error().message, "a run of job 'import' is about to start");
  EXPECT_EQ(*planner.wake_at(), clock.now());
  const Plan plan = planner.plan();
  EXPECT_THAT(keys(plan.start), ElementsAre("import@2026-11-28T09:31:12.345Z"));
  EXPECT_EQ(planner.run_now("import").error().message,
            "job 'import' is running (import@2026-11-28T09:31:12.345Z, attempt 1); it does not "
            "run twice at once");
  EXPECT_EQ(planner.run_now("nope").error().message, "no job named 'nope'");
}

TEST(JobPlanner, DisabledJobRunsByHandButNotOnSchedule) {
  ManualClock clock(utc("2026-11-28T04:00:00Z"));
  JobPlanner planner(clock, no_jitter());
  JobDefinition import = job("import", "0 6 * * *");
  import.enabled = false;
  planner.configure({import}, {{"import", utc("2026-11-20T05:00:00Z")}});
  EXPECT_FALSE(planner.wake_at());
  EXPECT_TRUE(planner.run_now("import"));
  EXPECT_EQ(planner.plan().start.size(), 1U);
}

TEST(JobPlanner, SuccessQueuesTheThenJobsAndFailureDoesNot) {
  ManualClock clock(utc("2026-11-28T04:00:00Z"));
  JobPlanner planner(clock, no_jitter());
  JobDefinition import = job("import", "0 6 * * *");
  import.then = {"match", "digest"};
  planner.configure({import, job("match", std::nullopt), job("digest", std::nullopt)}, {});
  clock.set(utc("2026-11-28T05:00:00Z"));
  ASSERT_EQ(planner.plan().start.size(), 1U);
  clock.set(utc("2026-11-28T05:02:00Z"));
  planner.finished("import", JobRunOutcome::succeeded);
  const Plan plan = planner.plan();
  EXPECT_THAT(keys(plan.start),
              ElementsAre("match@2026-11-28T05:02:00Z", "digest@2026-11-28T05:02:00Z"));
  EXPECT_EQ(plan.start[0].trigger, JobRunTrigger::then);

  clock.set(utc("2026-11-29T05:00:00Z"));
  planner.finished("match", JobRunOutcome::succeeded);
  planner.finished("digest", JobRunOutcome::succeeded);
  ASSERT_EQ(planner.plan().start.size(), 1U);
  planner.finished("import", JobRunOutcome::failed);
  EXPECT_THAT(planner.plan().start, IsEmpty());
}

TEST(JobPlanner, ReloadKeepsTheRunInProgressAndPlansAChangedScheduleFromNow) {
  ManualClock clock(utc("2026-11-28T04:00:00Z"));
  JobPlanner planner(clock, no_jitter());
  planner.configure({job("import", "0 6 * * *"), job("match", "0 7 * * *")}, {});
  clock.set(utc("2026-11-28T05:00:00Z"));
  ASSERT_EQ(planner.plan().start.size(), 1U);
  clock.set(utc("2026-11-28T05:10:00Z"));
  planner.configure({job("import", "0 6 * * *"), job("match", "0 5 * * *")}, {});
  EXPECT_TRUE(planner.is_running("import"));
  EXPECT_EQ(iso(*planner.next_planned("match")), "2026-11-29T04:00:00Z");
  EXPECT_EQ(iso(*planner.next_planned("import")), "2026-11-29T05:00:00Z");
  EXPECT_THAT(planner.plan().start, IsEmpty());
  EXPECT_FALSE(planner.run_now("import"));  // still running
  planner.finished("import", JobRunOutcome::succeeded);
  EXPECT_FALSE(planner.is_running("import"));
}

TEST(JobPlanner, ReloadKeepsAManualRunThatWasAskedFor) {
  ManualClock clock(utc("2026-11-28T09:00:00Z"));
  JobPlanner planner(clock, no_jitter());
  planner.configure({job("import", "0 6 * * *"), job("match", std::nullopt)}, {});
  ASSERT_TRUE(planner.run_now("import"));
  ASSERT_TRUE(planner.run_now("match"));
  planner.configure({job("import", "0 7 * * *")}, {});
  EXPECT_THAT(keys(planner.plan().start), ElementsAre("import@2026-11-28T09:00:00Z"));
}

// Drives the planner the way the daemon does, collecting every planned instant it starts.
std::vector<std::string> drive(JobPlanner& planner, ManualClock& clock, TimePoint until) {
  std::vector<std::string> started;
  while (auto wake = planner.wake_at()) {
    if (*wake > until) break;
    clock.set(std::max(*wake, clock.now()));
    for (const auto& run : planner.plan().start) {
      started.push_back(iso(run.planned));
      planner.finished(run.job, JobRunOutcome::succeeded);
    }
  }
  return started;
}

TEST(JobPlanner, DailyRunAtTwoThirtyRunsOnceEachDayAcrossBothBerlinChanges) {
  ManualClock clock(utc("2026-03-27T12:00:00Z"));
  JobPlanner planner(clock, no_jitter());
  planner.configure({job("digest", "30 2 * * *")}, {});
  EXPECT_THAT(drive(planner, clock, utc("2026-03-30T12:00:00Z")),
              ElementsAre("2026-03-28T01:30:00Z", "2026-03-29T01:00:00Z", "2026-03-30T00:30:00Z"));
  ManualClock autumn_clock(utc("2026-10-23T12:00:00Z"));
  JobPlanner autumn(autumn_clock, no_jitter());
  autumn.configure({job("digest", "30 2 * * *")}, {});
  EXPECT_THAT(drive(autumn, autumn_clock, utc("2026-10-26T12:00:00Z")),
              ElementsAre("2026-10-24T00:30:00Z", "2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z"));
}

TEST(JobPlanner, ThousandJobsWakeOnlyWhenOneIsDue) {
  ManualClock clock(utc("2026-11-28T00:00:00Z"));
  JobPlanner planner(clock, no_jitter());
  std::vector<JobDefinition> jobs;
  for (int i = 0; i < 1000; ++i) {
    // Every job once a day at its own time; several share a minute, most hours see none.
    const std::string schedule = fmt::format("{} {} * * *", (i * 7) % 60, 6 + (i % 3) * 6);
    jobs.push_back(job(fmt::format("job-{:04}", i), schedule, i % 2 ? "UTC" : "Europe/Berlin"));
  }
  std::set<TimePoint> due;
  TimePoint earliest = TimePoint::max();
  for (const auto& j : jobs) {
    const TimePoint next = *next_after(*j.schedule, clock.now(), j.zone);
    due.insert(next);
    earliest = std::min(earliest, next);
  }
  planner.configure(jobs, {});
  EXPECT_EQ(*planner.wake_at(), earliest);

  int wakeups = 0;
  std::size_t started = 0;
  while (auto wake = planner.wake_at()) {
    if (*wake >= utc("2026-11-29T00:00:00Z")) break;
    clock.set(*wake);
    const Plan plan = planner.plan();
    ++wakeups;
    ASSERT_FALSE(plan.start.empty()) << "woke at " << iso(*wake) << " for nothing";
    for (const auto& run : plan.start) {
      EXPECT_EQ(run.planned, *wake);
      planner.finished(run.job, JobRunOutcome::succeeded);
    }
    started += plan.start.size();
    // Finishing queued nothing: the next wake-up is the next due instant.
    EXPECT_NE(planner.wake_at(), std::optional<TimePoint>(clock.now()));
  }
  EXPECT_EQ(started, 1000U);
  EXPECT_EQ(wakeups, static_cast<int>(due.size()));
}

}  // namespace
}  // namespace kontor::scheduler
