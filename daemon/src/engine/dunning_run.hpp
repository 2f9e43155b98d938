// What the admin API and kontorctl ask of dunning outside a scheduled run: a dry run that shows
// what would be sent, and an operator's override of the stale-bank-data refusal for the next
// run (logged with who asked and why).
#pragma once

#include <string>
#include <vector>

#include "common/clock.hpp"
#include "config/kontor_config.hpp"
#include "kontor/result.hpp"
#include "store/store.hpp"

namespace kontor::engine {

struct DunningSkip {
  std::string customer_number;
  std::string item_number;  // empty: the whole customer
  std::string reason;
};

// What a dunning run would do now, nothing written.
struct DunningPreview {
  // Why the run would send nothing at all (stale bank data), empty when it would send.
  std::string refusal;
  std::vector<std::string> warnings;
  // The notices it would decide, rendered, with provisional numbers (the next free ones).
  std::vector<store::StoredNotice> notices;
  std::vector<DunningSkip> skipped;
  std::vector<std::string> handovers;  // invoices it would hand over to collection
};

// The dry run of dunning job `job` (a job of engine `dunning`) at `now`.
Result<DunningPreview> preview_dunning(const config::KontorConfig& config,
                                       const config::JobSettings& job, store::Reader& reader,
                                       TimePoint now);

// Lets the next run of `job` go ahead despite stale bank data, once. `actor` and `reason` are
// recorded and logged by that run.
Status force_next_dunning_run(store::Transaction& tx, const std::string& job,
                              const std::string& actor, const std::string& reason);

}  // namespace kontor::engine
