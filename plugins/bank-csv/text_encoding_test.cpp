#include "text_encoding.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kontor::plugins::bank_csv {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(TextEncoding, AutoTakesValidUtf8AsUtf8AndSkipsTheByteOrderMark) {
  auto decoded = decode_text("\xEF\xBB\xBFW\xC3\xA4hrung;Betrag\n", Encoding::automatic);
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_EQ(decoded->text, "W\xC3\xA4hrung;Betrag\n");
  EXPECT_EQ(decoded->encoding, Encoding::utf8);
}

TEST(TextEncoding, AutoReadsIngsLatin1AsWindows1252) {
  auto decoded = decode_text("Auftraggeber/Empf\xE4nger;W\xE4hrung\n\x80 5", Encoding::automatic);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->encoding, Encoding::windows1252);
  EXPECT_EQ(decoded->text, "Auftraggeber/Empfänger;Währung\n€ 5");
}

TEST(TextEncoding, UndefinedWindows1252BytesBecomeReplacementCharactersByLine) {
  auto decoded = decode_text("a\n\x81\x8D\nb\x90", Encoding::windows1252);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->text, "a\n\xEF\xBF\xBD\xEF\xBF\xBD\nb\xEF\xBF\xBD");
  EXPECT_THAT(decoded->replaced_lines, ElementsAre(2, 3));
}

TEST(TextEncoding, InvalidUtf8IsRefusedWhenUtf8IsConfigured) {
  auto decoded = decode_text("ok\nW\xE4hrung", Encoding::utf8);
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().position, 2);
  EXPECT_THAT(decoded.error().message, HasSubstr("byte 0xE4 is not UTF-8"));
}

TEST(TextEncoding, AByteOrderMarkPromisesUtf8) {
  EXPECT_FALSE(
      decode_text("\xEF\xBB\xBF"
                  "W\xE4hrung",
                  Encoding::automatic));
  EXPECT_FALSE(
      decode_text("\xEF\xBB\xBF"
                  "a",
                  Encoding::windows1252));
}

TEST(TextEncoding, Utf16AndBinaryFilesAreRefused) {
  EXPECT_THAT(decode_text("\xFF\xFE"
                          "a\0",
                          Encoding::automatic)
                  .error()
                  .message,
              HasSubstr("UTF-16"));
  auto binary = decode_text(std::string_view("a;b\n\0\0", 6), Encoding::automatic);
  ASSERT_FALSE(binary);
  EXPECT_EQ(binary.error().position, 2);
  EXPECT_THAT(binary.error().message, HasSubstr("NUL byte"));
}

TEST(TextEncoding, TrailingEndOfFileMarksAreDropped) {
  auto decoded = decode_text("a;b\r\n\x1A\x1A", Encoding::automatic);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->text, "a;b\r\n");
}

}  // namespace
}  // namespace kontor::plugins::bank_csv
