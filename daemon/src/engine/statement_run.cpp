#include "engine/statement_run.hpp"

#include <fmt/format.h>

#include "engine/statement_notice.hpp"

namespace kontor::engine {
namespace {

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

}  // namespace

StatementRun::StatementRun(const NoticeSetup& setup, const statements::StatementPeriod& period,
                           std::string run_key)
    : setup_(setup),
      period_(period),
      prefix_(statement_number_prefix(period)),
      run_key_(std::move(run_key)) {}

Status StatementRun::decide(store::Transaction& tx, const std::vector<Customer>& customers,
                            StatementStep& result) {
  Result<std::map<std::string, std::string>> sent = tx.notice_numbers_by_customer(prefix_);
  if (!sent) return sent.error();
  Result<std::vector<store::ManualDunningBlock>> blocks = tx.manual_dunning_blocks();
  if (!blocks) return blocks.error();
  Result<std::optional<std::string>> last = tx.last_notice_number(prefix_);
  if (!last) return last.error();
  std::int64_t sequence = last->has_value() ? std::stoll(last->value().substr(prefix_.size())) : 0;
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
    Result<RenderedStatement> rendered = render_statement(*statement, customer, notice.number,
                                                          notice.rf_reference->formatted(), setup_);
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

}  // namespace kontor::engine
