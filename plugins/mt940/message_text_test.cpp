#include "message_text.hpp"

#include <gtest/gtest.h>

namespace kontor::plugins::mt940 {
namespace {

TEST(MessageTextTest, QuotedTextIsValidUtf8WhereTheValueWasCutInsideACharacter) {
  EXPECT_EQ(quoted("1602\xC3"), "'1602\xEF\xBF\xBD'");
  EXPECT_EQ(quoted("\xA4"
                   "0,"),
            "'\xEF\xBF\xBD"
            "0,'");
  EXPECT_EQ(quoted("Müller"), "'Müller'");
  EXPECT_EQ(quoted(""), "''");
}

TEST(MessageTextTest, ACharacterWithAllItsBytes) {
  EXPECT_EQ(character_at("0Æ,", 1), "Æ");
  EXPECT_EQ(character_at("0Æ,", 3), ",");
  EXPECT_EQ(character_at("ab", 2), "");
}

}  // namespace
}  // namespace kontor::plugins::mt940
