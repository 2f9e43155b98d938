// JobRunner: runs one job once, for the job service (scheduled, manual, `then:` and
// `kontord --once` runs alike).
//
// A run is: look up the engine, give it a context, catch anything it throws (a bug in one engine
// fails that run, named, and the daemon goes on), and report the outcome with what the engine
// told the operator (warnings and facts).
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
  // `cancelled` is this run's own flag: set at its timeout or when kontord stops.
  JobRunner(const config::KontorConfig& config, const EngineCatalog& catalog, const Clock& clock,
            Services& services, const std::atomic<bool>& cancelled)
      : config_(config),
        catalog_(catalog),
        clock_(clock),
        services_(services),
        cancelled_(cancelled) {}

  // `run_key`: the run's idempotency key ("<job>@<planned instant>"), the same for a retry.
  RunResult run(const config::JobSettings& job, const std::string& run_key);

 private:
  const config::KontorConfig& config_;
  const EngineCatalog& catalog_;
  const Clock& clock_;
  Services& services_;
  const std::atomic<bool>& cancelled_;
};

std::string_view to_string(RunOutcome outcome);

}  // namespace kontor::engine
