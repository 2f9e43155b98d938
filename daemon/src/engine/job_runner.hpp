// JobRunner: runs one job, or a chain of jobs, the same way for the scheduler and for
// `kontord --once`.
//
// A run is: look up the engine, give it a context, catch anything it throws (a bug in one engine
// fails that run, named, and the daemon goes on), and report the outcome. After a successful
// run the jobs in its `then:` list follow.
#pragma once

#include <atomic>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "config/kontor_config.hpp"
#include "engine/engine.hpp"
#include "engine/services.hpp"

namespace kontor::engine {

enum class RunOutcome { kSucceeded, kFailed, kCancelled };

struct RunResult {
  std::string job;
  RunOutcome outcome = RunOutcome::kFailed;
  std::string error;  // why it failed, for the operator
  RunReport report;
};

class JobRunner {
 public:
  JobRunner(const config::KontorConfig& config, const EngineCatalog& catalog, const Clock& clock,
            Services& services, const std::atomic<bool>& stopping)
      : config_(config),
        catalog_(catalog),
        clock_(clock),
        services_(services),
        stopping_(stopping) {}

  RunResult run(const config::JobSettings& job);

  // `kontord --once`: the named jobs, or when none are named every enabled job that no other
  // enabled job starts through `then:`; each followed by its `then:` chain after success. A job
  // runs at most once per call. Unknown names are an error before anything runs.
  Result<std::vector<RunResult>> run_once(const std::vector<std::string>& requested);

 private:
  const config::KontorConfig& config_;
  const EngineCatalog& catalog_;
  const Clock& clock_;
  Services& services_;
  const std::atomic<bool>& stopping_;
};

std::string_view to_string(RunOutcome outcome);

}  // namespace kontor::engine
