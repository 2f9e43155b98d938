// Debt order (see the header): sort debts by the configured criteria, pay groups of equal debts
// in full or pro rata, and each debt's share by the configured part order.

#include "matching/debt_order.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>

#include "kontor/model/enum_text.hpp"

namespace kontor::matching {
namespace {

constexpr EnumName<DebtPartKind> kPartKindNames[] = {
    {DebtPartKind::fees, "fees"},
    {DebtPartKind::interest, "interest"},
    {DebtPartKind::principal, "principal"},
};

constexpr EnumName<DebtCriterion> kCriterionNames[] = {
    {DebtCriterion::due_first, "due_first"},
    {DebtCriterion::more_burdensome_first, "more_burdensome_first"},
    {DebtCriterion::older_first, "older_first"},
};

// Amount × total can exceed 64 bits before the division brings it back.
__extension__ typedef __int128 Wide;

struct OwedDebt {
  const Debt* debt = nullptr;
  std::int64_t total = 0;  // minor units of its positive parts
};

int burden(const Debt& debt) {
  return (debt.in_default ? 1 : 0) + (debt.interest_bearing ? 1 : 0);
}

// Negative when `a` is paid before `b` under `criterion`, positive when after, 0 when equal.
int compare_by(DebtCriterion criterion, const Debt& a, const Debt& b, const Date& paid_on) {
  switch (criterion) {
    case DebtCriterion::due_first: {
      const bool a_due = a.due_date <= paid_on;
      const bool b_due = b.due_date <= paid_on;
      return a_due == b_due ? 0 : (a_due ? -1 : 1);
    }
    case DebtCriterion::more_burdensome_first:
      return burden(b) - burden(a);
    case DebtCriterion::older_first:
      return a.arose_on == b.arose_on ? 0 : (a.arose_on < b.arose_on ? -1 : 1);
  }
  return 0;
}

int compare_debts(const Debt& a, const Debt& b, const Date& paid_on,
                  const DebtOrderPolicy& policy) {
  for (DebtCriterion criterion : policy.between_debts) {
    if (const int order = compare_by(criterion, a, b, paid_on); order != 0) return order;
  }
  return 0;
}

// Pays up to `amount` minor units of one debt, part kind by part kind. Returns what was used.
std::int64_t pay_debt(const Debt& debt, std::int64_t amount, const Currency& currency,
                      const DebtOrderPolicy& policy, std::vector<PartPayment>& payments) {
  std::int64_t used = 0;
  for (DebtPartKind kind : policy.within_debt) {
    for (const DebtPart& part : debt.parts) {
      if (part.kind != kind || !part.open.is_positive() || used == amount) continue;
      const std::int64_t paid = std::min(part.open.minor_units(), amount - used);
      payments.push_back(PartPayment{
          .item_number = part.item_number, .kind = kind, .amount = Money(paid, currency)});
      used += paid;
    }
  }
  return used;
}

// Splits `amount` (less than the group's total) over `group` in proportion to each debt's total:
// largest remainder, equal remainders to the key that sorts first.
std::vector<std::int64_t> pro_rata_shares(const std::vector<OwedDebt>& group, std::int64_t amount) {
  const Wide group_total =
      std::accumulate(group.begin(), group.end(), Wide{0},
                      [](Wide sum, const OwedDebt& d) { return sum + d.total; });
  std::vector<std::int64_t> shares(group.size());
  std::vector<Wide> remainders(group.size());
  std::int64_t assigned = 0;
  for (std::size_t i = 0; i < group.size(); ++i) {
    const Wide exact = Wide{amount} * group[i].total;
    shares[i] = static_cast<std::int64_t>(exact / group_total);
    remainders[i] = exact % group_total;
    assigned += shares[i];
  }
  std::vector<std::size_t> by_loss(group.size());
  std::iota(by_loss.begin(), by_loss.end(), std::size_t{0});
  std::sort(by_loss.begin(), by_loss.end(), [&](std::size_t a, std::size_t b) {
    if (remainders[a] != remainders[b]) return remainders[a] > remainders[b];
    return group[a].debt->key < group[b].debt->key;
  });
  for (std::size_t i = 0; assigned < amount; ++i, ++assigned) ++shares[by_loss[i]];
  return shares;
}

Status check_policy(const DebtOrderPolicy& policy) {
  for (DebtPartKind kind : {DebtPartKind::fees, DebtPartKind::interest, DebtPartKind::principal}) {
    if (std::count(policy.within_debt.begin(), policy.within_debt.end(), kind) != 1) {
      return Error{.message =
                       "the order within a debt must name fees, interest and principal "
                       "exactly once each",
                   .position = 0};
    }
  }
  return {};
}

}  // namespace

std::string_view to_string(DebtPartKind kind) {
  return enum_to_text(kPartKindNames, kind);
}

Result<DebtPartKind> parse_debt_part_kind(std::string_view text) {
  return enum_from_text(kPartKindNames, "debt part", text);
}

std::string_view to_string(DebtCriterion criterion) {
  return enum_to_text(kCriterionNames, criterion);
}

Result<DebtCriterion> parse_debt_criterion(std::string_view text) {
  return enum_from_text(kCriterionNames, "debt order criterion", text);
}

Result<DebtSettlement> apply_by_debt_order(const Money& payment, const std::vector<Debt>& debts,
                                           const Date& paid_on, const DebtOrderPolicy& policy) {
  if (Status valid = check_policy(policy); !valid.ok()) return valid.error();
  if (!payment.is_positive()) {
    return Error{.message = "a payment to apply must be positive, not " + payment.to_string(),
                 .position = 0};
  }
  const Currency currency = payment.currency();
  std::vector<OwedDebt> owed;
  for (const Debt& debt : debts) {
    OwedDebt entry{.debt = &debt, .total = 0};
    for (const DebtPart& part : debt.parts) {
      if (part.open.currency() != currency) {
        return Error{.message = "item " + part.item_number + " is owed in " +
                                std::string(part.open.currency().code()) + ", the payment is in " +
                                std::string(currency.code()),
                     .position = 0};
      }
      if (part.open.is_positive()) {
        Result<Money> total = Money(entry.total, currency).plus(part.open);
        if (!total.ok()) return total.error();
        entry.total = total->minor_units();
      }
    }
    if (entry.total > 0) owed.push_back(entry);
  }
  std::sort(owed.begin(), owed.end(), [&](const OwedDebt& a, const OwedDebt& b) {
    const int order = compare_debts(*a.debt, *b.debt, paid_on, policy);
    return order != 0 ? order < 0 : a.debt->key < b.debt->key;
  });

  DebtSettlement settlement{.payments = {}, .unapplied = Money::zero(currency)};
  std::int64_t remaining = payment.minor_units();
  for (std::size_t first = 0; first < owed.size() && remaining > 0;) {
    std::size_t end = first + 1;
    while (end < owed.size() &&
           compare_debts(*owed[first].debt, *owed[end].debt, paid_on, policy) == 0) {
      ++end;
    }
    const std::vector<OwedDebt> group(owed.begin() + static_cast<std::ptrdiff_t>(first),
                                      owed.begin() + static_cast<std::ptrdiff_t>(end));
    const Wide group_total =
        std::accumulate(group.begin(), group.end(), Wide{0},
                        [](Wide sum, const OwedDebt& d) { return sum + d.total; });
    if (Wide{remaining} >= group_total) {
      for (const OwedDebt& entry : group) {
        remaining -= pay_debt(*entry.debt, entry.total, currency, policy, settlement.payments);
      }
    } else {
      const std::vector<std::int64_t> shares = pro_rata_shares(group, remaining);
      for (std::size_t i = 0; i < group.size(); ++i) {
        remaining -= pay_debt(*group[i].debt, shares[i], currency, policy, settlement.payments);
      }
    }
    first = end;
  }
  settlement.unapplied = Money(remaining, currency);
  return settlement;
}

}  // namespace kontor::matching
