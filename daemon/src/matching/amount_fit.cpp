// Amount fit (see the header): the checks in their stated order.

#include "matching/amount_fit.hpp"

#include "kontor/model/percentage.hpp"

namespace kontor::matching {

std::string_view to_string(AmountFit fit) {
  switch (fit) {
    case AmountFit::exact:
      return "exact";
    case AmountFit::skonto:
      return "skonto";
    case AmountFit::bank_charges:
      return "bank_charges";
    case AmountFit::partial:
      return "partial";
    case AmountFit::overpaid:
      return "overpaid";
  }
  return "exact";
}

Result<AmountFitResult> fit_amount(const Money& paid, const Date& paid_on, const OpenItem& item,
                                   const AmountFitPolicy& policy) {
  if (!paid.is_positive()) {
    return Error{.message = "a payment must be positive, not " + paid.to_string(), .position = 0};
  }
  Result<Money> shortfall = item.open.minus(paid);
  if (!shortfall.ok()) return shortfall.error();
  const Money& short_by = shortfall.value();
  if (short_by.is_zero()) return AmountFitResult{.fit = AmountFit::exact, .shortfall = short_by};
  if (short_by.is_negative()) {
    return AmountFitResult{.fit = AmountFit::overpaid, .shortfall = short_by};
  }
  if (item.skonto && paid_on <= item.skonto->until) {
    Result<Money> discount = percent_of(item.gross, item.skonto->percent);
    if (!discount.ok()) return discount.error();
    // One minor unit more, for payers who round their discount up instead of half away.
    Result<Money> allowed = discount->plus(Money(1, discount->currency()));
    if (!allowed.ok()) return allowed.error();
    if (short_by <= allowed.value()) {
      return AmountFitResult{.fit = AmountFit::skonto, .shortfall = short_by};
    }
  }
  if (!policy.bank_charges_tolerance.is_zero()) {
    const Result<std::strong_ordering> within_tolerance =
        compare(short_by, policy.bank_charges_tolerance);
    if (!within_tolerance.ok()) return within_tolerance.error();
    if (within_tolerance.value() <= 0) {
      return AmountFitResult{.fit = AmountFit::bank_charges, .shortfall = short_by};
    }
  }
  return AmountFitResult{.fit = AmountFit::partial, .shortfall = short_by};
}

}  // namespace kontor::matching
