// The `housekeeping` engine: keeps the store's record of job runs to the last `keep_runs_days`
// (a job's `with:`, default 90). Once a day is plenty (e.g. `schedule: "30 3 * * *"`).
//
// In one store transaction it removes the runs that ended more than that many days ago —
// never a run still going, and never per job its newest run of each outcome or its latest
// scheduled run, which `kontorctl jobs`, /metrics, the bank-freshness check and the scheduler's
// catch-up read. What the removed runs added to the Prometheus counters is carried forward in
// the store first, so no counter goes down. Counts: `runs_removed`.
//
// Old files in processed/ are the sources' to remove (folder-source and sftp-source
// `keep_processed_days`): only a source knows where it put them.
#pragma once

#include "engine/engine.hpp"

namespace kontor::engine {

inline constexpr int kKeepRunsDays = 90;

EngineRegistration housekeeping_engine();

}  // namespace kontor::engine
