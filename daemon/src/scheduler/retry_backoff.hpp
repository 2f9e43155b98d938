// How long to wait before retrying a failed run: capped exponential backoff with full jitter
// (DESIGN.md §8), the way Fluent Bit retries. After attempt n failed the wait is a random
// duration in [0, min(max_backoff, backoff * 2^n)], so many jobs failing together (a peer was
// down) do not all retry at the same moment. Whole milliseconds, no floating point.
#pragma once

#include <chrono>
#include <functional>

namespace kontor::scheduler {

struct RetryPolicy {
  int attempts = 0;                     // further attempts after a failed run
  std::chrono::milliseconds backoff{};  // ceiling of the first wait; doubles each attempt
  std::chrono::milliseconds max_backoff{};
};

// min(max_backoff, backoff * 2^failed_attempt); never overflows (failed_attempt 0 = first run).
std::chrono::milliseconds backoff_ceiling(const RetryPolicy& policy, int failed_attempt);

// Picks a wait in [0, ceiling]. Injected so that tests see a known sequence.
using Jitter = std::function<std::chrono::milliseconds(std::chrono::milliseconds ceiling)>;

// Uniformly random, from a generator seeded once by std::random_device.
Jitter random_jitter();

}  // namespace kontor::scheduler
