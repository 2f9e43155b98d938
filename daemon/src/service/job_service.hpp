// JobService: drives the scheduler's JobPlanner from kontord's io_context and runs what it
// plans — the one path every run takes (scheduled, caught up, retried, `then:`, started from the
// admin API or by `kontord --once`).
//
// Everything here happens on the io_context's thread except the runs themselves: each run gets
// a thread of its own and its own cancellation flag (set at its timeout or when kontord stops),
// and hands its result back to the io_context. A run is recorded in the store before it starts
// and when it returns, so after a crash the interrupted run is known (and marked failed at the
// next start). One timer is armed for the planner's next instant: an idle daemon wakes only
// when something is due.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "common/clock.hpp"
#include "config/kontor_config.hpp"
#include "engine/engine.hpp"
#include "engine/job_runner.hpp"
#include "kontor/result.hpp"
#include "scheduler/job_planner.hpp"
#include "store/store.hpp"

namespace boost::asio {
class io_context;
}

namespace kontor::host {
class PluginInstances;
}

namespace kontor::service {

// What a run needs besides the job itself; shared so that a reload can replace it while runs
// that started with the old one finish with it.
struct Runtime {
  std::unique_ptr<config::KontorConfig> config;
  std::unique_ptr<host::PluginInstances> plugins;
};

struct JobServiceOptions {
  // `kontord --once`: only manual and `then:` runs (no schedules, no retries).
  bool once = false;
};

class JobService {
 public:
  JobService(boost::asio::io_context& io, std::shared_ptr<Clock> clock, store::Store& store,
             const engine::EngineCatalog& engines, JobServiceOptions options = {});
  ~JobService();

  // Marks runs a crash interrupted as failed, plans the runtime's jobs and arms the timer.
  Status start(std::shared_ptr<Runtime> runtime);
  // After a reload: new runs use `runtime`; runs in progress finish with the one they had.
  void reconfigure(std::shared_ptr<Runtime> runtime);

  // Queues a run of `job` now; an error when it is unknown, running or already queued.
  Result<scheduler::PlannedRun> run_now(const std::string& job);

  // Called on the io_context after each run returned (the source watch looks again).
  void on_run_finished(std::function<void(const std::string& job)> listener) {
    run_finished_ = std::move(listener);
  }

  // `kontord --once`: calls `idle` (once) as soon as nothing is running or queued any more.
  void when_idle(std::function<void()> idle);

  // Asks every run to stop and calls `done` once none is running.
  void stop(std::function<void()> done);

  bool is_running(const std::string& job) const;
  std::optional<TimePoint> next_planned(const std::string& job) const;
  // Runs that failed, timed out or were cancelled since start (for `kontord --once`).
  int unsuccessful_runs() const { return unsuccessful_; }

 private:
  struct ActiveRun;

  void tick();
  void arm_timer();
  void launch(const scheduler::PlannedRun& planned, std::int64_t id);
  void finished(std::int64_t id, engine::RunResult result);
  std::vector<scheduler::JobDefinition> definitions(const config::KontorConfig& config) const;
  void check_idle();

  boost::asio::io_context& io_;
  std::shared_ptr<Clock> clock_;
  store::Store& store_;
  const engine::EngineCatalog& engines_;
  JobServiceOptions options_;
  std::shared_ptr<Runtime> runtime_;
  scheduler::JobPlanner planner_;
  struct Timer;
  std::unique_ptr<Timer> timer_;
  std::map<std::int64_t, std::unique_ptr<ActiveRun>> active_;  // by job_runs id
  // A manual or `then:` run is a request of its own: when an earlier one already has its key
  // (two `kontord --once` at one --now), it gets "#2", "#3"...; its retries keep that key.
  std::map<std::string, std::string> distinct_keys_;
  std::function<void()> on_stopped_;
  std::function<void()> on_idle_;
  std::function<void(const std::string&)> run_finished_;
  bool stopping_ = false;
  int unsuccessful_ = 0;
};

}  // namespace kontor::service
