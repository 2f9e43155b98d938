#include "config/scalar_syntax.hpp"

#include <gtest/gtest.h>

namespace kontor::config {
namespace {

using std::chrono::milliseconds;

TEST(ScalarSyntax, DurationsInEveryUnitAndCombined) {
  EXPECT_EQ(parse_duration("500ms"), milliseconds(500));
  EXPECT_EQ(parse_duration("90s"), milliseconds(90'000));
  EXPECT_EQ(parse_duration("5m"), milliseconds(300'000));
  EXPECT_EQ(parse_duration("1h30m"), milliseconds(5'400'000));
  EXPECT_EQ(parse_duration("1d"), milliseconds(86'400'000));
  EXPECT_EQ(parse_duration("2w"), milliseconds(14 * 86'400'000LL));
}

TEST(ScalarSyntax, DurationsRejectWhatIsAmbiguous) {
  EXPECT_EQ(parse_duration(""), std::nullopt);
  EXPECT_EQ(parse_duration("5"), std::nullopt);      // no unit
  EXPECT_EQ(parse_duration("1.5h"), std::nullopt);   // no fractions
  EXPECT_EQ(parse_duration("30m1h"), std::nullopt);  // units must fall
  EXPECT_EQ(parse_duration("1h1h"), std::nullopt);
  EXPECT_EQ(parse_duration("-5s"), std::nullopt);
  EXPECT_EQ(parse_duration("5 s"), std::nullopt);
}

TEST(ScalarSyntax, BooleansAreOnlyTrueAndFalse) {
  EXPECT_EQ(parse_bool("true"), true);
  EXPECT_EQ(parse_bool("false"), false);
  EXPECT_EQ(parse_bool("yes"), std::nullopt);
  EXPECT_EQ(parse_bool("True"), std::nullopt);
}

TEST(ScalarSyntax, IntegersAreWholeAndInRange) {
  EXPECT_EQ(parse_int("42"), 42);
  EXPECT_EQ(parse_int("+7"), 7);
  EXPECT_EQ(parse_int("-3"), -3);
  EXPECT_EQ(parse_int("4.0"), std::nullopt);
  EXPECT_EQ(parse_int("99999999999999999999"), std::nullopt);
  EXPECT_EQ(parse_int(""), std::nullopt);
}

}  // namespace
}  // namespace kontor::config
