// SettleWatch: a file is offered once it has stopped changing for `settle`, across listings
// that only share what remember() kept.
#include "kontor/sdk/settle.hpp"

#include <gtest/gtest.h>

namespace kontor::sdk {
namespace {

constexpr std::int64_t kSecond = 1'000'000;
constexpr std::int64_t kStart = 1'795'860'000 * kSecond;  // 2026-11-28T10:00:00Z
constexpr std::int64_t kSettle = 30 * kSecond;

TEST(SettleWatch, AFileJustWrittenIsHeldBackUntilItStayedTheSameForSettle) {
  SettleWatch first("", kStart, kSettle);
  EXPECT_FALSE(first.settled("camt.xml", 100, kStart - 2 * kSecond));
  EXPECT_EQ(first.next_settled_in_us(), 28 * kSecond);

  SettleWatch later(first.remember(), kStart + 29 * kSecond, kSettle);
  EXPECT_TRUE(later.settled("camt.xml", 100, kStart - 2 * kSecond));
  EXPECT_EQ(later.next_settled_in_us(), 0);
}

TEST(SettleWatch, AFileThatGrewStartsItsWaitAgain) {
  SettleWatch first("", kStart, kSettle);
  EXPECT_FALSE(first.settled("camt.xml", 100, 0));
  SettleWatch grown(first.remember(), kStart + 40 * kSecond, kSettle);
  EXPECT_FALSE(grown.settled("camt.xml", 250, 0));  // no mtime: only the sightings count
  SettleWatch quiet(grown.remember(), kStart + 70 * kSecond, kSettle);
  EXPECT_TRUE(quiet.settled("camt.xml", 250, 0));
}

TEST(SettleWatch, AFileWrittenLongAgoIsReadyAtOnce) {
  SettleWatch watch("", kStart, kSettle);
  EXPECT_TRUE(watch.settled("old.sta", 10, kStart - 3600 * kSecond));
}

TEST(SettleWatch, FilesNoLongerListedAreForgotten) {
  SettleWatch first("", kStart, kSettle);
  (void)first.settled("a.xml", 1, 0);
  (void)first.settled("b.xml", 1, 0);
  SettleWatch second(first.remember(), kStart + kSecond, kSettle);
  (void)second.settled("b.xml", 1, 0);
  EXPECT_EQ(second.remember(), "b.xml\t1 0 " + std::to_string(kStart) + "\n");
}

TEST(SettleWatch, UnreadableRememberedLinesAreSeenAfresh) {
  SettleWatch watch("garbage\nx.xml\tnot numbers\n", kStart, kSettle);
  EXPECT_FALSE(watch.settled("x.xml", 5, 0));
  EXPECT_EQ(watch.next_settled_in_us(), kSettle);
}

TEST(MovedNamePrefix, IsTheUtcSecondOfTheMove) {
  EXPECT_EQ(moved_name_prefix(kStart + 15 * 60 * kSecond + 999'999), "2026-11-28T10-15-00Z_");
}

TEST(MovedAt, ReadsBackThePrefixOfAMovedFile) {
  EXPECT_EQ(moved_at_us(moved_name_prefix(kStart + 15 * 60 * kSecond) + "camt.xml"),
            kStart + 15 * 60 * kSecond);
  EXPECT_EQ(moved_at_us("2026-11-28T10-15-00Z_statement.xml.2"), kStart + 15 * 60 * kSecond);
  EXPECT_EQ(moved_at_us("1970-01-01T00-00-00Z_x"), 0);
}

TEST(MovedAt, ANameWithoutOurPrefixHasNone) {
  EXPECT_EQ(moved_at_us("camt.xml"), std::nullopt);
  EXPECT_EQ(moved_at_us("2026-11-28T10-15-00Z"), std::nullopt);           // no '_' and no name
  EXPECT_EQ(moved_at_us("2026-11-28T10:15:00Z_camt.xml"), std::nullopt);  // another tool's
  EXPECT_EQ(moved_at_us("2026-02-30T10-15-00Z_camt.xml"), std::nullopt);  // no such day
  EXPECT_EQ(moved_at_us("2026-11-28T24-15-00Z_camt.xml"), std::nullopt);
  EXPECT_EQ(moved_at_us("2026-11-28T1a-15-00Z_camt.xml"), std::nullopt);
}

}  // namespace
}  // namespace kontor::sdk
