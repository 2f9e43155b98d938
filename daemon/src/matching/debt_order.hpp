// Debt order: how a payment that names no item is applied across a customer's debts, by
// §366 (2) BGB — the due before the not yet due, then the more burdensome for the debtor, then
// the older, equal ones pro rata — and within each debt by §367 (1) BGB — its costs (fees), then
// its interest, then its principal. Both orders can be configured.
//
// A debt is an invoice (the principal) with the fee and interest items charged on it
// (OpenItem::refers_to). The law's "less security for the creditor" criterion is left out: the
// ERP tells Kontor nothing about securities. "More burdensome" counts in default and
// interest-bearing, one point each, more points first.
//
// Money stays exact. A pro rata split rounds by largest remainder: every debt gets the floor of
// its exact share, and the cents left go one each to the debts whose shares lost the most,
// equal losses to the debt whose key sorts first — the same input always splits the same way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kontor/model/date.hpp"
#include "kontor/model/money.hpp"
#include "kontor/result.hpp"

namespace kontor::matching {

enum class DebtPartKind { fees, interest, principal };

// The names a configuration uses: "fees", "interest", "principal".
std::string_view to_string(DebtPartKind kind);
Result<DebtPartKind> parse_debt_part_kind(std::string_view text);

struct DebtPart {
  std::string item_number;
  DebtPartKind kind = DebtPartKind::principal;
  Money open;  // only positive amounts are owed; others are left alone
};

struct Debt {
  std::string key;  // names the debt (its invoice number) and breaks ties deterministically
  Date due_date;
  Date arose_on;  // when the debt arose (the invoice date): decides "older"
  bool in_default = false;
  bool interest_bearing = false;
  std::vector<DebtPart> parts;  // parts of one kind are paid in this order
};

enum class DebtCriterion { due_first, more_burdensome_first, older_first };

// The names a configuration uses: "due_first", "more_burdensome_first", "older_first".
std::string_view to_string(DebtCriterion criterion);
Result<DebtCriterion> parse_debt_criterion(std::string_view text);

struct DebtOrderPolicy {
  // §366 (2) BGB; debts equal under every criterion share pro rata. Empty: all share.
  std::vector<DebtCriterion> between_debts{
      DebtCriterion::due_first, DebtCriterion::more_burdensome_first, DebtCriterion::older_first};
  // §367 (1) BGB; must name each kind exactly once.
  std::vector<DebtPartKind> within_debt{DebtPartKind::fees, DebtPartKind::interest,
                                        DebtPartKind::principal};
};

struct PartPayment {
  std::string item_number;
  DebtPartKind kind = DebtPartKind::principal;
  Money amount;
};

struct DebtSettlement {
  std::vector<PartPayment> payments;  // in the order applied; no zero amounts
  Money unapplied;                    // more than all debts: a credit on the customer's account
};

// Applies `payment` (positive) received on `paid_on` to `debts`. An error for a payment that is
// not positive, an amount in another currency, or a within-debt order that is not a
// permutation of the three kinds.
Result<DebtSettlement> apply_by_debt_order(const Money& payment, const std::vector<Debt>& debts,
                                           const Date& paid_on, const DebtOrderPolicy& policy);

}  // namespace kontor::matching
