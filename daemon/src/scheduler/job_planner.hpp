// JobPlanner: decides which job runs when (DESIGN.md §8). Pure logic: it reads the time from
// the injected Clock, draws retry waits from the injected Jitter, and neither sleeps, nor
// starts threads, nor touches the store. The daemon drives it:
//
//   at start:   store.fail_interrupted_runs(now); configure(jobs, store.last_planned_instants())
//   each tick:  Plan p = plan();
//                 record p.missed (Store::record_missed_run),
//                 record and start each run of p.start (Store::record_run_start),
//                 set the cancellation flag of the running run of each job in p.cancel;
//               then arm one timer for wake_at() (none: nothing is scheduled).
//   run_now(j): queue a manual run, then tick.
//   a run returned: f = finished(job, what the engine reported); record f.outcome
//               (Store::record_run_end), then tick.
//   SIGHUP:     configure(new jobs, {}) — runs in progress and their state carry over by name.
//
// The rules:
//   - Schedules are cron expressions in the job's time zone (next_run.hpp for DST).
//   - One run per job at a time. A run that comes due while the job runs waits; when the
//     running one returns, the waiting one starts if it is still within catch_up_within of its
//     planned instant, else it is recorded missed. At most one run waits per job: of two, the
//     one planned later is kept and the other recorded missed.
//   - After downtime, of the scheduled instants missed while kontord was not running exactly
//     one per job is caught up — the latest — and only if it is within catch_up_within of now;
//     the earlier ones are recorded missed (the latest kMaxMissedRecorded of them one by one).
//   - A run still going at its timeout is listed once in Plan::cancel; it is recorded
//     timed_out when it returns, and nothing new of that job starts before that.
//   - A failed or timed-out run is retried after a wait from retry_backoff.hpp, up to
//     retry.attempts times, with the original planned instant and key and attempt + 1; a run
//     that comes due before the retry starts takes its place. A run cancelled because kontord
//     stops is not retried; nor is a failed one when another run of the job is already waiting.
//   - A successful run queues the jobs of its `then:` list, planned at the moment it returned.
//   - With many jobs the planner keeps one ordered timeline of instants (next scheduled
//     instant, retry, timeout per job), so wake_at() is the earliest of them and the daemon wakes
//     only when something is due.
#pragma once

#include <deque>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/job_run.hpp"
#include "kontor/result.hpp"
#include "scheduler/job_definition.hpp"
#include "scheduler/planned_run.hpp"
#include "scheduler/retry_backoff.hpp"

namespace kontor::scheduler {

// After a long downtime a job may have missed thousands of instants; this many are recorded
// one by one (the latest ones), the rest are counted in the reason of the oldest recorded.
inline constexpr int kMaxMissedRecorded = 100;

struct MissedRun {
  PlannedRun run;
  std::string reason;  // for the operator: why it never started
};

// What to do now.
struct Plan {
  std::vector<PlannedRun> start;    // start these, in this order; each counts as running now
  std::vector<MissedRun> missed;    // record these as missed, in this order
  std::vector<std::string> cancel;  // jobs whose running run passed its timeout
};

// What the planner made of a run that returned.
struct FinishedRun {
  JobRunOutcome outcome = JobRunOutcome::failed;  // to record; timed_out after a timeout
  std::optional<TimePoint> retry_at;              // when a retry is planned
};

class JobPlanner {
 public:
  JobPlanner(const Clock& clock, Jitter jitter);

  // The jobs to plan. `last_planned` holds, per job, the last scheduled instant that was
  // started or recorded missed (Store::last_planned_instants): the instants after it that have
  // passed were missed while kontord was down. The first call also fixes the moment the planner
  // started, which tells catch-up runs from late ones. Later calls (reload) keep runs in
  // progress, waiting runs and retries of jobs that are still there; a job whose schedule
  // changed is planned from now.
  void configure(std::vector<JobDefinition> jobs,
                 const std::map<std::string, TimePoint>& last_planned);

  // What is due at the clock's now. The runs in `start` are running from this call on.
  Plan plan();

  // When plan() next has something to do: now when a run is queued, an instant in the past
  // when one is overdue (plan at once), nullopt when no job is scheduled and nothing is running
  // with a timeout or waiting for a retry.
  std::optional<TimePoint> wake_at() const;

  // Queues a run of `job` planned now (trigger manual) for the next plan(). Refused for an
  // unknown job and for one that is running or about to start.
  Result<PlannedRun> run_now(std::string_view job);

  // The running run of `job` returned; `reported` is what the engine said (succeeded, failed
  // or cancelled).
  // `retry_may_help` false (a failure waiting will not cure) plans no retry.
  FinishedRun finished(std::string_view job, JobRunOutcome reported, bool retry_may_help = true);

  bool is_running(std::string_view job) const;
  // The next scheduled instant of `job`, if it has one.
  std::optional<TimePoint> next_planned(std::string_view job) const;

 private:
  enum class TimerKind { slot, retry, deadline };
  struct Timer {
    TimePoint at;
    std::size_t job;
    TimerKind kind;
    auto operator<=>(const Timer&) const = default;
  };
  struct Running {
    PlannedRun run;
    std::optional<TimePoint> deadline;
    bool timed_out = false;
  };
  struct PendingRetry {
    PlannedRun run;
    TimePoint at;
  };
  struct JobState {
    JobDefinition definition;
    bool retired = false;  // removed by a reload while a run was going
    std::optional<TimePoint> next_slot;
    std::optional<TimePoint> last_planned;
    std::optional<Running> running;
    std::optional<PlannedRun> waiting;
    std::optional<PendingRetry> retry;
  };

  JobState* find(std::string_view name);
  const JobState* find(std::string_view name) const;
  std::size_t index_of(const JobState& job) const;
  PlannedRun planned_run(const JobState& job, TimePoint planned, JobRunTrigger trigger) const;
  std::chrono::milliseconds lateness_allowed(const JobState& job) const;

  void arm(JobState& job, TimerKind kind, TimePoint at);
  void disarm(JobState& job, TimerKind kind);
  void schedule_after(JobState& job, TimePoint after);
  void slots_due(JobState& job, TimePoint first, TimePoint now, Plan& plan);
  void offer(JobState& job, PlannedRun run, TimePoint now, Plan& plan);
  void start(JobState& job, PlannedRun run, TimePoint now, Plan& plan);

  const Clock& clock_;
  Jitter jitter_;
  std::optional<TimePoint> started_at_;
  std::vector<JobState> jobs_;
  std::map<std::string, std::size_t, std::less<>> by_name_;
  std::set<Timer> timeline_;
  std::deque<std::pair<std::size_t, PlannedRun>> offers_;  // manual and `then:` runs
  std::deque<std::size_t> released_;  // jobs whose run returned while another waited
};

}  // namespace kontor::scheduler
