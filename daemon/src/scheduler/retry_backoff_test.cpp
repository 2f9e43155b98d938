#include "scheduler/retry_backoff.hpp"

#include <gtest/gtest.h>

namespace kontor::scheduler {
namespace {

using std::chrono::hours;
using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;

TEST(RetryBackoff, CeilingDoublesFromTheBackoffUpToTheCap) {
  const RetryPolicy policy{5, minutes(1), hours(1)};
  EXPECT_EQ(backoff_ceiling(policy, 0), minutes(1));
  EXPECT_EQ(backoff_ceiling(policy, 1), minutes(2));
  EXPECT_EQ(backoff_ceiling(policy, 5), minutes(32));
  EXPECT_EQ(backoff_ceiling(policy, 6), hours(1));
  EXPECT_EQ(backoff_ceiling(policy, 100), hours(1));  // no overflow
}

TEST(RetryBackoff, CapBelowTheBackoffWins) {
  EXPECT_EQ(backoff_ceiling(RetryPolicy{3, minutes(10), minutes(5)}, 0), minutes(5));
  EXPECT_EQ(backoff_ceiling(RetryPolicy{3, milliseconds(0), minutes(5)}, 7), milliseconds(0));
}

TEST(RetryBackoff, RandomJitterStaysWithinZeroAndTheCeiling) {
  Jitter jitter = random_jitter();
  EXPECT_EQ(jitter(milliseconds(0)), milliseconds(0));
  for (int i = 0; i < 1000; ++i) {
    const milliseconds wait = jitter(seconds(3));
    EXPECT_GE(wait, milliseconds(0));
    EXPECT_LE(wait, seconds(3));
  }
}

}  // namespace
}  // namespace kontor::scheduler
