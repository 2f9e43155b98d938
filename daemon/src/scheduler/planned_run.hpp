// PlannedRun: one run of a job as the planner decides it — which job, for which planned
// instant, which attempt and why — before it is started or recorded as missed.
//
// Every run carries an idempotency key "<job>@<planned UTC ISO>" (architecture anchors §7):
// every scheduler admits "twice or not at all" under failure, and an engine that writes
// elsewhere can tell a repeat by it. A retry keeps the key of the run it repeats.
#pragma once

#include <string>
#include <string_view>

#include "common/clock.hpp"
#include "common/job_run.hpp"

namespace kontor::scheduler {

struct PlannedRun {
  std::string job;
  TimePoint planned;  // UTC; a manual or `then:` run is planned at the moment it was asked for
  int attempt = 0;    // 0 for the first attempt, n for the n-th retry
  JobRunTrigger trigger = JobRunTrigger::schedule;
  std::string idempotency_key;
};

// "2026-11-28T05:00:00Z"; milliseconds appear only when the instant has them
// ("2026-11-28T09:31:12.345Z"), finer parts are dropped.
std::string iso_instant(TimePoint instant);

// "import@2026-11-28T05:00:00Z": the job and iso_instant(planned).
std::string idempotency_key(std::string_view job, TimePoint planned);

// "1d", "2h30m", "90s", "250ms": a duration as the configuration writes it.
std::string describe_duration(std::chrono::milliseconds duration);

}  // namespace kontor::scheduler
