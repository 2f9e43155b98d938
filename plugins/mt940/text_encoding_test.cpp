#include "text_encoding.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kontor::plugins::mt940 {
namespace {

using ::testing::HasSubstr;

std::string decoded(std::string_view bytes, TextEncoding encoding) {
  std::string storage;
  Result<DecodedText> text = decode_text(bytes, encoding, storage);
  EXPECT_TRUE(text.ok()) << (text.ok() ? "" : text.error().message);
  return text.ok() ? std::string(text->text) : "";
}

TEST(TextEncodingTest, TheFileIsDecodedInItsOwnBuffer) {
  std::string file = ":20:STARTUMS\r\n:86:M\xDCLLER\r\n";
  file.reserve(file.size() + file.size() / 8);
  const char* buffer = file.data();
  Result<DecodedText> text = decode_in_place(file, TextEncoding::automatic);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text->text, ":20:STARTUMS\r\n:86:MÜLLER\r\n");
  EXPECT_EQ(text->text.data(), buffer);
  EXPECT_EQ(file.data(), buffer);
  EXPECT_EQ(text->applied, TextEncoding::windows1252);
  EXPECT_EQ(text->fallback_line, 2);
}

TEST(TextEncodingTest, ValidUtf8IsLeftAsItIs) {
  std::string file = ":20:STARTUMS\r\n:86:MÜLLER\r\n";
  Result<DecodedText> text = decode_in_place(file, TextEncoding::automatic);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text->text, ":20:STARTUMS\r\n:86:MÜLLER\r\n");
  EXPECT_EQ(text->applied, TextEncoding::utf8);
  EXPECT_EQ(text->fallback_line, 0);
}

TEST(TextEncodingTest, ConversionWritesEveryCharacterOnceWhateverItsLength) {
  // 1, 2 and 3 bytes each, controls removed before the text grows.
  EXPECT_EQ(decoded("\x01"
                    "a\xE4\x80\x1Az\x84",
                    TextEncoding::windows1252),
            "aä€z„");
  EXPECT_EQ(decoded(std::string(1000, '\xFC'), TextEncoding::cp850), [] {
    std::string expected;
    for (int i = 0; i < 1000; ++i) expected += "³";
    return expected;
  }());
}

TEST(TextEncodingTest, ByteOrderMarkIsSkippedInEveryEncoding) {
  EXPECT_EQ(decoded("\xEF\xBB\xBF:20:X", TextEncoding::utf8), ":20:X");
  EXPECT_EQ(decoded("\xEF\xBB\xBF:20:X", TextEncoding::cp850), ":20:X");
}

TEST(TextEncodingTest, ControlBytesAroundMessagesAreRemovedLineEndsKept) {
  EXPECT_EQ(decoded("\x01\n:20:X\r\n-\x03\n\x1A", TextEncoding::automatic), "\n:20:X\r\n-\n");
  EXPECT_EQ(decoded("\x01:20:M\xFC\x1A", TextEncoding::windows1252), ":20:Mü");
}

TEST(TextEncodingTest, AutoReadsInvalidUtf8AsWindows1252AndSaysWhere) {
  std::string storage;
  Result<DecodedText> text =
      decode_text(":20:X\n:86:Gr\xFC\xDF Gott \x80\n", TextEncoding::automatic, storage);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text->text, ":20:X\n:86:Grüß Gott €\n");
  EXPECT_EQ(text->applied, TextEncoding::windows1252);
  EXPECT_EQ(text->fallback_line, 2);
  EXPECT_EQ(text->fallback_byte, 0xFC);
}

TEST(TextEncodingTest, ExplicitUtf8RefusesOtherBytesNamingLineAndColumn) {
  std::string storage;
  Result<DecodedText> text = decode_text(":20:X\r\n:86:M\xDCLLER\r\n", TextEncoding::utf8, storage);
  ASSERT_FALSE(text.ok());
  EXPECT_THAT(text.error().message, HasSubstr("2:6: byte 0xDC is not UTF-8"));
}

TEST(TextEncodingTest, CodePagesOfGermanAndHungarianBanks) {
  EXPECT_EQ(decoded("M\x9ALLER \x84\x94\x81\xE1", TextEncoding::cp850), "MÜLLER äöüß");
  EXPECT_EQ(decoded("Csoportos \xA0tutal\xA0s \x8B", TextEncoding::cp852), "Csoportos átutalás ő");
  EXPECT_EQ(decoded("\xDC"
                    "BERWEISUNG \xA4",
                    TextEncoding::iso8859_1),
            "ÜBERWEISUNG ¤");
  EXPECT_EQ(decoded("\xDC"
                    "BERWEISUNG \xA4",
                    TextEncoding::windows1252),
            "ÜBERWEISUNG ¤");
}

TEST(TextEncodingTest, UndefinedWindows1252BytesBecomeReplacementCharacters) {
  EXPECT_EQ(decoded("a\x81z", TextEncoding::windows1252), "a\xEF\xBF\xBDz");
}

TEST(TextEncodingTest, Iso88591ControlRangeIsRemoved) {
  EXPECT_EQ(decoded("a\x85z", TextEncoding::iso8859_1), "az");
}

TEST(TextEncodingTest, Utf8ValidationFollowsRfc3629) {
  EXPECT_EQ(invalid_utf8_at("Grüße"), std::string_view::npos);
  EXPECT_EQ(invalid_utf8_at("a\xC0\xAF"), 1u);            // overlong
  EXPECT_EQ(invalid_utf8_at("ab\xED\xA0\x80"), 2u);       // surrogate
  EXPECT_EQ(invalid_utf8_at("abc\xF4\x90\x80\x80"), 3u);  // above U+10FFFF
  EXPECT_EQ(invalid_utf8_at("\xC3"), 0u);                 // cut short
}

TEST(TextEncodingTest, NamesAreTheConfigurationValues) {
  EXPECT_EQ(encoding_name(TextEncoding::automatic), "auto");
  EXPECT_EQ(encoding_name(TextEncoding::cp852), "cp852");
}

}  // namespace
}  // namespace kontor::plugins::mt940
