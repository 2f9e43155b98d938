// JobDefinition: what the planner needs to know about one configured job — its schedule in
// its time zone, how long a run may take, how late a missed run may still start, how failures
// are retried and which jobs follow a success.
#pragma once

#include <date/tz.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "kontor/result.hpp"
#include "scheduler/cron_expression.hpp"
#include "scheduler/retry_backoff.hpp"

namespace kontor::config {
struct JobSettings;
}

namespace kontor::scheduler {

struct JobDefinition {
  std::string name;
  std::optional<CronExpression> schedule;  // none: the job runs only by hand or after another
  const date::time_zone* zone = nullptr;   // where the schedule's wall-clock times are read
  std::chrono::milliseconds timeout{};     // 0: no timeout
  // How long after its planned instant a run that could not start in time (kontord was down,
  // or the previous run was still going) may still start; never less than one minute.
  std::chrono::milliseconds catch_up_within{std::chrono::hours(24)};
  RetryPolicy retry;
  std::vector<std::string> then;  // jobs queued after a successful run
  bool enabled = true;            // a disabled job does not run on schedule (by hand it does)
};

// The definition of a validated configuration's job. Fails only when the configuration was not
// validated (an unreadable schedule or an unknown time zone).
Result<JobDefinition> define_job(const config::JobSettings& settings);

}  // namespace kontor::scheduler
