#include "german_subfields.hpp"

#include <gtest/gtest.h>

namespace kontor::plugins::mt940 {
namespace {

TEST(GermanSubfieldsTest, GvcAndSubfields) {
  GermanSubfields fields;
  ASSERT_TRUE(fields.split("166?00GUTSCHRIFT?100004770?20EREF+X?21SVWZ+Y?30AARBDE5W250?32NAME"));
  EXPECT_EQ(fields.gvc(), "166");
  EXPECT_EQ(fields.value(0), "GUTSCHRIFT");
  EXPECT_EQ(fields.value(10), "0004770");
  EXPECT_EQ(fields.value(30), "AARBDE5W250");
  EXPECT_TRUE(fields.has(21));
  EXPECT_FALSE(fields.has(31));
  EXPECT_EQ(fields.value(31), "");
}

TEST(GermanSubfieldsTest, PurposeRangesAreJoinedInCodeOrderWithoutSeparator) {
  GermanSubfields fields;
  ASSERT_TRUE(fields.split("105?20EREF+1?21 23?60ABWA+X?61Y?63Z?30B"));
  std::string purpose;
  fields.append_range(20, 29, purpose);
  fields.append_range(60, 63, purpose);
  EXPECT_EQ(purpose, "EREF+1 23ABWA+XYZ");
}

TEST(GermanSubfieldsTest, EmptySubfieldsAndAQuestionMarkThatIsText) {
  GermanSubfields fields;
  ASSERT_TRUE(fields.split("171?20KREF+?99?34171?21WAS?"));
  EXPECT_EQ(fields.value(99), "");
  EXPECT_TRUE(fields.has(99));
  EXPECT_EQ(fields.value(34), "171");
  EXPECT_EQ(fields.value(21), "WAS?");
}

TEST(GermanSubfieldsTest, AGvcAloneIsStructured) {
  GermanSubfields fields;
  ASSERT_TRUE(fields.split("091"));
  EXPECT_EQ(fields.gvc(), "091");
}

TEST(GermanSubfieldsTest, TriodosWritesTheStructureWithGreaterThan) {
  GermanSubfields fields;
  ASSERT_TRUE(fields.split("000>100987654321>20ALGEMENE TUSSENREKENING>310390123456"));
  EXPECT_EQ(fields.value(10), "0987654321");
  EXPECT_EQ(fields.value(31), "0390123456");
}

TEST(GermanSubfieldsTest, TextThatMerelyStartsWithDigitsIsNotStructured) {
  GermanSubfields fields;
  EXPECT_FALSE(fields.split("911 TRANSAKCJA COLLECT; ID IPH: XX000000000001"));
  EXPECT_FALSE(fields.split("999PN5477SCHECK-NR. 0000016703074"));
  EXPECT_FALSE(fields.split("0111111111 ING Bank N.V. inzake TEST"));
  EXPECT_FALSE(fields.split("/TRTP/SEPA OVERBOEKING"));
  EXPECT_FALSE(fields.split("12"));
}

}  // namespace
}  // namespace kontor::plugins::mt940
