#include "scheduler/retry_backoff.hpp"

#include <memory>
#include <random>

namespace kontor::scheduler {

std::chrono::milliseconds backoff_ceiling(const RetryPolicy& policy, int failed_attempt) {
  const std::chrono::milliseconds cap = policy.max_backoff;
  std::chrono::milliseconds wait = policy.backoff;
  for (int i = 0; i < failed_attempt && wait < cap; ++i) {
    wait = wait > cap / 2 ? cap : wait * 2;
  }
  return std::min(wait, cap);
}

Jitter random_jitter() {
  auto generator = std::make_shared<std::mt19937_64>(std::random_device{}());
  return [generator](std::chrono::milliseconds ceiling) {
    if (ceiling.count() <= 0) return std::chrono::milliseconds(0);
    std::uniform_int_distribution<std::chrono::milliseconds::rep> pick(0, ceiling.count());
    return std::chrono::milliseconds(pick(*generator));
  };
}

}  // namespace kontor::scheduler
