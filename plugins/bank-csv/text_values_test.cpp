#include "text_values.hpp"

#include <gtest/gtest.h>

namespace kontor::plugins::bank_csv {
namespace {

TEST(TextValues, TrimmingRemovesBlanksTabsAndNoBreakSpaces) {
  EXPECT_EQ(trimmed(" \t\xC2\xA0"
                    "4.093,32\xC2\xA0 "),
            "4.093,32");
  EXPECT_EQ(trimmed("   "), "");
}

TEST(TextValues, CollapsingJoinsBlankRunsAndLineBreaksIntoOneSpace) {
  EXPECT_EQ(collapsed("  1u1 Telecom GmbH        Elgendorfer Str. 57 "),
            "1u1 Telecom GmbH Elgendorfer Str. 57");
  EXPECT_EQ(collapsed("Zeile 1\r\nZeile 2"), "Zeile 1 Zeile 2");
}

TEST(TextValues, CollapsingReportsControlCharactersOtherThanLineBreaks) {
  bool control = false;
  EXPECT_EQ(collapsed("a\tb\nc", &control), "a b c");
  EXPECT_FALSE(control);
  EXPECT_EQ(collapsed("a\x01"
                      "b",
                      &control),
            "a b");
  EXPECT_TRUE(control);
}

TEST(TextValues, HeaderNamesCompareWithoutCaseBlanksAndUmlauts) {
  EXPECT_EQ(normalised_name(" Währung "), normalised_name("Waehrung"));
  EXPECT_EQ(normalised_name("GLÄUBIGER-ID"), "glaeubiger-id");
  EXPECT_EQ(normalised_name("Straße  Nr"), "strasse nr");
  EXPECT_EQ(normalised_name("Betrag (€)"), "betrag (€)");
}

TEST(TextValues, SingleQuotesAroundAValueAreRemoved) {
  EXPECT_EQ(without_single_quotes(" 'DE67000000000000000000' "), "DE67000000000000000000");
  EXPECT_EQ(without_single_quotes("O'Brien"), "O'Brien");
}

TEST(TextValues, MessagesEscapeControlCharactersAndStayShort) {
  EXPECT_EQ(for_message("a\nb"), "a\\x0Ab");
  const std::string cut = for_message(std::string(500, 'x'), 10);
  EXPECT_EQ(cut, "xxxxxxxxxx...");
  // Never inside a character: "ä" is two bytes.
  EXPECT_EQ(for_message("aä", 1), "a...");
}

TEST(TextValues, MessagesStayUtf8WhateverTheyQuote) {
  // Money::parse quotes the one byte it stumbled on: here the first byte of "ä".
  EXPECT_EQ(for_message("found '\xC3'"), "found '\\xC3'");
  EXPECT_EQ(for_message("W\xE4hrung"), "W\\xE4hrung");
}

}  // namespace
}  // namespace kontor::plugins::bank_csv
