#include "engine/reconcile.hpp"

#include <fmt/format.h>

#include "engine/reconcile_settings.hpp"
#include "engine/reconcile_step.hpp"
#include "engine/services.hpp"
#include "store/store.hpp"

namespace kontor::engine {
namespace {

class Reconcile final : public Engine {
 public:
  Status run(JobContext& context) override {
    Result<matching::ReconcilePolicy> policy =
        reconcile_policy_of(context.config.root.find("reconcile"));
    if (!policy) return Error{"reconcile: " + policy.error().message};
    ReconcileCounts counts;
    const Status step = context.services.store->transact(
        "engine:" + context.job.name, "payment matching run " + context.run_key,
        [&](store::Transaction& tx) -> Status {
          Result<ReconcileCounts> done = reconcile_pending(tx, *policy, context.cancelled);
          if (!done) return done.error();
          counts = *done;
          return {};
        });
    if (!step) return step;
    context.report.counts = {{"transactions_considered", counts.considered},
                             {"posted", counts.posted},
                             {"review", counts.review},
                             {"unmatched", counts.unmatched},
                             {"still_unmatched", counts.unchanged},
                             {"ignored", counts.ignored},
                             {"returns_applied", counts.returns_applied},
                             {"allocations", counts.allocations}};
    context.report.facts.push_back(fmt::format(
        "{} transactions looked at: {} posted, {} to review, {} unmatched ({} still), {} ignored, "
        "{} returns applied; {} allocations written",
        counts.considered, counts.posted, counts.review, counts.unmatched + counts.unchanged,
        counts.unchanged, counts.ignored, counts.returns_applied, counts.allocations));
    if (counts.review > 0) {
      context.report.warnings.push_back(
          fmt::format("{} payment{} wait for review (kontorctl review)", counts.review,
                      counts.review == 1 ? "" : "s"));
    }
    return {};
  }
};

}  // namespace

EngineRegistration reconcile_engine() {
  EngineRegistration registration;
  registration.declaration.id = "reconcile";
  registration.declaration.summary =
      "Posts incoming payments to the open items they pay; the unsure ones go to review.";
  registration.declaration.needs_inputs = false;
  registration.declaration.with = config::section({});
  registration.create = [] { return std::make_unique<Reconcile>(); };
  return registration;
}

}  // namespace kontor::engine
