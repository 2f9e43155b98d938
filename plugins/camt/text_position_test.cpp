#include "text_position.hpp"

#include <gtest/gtest.h>

#include <string_view>

namespace kontor::plugins::camt {
namespace {

TextPosition after(std::string_view text, std::size_t piece = 1000) {
  TextPosition position;
  for (std::size_t at = 0; at < text.size(); at += piece) {
    const std::string_view part = text.substr(at, piece);
    position.advance(part.data(), part.size());
  }
  return position;
}

TEST(TextPositionTest, LfCrLfAndALoneCrEachEndALine) {
  EXPECT_EQ(after("a\nb\r\nc\rd").text(), "4:2");
  EXPECT_EQ(after("\r\r\n\n").line(), 4);
}

TEST(TextPositionTest, ACrLfSplitBetweenReadsIsOneLineEnd) {
  for (std::size_t piece : {1, 2, 3}) {
    EXPECT_EQ(after("ab\r\ncd\r\n", piece).text(), "3:1") << piece;
  }
}

TEST(TextPositionTest, ColumnsCountCharactersNotBytes) {
  EXPECT_EQ(after("M\xC3\xBC"
                  "ller")
                .column(),
            7);
  TextPosition latin1(false);
  latin1.advance("M\xFCller", 6);
  EXPECT_EQ(latin1.column(), 7);
}

}  // namespace
}  // namespace kontor::plugins::camt
