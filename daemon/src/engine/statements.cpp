#include "engine/statements.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "engine/notice_setup.hpp"
#include "engine/outbox_delivery.hpp"
#include "engine/services.hpp"
#include "engine/statement_notice.hpp"
#include "store/store.hpp"

namespace kontor::engine {
namespace {

constexpr std::size_t kCustomersPerStep = 200;

// Why a customer gets no statement now, or none.
std::optional<std::string> blocked_because(const Customer& customer,
                                           const std::vector<store::ManualDunningBlock>& blocks,
                                           const Date& today) {
  if (customer.dunning_block && customer.dunning_block->holds_on(today)) {
    return fmt::format("blocked in the ERP: {}", customer.dunning_block->reason);
  }
  for (const store::ManualDunningBlock& block : blocks) {
    if (block.customer_number != customer.number || !block.item_number.empty()) continue;
    if (block.until && *block.until < today) continue;
    return fmt::format("blocked by {}: {}", block.set_by, block.reason);
  }
  return std::nullopt;
}

struct StepResult {
  std::int64_t decided = 0;
  std::int64_t already_sent = 0;
  std::int64_t quiet = 0;  // nothing happened and nothing is owed
  std::vector<std::string> skipped;
};

class StatementRun {
 public:
  StatementRun(const NoticeSetup& setup, const statements::StatementPeriod& period,
               std::string run_key)
      : setup_(setup),
        period_(period),
        prefix_(statement_number_prefix(period)),
        run_key_(std::move(run_key)) {}

  // Decides the statements of `customers` in one step.
  Status decide(store::Transaction& tx, const std::vector<Customer>& customers,
                StepResult& result) {
    Result<std::map<std::string, std::string>> sent = tx.notice_numbers_by_customer(prefix_);
    if (!sent) return sent.error();
    Result<std::vector<store::ManualDunningBlock>> blocks = tx.manual_dunning_blocks();
    if (!blocks) return blocks.error();
    Result<std::optional<std::string>> last = tx.last_notice_number(prefix_);
    if (!last) return last.error();
    std::int64_t sequence =
        last->has_value() ? std::stoll(last->value().substr(prefix_.size())) : 0;
    for (const Customer& customer : customers) {
      if (sent->count(customer.number) != 0) {
        ++result.already_sent;
        continue;
      }
      auto skip = [&](const std::string& why) {
        result.skipped.push_back(fmt::format("customer {}: {}", customer.number, why));
      };
      Result<render::StatementView> statement = statement_of(tx, customer, period_, setup_);
      if (!statement) {
        skip(statement.error().message);
        continue;
      }
      if (!statements::has_activity_or_balance(*statement)) {
        ++result.quiet;
        continue;
      }
      if (auto blocked = blocked_because(customer, *blocks, setup_.today)) {
        skip(*blocked);
        continue;
      }
      const std::optional<std::string> kind = channel_for(customer, setup_);
      if (!kind) {
        skip("no channel of the job reaches the customer (no e-mail address or postal address)");
        continue;
      }
      store::StoredNotice stored;
      Notice& notice = stored.notice;
      notice.number = fmt::format("{}{:06}", prefix_, ++sequence);
      notice.kind = NoticeKind::statement;
      notice.customer_number = customer.number;
      notice.level = 0;
      notice.fees = Money::zero(statement->closing.currency());
      notice.interest = notice.fees;
      notice.channel = setup_.channels.at(*kind);
      if (Status referenced = assign_references(notice); !referenced) return referenced.error();
      // A payment quoting the statement's reference pays what it asks for: the month's open
      // items at what is still open of them today (those paid since are left out).
      for (const render::StatementItemView& item : statement->open_items) {
        if (!item.open.is_positive() || !item.open_now.is_positive()) continue;
        notice.items.push_back(
            NoticeLine{.item_number = item.number, .open = item.open_now, .level = 0});
      }
      Result<RenderedStatement> rendered = render_statement(
          *statement, customer, notice.number, notice.rf_reference->formatted(), setup_);
      if (!rendered) return rendered.error();
      stored.template_name = kStatementTemplate;
      stored.language = rendered->view.language;
      stored.notice_date = setup_.today;
      stored.total = rendered->view.total_due;
      stored.recipient = recipient_for(customer, *kind);
      stored.subject = rendered->rendered.subject;
      stored.text = rendered->rendered.text;
      stored.html = rendered->rendered.html;
      stored.pdf = std::move(rendered->pdf);
      stored.run_key = run_key_;
      if (auto recorded = tx.record_notice(stored); !recorded) return recorded.error();
      ++result.decided;
    }
    return {};
  }

 private:
  const NoticeSetup& setup_;
  const statements::StatementPeriod& period_;
  const std::string prefix_;
  const std::string run_key_;
};

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
    StepResult result;
    for (std::size_t start = 0; start < customers.size(); start += kCustomersPerStep) {
      if (context.cancelled)
        return Error{"cancelled; the next run continues where this one stopped"};
      const std::vector<Customer> chunk(
          customers.begin() + static_cast<std::ptrdiff_t>(start),
          customers.begin() +
              static_cast<std::ptrdiff_t>(std::min(customers.size(), start + kCustomersPerStep)));
      StepResult step_result;
      const Status step = context.services.store->transact(
          actor, fmt::format("statements {} ({})", period.text(), context.run_key),
          [&](store::Transaction& tx) -> Status {
            step_result = StepResult{};
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
