#include "message_text.hpp"

#include <gtest/gtest.h>

#include "text_encoding.hpp"

namespace kontor::plugins::open_items {
namespace {

TEST(ForMessage, KeepsUtf8AndEscapesControlCharacters) {
  EXPECT_EQ(for_message("Müller € 𝄞"), "Müller € 𝄞");
  EXPECT_EQ(for_message("a\nb\r\tc\x01\x7F"), "a\\nb\\r\\tc\\x01\\x7F");
}

TEST(ForMessage, EscapesBytesThatAreNotUtf8) {
  // nlohmann-json's "last read" may end inside a character: the message must stay UTF-8.
  EXPECT_EQ(for_message("last read: '\xC6'"), "last read: '\\xC6'");
  EXPECT_EQ(for_message("M\xFCller \xE2\x82"), "M\\xFCller \\xE2\\x82");
  EXPECT_EQ(invalid_utf8_at(for_message("\xF4\x90\x80\x80\xED\xA0\x80")), std::string::npos);
}

TEST(ForMessage, CutsLongTextBetweenCharacters) {
  EXPECT_EQ(for_message("abcdef", 3), "abc...");
  EXPECT_EQ(for_message("aäää", 2), "aä...");  // never inside the two bytes of ä
  EXPECT_EQ(for_message("abc", 3), "abc");
}

}  // namespace
}  // namespace kontor::plugins::open_items
