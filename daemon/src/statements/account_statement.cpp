#include "statements/account_statement.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace kontor::statements {
namespace {

// One change of the balance: an item issued, an allocation, an unapplied rest, a settlement.
struct Effect {
  Date date;
  std::string item;   // the item whose open amount it changes; empty for an unapplied rest
  std::string kind;   // MovementView::kind, or "" for what no line shows (credit note use)
  std::string group;  // effects of one kind, day and group form one line
  Money amount;       // + raises what the customer owes
};

// Where a kind's lines go in a day: items before the money that pays them.
int kind_rank(const std::string& kind) {
  static const std::vector<std::string> kOrder = {
      "invoice", "fee",      "interest",     "credit_note", "cancellation",
      "payment", "discount", "bank_charges", "reversal",    "settled_externally", "write_off"};
  const auto found = std::find(kOrder.begin(), kOrder.end(), kind);
  return static_cast<int>(found - kOrder.begin());
}

// What a line shows for an allocation of `method` (a reversal shows as what it reverses).
std::string allocation_kind(AllocationMethod method) {
  switch (method) {
    case AllocationMethod::skonto:
      return "discount";
    case AllocationMethod::bank_charges:
      return "bank_charges";
    case AllocationMethod::credit_note:
      return "";  // both sides are the customer's: the balance does not move
    case AllocationMethod::write_off:
    case AllocationMethod::write_off_recovery:  // shown as a write-off taken back (negative)
      return "write_off";
    default:
      return "payment";
  }
}

class StatementBuilder {
 public:
  StatementBuilder(const store::AccountHistory& history, const StatementPeriod& period,
                   const Date& as_of, const CompanyDay& company_day, Currency currency)
      : history_(history),
        period_(period),
        as_of_(as_of),
        company_day_(company_day),
        currency_(currency) {}

  Result<render::StatementView> build() {
    if (Status checked = choose_currency(); !checked) return checked.error();
    if (Status added = add_items(); !added) return added.error();
    if (Status added = add_allocations(); !added) return added.error();
    for (const store::UnappliedPayment& rest : history_.unapplied) {
      effects_.push_back(Effect{.date = rest.booked_on,
                                .item = "",
                                .kind = "payment",
                                .group = rest.transaction,
                                .amount = negate(rest.amount)});
    }
    if (Status settled = add_settlements(); !settled) return settled.error();
    return statement();
  }

 private:
  Money zero() const { return Money::zero(currency_); }
  static Money negate(const Money& amount) { return *amount.negated(); }
  // Sums stay far inside 64 bits for any real account; the currency is checked up front.
  static Money add(const Money& a, const Money& b) { return *a.plus(b); }

  Status choose_currency() {
    std::set<std::string> codes;
    for (const OpenItem& item : history_.items) codes.emplace(item.gross.currency().code());
    for (const auto& rest : history_.unapplied) codes.emplace(rest.amount.currency().code());
    if (codes.size() > 1) {
      return Error{fmt::format(
          "the account holds items in several currencies ({}); a statement is in one currency",
          fmt::join(codes, ", "))};
    }
    if (!history_.items.empty()) currency_ = history_.items.front().gross.currency();
    if (history_.items.empty() && !history_.unapplied.empty()) {
      currency_ = history_.unapplied.front().amount.currency();
    }
    return {};
  }

  Status add_items() {
    for (const OpenItem& item : history_.items) {
      items_.emplace(item.number, &item);
      effects_.push_back(Effect{.date = item.issue_date.value_or(item.due_date),
                                .item = item.number,
                                .kind = std::string(to_string(item.type)),
                                .group = item.number,
                                .amount = item.gross});
    }
    return {};
  }

  Status add_allocations() {
    std::map<std::int64_t, AllocationMethod> methods;
    std::map<std::int64_t, const store::AccountAllocation*> by_id;
    for (const store::AccountAllocation& dated : history_.allocations) {
      methods.emplace(dated.allocation.id, dated.allocation.method);
      by_id.emplace(dated.allocation.id, &dated);
    }
    for (const store::AccountAllocation& dated : history_.allocations) {
      const Allocation& allocation = dated.allocation;
      AllocationMethod method = allocation.method;
      if (method == AllocationMethod::reversal && allocation.reverses) {
        const auto reversed = methods.find(*allocation.reverses);
        method = reversed == methods.end() ? AllocationMethod::manual : reversed->second;
      }
      Date date;
      if (dated.booked_on) {
        date = *dated.booked_on;
      } else if (std::optional<Date> settled = credit_note_day(dated, by_id)) {
        date = *settled;
      } else {
        Result<Date> recorded = company_day_(dated.recorded_at);
        if (!recorded) return recorded.error();
        date = *recorded;
      }
      const std::string group =
          !dated.booked_by.empty() ? dated.booked_by : fmt::format("allocation {}", allocation.id);
      effects_.push_back(Effect{.date = date,
                                .item = allocation.item_number,
                                .kind = allocation_kind(method),
                                .group = group,
                                .amount = negate(allocation.amount)});
    }
    return {};
  }

  // A credit note settles the invoice it refers to as of the later of their two dates, not the
  // day Kontor happened to import it: the store applies it as a pair of allocations (on the
  // invoice, then the negated amount on the credit note, consecutive ids).
  std::optional<Date> credit_note_day(
      const store::AccountAllocation& dated,
      const std::map<std::int64_t, const store::AccountAllocation*>& by_id) const {
    const Allocation& allocation = dated.allocation;
    if (allocation.method != AllocationMethod::credit_note) return std::nullopt;
    for (const std::int64_t partner_id : {allocation.id - 1, allocation.id + 1}) {
      const auto partner = by_id.find(partner_id);
      if (partner == by_id.end()) continue;
      const Allocation& other = partner->second->allocation;
      if (other.method != AllocationMethod::credit_note ||
          other.amount != negate(allocation.amount)) {
        continue;
      }
      const auto mine = items_.find(allocation.item_number);
      const auto theirs = items_.find(other.item_number);
      if (mine == items_.end() || theirs == items_.end()) return std::nullopt;
      return std::max(mine->second->issue_date.value_or(mine->second->due_date),
                      theirs->second->issue_date.value_or(theirs->second->due_date));
    }
    return std::nullopt;
  }

  // What an item still owed when the store marked it settled outside Kontor leaves the balance
  // that day.
  Status add_settlements() {
    for (const auto& [number, marked_at] : history_.settled_externally_at) {
      if (items_.count(number) == 0) continue;
      Date date = items_.at(number)->issue_date.value_or(items_.at(number)->due_date);
      if (!marked_at.empty()) {
        Result<Date> marked = company_day_(marked_at);
        if (!marked) return marked.error();
        date = *marked;
      }
      const Money remaining = open_of(number, date);
      if (remaining.is_zero()) continue;
      effects_.push_back(Effect{.date = date,
                                .item = number,
                                .kind = "settled_externally",
                                .group = number,
                                .amount = negate(remaining)});
    }
    return {};
  }

  Money open_of(const std::string& item, const Date& day) const {
    Money open = zero();
    for (const Effect& effect : effects_) {
      if (effect.item == item && effect.date <= day) open = add(open, effect.amount);
    }
    return open;
  }

  Result<render::StatementView> statement() {
    render::StatementView view;
    view.period_start = period_.first;
    view.period_end = period_.last;
    for (Money* figure :
         {&view.opening, &view.invoices, &view.credit_notes, &view.fees, &view.interest,
          &view.payments, &view.adjustments, &view.closing, &view.since, &view.due}) {
      *figure = zero();
    }
    // One line per kind, day and group, in the order they happened.
    struct LineKey {
      Date date;
      int rank;
      std::string group;
      auto operator<=>(const LineKey&) const = default;
    };
    std::map<LineKey, render::MovementView> lines;
    std::map<LineKey, std::set<std::string>> paid_items;
    for (const Effect& effect : effects_) {
      if (effect.date < period_.first) {
        view.opening = add(view.opening, effect.amount);
        continue;
      }
      if (effect.date > period_.last || effect.kind.empty()) continue;
      const LineKey key{effect.date, kind_rank(effect.kind), effect.group};
      auto [line, inserted] = lines.try_emplace(key);
      if (inserted) {
        line->second.date = effect.date;
        line->second.kind = effect.kind;
        line->second.amount = zero();
        if (kind_rank(effect.kind) < kind_rank("payment") || effect.kind == "settled_externally") {
          line->second.document = effect.item;
        }
      }
      line->second.amount = add(line->second.amount, effect.amount);
      if (!effect.item.empty() && line->second.document.empty()) {
        paid_items[key].insert(effect.item);
      }
    }
    Money balance = view.opening;
    for (auto& [key, line] : lines) {
      if (line.amount.is_zero()) continue;  // undone the same day: nothing happened
      if (line.kind != "settled_externally" && kind_rank(line.kind) >= kind_rank("payment") &&
          line.amount.is_positive()) {
        line.kind = "reversal";  // money taken back: a payment returned or an allowance undone
      }
      line.detail = fmt::format("{}", fmt::join(paid_items[key], ", "));
      balance = add(balance, line.amount);
      line.balance = balance;
      add_to_figure(view, line);
      view.movements.push_back(line);
    }
    view.closing = zero();
    for (const Effect& effect : effects_) {
      if (effect.date <= period_.last) view.closing = add(view.closing, effect.amount);
    }
    if (balance != view.closing) {
      return Error{fmt::format(
          "the statement's lines end at {} but the balance is {}: the account's history does not "
          "add up",
          balance.to_string(), view.closing.to_string())};
    }
    view.as_of = as_of_;
    view.since = zero();
    for (const Effect& effect : effects_) {
      if (effect.date <= period_.last || effect.date > as_of_) continue;
      if (effect.kind == "invoice" || effect.kind == "fee" || effect.kind == "interest") continue;
      view.since = add(view.since, effect.amount);
    }
    const Money now_owed = add(view.closing, view.since);
    view.due = now_owed.is_positive() ? now_owed : zero();
    age(view);
    return view;
  }

  void add_to_figure(render::StatementView& view, const render::MovementView& line) const {
    Money* figure = &view.adjustments;
    if (line.kind == "invoice") figure = &view.invoices;
    if (line.kind == "credit_note" || line.kind == "cancellation") figure = &view.credit_notes;
    if (line.kind == "fee") figure = &view.fees;
    if (line.kind == "interest") figure = &view.interest;
    if (line.kind == "payment") figure = &view.payments;
    *figure = add(*figure, line.amount);
  }

  // What is open at the period's end, item by item, and by days past due.
  void age(render::StatementView& view) const {
    render::AgingView& aging = view.aging;
    for (Money* bucket : {&aging.not_due, &aging.days_1_30, &aging.days_31_60, &aging.days_61_90,
                          &aging.over_90, &aging.credits, &aging.total}) {
      *bucket = zero();
    }
    std::map<std::string, Money> open, open_now;
    for (const Effect& effect : effects_) {
      if (!effect.item.empty() && effect.date <= as_of_) {
        auto [now, added] = open_now.try_emplace(effect.item, zero());
        now->second = add(now->second, effect.amount);
      }
      if (effect.date > period_.last) continue;
      if (effect.item.empty()) {
        aging.credits = add(aging.credits, effect.amount);  // unapplied rests
        continue;
      }
      auto [entry, inserted] = open.try_emplace(effect.item, zero());
      entry->second = add(entry->second, effect.amount);
    }
    for (const auto& [number, amount] : open) {
      if (amount.is_zero()) continue;
      const OpenItem& item = *items_.at(number);
      const std::int64_t overdue = std::max<std::int64_t>(
          0, period_.last.days_since_epoch() - item.due_date.days_since_epoch());
      view.open_items.push_back(render::StatementItemView{
          .number = number,
          .type = std::string(to_string(item.type)),
          .issue_date = item.issue_date,
          .due_date = item.due_date,
          .gross = item.gross,
          .open = amount,
          .days_overdue = overdue,
          .open_now = open_now.count(number) != 0 ? open_now.at(number) : zero()});
      Money* bucket = &aging.credits;
      if (amount.is_positive()) {
        bucket = overdue == 0    ? &aging.not_due
                 : overdue <= 30 ? &aging.days_1_30
                 : overdue <= 60 ? &aging.days_31_60
                 : overdue <= 90 ? &aging.days_61_90
                                 : &aging.over_90;
      }
      *bucket = add(*bucket, amount);
    }
    for (const Money* bucket : {&aging.not_due, &aging.days_1_30, &aging.days_31_60,
                                &aging.days_61_90, &aging.over_90, &aging.credits}) {
      aging.total = add(aging.total, *bucket);
    }
    std::sort(view.open_items.begin(), view.open_items.end(),
              [](const render::StatementItemView& a, const render::StatementItemView& b) {
                return std::tie(a.due_date, a.number) < std::tie(b.due_date, b.number);
              });
  }

  const store::AccountHistory& history_;
  const StatementPeriod& period_;
  const Date as_of_;
  const CompanyDay& company_day_;
  Currency currency_;
  std::map<std::string, const OpenItem*> items_;
  std::vector<Effect> effects_;
};

}  // namespace

Result<render::StatementView> account_statement(const store::AccountHistory& history,
                                                const StatementPeriod& period, const Date& as_of,
                                                const CompanyDay& company_day, Currency currency) {
  return StatementBuilder(history, period, as_of, company_day, currency).build();
}

bool has_activity_or_balance(const render::StatementView& statement) {
  return !statement.movements.empty() || !statement.closing.is_zero();
}

}  // namespace kontor::statements
