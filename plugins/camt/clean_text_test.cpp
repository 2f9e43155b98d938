#include "clean_text.hpp"

#include <gtest/gtest.h>

namespace kontor::plugins::camt {
namespace {

TEST(CleanTextTest, WrappedTextBecomesOneLine) {
  EXPECT_EQ(clean_text("\n    RE 4711\r\n\t  und 4712  ").text, "RE 4711 und 4712");
}

TEST(CleanTextTest, ControlCharactersAreDroppedAndSaidSo) {
  const CleanText clean = clean_text(
      "M\x01\xC2\x85\x7F"
      "eier");
  EXPECT_EQ(clean.text, "Meier");
  EXPECT_TRUE(clean.dropped_control);
  EXPECT_FALSE(clean.replaced_invalid);
}

TEST(CleanTextTest, BytesThatAreNotUtf8BecomeReplacementCharacters) {
  const CleanText clean = clean_text("M\xFCller \xC3\xA4 \xED\xA0\x80");
  EXPECT_EQ(clean.text, "M\xEF\xBF\xBDller \xC3\xA4 \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_TRUE(clean.replaced_invalid);
}

TEST(CleanTextTest, MessagesQuoteShortenedText) {
  EXPECT_EQ(quoted("abcdef", 3), "'abc…'");
  EXPECT_EQ(quoted("\xC3\xA4\xC3\xB6", 1), "'\xC3\xA4…'");
  EXPECT_EQ(shown("x\xFF"), "x\xEF\xBF\xBD");
}

}  // namespace
}  // namespace kontor::plugins::camt
