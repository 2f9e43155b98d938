#include "engine/statements.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "engine/notice_setup.hpp"
#include "engine/outbox_delivery.hpp"
#include "engine/services.hpp"
#include "engine/statement_notice.hpp"
#include "engine/statement_run.hpp"
#include "store/store.hpp"

namespace kontor::engine {
namespace {

constexpr std::size_t kCustomersPerStep = 200;

class Statements final : public Engine {
 public:
  Status run(JobContext& context) override {
    Result<NoticeSetup> setup =
        notice_setup(context.config, &context.job, context.clock.now(), kStatementTemplate);
    if (!setup) {
      context.report.retry_is_futile = true;
      return Error{fmt::format("statements: {}", setup.error().message)};
    }
    const statements::StatementPeriod period =
        statements::StatementPeriod::month_before(setup->today);
    const std::string actor = "engine:" + context.job.name;
    std::vector<Customer> customers;
    if (Status read = context.services.store->read([&](store::Reader& reader) -> Status {
          Result<std::vector<Customer>> all = reader.customers();
          if (!all) return all.error();
          customers = std::move(*all);
          return {};
        });
        !read) {
      return read;
    }
    StatementRun run(*setup, period, context.run_key);
    StatementStep result;
    for (std::size_t start = 0; start < customers.size(); start += kCustomersPerStep) {
      if (context.cancelled)
        return Error{"cancelled; the next run continues where this one stopped"};
      const std::vector<Customer> chunk(
          customers.begin() + static_cast<std::ptrdiff_t>(start),
          customers.begin() +
              static_cast<std::ptrdiff_t>(std::min(customers.size(), start + kCustomersPerStep)));
      StatementStep step_result;
      const Status step = context.services.store->transact(
          actor, fmt::format("statements {} ({})", period.text(), context.run_key),
          [&](store::Transaction& tx) -> Status {
            step_result = StatementStep{};
            return run.decide(tx, chunk, step_result);
          });
      if (!step) return step;
      result.decided += step_result.decided;
      result.already_sent += step_result.already_sent;
      result.quiet += step_result.quiet;
      for (std::string& why : step_result.skipped) result.skipped.push_back(std::move(why));
    }
    RunReport& report = context.report;
    for (const std::string& why : result.skipped) {
      context.log.warn("statement {}: {}", period.text(), why);
      report.warnings.push_back(fmt::format("statement {}: {}", period.text(), why));
    }
    Result<OutboxCounts> delivered =
        deliver_outbox(*context.services.store, *context.services.plugins, setup->company,
                       context.cancelled, actor);
    if (!delivered) return delivered.error();
    for (const std::string& problem : delivered->problems) report.warnings.push_back(problem);
    report.counts = {{"statements_decided", result.decided},
                     {"statements_sent_before", result.already_sent},
                     {"statements_skipped", static_cast<std::int64_t>(result.skipped.size())},
                     {"customers_quiet", result.quiet},
                     {"notices_delivered", delivered->delivered},
                     {"notices_retrying", delivered->retrying},
                     {"notices_parked", delivered->parked},
                     {"notices_waiting", delivered->waiting}};
    report.facts.push_back(fmt::format(
        "statements {}: {} decided, {} sent before, {} skipped, {} customers without activity or "
        "balance; {} delivered, {} to retry, {} parked, {} not tried",
        period.text(), result.decided, result.already_sent, result.skipped.size(), result.quiet,
        delivered->delivered, delivered->retrying, delivered->parked, delivered->waiting));
    if (delivered->retrying > 0 || delivered->waiting > 0) {
      return Error{fmt::format("{} notices could not be delivered yet and will be retried",
                               delivered->retrying + delivered->waiting)};
    }
    return {};
  }
};

}  // namespace

EngineRegistration statements_engine() {
  EngineRegistration registration;
  registration.declaration.id = "statements";
  registration.declaration.summary =
      "Sends every customer with activity or a balance their statement of account for the last "
      "whole month, once, by their channel.";
  registration.declaration.needs_inputs = false;
  registration.declaration.with = config::section({});
  registration.create = [] { return std::make_unique<Statements>(); };
  return registration;
}

}  // namespace kontor::engine
