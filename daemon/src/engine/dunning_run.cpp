// The dry run and the force override (see the header).
#include "engine/dunning_run.hpp"

#include <fmt/format.h>

#include "engine/dunning_decision.hpp"

namespace kontor::engine {

Result<DunningPreview> preview_dunning(const config::KontorConfig& config,
                                       const config::JobSettings& job, store::Reader& reader,
                                       TimePoint now) {
  if (job.engine != "dunning") {
    return Error{fmt::format("job '{}' is a {} job, not a dunning job", job.name, job.engine)};
  }
  Result<DunningSetup> setup = dunning_setup(config, job, now);
  if (!setup) return setup.error();
  Result<DunningDecision> decision =
      decide_dunning(config, *setup, reader, now, job.name + "@preview");
  if (!decision) return decision.error();
  DunningPreview preview;
  if (!decision->freshness.refusals.empty()) {
    preview.refusal = fmt::format("no dunning on stale bank data: {}",
                                  fmt::join(decision->freshness.refusals, "; "));
  }
  preview.warnings = decision->freshness.warnings;
  for (NoticeDraft& draft : decision.value().drafts) {
    preview.notices.push_back(std::move(draft.stored));
  }
  for (const dunning::SkippedCustomer& skipped : decision->plan.skipped) {
    preview.skipped.push_back(DunningSkip{.customer_number = skipped.customer_number,
                                          .item_number = skipped.item_number,
                                          .reason = skipped.reason});
  }
  for (const dunning::Handover& handover : decision->plan.handovers) {
    preview.handovers.push_back(handover.item_number);
  }
  return preview;
}

Status force_next_dunning_run(store::Transaction& tx, const std::string& job,
                              const std::string& actor, const std::string& reason) {
  if (reason.empty()) return Error{"forcing a dunning run needs a reason"};
  tx.set_why("dunning on stale bank data forced by " + actor + ": " + reason);
  auto stored = tx.state_put("dunning", force_key(job), actor + " (" + reason + ")");
  if (!stored) return stored.error();
  return {};
}

}  // namespace kontor::engine
