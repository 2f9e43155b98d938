#include "service/job_service.hpp"

#include <fmt/format.h>
#include <spdlog/logger.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include "engine/job_runner.hpp"
#include "engine/services.hpp"
#include "host/plugin_instances.hpp"
#include "log/logging.hpp"
#include "scheduler/job_definition.hpp"

namespace kontor::service {
namespace {

JobRunOutcome outcome_of(engine::RunOutcome outcome) {
  switch (outcome) {
    case engine::RunOutcome::kSucceeded:
      return JobRunOutcome::succeeded;
    case engine::RunOutcome::kFailed:
      return JobRunOutcome::failed;
    case engine::RunOutcome::kCancelled:
      return JobRunOutcome::cancelled;
  }
  return JobRunOutcome::failed;
}

store::JobRun record_of(const scheduler::PlannedRun& planned) {
  store::JobRun run;
  run.job = planned.job;
  run.planned_at = planned.planned;
  run.attempt = planned.attempt;
  run.idempotency_key = planned.idempotency_key;
  run.trigger = planned.trigger;
  return run;
}

}  // namespace

struct JobService::Timer {
  explicit Timer(boost::asio::io_context& io) : timer(io) {}
  boost::asio::steady_timer timer;
};

struct JobService::ActiveRun {
  std::string job;
  std::atomic<bool> cancelled{false};
  std::shared_ptr<Runtime> runtime;  // what it started with, kept alive until it returns
  std::thread thread;
};

JobService::JobService(boost::asio::io_context& io, std::shared_ptr<Clock> clock,
                       store::Store& store, const engine::EngineCatalog& engines,
                       JobServiceOptions options)
    : io_(io),
      clock_(std::move(clock)),
      store_(store),
      engines_(engines),
      options_(std::move(options)),
      planner_(*clock_, scheduler::random_jitter()),
      timer_(std::make_unique<Timer>(io)) {}

JobService::~JobService() {
  // Normally empty: stop() waited. A run still going at exit is abandoned, not joined forever.
  for (auto& [id, run] : active_) {
    run->cancelled = true;
    if (run->thread.joinable()) run->thread.detach();
  }
}

std::vector<scheduler::JobDefinition> JobService::definitions(
    const config::KontorConfig& config) const {
  std::vector<scheduler::JobDefinition> jobs;
  for (const auto& settings : config.jobs) {
    auto definition = scheduler::define_job(settings);
    if (!definition) {
      // The configuration was validated; a job the planner cannot take is a bug, named.
      kontor::log::get("scheduler")->error("job {}: {}", settings.name, definition.error().message);
      continue;
    }
    if (options_.once) {
      definition.value().schedule.reset();  // --once runs what was asked for, not schedules
      definition.value().retry.attempts = 0;
    }
    jobs.push_back(std::move(definition).value());
  }
  return jobs;
}

Status JobService::start(std::shared_ptr<Runtime> runtime) {
  runtime_ = std::move(runtime);
  std::map<std::string, TimePoint> last_planned;
  Status prepared = store_.transact("kontord", "start-up", [&](store::Transaction& tx) -> Status {
    auto interrupted = tx.fail_interrupted_runs(clock_->now());
    if (!interrupted) return interrupted.error();
    for (const auto& run : *interrupted) {
      kontor::log::get("scheduler")
          ->warn("run {} of job {} was interrupted when kontord stopped: recorded failed",
                 run.idempotency_key, run.job);
    }
    auto planned = tx.last_planned_instants();
    if (!planned) return planned.error();
    for (const auto& [job, instant] : *planned) last_planned[job] = instant;
    return {};
  });
  if (!prepared) return prepared;
  planner_.configure(definitions(*runtime_->config), last_planned);
  tick();
  return {};
}

void JobService::reconfigure(std::shared_ptr<Runtime> runtime) {
  runtime_ = std::move(runtime);
  planner_.configure(definitions(*runtime_->config), {});
  tick();
}

Result<scheduler::PlannedRun> JobService::run_now(const std::string& job) {
  if (stopping_) return Error{"kontord is stopping"};
  auto planned = planner_.run_now(job);
  if (!planned) return planned;
  boost::asio::post(io_, [this] { tick(); });
  return planned;
}

bool JobService::is_running(const std::string& job) const {
  return planner_.is_running(job);
}

std::optional<TimePoint> JobService::next_planned(const std::string& job) const {
  return planner_.next_planned(job);
}

void JobService::tick() {
  if (stopping_) return;
  auto log = kontor::log::get("scheduler");
  scheduler::Plan plan = planner_.plan();
  const TimePoint now = clock_->now();
  std::vector<std::pair<scheduler::PlannedRun, std::int64_t>> to_start;
  const Status recorded =
      store_.transact("kontord", "scheduler", [&](store::Transaction& tx) -> Status {
        to_start.clear();
        for (const auto& missed : plan.missed) {
          store::JobRun run = record_of(missed.run);
          run.outcome = JobRunOutcome::missed;
          run.ended_at = now;
          run.error = missed.reason;
          if (auto id = tx.record_missed_run(run); !id) return id.error();
        }
        for (auto planned : plan.start) {
          // A retry keeps the key its first attempt was given; a new manual or `then` run at an
          // instant that already has runs gets the next free "#n", however many came before.
          if (auto known = distinct_keys_.find(planned.idempotency_key);
              planned.attempt > 0 && known != distinct_keys_.end()) {
            planned.idempotency_key = known->second;
          } else if (planned.attempt == 0 && (planned.trigger == JobRunTrigger::manual ||
                                              planned.trigger == JobRunTrigger::then)) {
            std::string key = planned.idempotency_key;
            for (int n = 2;; ++n) {
              auto taken = tx.run_key_recorded(key);
              if (!taken) return taken.error();
              if (!*taken) break;
              key = planned.idempotency_key + "#" + std::to_string(n);
            }
            distinct_keys_.erase(planned.idempotency_key);
            if (key != planned.idempotency_key) {
              distinct_keys_[planned.idempotency_key] = key;
              planned.idempotency_key = key;
            }
          }
          store::JobRun run = record_of(planned);
          run.started_at = now;
          auto id = tx.record_run_start(run);
          if (!id) return id.error();
          to_start.emplace_back(planned, *id);
        }
        return {};
      });
  if (!recorded) {
    // Without a record a run must not start: a crash would leave no trace of it. The planner
    // already counts them as running, so they are finished as failed right away.
    log->error("cannot record runs: {}", recorded.error().message);
    for (const auto& planned : plan.start)
      (void)planner_.finished(planned.job, JobRunOutcome::failed);
  } else {
    for (const auto& missed : plan.missed) {
      log->warn("run {} of job {} missed: {}", missed.run.idempotency_key, missed.run.job,
                missed.reason);
    }
    for (const auto& [planned, id] : to_start) launch(planned, id);
  }
  for (const auto& job : plan.cancel) {
    for (auto& [id, run] : active_) {
      if (run->job == job) {
        log->warn("job {} passed its timeout: asked to stop", job);
        run->cancelled = true;
      }
    }
  }
  arm_timer();
  check_idle();
}

void JobService::arm_timer() {
  const auto wake = planner_.wake_at();
  if (!wake) {
    timer_->timer.cancel();
    return;
  }
  auto delay = std::chrono::duration_cast<std::chrono::milliseconds>(*wake - clock_->now());
  // A planner that has nothing new at an overdue instant must not spin the loop.
  if (delay < std::chrono::milliseconds(10)) delay = std::chrono::milliseconds(10);
  timer_->timer.expires_after(delay);
  timer_->timer.async_wait([this](const boost::system::error_code& error) {
    if (!error) tick();
  });
}

void JobService::launch(const scheduler::PlannedRun& planned, std::int64_t id) {
  const config::JobSettings* settings = runtime_->config->job(planned.job);
  auto run = std::make_unique<ActiveRun>();
  run->job = planned.job;
  run->runtime = runtime_;
  ActiveRun& active = *run;
  active_[id] = std::move(run);
  if (settings == nullptr) {  // gone in a reload between planning and starting
    engine::RunResult result;
    result.job = planned.job;
    result.error = "job is no longer configured";
    boost::asio::post(io_, [this, id, result] { finished(id, result); });
    return;
  }
  const std::string key = planned.idempotency_key;
  active.thread = std::thread([this, id, &active, settings, key] {
    engine::Services services{active.runtime->plugins.get(), &store_};
    engine::JobRunner runner(*active.runtime->config, engines_, *clock_, services,
                             active.cancelled);
    engine::RunResult result = runner.run(*settings, key);
    boost::asio::post(io_, [this, id, result = std::move(result)] { finished(id, result); });
  });
}

void JobService::finished(std::int64_t id, engine::RunResult result) {
  auto it = active_.find(id);
  if (it == active_.end()) return;
  if (it->second->thread.joinable()) it->second->thread.join();
  const std::string job = it->second->job;
  active_.erase(it);

  const scheduler::FinishedRun outcome =
      planner_.finished(job, outcome_of(result.outcome), !result.report.retry_is_futile);
  if (outcome.outcome != JobRunOutcome::succeeded) ++unsuccessful_;
  store::JobRunEnd end;
  end.ended_at = clock_->now();
  end.outcome = outcome.outcome;
  end.error = result.error;
  end.warnings = result.report.warnings;
  end.counts = result.report.counts;
  const Status recorded =
      store_.transact("kontord", "scheduler", [&](store::Transaction& tx) -> Status {
        auto changed = tx.record_run_end(id, end);
        if (!changed) return changed.error();
        return {};
      });
  auto log = kontor::log::get("scheduler");
  if (!recorded) log->error("cannot record the end of run {}: {}", id, recorded.error().message);
  if (outcome.retry_at) {
    log->info("job {} will be retried at {}", job, scheduler::iso_instant(*outcome.retry_at));
  } else if (result.report.retry_is_futile) {
    log->warn(
        "job {} is not retried: a plugin said waiting will not help; fix the cause, then "
        "`kontorctl run {}`",
        job, job);
  }
  if (stopping_) {
    if (active_.empty() && on_stopped_) std::exchange(on_stopped_, nullptr)();
    return;
  }
  if (run_finished_) run_finished_(job);
  tick();
}

void JobService::when_idle(std::function<void()> idle) {
  on_idle_ = std::move(idle);
  boost::asio::post(io_, [this] { check_idle(); });
}

void JobService::check_idle() {
  if (!on_idle_ || !active_.empty()) return;
  // Nothing running and nothing queued (a manual or `then:` run would make the planner due now).
  if (!planner_.wake_at()) std::exchange(on_idle_, nullptr)();
}

void JobService::stop(std::function<void()> done) {
  stopping_ = true;
  timer_->timer.cancel();
  for (auto& [id, run] : active_) run->cancelled = true;
  if (active_.empty()) {
    done();
    return;
  }
  on_stopped_ = std::move(done);
}

}  // namespace kontor::service
