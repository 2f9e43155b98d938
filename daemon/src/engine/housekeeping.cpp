#include "engine/housekeeping.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "engine/services.hpp"
#include "store/store.hpp"

namespace kontor::engine {
namespace {

class Housekeeping final : public Engine {
 public:
  Status run(JobContext& context) override {
    const int keep_days = config::int_or(context.job.with.find("keep_runs_days"), kKeepRunsDays);
    const TimePoint ended_before = context.clock.now() - std::chrono::days(keep_days);
    const std::string limit = format_instant(ended_before);
    std::int64_t removed = 0;
    const Status pruned = context.services.store->transact(
        "engine:" + context.job.name,
        fmt::format("job runs kept {} days ({})", keep_days, context.run_key),
        [&](store::Transaction& tx) -> Status {
          Result<std::int64_t> done = tx.prune_job_runs(ended_before);
          if (!done) return done.error();
          removed = *done;
          return {};
        });
    if (!pruned) return pruned;
    context.log.info("housekeeping: removed {} job runs that ended before {}", removed, limit);
    context.report.counts = {{"runs_removed", removed}};
    context.report.facts.push_back(
        fmt::format("removed {} job runs that ended before {} (kept {} days; the newest of each "
                    "job and outcome stay)",
                    removed, limit, keep_days));
    return {};
  }
};

}  // namespace

EngineRegistration housekeeping_engine() {
  EngineRegistration registration;
  registration.declaration.id = "housekeeping";
  registration.declaration.summary =
      "Removes job runs that ended more than `keep_runs_days` ago from the store, keeping what "
      "the scheduler and the metrics need.";
  registration.declaration.needs_inputs = false;
  registration.declaration.with = config::section({
      config::defaulted("keep_runs_days", config::int_value(1, 36'500),
                        std::to_string(kKeepRunsDays),
                        "Job runs that ended more than this many days ago are removed; the "
                        "newest run of each job and outcome and the latest scheduled one stay."),
  });
  registration.create = [] { return std::make_unique<Housekeeping>(); };
  return registration;
}

}  // namespace kontor::engine
