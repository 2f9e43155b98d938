// Combination search: one payment for several items — the set of a customer's open items whose
// open amounts add up exactly to the payment.
//
// An exact sum is strong evidence only when it is the only one: the search therefore looks for a
// second set before it calls an answer unique, and any two different sets (of any sizes) make
// the payment ambiguous. The preferred set — shown to the reviewer either way — has the fewest
// items, and among equally many the older ones (compared oldest first).
//
// The search is bounded, because a customer with many small items has exponentially many sets:
// - more open items than `max_items`: no answer (gave_up); the oldest `max_items` are still
//   searched so that the reviewer sees a candidate;
// - more than `max_steps` items tried: no answer (gave_up), with whatever set was found.
// gave_up always means review, never an automatic posting. Only items with a positive open
// amount take part: a payer who deducted a credit note is a case for review.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "kontor/model/date.hpp"
#include "kontor/model/money.hpp"
#include "kontor/result.hpp"

namespace kontor::matching {

struct CombinationCandidate {
  std::string item_number;
  Money open;
  Date dated;  // what "older" compares: the item's issue (or due) date
};

struct CombinationLimits {
  std::size_t max_items = 20;
  std::size_t max_steps = 100'000;
};

enum class CombinationOutcome {
  unique,     // exactly one set adds up
  ambiguous,  // two different sets add up
  none,       // no set adds up
  gave_up,    // a limit was hit before the search could tell
};

struct CombinationResult {
  CombinationOutcome outcome = CombinationOutcome::none;
  std::vector<std::string> items;  // the preferred set, oldest first; empty when none was found
  std::size_t steps = 0;           // items tried, for tuning the limits
};

// The sets of `candidates` that add up to `payment` (positive). An error for a payment that is
// not positive or an amount in another currency.
Result<CombinationResult> find_combination(const Money& payment,
                                           const std::vector<CombinationCandidate>& candidates,
                                           const CombinationLimits& limits);

}  // namespace kontor::matching
