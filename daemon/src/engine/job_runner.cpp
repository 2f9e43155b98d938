#include "engine/job_runner.hpp"

#include <fmt/format.h>
#include <spdlog/logger.h>

#include <algorithm>
#include <deque>
#include <set>

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

RunResult JobRunner::run(const config::JobSettings& job) {
  RunResult result;
  result.job = job.name;
  auto log = kontor::log::get("job");
  const EngineRegistration* registration = catalog_.find(job.engine);
  if (registration == nullptr) {
    result.error = fmt::format("engine '{}' is not part of this build", job.engine);
    return result;
  }
  log->info("job {} started (engine {})", job.name, job.engine);
  try {
    auto engine = registration->create();
    auto job_log = kontor::log::get("job:" + job.name);
    JobContext context{config_, job, clock_, stopping_, *job_log, result.report, services_};
    const Status status = engine->run(context);
    if (status.ok()) {
      result.outcome = RunOutcome::kSucceeded;
    } else {
      result.outcome = stopping_.load() ? RunOutcome::kCancelled : RunOutcome::kFailed;
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

Result<std::vector<RunResult>> JobRunner::run_once(const std::vector<std::string>& requested) {
  std::deque<const config::JobSettings*> queue;
  if (requested.empty()) {
    std::set<std::string> started_by_others;
    for (const auto& job : config_.jobs) {
      if (!job.enabled) continue;
      for (const auto& next : job.then) started_by_others.insert(next);
    }
    for (const auto& job : config_.jobs) {
      if (job.enabled && !started_by_others.count(job.name)) queue.push_back(&job);
    }
  } else {
    for (const auto& name : requested) {
      const config::JobSettings* job = config_.job(name);
      if (job == nullptr) {
        std::vector<std::string> names;
        for (const auto& known : config_.jobs) names.push_back(known.name);
        return Error{
            fmt::format("no job named '{}' in {} (jobs: {})", name, config_.file,
                        names.empty() ? "none" : fmt::format("{}", fmt::join(names, ", ")))};
      }
      queue.push_back(job);
    }
  }
  std::vector<RunResult> results;
  std::set<std::string> done;
  while (!queue.empty() && !stopping_.load()) {
    const config::JobSettings* job = queue.front();
    queue.pop_front();
    if (!done.insert(job->name).second) continue;
    results.push_back(run(*job));
    if (results.back().outcome != RunOutcome::kSucceeded) continue;
    for (const auto& next : job->then) {
      if (const auto* follower = config_.job(next)) queue.push_back(follower);
    }
  }
  return results;
}

}  // namespace kontor::engine
