#include "text_encoding.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace kontor::plugins::open_items {
namespace {

std::string from_windows1252(std::string_view bytes) {
  std::string out;
  EXPECT_EQ(append_windows1252_as_utf8(bytes, out), std::string_view::npos);
  return out;
}

TEST(Windows1252, UmlautsEuroAndCzechLettersBecomeUtf8) {
  EXPECT_EQ(from_windows1252("M\xFC"
                             "ller Stra\xDF"
                             "e"),
            "Müller Straße");
  EXPECT_EQ(from_windows1252("\x80 \x8A\x9E \xC4\xD6\xDC\xE4\xF6\xFC"), "€ Šž ÄÖÜäöü");
  EXPECT_EQ(from_windows1252("\x84Zitat\x93 \x96 \x85 \x99"), "„Zitat“ – … ™");
  EXPECT_EQ(from_windows1252("\xA0\xFF"), "\u00A0ÿ");
}

TEST(Windows1252, EveryDefinedByteHasItsOwnCharacter) {
  std::set<std::string> seen;
  for (int byte = 0; byte < 256; ++byte) {
    if (byte == 0x81 || byte == 0x8D || byte == 0x8F || byte == 0x90 || byte == 0x9D) continue;
    const std::string converted = from_windows1252(std::string(1, static_cast<char>(byte)));
    EXPECT_EQ(invalid_utf8_at(converted), std::string_view::npos) << byte;
    EXPECT_TRUE(seen.insert(converted).second) << "byte " << byte << " maps like another";
  }
  EXPECT_EQ(seen.size(), 251u);
}

TEST(Windows1252, UndefinedBytesAreErrorsNamingTheirPosition) {
  for (char undefined : {'\x81', '\x8D', '\x8F', '\x90', '\x9D'}) {
    std::string storage;
    auto text = as_utf8(std::string("ab") + undefined, TextEncoding::windows1252, storage);
    ASSERT_FALSE(text);
    EXPECT_EQ(text.error().position, 3);
    EXPECT_NE(text.error().message.find("not a Windows-1252 character"), std::string::npos);
  }
}

TEST(Utf8, WellFormedTextIsValid) {
  EXPECT_EQ(invalid_utf8_at("Müller € 𝄞 ascii only"), std::string_view::npos);
  EXPECT_EQ(invalid_utf8_at(""), std::string_view::npos);
  EXPECT_EQ(invalid_utf8_at("\xF4\x8F\xBF\xBF"), std::string_view::npos);  // U+10FFFF
}

TEST(Utf8, OverlongSurrogatesTruncatedAndStrayBytesAreInvalid) {
  EXPECT_EQ(invalid_utf8_at("ab\xC0\x80"), 2u);        // overlong NUL
  EXPECT_EQ(invalid_utf8_at("\xE0\x80\x80"), 0u);      // overlong
  EXPECT_EQ(invalid_utf8_at("x\xED\xA0\x80"), 1u);     // surrogate
  EXPECT_EQ(invalid_utf8_at("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(invalid_utf8_at("\xF5\x80\x80\x80"), 0u);
  EXPECT_EQ(invalid_utf8_at("12345678\xE2\x82"), 8u);  // truncated €
  EXPECT_EQ(invalid_utf8_at("M\xFCller"), 1u);         // Windows-1252 ü
  EXPECT_EQ(invalid_utf8_at("\x80"), 0u);              // stray continuation
}

TEST(Utf8, InvalidTextIsAnErrorThatSuggestsWindows1252) {
  std::string storage;
  auto text = as_utf8("M\xFCller", TextEncoding::utf8, storage);
  ASSERT_FALSE(text);
  EXPECT_EQ(text.error().position, 2);
  EXPECT_NE(text.error().message.find("0xFC"), std::string::npos);
  EXPECT_NE(text.error().message.find("windows-1252"), std::string::npos);
}

TEST(AsUtf8, TextThatAlreadyIsUtf8IsNotCopied) {
  std::string storage;
  const std::string ascii = "Rechnung 4711";
  EXPECT_EQ(as_utf8(ascii, TextEncoding::windows1252, storage)->data(), ascii.data());
  const std::string utf8 = "Müller";
  EXPECT_EQ(as_utf8(utf8, TextEncoding::utf8, storage)->data(), utf8.data());
  EXPECT_EQ(*as_utf8("M\xFCller", TextEncoding::windows1252, storage), "Müller");
}

TEST(ByteOrderMark, OnlyTheUtf8MarkAtTheStartCounts) {
  EXPECT_EQ(utf8_bom_length("\xEF\xBB\xBFinvoice_no"), 3u);
  EXPECT_EQ(utf8_bom_length("invoice_no\xEF\xBB\xBF"), 0u);
  EXPECT_EQ(utf8_bom_length("\xEF\xBB"), 0u);
}

}  // namespace
}  // namespace kontor::plugins::open_items
