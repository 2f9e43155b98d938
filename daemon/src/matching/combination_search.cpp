// Combination search (see the header): sets by size, oldest first, pruned by what the remaining
// items can still add up to, until a second set or a limit is hit.

#include "matching/combination_search.hpp"

#include <algorithm>
#include <cstdint>

namespace kontor::matching {
namespace {

// Sums of many large amounts can exceed 64 bits.
__extension__ typedef __int128 Wide;

// Depth-first search over sets of exactly `size` items, in lexicographic order of the
// oldest-first item list, so that the first set found is the preferred one of its size.
class SubsetSearch {
 public:
  SubsetSearch(const std::vector<std::int64_t>& amounts, std::size_t max_steps)
      : amounts_(amounts), suffix_sums_(amounts.size() + 1, 0), max_steps_(max_steps) {
    for (std::size_t i = amounts.size(); i-- > 0;)
      suffix_sums_[i] = suffix_sums_[i + 1] + amounts[i];
  }

  // Searches sets of `size` items until a second solution is known or the step cap is hit.
  void search_size(std::size_t size, std::int64_t target) { visit(0, size, target); }

  bool finished() const { return solutions_.size() >= 2 || gave_up_; }
  bool gave_up() const { return gave_up_; }
  std::size_t steps() const { return steps_; }
  const std::vector<std::vector<std::size_t>>& solutions() const { return solutions_; }

 private:
  void visit(std::size_t start, std::size_t slots, std::int64_t needed) {
    if (slots == 0) {
      if (needed == 0) solutions_.push_back(chosen_);
      return;
    }
    for (std::size_t i = start; i + slots <= amounts_.size() && !finished(); ++i) {
      if (++steps_ > max_steps_) {
        gave_up_ = true;
        return;
      }
      if (suffix_sums_[i] < Wide{needed}) return;  // the rest cannot reach it any more
      if (amounts_[i] > needed) continue;
      chosen_.push_back(i);
      visit(i + 1, slots - 1, needed - amounts_[i]);
      chosen_.pop_back();
    }
  }

  const std::vector<std::int64_t>& amounts_;
  std::vector<Wide> suffix_sums_;
  std::size_t max_steps_;
  std::size_t steps_ = 0;
  bool gave_up_ = false;
  std::vector<std::size_t> chosen_;
  std::vector<std::vector<std::size_t>> solutions_;
};

}  // namespace

Result<CombinationResult> find_combination(const Money& payment,
                                           const std::vector<CombinationCandidate>& candidates,
                                           const CombinationLimits& limits) {
  if (!payment.is_positive()) {
    return Error{
        .message = "a payment to combine items for must be positive, not " + payment.to_string(),
        .position = 0};
  }
  std::vector<const CombinationCandidate*> owed;
  for (const CombinationCandidate& candidate : candidates) {
    if (candidate.open.currency() != payment.currency()) {
      return Error{.message = "item " + candidate.item_number + " is owed in " +
                              std::string(candidate.open.currency().code()) +
                              ", the payment is in " + std::string(payment.currency().code()),
                   .position = 0};
    }
    if (candidate.open.is_positive()) owed.push_back(&candidate);
  }
  std::sort(owed.begin(), owed.end(), [](const auto* a, const auto* b) {
    return a->dated != b->dated ? a->dated < b->dated : a->item_number < b->item_number;
  });
  const bool too_many_items = owed.size() > limits.max_items;
  if (too_many_items) owed.resize(limits.max_items);

  std::vector<std::int64_t> amounts;
  for (const CombinationCandidate* candidate : owed)
    amounts.push_back(candidate->open.minor_units());
  SubsetSearch search(amounts, limits.max_steps);
  for (std::size_t size = 1; size <= amounts.size() && !search.finished(); ++size) {
    search.search_size(size, payment.minor_units());
  }

  CombinationResult result;
  result.steps = search.steps();
  if (!search.solutions().empty()) {
    for (std::size_t index : search.solutions().front()) {
      result.items.push_back(owed[index]->item_number);
    }
  }
  if (search.solutions().size() >= 2) {
    result.outcome = CombinationOutcome::ambiguous;
  } else if (too_many_items || search.gave_up()) {
    result.outcome = CombinationOutcome::gave_up;
  } else if (search.solutions().size() == 1) {
    result.outcome = CombinationOutcome::unique;
  } else {
    result.outcome = CombinationOutcome::none;
  }
  return result;
}

}  // namespace kontor::matching
