#include "engine/job_runner.hpp"

#include <fmt/format.h>
#include <spdlog/logger.h>

#include <algorithm>

#include "log/logging.hpp"

namespace kontor::engine {

std::string_view to_string(RunOutcome outcome) {
  switch (outcome) {
    case RunOutcome::kSucceeded:
      return "succeeded";
    case RunOutcome::kFailed:
      return "failed";
    case RunOutcome::kCancelled:
      return "cancelled";
  }
  return "?";
}

RunResult JobRunner::run(const config::JobSettings& job, const std::string& run_key) {
  RunResult result;
  result.job = job.name;
  auto log = kontor::log::get("job");
  const EngineRegistration* registration = catalog_.find(job.engine);
  if (registration == nullptr) {
    result.error = fmt::format("engine '{}' is not part of this build", job.engine);
    return result;
  }
  log->info("job {} started (engine {}, run {})", job.name, job.engine, run_key);
  try {
    auto engine = registration->create();
    auto job_log = kontor::log::get("job:" + job.name);
    JobContext context{config_,  job,           clock_,    cancelled_,
                       *job_log, result.report, services_, run_key};
    const Status status = engine->run(context);
    if (status.ok()) {
      result.outcome = RunOutcome::kSucceeded;
    } else {
      result.outcome = cancelled_.load() ? RunOutcome::kCancelled : RunOutcome::kFailed;
      result.error = status.error().message;
    }
  } catch (const std::exception& e) {
    result.outcome = RunOutcome::kFailed;
    result.error = fmt::format("engine '{}' failed unexpectedly: {}", job.engine, e.what());
  }
  for (const auto& warning : result.report.warnings) log->warn("job {}: {}", job.name, warning);
  for (const auto& fact : result.report.facts) log->info("job {}: {}", job.name, fact);
  if (result.outcome == RunOutcome::kSucceeded) {
    log->info("job {} succeeded", job.name);
  } else {
    log->error("job {} {}: {}", job.name, to_string(result.outcome), result.error);
  }
  return result;
}

}  // namespace kontor::engine
