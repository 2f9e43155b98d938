#include "scheduler/job_planner.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "scheduler/next_run.hpp"

namespace kontor::scheduler {
namespace {

using std::chrono::milliseconds;

// A timer that fires a little late must not turn an on-time run into a missed one.
constexpr milliseconds kLeastLatenessAllowed = std::chrono::minutes(1);

TimePoint to_milliseconds(TimePoint instant) {
  return date::floor<milliseconds>(instant);
}

}  // namespace

JobPlanner::JobPlanner(const Clock& clock, Jitter jitter)
    : clock_(clock), jitter_(std::move(jitter)) {}

JobPlanner::JobState* JobPlanner::find(std::string_view name) {
  const auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : &jobs_[it->second];
}

const JobPlanner::JobState* JobPlanner::find(std::string_view name) const {
  const auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : &jobs_[it->second];
}

std::size_t JobPlanner::index_of(const JobState& job) const {
  return static_cast<std::size_t>(&job - jobs_.data());
}

PlannedRun JobPlanner::planned_run(const JobState& job, TimePoint planned,
                                   JobRunTrigger trigger) const {
  PlannedRun run;
  run.job = job.definition.name;
  run.planned = planned;
  run.attempt = 0;
  run.trigger = trigger;
  run.idempotency_key = idempotency_key(job.definition.name, planned);
  return run;
}

milliseconds JobPlanner::lateness_allowed(const JobState& job) const {
  return std::max(job.definition.catch_up_within, kLeastLatenessAllowed);
}

void JobPlanner::arm(JobState& job, TimerKind kind, TimePoint at) {
  timeline_.insert({at, index_of(job), kind});
}

void JobPlanner::disarm(JobState& job, TimerKind kind) {
  std::optional<TimePoint> at;
  if (kind == TimerKind::slot) at = job.next_slot;
  if (kind == TimerKind::retry && job.retry) at = job.retry->at;
  if (kind == TimerKind::deadline && job.running) at = job.running->deadline;
  if (at) timeline_.erase({*at, index_of(job), kind});
}

void JobPlanner::schedule_after(JobState& job, TimePoint after) {
  disarm(job, TimerKind::slot);
  job.next_slot.reset();
  const JobDefinition& d = job.definition;
  if (job.retired || !d.enabled || !d.schedule || d.zone == nullptr) return;
  job.next_slot = next_after(*d.schedule, after, d.zone);
  if (job.next_slot) arm(job, TimerKind::slot, *job.next_slot);
}

void JobPlanner::configure(std::vector<JobDefinition> definitions,
                           const std::map<std::string, TimePoint>& last_planned) {
  const TimePoint now = clock_.now();
  if (!started_at_) started_at_ = now;

  std::vector<JobState> previous = std::move(jobs_);
  std::map<std::string, std::size_t, std::less<>> previous_names = std::move(by_name_);
  jobs_.clear();
  by_name_.clear();
  timeline_.clear();
  released_.clear();
  // Manual and `then:` runs already promised stay queued for the jobs that are still there.
  std::vector<PlannedRun> offered;
  for (auto& offer : offers_) offered.push_back(std::move(offer.second));
  offers_.clear();
  jobs_.reserve(definitions.size() + previous.size());
  std::vector<bool> same_schedule;  // per job: its schedule did not change with this call

  for (auto& definition : definitions) {
    JobState job;
    job.definition = std::move(definition);
    bool unchanged = true;  // a job new to this planner: its stored history applies
    if (const auto it = previous_names.find(job.definition.name); it != previous_names.end()) {
      JobState& before = previous[it->second];
      job.last_planned = before.last_planned;
      job.running = std::move(before.running);
      job.waiting = std::move(before.waiting);
      job.retry = std::move(before.retry);
      const JobDefinition& old = before.definition;
      unchanged = old.zone == job.definition.zone &&
                  old.schedule.has_value() == job.definition.schedule.has_value() &&
                  (!old.schedule || old.schedule->text() == job.definition.schedule->text());
      previous_names.erase(it);
    }
    if (const auto given = last_planned.find(job.definition.name); given != last_planned.end()) {
      job.last_planned = std::max(job.last_planned.value_or(given->second), given->second);
    }
    by_name_.emplace(job.definition.name, jobs_.size());
    jobs_.push_back(std::move(job));
    same_schedule.push_back(unchanged);
  }
  // A job removed while its run is going stays known until the run returns.
  for (auto& [name, index] : previous_names) {
    JobState& before = previous[index];
    if (!before.running) continue;
    JobState job;
    job.definition.name = name;
    job.retired = true;
    job.running = std::move(before.running);
    by_name_.emplace(name, jobs_.size());
    jobs_.push_back(std::move(job));
    same_schedule.push_back(false);
  }

  for (auto& job : jobs_) {
    const bool keep_history = job.last_planned.has_value() && same_schedule[index_of(job)];
    schedule_after(job, keep_history ? *job.last_planned : now);
    if (job.retry) arm(job, TimerKind::retry, job.retry->at);
    if (job.running && job.running->deadline && !job.running->timed_out) {
      arm(job, TimerKind::deadline, *job.running->deadline);
    }
    if (job.waiting && !job.running) released_.push_back(index_of(job));
  }
  for (auto& run : offered) {
    const JobState* job = find(run.job);
    if (job != nullptr && !job->retired) offers_.emplace_back(index_of(*job), std::move(run));
  }
}

std::optional<TimePoint> JobPlanner::wake_at() const {
  if (!offers_.empty() || !released_.empty()) return clock_.now();
  if (timeline_.empty()) return std::nullopt;
  return timeline_.begin()->at;
}

Plan JobPlanner::plan() {
  const TimePoint now = clock_.now();
  Plan plan;
  while (!timeline_.empty() && timeline_.begin()->at <= now) {
    const Timer timer = *timeline_.begin();
    timeline_.erase(timeline_.begin());
    JobState& job = jobs_[timer.job];
    switch (timer.kind) {
      case TimerKind::slot:
        job.next_slot.reset();
        slots_due(job, timer.at, now, plan);
        break;
      case TimerKind::retry: {
        PlannedRun run = std::move(job.retry->run);
        job.retry.reset();
        offer(job, std::move(run), now, plan);
        break;
      }
      case TimerKind::deadline:
        job.running->timed_out = true;
        plan.cancel.push_back(job.definition.name);
        break;
    }
  }
  while (!offers_.empty()) {
    auto [index, run] = std::move(offers_.front());
    offers_.pop_front();
    offer(jobs_[index], std::move(run), now, plan);
  }
  while (!released_.empty()) {
    JobState& job = jobs_[released_.front()];
    released_.pop_front();
    if (job.running || !job.waiting) continue;
    PlannedRun run = std::move(*job.waiting);
    job.waiting.reset();
    if (now - run.planned > lateness_allowed(job)) {
      plan.missed.push_back(
          {std::move(run),
           fmt::format("the job was still running until {}; too late to start "
                       "(catch_up_within {})",
                       iso_instant(now), describe_duration(job.definition.catch_up_within))});
      continue;
    }
    start(job, std::move(run), now, plan);
  }
  return plan;
}

// Every scheduled instant from `first` up to now: the latest may run, the others are missed.
void JobPlanner::slots_due(JobState& job, TimePoint first, TimePoint now, Plan& plan) {
  const JobDefinition& d = job.definition;
  std::deque<TimePoint> earlier;
  std::int64_t uncounted = 0;
  TimePoint latest = first;
  for (auto next = next_after(*d.schedule, latest, d.zone); next && *next <= now;
       next = next_after(*d.schedule, *next, d.zone)) {
    earlier.push_back(latest);
    if (earlier.size() > static_cast<std::size_t>(kMaxMissedRecorded)) {
      earlier.pop_front();
      ++uncounted;
    }
    latest = *next;
  }
  const bool while_down = latest < *started_at_;
  for (std::size_t i = 0; i < earlier.size(); ++i) {
    std::string reason =
        earlier[i] < *started_at_
            ? "kontord was not running at the planned time; only the latest "
              "missed run is caught up"
            : fmt::format("the run planned at {} took its place", iso_instant(latest));
    if (i == 0 && uncounted > 0) {
      reason += fmt::format(" (and {} earlier missed runs since {}, not recorded one by one)",
                            uncounted, iso_instant(first));
    }
    plan.missed.push_back(
        {planned_run(job, earlier[i], JobRunTrigger::schedule), std::move(reason)});
  }
  job.last_planned = latest;
  schedule_after(job, latest);

  PlannedRun run =
      planned_run(job, latest, while_down ? JobRunTrigger::catch_up : JobRunTrigger::schedule);
  if (now - latest > lateness_allowed(job)) {
    plan.missed.push_back(
        {std::move(run), fmt::format("{}; more than catch_up_within ({}) ago, too late to catch up",
                                     while_down ? "kontord was not running at the planned time"
                                                : "kontord could not start it in time",
                                     describe_duration(d.catch_up_within))});
    return;
  }
  offer(job, std::move(run), now, plan);
}

// One run waits per job: of two, the one planned later is kept. A pending retry gives way to
// any newer run, which does the same work.
void JobPlanner::offer(JobState& job, PlannedRun run, TimePoint now, Plan& plan) {
  if (job.retry) {
    disarm(job, TimerKind::retry);
    plan.missed.push_back(
        {std::move(job.retry->run),
         fmt::format("not retried: the run {} took its place", run.idempotency_key)});
    job.retry.reset();
  }
  if (job.waiting) {
    if (run.planned > job.waiting->planned) std::swap(run, *job.waiting);
    plan.missed.push_back(
        {std::move(run), fmt::format("the run {} took its place", job.waiting->idempotency_key)});
  } else {
    job.waiting = std::move(run);
  }
  if (job.running) return;
  PlannedRun starting = std::move(*job.waiting);
  job.waiting.reset();
  start(job, std::move(starting), now, plan);
}

void JobPlanner::start(JobState& job, PlannedRun run, TimePoint now, Plan& plan) {
  Running running;
  running.run = run;
  if (job.definition.timeout.count() > 0) running.deadline = now + job.definition.timeout;
  job.running = std::move(running);
  if (job.running->deadline) arm(job, TimerKind::deadline, *job.running->deadline);
  plan.start.push_back(std::move(run));
}

Result<PlannedRun> JobPlanner::run_now(std::string_view name) {
  JobState* job = find(name);
  if (job == nullptr || job->retired) {
    return Error{fmt::format("no job named '{}'", name)};
  }
  if (job->running) {
    return Error{fmt::format("job '{}' is running ({}, attempt {}); it does not run twice at once",
                             name, job->running->run.idempotency_key,
                             job->running->run.attempt + 1)};
  }
  const bool queued =
      job->waiting || std::any_of(offers_.begin(), offers_.end(),
                                  [&](const auto& offer) { return offer.first == index_of(*job); });
  if (queued) return Error{fmt::format("a run of job '{}' is about to start", name)};
  PlannedRun run = planned_run(*job, to_milliseconds(clock_.now()), JobRunTrigger::manual);
  offers_.emplace_back(index_of(*job), run);
  return run;
}

FinishedRun JobPlanner::finished(std::string_view name, JobRunOutcome reported,
                                 bool retry_may_help) {
  FinishedRun result;
  result.outcome = reported;
  if (reported == JobRunOutcome::running || reported == JobRunOutcome::missed) {
    result.outcome = JobRunOutcome::failed;
  }
  JobState* job = find(name);
  if (job == nullptr || !job->running) return result;  // nothing of it was running
  disarm(*job, TimerKind::deadline);
  const Running running = std::move(*job->running);
  job->running.reset();
  const TimePoint now = clock_.now();
  if (running.timed_out) result.outcome = JobRunOutcome::timed_out;

  if (job->waiting) {
    released_.push_back(index_of(*job));
  } else if (!job->retired && retry_may_help &&
             (result.outcome == JobRunOutcome::failed ||
              result.outcome == JobRunOutcome::timed_out) &&
             running.run.attempt < job->definition.retry.attempts) {
    const milliseconds ceiling = backoff_ceiling(job->definition.retry, running.run.attempt);
    const milliseconds wait = std::clamp(jitter_(ceiling), milliseconds(0), ceiling);
    PendingRetry retry;
    retry.run = running.run;
    retry.run.attempt += 1;
    retry.run.trigger = JobRunTrigger::retry;
    retry.at = now + wait;
    job->retry = std::move(retry);
    arm(*job, TimerKind::retry, job->retry->at);
    result.retry_at = job->retry->at;
  }
  if (result.outcome == JobRunOutcome::succeeded && !job->retired) {
    const TimePoint planned = to_milliseconds(now);
    for (const auto& next : job->definition.then) {
      JobState* follower = find(next);
      if (follower == nullptr || follower->retired) continue;
      offers_.emplace_back(index_of(*follower),
                           planned_run(*follower, planned, JobRunTrigger::then));
    }
  }
  return result;
}

bool JobPlanner::is_running(std::string_view name) const {
  const JobState* job = find(name);
  return job != nullptr && job->running.has_value();
}

std::optional<TimePoint> JobPlanner::next_planned(std::string_view name) const {
  const JobState* job = find(name);
  return job ? job->next_slot : std::nullopt;
}

}  // namespace kontor::scheduler
