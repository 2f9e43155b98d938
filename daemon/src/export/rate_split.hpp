// The gross amount of an item per VAT rate, and any amount split over those rates pro rata —
// how Skonto and write-offs find the VAT they correct (§17 (1) UStG: the tax follows the
// consideration, rate by rate).
//
// Exact integer arithmetic, no floating point: each rate gets the floor of
// amount × its gross ÷ the item's gross, in minor units; the cents left over (fewer than the
// number of rates) go to the rate with the largest gross — the first of 19, 7, 0 % on a tie —
// so the shares always add up to the amount to the cent.
//
// An item without tax lines is refused naming it: guessing 19 % would book wrong VAT silently.
#pragma once

#include <vector>

#include "export/vat_rate.hpp"
#include "kontor/model/money.hpp"
#include "kontor/model/open_item.hpp"
#include "kontor/result.hpp"

namespace kontor::exports {

struct RateShare {
  VatRate rate = VatRate::standard;
  Money amount;  // signed like what was split; never zero

  bool operator==(const RateShare&) const = default;
};

// The item's tax lines grouped by rate, in the order 19, 7, 0 %; rates whose gross is zero are
// left out. An error when the item has no tax lines or a rate other than 19, 7 or 0 %.
Result<std::vector<RateShare>> gross_by_rate(const OpenItem& item);

// `amount` shared over the item's rates in proportion to their gross (rule above). An error
// also when the rates' gross amounts have different signs (a pro rata share is then
// meaningless) or when `amount` is in another currency.
Result<std::vector<RateShare>> split_by_rate(const Money& amount, const OpenItem& item);

}  // namespace kontor::exports
