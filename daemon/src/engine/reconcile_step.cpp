// The reconcile step (see the header): load the book, then per transaction apply a return or
// record the Reconciler's decision, all in the caller's store transaction.
#include "engine/reconcile_step.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace kontor::engine {
namespace {

using Clock = std::chrono::steady_clock;
using matching::Decision;
using matching::Outcome;

std::chrono::microseconds since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start);
}

// "RE-1, RE-2": the items a list of allocations touches, each once.
std::string item_list(const std::vector<Allocation>& allocations) {
  std::vector<std::string> items;
  for (const Allocation& a : allocations) items.push_back(a.item_number);
  std::sort(items.begin(), items.end());
  items.erase(std::unique(items.begin(), items.end()), items.end());
  std::string list;
  for (const std::string& item : items) list += (list.empty() ? "" : ", ") + item;
  return list;
}

store::ReconciliationState state_of(Outcome outcome) {
  switch (outcome) {
    case Outcome::posted:
      return store::ReconciliationState::posted;
    case Outcome::review:
      return store::ReconciliationState::review;
    case Outcome::unmatched:
      return store::ReconciliationState::unmatched;
    case Outcome::ignored:
      return store::ReconciliationState::ignored;
  }
  return store::ReconciliationState::unmatched;
}

class ReconcileRun {
 public:
  ReconcileRun(store::Transaction& tx, matching::Reconciler& reconciler, ReconcileCounts& counts)
      : tx_(tx), reconciler_(reconciler), counts_(counts) {}

  Status record(const BankTransaction& transaction, const Decision& decision) {
    store::Reconciliation record{.transaction = transaction.identity,
                                 .state = state_of(decision.outcome),
                                 .by_hand = false,
                                 .customer_number = decision.customer_number,
                                 .confidence_permille = decision.confidence_permille,
                                 .reason = decision.reason,
                                 .unapplied = decision.unapplied,
                                 .candidates = {},
                                 .allocation_ids = {},
                                 .decided_at = {},
                                 .decided_by = {}};
    for (const matching::ReviewCandidate& candidate : decision.candidates) {
      record.candidates.push_back(
          store::ReconciliationCandidate{.item_number = candidate.item_number,
                                         .customer_number = candidate.customer_number,
                                         .score_permille = candidate.score_permille,
                                         .evidence = candidate.evidence});
    }
    for (const matching::PlannedAllocation& planned : decision.allocations) {
      const Result<std::int64_t> id = tx_.add_allocation(
          Allocation{.id = 0,
                     .transaction = planned.with_payment ? transaction.identity : std::string(),
                     .item_number = planned.item_number,
                     .amount = planned.amount,
                     .method = planned.method,
                     .confidence_permille = planned.confidence_permille,
                     .evidence = planned.evidence,
                     .reverses = std::nullopt});
      if (!id) return id.error();
      record.allocation_ids.push_back(*id);
    }
    counts_.allocations += static_cast<std::int64_t>(record.allocation_ids.size());
    const Result<store::Change> recorded = tx_.record_reconciliation(record);
    if (!recorded) return recorded.error();
    switch (decision.outcome) {
      case Outcome::posted:
        ++counts_.posted;
        break;
      case Outcome::review:
        ++counts_.review;
        break;
      case Outcome::unmatched:
        ++(*recorded == store::Change::unchanged ? counts_.unchanged : counts_.unmatched);
        break;
      case Outcome::ignored:
        ++counts_.ignored;
        break;
    }
    return {};
  }

  // A return: reverse what the payment it returns still has in force.
  Status apply_return(const BankTransaction& returned) {
    const Result<std::vector<BankTransaction>> payments = tx_.payments_returned_by(returned);
    if (!payments) return payments.error();
    const std::string code =
        returned.return_reason.empty() ? std::string() : " (" + returned.return_reason + ")";
    if (payments->empty()) {
      return record_return(returned, store::ReconciliationState::unmatched, "",
                           "a return" + code + " of no payment Kontor knows", {});
    }
    // By end-to-end id there is one; by payer and amount the latest is the likeliest.
    const BankTransaction& payment = payments->front();
    const Result<std::vector<Allocation>> made = tx_.allocations_of_transaction(payment.identity);
    if (!made) return made.error();
    std::set<std::int64_t> reversed;
    for (const Allocation& a : *made) {
      if (a.reverses) reversed.insert(*a.reverses);
    }
    std::vector<Allocation> in_force;
    for (const Allocation& a : *made) {
      if (!a.reverses && !reversed.contains(a.id)) in_force.push_back(a);
    }
    std::vector<std::int64_t> reversal_ids;
    for (const Allocation& a : in_force) {
      const Result<std::int64_t> id =
          tx_.reverse_allocation(a.id, "returned by bank transaction " + returned.identity + code);
      if (!id) return id.error();
      reversal_ids.push_back(*id);
      reconciler_.reopen(a.item_number, a.amount);
    }
    const Result<std::optional<store::Reconciliation>> before =
        tx_.reconciliation(payment.identity);
    if (!before) return before.error();
    store::Reconciliation payment_record = before->value_or(store::Reconciliation{});
    payment_record.transaction = payment.identity;
    payment_record.state = store::ReconciliationState::returned;
    payment_record.reason = "returned" + code + " by the bank transaction of " +
                            returned.booking_date.to_iso() +
                            (in_force.empty() ? "" : "; reopened " + item_list(in_force));
    payment_record.candidates.clear();
    payment_record.unapplied = Money::zero(payment.amount.currency());
    payment_record.allocation_ids.clear();
    const Result<store::Change> marked = tx_.record_reconciliation(payment_record);
    if (!marked) return marked.error();
    counts_.allocations += static_cast<std::int64_t>(reversal_ids.size());
    ++counts_.returns_applied;
    return record_return(returned, store::ReconciliationState::return_applied,
                         payment_record.customer_number,
                         "returns the payment of " + payment.booking_date.to_iso() + " from " +
                             payment.counterparty_name + code +
                             (in_force.empty() ? "" : "; reopened " + item_list(in_force)),
                         reversal_ids);
  }

 private:
  Status record_return(const BankTransaction& returned, store::ReconciliationState state,
                       const std::string& customer, std::string reason,
                       std::vector<std::int64_t> reversal_ids) {
    const Result<store::Change> recorded = tx_.record_reconciliation(
        store::Reconciliation{.transaction = returned.identity,
                              .state = state,
                              .by_hand = false,
                              .customer_number = customer,
                              .confidence_permille = 1000,
                              .reason = std::move(reason),
                              .unapplied = Money::zero(returned.amount.currency()),
                              .candidates = {},
                              .allocation_ids = std::move(reversal_ids),
                              .decided_at = {},
                              .decided_by = {}});
    if (!recorded) return recorded.error();
    if (state == store::ReconciliationState::unmatched) {
      ++(*recorded == store::Change::unchanged ? counts_.unchanged : counts_.unmatched);
    }
    return {};
  }

  store::Transaction& tx_;
  matching::Reconciler& reconciler_;
  ReconcileCounts& counts_;
};

// Customers with their ERP IBANs and those manual allocations taught.
Result<std::vector<matching::BookCustomer>> load_customers(store::Reader& reader) {
  Result<std::vector<Customer>> customers = reader.customers();
  if (!customers) return customers.error();
  Result<std::map<std::string, std::vector<std::string>>> learned = reader.learned_ibans();
  if (!learned) return learned.error();
  std::vector<matching::BookCustomer> book;
  book.reserve(customers->size());
  for (Customer& customer : customers.value()) {
    matching::BookCustomer entry{
        .number = std::move(customer.number), .name = std::move(customer.name), .ibans = {}};
    for (const Iban& iban : customer.ibans) entry.ibans.push_back(iban.electronic());
    if (auto taught = learned->find(entry.number); taught != learned->end()) {
      entry.ibans.insert(entry.ibans.end(), taught->second.begin(), taught->second.end());
    }
    book.push_back(std::move(entry));
  }
  return book;
}

}  // namespace

Result<ReconcileCounts> reconcile_pending(store::Transaction& tx,
                                          const matching::ReconcilePolicy& policy,
                                          const std::atomic<bool>& cancelled,
                                          ReconcileTimings* timings) {
  ReconcileTimings measured;
  Clock::time_point start = Clock::now();
  Result<std::vector<BankTransaction>> pending = tx.transactions_to_reconcile();
  if (!pending) return pending.error();
  ReconcileCounts counts;
  if (pending->empty()) {
    if (timings) *timings = measured;
    return counts;
  }
  Result<std::vector<matching::BookCustomer>> customers = load_customers(tx);
  if (!customers) return customers.error();
  Result<std::vector<OpenItem>> items = tx.open_items(store::ItemQuery{});
  if (!items) return items.error();

  // Notices carry their own RF references: a payment quoting one pays the notice's items.
  Result<std::map<std::string, std::vector<std::string>>> references = tx.notice_references();
  if (!references) return references.error();
  std::vector<matching::NoticeReference> notices;
  for (auto& [reference, item_numbers] : references.value()) {
    Result<CreditorReference> parsed = CreditorReference::parse(reference);
    if (!parsed) continue;  // stored by Kontor itself, so always valid; never fail a run on it
    notices.push_back(
        matching::NoticeReference{.reference = *parsed, .item_numbers = std::move(item_numbers)});
  }
  measured.load = since(start);

  start = Clock::now();
  matching::Reconciler reconciler(std::move(customers).value(), std::move(items).value(), policy,
                                  std::move(notices));
  measured.engine += since(start);

  ReconcileRun run(tx, reconciler, counts);
  for (const BankTransaction& transaction : *pending) {
    if (cancelled.load()) break;
    ++counts.considered;
    if (transaction.is_return) {
      start = Clock::now();
      if (Status applied = run.apply_return(transaction); !applied) return applied.error();
      measured.write += since(start);
      continue;
    }
    start = Clock::now();
    const Decision decision = reconciler.decide(transaction);
    measured.engine += since(start);
    start = Clock::now();
    if (Status recorded = run.record(transaction, decision); !recorded) {
      return Error{fmt::format("recording the decision about the payment of {} from {}: {}",
                               transaction.booking_date.to_iso(), transaction.counterparty_name,
                               recorded.error().message)};
    }
    measured.write += since(start);
  }
  if (timings) *timings = measured;
  return counts;
}

}  // namespace kontor::engine
