// Amount fit: how a payment's amount relates to what is open on one item — the part of the
// evidence that says whether the payer paid it in full, took Skonto, lost bank charges on the
// way, paid part, or paid too much.
//
// Checked in this order, the first that applies wins:
// - exact: the open amount;
// - skonto: less by at most the item's Skonto (percent of the gross, rounded as percentage.hpp
//   does) plus one minor unit for payers who round their discount the other way, paid on or
//   before the Skonto date. Less Skonto than allowed is still within the terms;
// - bank_charges: less by at most the configured tolerance (zero, the default, turns this off:
//   writing off a shortfall must be a company's decision);
// - partial: less;
// - overpaid: more (the rest becomes a credit on the customer's account).
#pragma once

#include "kontor/model/date.hpp"
#include "kontor/model/money.hpp"
#include "kontor/model/open_item.hpp"
#include "kontor/result.hpp"

namespace kontor::matching {

enum class AmountFit { exact, skonto, bank_charges, partial, overpaid };

std::string_view to_string(AmountFit fit);

struct AmountFitPolicy {
  Money bank_charges_tolerance;  // in the payment's currency; zero: no bank charges accepted
};

struct AmountFitResult {
  AmountFit fit = AmountFit::exact;
  // open − paid: the Skonto taken, the charges lost, what stays open; negative when overpaid.
  Money shortfall;
};

// How `paid` (positive) on `paid_on` fits `item`'s open amount; `paid_on` is the credit's value
// date (booking date when the bank gives none), the day the money reached the company. An error for
// amounts in different currencies, a tolerance in another currency, or a payment that is not
// positive.
Result<AmountFitResult> fit_amount(const Money& paid, const Date& paid_on, const OpenItem& item,
                                   const AmountFitPolicy& policy);

}  // namespace kontor::matching
