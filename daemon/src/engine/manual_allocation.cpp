// The rules of a person's decisions about a payment: allocate by hand, undo a posting.
#include "engine/manual_allocation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "engine/write_off.hpp"
#include "kontor/model/iban.hpp"

namespace kontor::engine {
namespace {

using store::Reconciliation;
using store::ReconciliationState;

bool blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

// The first characters of an identity, as kontorctl shows them.
std::string short_id(std::string_view identity) {
  return std::string(identity.substr(0, 12));
}

Result<BankTransaction> postable_credit(store::Reader& reader, std::string_view identity) {
  auto found = reader.bank_transaction(identity);
  if (!found) return found.error();
  if (!*found) return Error{fmt::format("there is no bank transaction {}", identity)};
  const BankTransaction& t = **found;
  const std::string id = short_id(identity);
  if (t.superseded) {
    return Error{fmt::format("{} was replaced by a later booked entry; allocate that one", id)};
  }
  if (!t.postable()) {
    return Error{
        fmt::format("{} is provisional (status {}): only booked entries are posted to open items",
                    id, to_string(t.status))};
  }
  if (t.is_return) {
    return Error{
        fmt::format("{} is a return: it reverses the payment it returns, it pays nothing", id)};
  }
  if (!t.amount.is_positive()) {
    return Error{
        fmt::format("{} is a debit of {}: only credits pay open items", id, t.amount.to_string())};
  }
  return t;
}

// Every allocation of the transaction's decisions that is neither a reversal nor reversed.
Result<std::vector<Allocation>> allocations_in_force(store::Reader& reader,
                                                     std::string_view identity) {
  auto all = reader.allocations_of_transaction(identity);
  if (!all) return all.error();
  std::set<std::int64_t> reversed;
  for (const Allocation& a : *all) {
    if (a.reverses) reversed.insert(*a.reverses);
  }
  std::vector<Allocation> in_force;
  for (const Allocation& a : *all) {
    if (!a.reverses && !reversed.contains(a.id)) in_force.push_back(a);
  }
  return in_force;
}

// What of the payment is not yet allocated to items (allocations without money — Skonto, bank
// charges — do not use it up).
Result<Money> left_of_payment(const BankTransaction& payment,
                              const std::vector<Allocation>& in_force) {
  Money left = payment.amount;
  for (const Allocation& a : in_force) {
    if (a.transaction != payment.identity) continue;
    auto less = left.minus(a.amount);
    if (!less) return less.error();
    left = *less;
  }
  return left;
}

struct PlannedAllocation {
  OpenItem item;
  Money amount;
  // What of the amount comes back from the item's write-offs first (a payment on a written-off
  // item): each recovery is recorded before the payment, so that it has something open to pay.
  std::vector<Recoverable> recoveries;
};

// What of an item a payment may settle: what is open, and then what is still written off.
Result<Money> payable(const OpenItem& item, const std::vector<Recoverable>& recoverable) {
  Money total = item.open;
  for (const Recoverable& written_off : recoverable) {
    Result<Money> more = total.plus(written_off.amount);
    if (!more) return more.error();
    total = *more;
  }
  return total;
}

// The recoveries that make room for `amount` beyond what is open, oldest write-off first.
std::vector<Recoverable> recoveries_for(const OpenItem& item, const Money& amount,
                                        const std::vector<Recoverable>& recoverable) {
  std::vector<Recoverable> taken;
  Money needed = amount.minus(item.open).value();
  for (const Recoverable& written_off : recoverable) {
    if (!needed.is_positive()) break;
    Recoverable take = written_off;
    take.amount = std::min(written_off.amount, needed);
    needed = needed.minus(take.amount).value();
    taken.push_back(take);
  }
  return taken;
}

Result<std::vector<PlannedAllocation>> plan(store::Reader& reader, const BankTransaction& payment,
                                            Money left, const std::vector<ItemPayment>& items) {
  if (items.empty()) return Error{"name at least one open item to allocate the payment to"};
  const Currency& currency = payment.amount.currency();
  std::vector<PlannedAllocation> planned;
  std::set<std::string> named;
  for (const ItemPayment& wanted : items) {
    if (!named.insert(wanted.item_number).second) {
      return Error{fmt::format("open item '{}' is named twice", wanted.item_number)};
    }
    auto found = reader.open_item(wanted.item_number);
    if (!found) return found.error();
    if (!*found) return Error{fmt::format("there is no open item '{}'", wanted.item_number)};
    OpenItem item = std::move(**found);
    if (item.open.currency() != currency) {
      return Error{fmt::format("open item '{}' is in {}, the payment in {}", item.number,
                               item.open.currency().code(), currency.code())};
    }
    Result<std::vector<Recoverable>> recoverable = recoverable_write_offs(reader, item.number);
    if (!recoverable) return recoverable.error();
    Result<Money> open = payable(item, *recoverable);
    if (!open) return open.error();
    if (!open->is_positive()) {
      return Error{fmt::format("open item '{}' has nothing open to pay (open: {})", item.number,
                               item.open.to_string())};
    }
    Money amount;
    if (wanted.amount) {
      amount = *wanted.amount;
      if (amount.currency() != currency) {
        return Error{fmt::format("{} for open item '{}' is not in the payment's currency {}",
                                 amount.to_string(), item.number, currency.code())};
      }
      if (!amount.is_positive()) {
        return Error{fmt::format("the amount for open item '{}' must be positive, not {}",
                                 item.number, amount.format())};
      }
      if (amount > *open) {
        return Error{fmt::format(
            "open item '{}' has only {} open{}, less than {}", item.number, open->to_string(),
            recoverable->empty() ? "" : " (written off included)", amount.to_string())};
      }
      if (amount > left) {
        return Error{fmt::format(
            "{} for open item '{}' is more than the {} left of the payment of {}",
            amount.to_string(), item.number, left.to_string(), payment.amount.to_string())};
      }
    } else {
      if (!left.is_positive()) {
        return Error{fmt::format("nothing is left of the payment of {} for open item '{}'",
                                 payment.amount.to_string(), item.number)};
      }
      amount = std::min(*open, left);
    }
    auto rest = left.minus(amount);
    if (!rest) return rest.error();
    left = *rest;
    std::vector<Recoverable> recoveries = amount > item.open
                                              ? recoveries_for(item, amount, *recoverable)
                                              : std::vector<Recoverable>{};
    planned.push_back({std::move(item), amount, std::move(recoveries)});
  }
  return planned;
}

// The payer's IBAN, when the counterparty account is one and the ERP does not list it already.
Status learn_payer_iban(store::Transaction& tx, const BankTransaction& payment,
                        const std::string& customer_number) {
  const Result<Iban> iban = Iban::parse(payment.counterparty_account);
  if (!iban) return {};  // another kind of account number, or none: nothing to learn
  auto customer = tx.customer(customer_number);
  if (!customer) return customer.error();
  if (*customer) {
    const auto& known = (*customer)->ibans;
    if (std::find(known.begin(), known.end(), *iban) != known.end()) return {};
  }
  auto learned = tx.learn_iban(customer_number, iban->electronic(), payment.identity);
  if (!learned) return learned.error();
  return {};
}

Result<Reconciliation> recorded(store::Reader& reader, std::string_view identity) {
  auto decision = reader.reconciliation(identity);
  if (!decision) return decision.error();
  if (!*decision) return Error{fmt::format("the decision about {} was not recorded", identity)};
  return std::move(**decision);
}

}  // namespace

Result<Reconciliation> allocate_by_hand(store::Transaction& tx, std::string_view transaction,
                                        const std::vector<ItemPayment>& items,
                                        std::string_view note) {
  auto payment = postable_credit(tx, transaction);
  if (!payment) return payment.error();
  auto before = tx.reconciliation(transaction);
  if (!before) return before.error();
  if (*before) {
    const ReconciliationState state = (*before)->state;
    if (state == ReconciliationState::posted) {
      return Error{fmt::format("{} is already posted{}; undo it first", short_id(transaction),
                               (*before)->by_hand ? " by hand" : "")};
    }
    if (state == ReconciliationState::returned) {
      return Error{
          fmt::format("{} was returned by the bank: the money is gone", short_id(transaction))};
    }
  }
  auto in_force = allocations_in_force(tx, transaction);
  if (!in_force) return in_force.error();
  auto left = left_of_payment(*payment, *in_force);
  if (!left) return left.error();
  auto planned = plan(tx, *payment, *left, items);
  if (!planned) return planned.error();

  const std::string evidence =
      blank(note) ? std::string("by hand") : "by hand: " + std::string(note);
  Reconciliation decision;
  if (*before) decision = **before;  // its candidates stay: an undo brings them back
  decision.transaction = std::string(transaction);
  decision.state = ReconciliationState::posted;
  decision.by_hand = true;
  decision.customer_number = planned->front().item.customer_number;
  decision.confidence_permille = 1000;
  decision.reason = evidence;
  Money unapplied = *left;
  for (const PlannedAllocation& p : *planned) {
    for (const Recoverable& recovery : p.recoveries) {
      auto recovered = tx.record_write_off(store::WriteOff{
          .allocation_id = 0,
          .item_number = p.item.number,
          .amount = recovery.amount.negated().value(),
          .kind = recovery.kind,
          .reason = fmt::format("Zahlung {} nach Ausbuchung", short_id(transaction)),
          .dated = payment->booking_date,
          .recovers = recovery.write_off,
          .recorded_at = ""});
      if (!recovered) return recovered.error();
    }
    auto id = tx.add_allocation(Allocation{.id = 0,
                                           .transaction = std::string(transaction),
                                           .item_number = p.item.number,
                                           .amount = p.amount,
                                           .method = AllocationMethod::manual,
                                           .confidence_permille = 1000,
                                           .evidence = evidence,
                                           .reverses = {}});
    if (!id) return id.error();
    decision.allocation_ids.push_back(*id);
    auto rest = unapplied.minus(p.amount);
    if (!rest) return rest.error();
    unapplied = *rest;
  }
  decision.unapplied = unapplied;
  auto written = tx.record_reconciliation(decision);
  if (!written) return written.error();
  if (Status taught = learn_payer_iban(tx, *payment, decision.customer_number); !taught) {
    return taught.error();
  }
  return recorded(tx, transaction);
}

Result<Reconciliation> undo_posting(store::Transaction& tx, std::string_view transaction,
                                    std::string_view reason) {
  if (blank(reason)) return Error{"an undo needs a reason"};
  auto found = tx.bank_transaction(transaction);
  if (!found) return found.error();
  if (!*found) return Error{fmt::format("there is no bank transaction {}", transaction)};
  auto before = tx.reconciliation(transaction);
  if (!before) return before.error();
  if (!*before || (*before)->state != ReconciliationState::posted) {
    return Error{fmt::format("{} is not posted ({}): there is nothing to undo",
                             short_id(transaction),
                             *before ? to_string((*before)->state) : "no decision yet")};
  }
  auto in_force = allocations_in_force(tx, transaction);
  if (!in_force) return in_force.error();
  const std::string why = "undone: " + std::string(reason);
  for (const Allocation& a : *in_force) {
    auto reversal = tx.reverse_allocation(a.id, why);
    if (!reversal) return reversal.error();
  }
  Reconciliation decision = **before;
  decision.state = ReconciliationState::review;
  decision.by_hand = true;
  decision.reason = why;
  decision.unapplied = Money::zero((*found)->amount.currency());
  auto written = tx.record_reconciliation(decision);
  if (!written) return written.error();
  return recorded(tx, transaction);
}

}  // namespace kontor::engine
