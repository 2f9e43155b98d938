// Tests: unique, ambiguous and missing combinations, the preference order and both limits.

#include "matching/combination_search.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>

namespace kontor::matching {
namespace {

using ::testing::ElementsAre;

Money eur(std::int64_t cents) {
  return Money(cents, Currency::eur());
}

// Item `number` dated `day` days into 2026.
CombinationCandidate item(std::string number, std::int64_t cents, int day = 1) {
  return CombinationCandidate{
      .item_number = std::move(number),
      .open = eur(cents),
      .dated = Date::from_ymd(2026, 1, 1).value().add_days(day - 1).value()};
}

CombinationResult search(std::int64_t payment_cents, const std::vector<CombinationCandidate>& items,
                         CombinationLimits limits = {}) {
  return find_combination(eur(payment_cents), items, limits).value();
}

TEST(CombinationSearch, TwoItemsThatAddUpToThePaymentAreTheUniqueAnswer) {
  const CombinationResult result =
      search(35000, {item("RE-1", 10000, 1), item("RE-2", 25000, 2), item("RE-3", 40000, 3)});
  EXPECT_EQ(result.outcome, CombinationOutcome::unique);
  EXPECT_THAT(result.items, ElementsAre("RE-1", "RE-2"));
}

TEST(CombinationSearch, NoSetAddingUpIsNoAnswer) {
  const CombinationResult result = search(12345, {item("RE-1", 10000), item("RE-2", 25000)});
  EXPECT_EQ(result.outcome, CombinationOutcome::none);
  EXPECT_TRUE(result.items.empty());
}

TEST(CombinationSearch, TwoDifferentSetsMakeThePaymentAmbiguousAndTheSmallerIsPreferred) {
  const CombinationResult result =
      search(30000, {item("RE-1", 10000, 1), item("RE-2", 20000, 2), item("RE-3", 30000, 3)});
  EXPECT_EQ(result.outcome, CombinationOutcome::ambiguous);
  EXPECT_THAT(result.items, ElementsAre("RE-3"));
}

TEST(CombinationSearch, AmongSetsOfOneSizeTheOlderItemsArePreferred) {
  const CombinationResult result =
      search(15000, {item("RE-9", 10000, 9), item("RE-1", 10000, 1), item("RE-5", 5000, 5)});
  EXPECT_EQ(result.outcome, CombinationOutcome::ambiguous);
  EXPECT_THAT(result.items, ElementsAre("RE-1", "RE-5"));
}

TEST(CombinationSearch, TwoItemsOfTheSameAmountAreAmbiguousAndTheOlderIsShown) {
  const CombinationResult result =
      search(5000, {item("RE-2", 5000, 2), item("RE-1", 5000, 1), item("RE-3", 9000, 3)});
  EXPECT_EQ(result.outcome, CombinationOutcome::ambiguous);
  EXPECT_THAT(result.items, ElementsAre("RE-1"));
}

TEST(CombinationSearch, ManyItemsStillYieldTheOneSetThatAddsUp) {
  // Powers of two: every sum has exactly one set.
  std::vector<CombinationCandidate> items;
  for (int i = 0; i < 16; ++i) items.push_back(item("RE-" + std::to_string(i), 1 << i, i + 1));
  const CombinationResult result =
      search((1 << 2) + (1 << 7) + (1 << 15), items, {.max_items = 20, .max_steps = 1'000'000});
  EXPECT_EQ(result.outcome, CombinationOutcome::unique);
  EXPECT_THAT(result.items, ElementsAre("RE-2", "RE-7", "RE-15"));
}

TEST(CombinationSearch, MoreOpenItemsThanTheCapIsNoAnswerButShowsACandidate) {
  const CombinationResult result =
      search(30000, {item("RE-1", 10000, 1), item("RE-2", 20000, 2), item("RE-3", 99900, 3)},
             {.max_items = 2, .max_steps = 100'000});
  EXPECT_EQ(result.outcome, CombinationOutcome::gave_up);
  EXPECT_THAT(result.items, ElementsAre("RE-1", "RE-2"));
}

TEST(CombinationSearch, TheStepCapEndsTheSearchWithoutAnAnswer) {
  std::vector<CombinationCandidate> items;
  for (int i = 0; i < 16; ++i) items.push_back(item("RE-" + std::to_string(i), 1 << i, i + 1));
  const CombinationResult result = search((1 << 16) - 1, items, {.max_items = 20, .max_steps = 50});
  EXPECT_EQ(result.outcome, CombinationOutcome::gave_up);
  EXPECT_EQ(result.steps, 51u);
}

TEST(CombinationSearch, CreditNotesAndSettledItemsTakeNoPart) {
  const CombinationResult result = search(8000, {item("RE-1", 10000, 1), item("GS-1", -2000, 2),
                                                 item("RE-0", 0, 0), item("RE-2", 8000, 3)});
  EXPECT_EQ(result.outcome, CombinationOutcome::unique);
  EXPECT_THAT(result.items, ElementsAre("RE-2"));
}

TEST(CombinationSearch, AnAmountInAnotherCurrencyIsAnError) {
  const CombinationCandidate swiss{.item_number = "RE-1",
                                   .open = Money(100, Currency::from_code("CHF").value()),
                                   .dated = Date()};
  EXPECT_FALSE(find_combination(eur(100), {swiss}, {}).ok());
}

TEST(CombinationSearch, APaymentThatIsNotPositiveIsAnError) {
  EXPECT_FALSE(find_combination(eur(0), {item("RE-1", 100)}, {}).ok());
}

// Generated customers of up to 10 items (amounts from a small set, so that equal sums are
// common), each searched for a payment that some subset adds up to, or a random one; the answer
// must agree with trying every subset: how many add up, and the preferred one — fewest items,
// then the oldest first.
TEST(CombinationSearch, GeneratedCustomersAgreeWithTryingEverySubset) {
  std::mt19937 random(4711);
  auto below = [&](int bound) { return std::uniform_int_distribution<int>(0, bound - 1)(random); };
  for (int round = 0; round < 300; ++round) {
    const int count = 1 + below(10);
    std::vector<CombinationCandidate> items;
    for (int i = 0; i < count; ++i) {
      // Distinct dates: "older" then decides alone, as the brute force below assumes.
      items.push_back(item("RE-" + std::to_string(i), 1000 * (1 + below(12)), 1 + i));
    }
    std::int64_t payment = 1000 * (1 + below(40));
    if (below(2) == 0) {
      payment = 0;
      for (int i = 0; i < count; ++i) payment += below(2) == 0 ? items[i].open.minor_units() : 0;
      if (payment == 0) payment = items[0].open.minor_units();
    }
    // Every subset as a bit mask over the items, which are already oldest first.
    int adding_up = 0;
    std::vector<int> preferred;
    for (int mask = 1; mask < (1 << count); ++mask) {
      std::int64_t sum = 0;
      std::vector<int> members;
      for (int i = 0; i < count; ++i) {
        if ((mask & (1 << i)) != 0) {
          sum += items[i].open.minor_units();
          members.push_back(i);
        }
      }
      if (sum != payment) continue;
      ++adding_up;
      const bool better = preferred.empty() || members.size() < preferred.size() ||
                          (members.size() == preferred.size() && members < preferred);
      if (better) preferred = members;
    }
    const CombinationResult result =
        search(payment, items, {.max_items = 20, .max_steps = 1'000'000});
    const CombinationOutcome expected = adding_up == 0   ? CombinationOutcome::none
                                        : adding_up == 1 ? CombinationOutcome::unique
                                                         : CombinationOutcome::ambiguous;
    ASSERT_EQ(result.outcome, expected) << "round " << round;
    std::vector<std::string> expected_items;
    for (int i : preferred) expected_items.push_back("RE-" + std::to_string(i));
    ASSERT_EQ(result.items, expected_items) << "round " << round;
  }
}

}  // namespace
}  // namespace kontor::matching
