#include "extf_text.hpp"

#include <gtest/gtest.h>

namespace kontor::plugins::datev {
namespace {

TEST(ExtfTextTest, AsciiIsWrittenAsItIsAndUnchanged) {
  Cp1252Text text = to_cp1252("Zahlung RE2024-0001 / 119,00");
  EXPECT_EQ(text.bytes, "Zahlung RE2024-0001 / 119,00");
  EXPECT_FALSE(text.changed);
}

TEST(ExtfTextTest, GermanLettersBecomeTheirLatin1Bytes) {
  Cp1252Text text = to_cp1252("Müller Straße Äöü");
  EXPECT_EQ(text.bytes,
            "M\xFCller Stra\xDF"
            "e \xC4\xF6\xFC");
  EXPECT_FALSE(text.changed);
}

// ISO-8859-1 has none of these; cp1252 keeps them at 0x80–0x9F (reference §1).
TEST(ExtfTextTest, EuroDashesAndTypographicQuotesBecomeTheirCp1252Bytes) {
  Cp1252Text text = to_cp1252("€„“”‚‘’–—…ŠšŽžŒœŸ™•");
  EXPECT_EQ(text.bytes,
            "\x80\x84\x93\x94\x82\x91\x92\x96\x97\x85\x8A\x9A\x8E\x9E\x8C\x9C\x9F\x99\x95");
  EXPECT_FALSE(text.changed);
}

TEST(ExtfTextTest, CentralEuropeanLettersLoseTheirAccentAndSaySo) {
  Cp1252Text text = to_cp1252("Łódź Kovács Szőke Čapek Ștefan");
  // ó and á are in cp1252; Ł ő Č Ș are not.
  EXPECT_EQ(text.bytes,
            "L\xF3"
            "dz Kov\xE1"
            "cs Szoke Capek Stefan");
  EXPECT_TRUE(text.changed);
  EXPECT_EQ(to_cp1252("ł").bytes, "l");
  EXPECT_EQ(to_cp1252("ő").bytes, "o");
  EXPECT_EQ(to_cp1252("č").bytes, "c");
}

TEST(ExtfTextTest, EveryLatinExtendedALetterHasALetterInCp1252) {
  for (char32_t code_point = 0x100; code_point < 0x180; ++code_point) {
    std::string utf8 = {static_cast<char>(0xC0 | (code_point >> 6)),
                        static_cast<char>(0x80 | (code_point & 0x3F))};
    Cp1252Text text = to_cp1252(utf8);
    EXPECT_EQ(text.bytes.find('?'), std::string::npos)
        << "U+" << std::hex << static_cast<unsigned>(code_point);
    EXPECT_FALSE(text.bytes.empty()) << "U+" << std::hex << static_cast<unsigned>(code_point);
  }
}

TEST(ExtfTextTest, TypographicSpacesAndHyphensBecomeAscii) {
  Cp1252Text text = to_cp1252("10\u202F000\u2009€ A\u2011B \u22125");
  EXPECT_EQ(text.bytes, "10 000 \x80 A-B -5");
  EXPECT_TRUE(text.changed);
}

TEST(ExtfTextTest, CharacterCp1252CannotHoldBecomesAQuestionMark) {
  Cp1252Text text = to_cp1252("Kunde 漢字 😀");
  EXPECT_EQ(text.bytes, "Kunde ?? ?");
  EXPECT_TRUE(text.changed);
}

TEST(ExtfTextTest, C1ControlIsNotTakenForTheCp1252CharacterAtItsByte) {
  // U+0080 is a control character, not €, though € is cp1252's 0x80.
  Cp1252Text text = to_cp1252("a\xC2\x80z");
  EXPECT_EQ(text.bytes, "a?z");
  EXPECT_TRUE(text.changed);
}

TEST(ExtfTextTest, MalformedUtf8BecomesQuestionMarks) {
  EXPECT_EQ(to_cp1252("M\xFCller").bytes, "M?ller");  // a Latin-1 byte, not UTF-8
  EXPECT_EQ(to_cp1252("\xC3").bytes, "?");            // cut sequence
  EXPECT_EQ(to_cp1252("\xC0\xAF").bytes, "??");       // overlong '/'
  EXPECT_EQ(to_cp1252("\xED\xA0\x80").bytes, "???");  // surrogate
  EXPECT_TRUE(to_cp1252("\xFF").changed);
}

TEST(ExtfTextTest, ZeroWidthCharactersAreDropped) {
  Cp1252Text text = to_cp1252("\xEF\xBB\xBFRE\u200B1");
  EXPECT_EQ(text.bytes, "RE1");
  EXPECT_TRUE(text.changed);
}

TEST(ExtfTextTest, LineBreaksTabsAndOtherControlsBecomeBlanks) {
  std::string text = "Zeile 1\r\nZeile 2\tEnde\x7F";
  EXPECT_TRUE(blank_out_control_bytes(text));
  EXPECT_EQ(text, "Zeile 1  Zeile 2 Ende ");
  std::string clean = "nichts";
  EXPECT_FALSE(blank_out_control_bytes(clean));
}

TEST(ExtfTextTest, QuotedTextHasItsQuotesDoubled) {
  EXPECT_EQ(quoted("Rabatt \"Sommer\""), "\"Rabatt \"\"Sommer\"\"\"");
  EXPECT_EQ(quoted(""), "\"\"");
  EXPECT_EQ(quoted("a;b"), "\"a;b\"");
}

}  // namespace
}  // namespace kontor::plugins::datev
