#include "engine/dunning.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "engine/collection_files.hpp"
#include "engine/dunning_decision.hpp"
#include "engine/outbox_delivery.hpp"
#include "engine/services.hpp"
#include "store/store.hpp"

namespace kontor::engine {
namespace {

class Dunning final : public Engine {
 public:
  Status run(JobContext& context) override {
    const TimePoint now = context.clock.now();
    Result<DunningSetup> setup = dunning_setup(context.config, context.job, now);
    if (!setup) {
      context.report.retry_is_futile = true;
      return setup.error();
    }
    const std::string actor = "engine:" + context.job.name;
    std::optional<DunningDecision> decided;
    std::string forced_by;
    const Status step = context.services.store->transact(
        actor, "dunning run " + context.run_key, [&](store::Transaction& tx) -> Status {
          Result<DunningDecision> decision =
              decide_dunning(context.config, *setup, tx, now, context.run_key);
          if (!decision) return decision.error();
          if (!decision->freshness.refusals.empty()) {
            Result<std::optional<std::string>> force =
                tx.state_get("dunning", force_key(context.job.name));
            if (!force) return force.error();
            if (!*force) {
              return Error{"no dunning on stale bank data, nothing sent: " +
                           fmt::format("{}", fmt::join(decision->freshness.refusals, "; "))};
            }
            forced_by = **force;
            if (auto erased = tx.state_erase("dunning", force_key(context.job.name)); !erased) {
              return erased.error();
            }
          }
          if (Status recorded =
                  record_notices(tx, decision->drafts, decision->plan.handovers, context.run_key);
              !recorded) {
            return recorded;
          }
          decided = std::move(*decision);
          return {};
        });
    if (!step) return step;
    RunReport& report = context.report;
    if (!forced_by.empty()) {
      const std::string line = fmt::format("stale bank data overridden by {}: {}", forced_by,
                                           fmt::join(decided->freshness.refusals, "; "));
      context.log.warn("{}", line);
      report.warnings.push_back(line);
    }
    for (const std::string& warning : decided->freshness.warnings) {
      report.warnings.push_back(warning);
    }
    const dunning::DunningPlan& plan = decided->plan;
    for (const dunning::SkippedCustomer& skipped : plan.skipped) {
      context.log.info("customer {}{} held back: {}", skipped.customer_number,
                       skipped.item_number.empty() ? "" : " item " + skipped.item_number,
                       skipped.reason);
    }
    Result<CollectionFiles> files =
        write_collection_files(setup->collection_dir, plan, decided->book, setup->settings.policy,
                               setup->today, context.run_key);
    if (!files) {
      report.warnings.push_back("collection files: " + files.error().message);
    } else {
      if (!files->handover.empty()) {
        report.facts.push_back(fmt::format("{} invoices handed over to collection: {}",
                                           plan.handovers.size(), files->handover.string()));
      }
      if (!files->call_list.empty()) {
        report.facts.push_back("call list: " + files->call_list.string());
      }
    }
    Result<OutboxCounts> delivered =
        deliver_outbox(*context.services.store, *context.services.plugins, setup->company,
                       context.cancelled, actor);
    if (!delivered) return delivered.error();
    for (const std::string& problem : delivered->problems) report.warnings.push_back(problem);

    std::int64_t fees = 0;
    std::int64_t interest = 0;
    for (const dunning::PlannedNotice& notice : plan.notices) {
      fees += notice.fees.minor_units();
      interest += notice.interest.minor_units();
    }
    report.counts = {{"customers_considered", plan.customers_considered},
                     {"items_overdue", plan.items_overdue},
                     {"notices_decided", static_cast<std::int64_t>(plan.notices.size())},
                     {"customers_held", static_cast<std::int64_t>(plan.skipped.size())},
                     {"handed_over", static_cast<std::int64_t>(plan.handovers.size())},
                     {"fees_minor", fees},
                     {"interest_minor", interest},
                     {"notices_delivered", delivered->delivered},
                     {"notices_retrying", delivered->retrying},
                     {"notices_parked", delivered->parked},
                     {"notices_waiting", delivered->waiting}};
    for (const dunning::PlannedNotice& notice : plan.notices) {
      ++report.counts[fmt::format("notices_level_{}", notice.level)];
    }
    report.facts.push_back(fmt::format(
        "{} customers looked at, {} overdue invoices: {} notices decided, {} held back, {} "
        "handed over; {} delivered, {} to retry, {} parked, {} not tried",
        plan.customers_considered, plan.items_overdue, plan.notices.size(), plan.skipped.size(),
        plan.handovers.size(), delivered->delivered, delivered->retrying, delivered->parked,
        delivered->waiting));
    if (delivered->retrying > 0 || delivered->waiting > 0) {
      return Error{fmt::format("{} notices could not be delivered yet and will be retried",
                               delivered->retrying + delivered->waiting)};
    }
    return {};
  }
};

}  // namespace

EngineRegistration dunning_engine() {
  EngineRegistration registration;
  registration.declaration.id = "dunning";
  registration.declaration.summary =
      "Sends the reminders that are due, with lawful fees and interest, never on stale bank "
      "data.";
  registration.declaration.needs_inputs = false;
  registration.declaration.with = config::section({});
  registration.create = [] { return std::make_unique<Dunning>(); };
  return registration;
}

}  // namespace kontor::engine
