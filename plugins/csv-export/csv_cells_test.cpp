// Cells as they stand in the file: formulas defused (OWASP "CSV Injection"), RFC 4180 quoting,
// and bytes that are not UTF-8 replaced.
#include "csv_cells.hpp"

#include <gtest/gtest.h>

namespace kontor::plugins::csv_export {
namespace {

TEST(CsvCellsTest, AFormulaInATextCellIsDefusedWithAnApostrophe) {
  EXPECT_EQ(text_cell("=HYPERLINK(\"http://evil.example\")", ';'),
            "\"'=HYPERLINK(\"\"http://evil.example\"\")\"");
  EXPECT_EQ(text_cell("=1+1", ';'), "'=1+1");
  EXPECT_EQ(text_cell("+49 228 1234", ';'), "'+49 228 1234");
  EXPECT_EQ(text_cell("-2+3", ';'), "'-2+3");
  EXPECT_EQ(text_cell("@SUM(A1:A9)", ';'), "'@SUM(A1:A9)");
  EXPECT_EQ(text_cell("\t=cmd", ';'), "'\t=cmd");
  EXPECT_EQ(text_cell("\r=cmd", ';'), "\"'\r=cmd\"");
}

TEST(CsvCellsTest, ATextWithAFormulaCharacterAfterItsStartIsLeftAlone) {
  EXPECT_EQ(text_cell("Zahlung RE-2026-0001 = 119,00", ';'), "Zahlung RE-2026-0001 = 119,00");
  EXPECT_EQ(text_cell(" =1+1", ';'), " =1+1");
  EXPECT_EQ(text_cell("", ';'), "");
}

TEST(CsvCellsTest, ACellKontorWritesItselfIsNeverDefused) {
  EXPECT_EQ(own_cell("-5.00", ';'), "-5.00");
  EXPECT_EQ(own_cell("2026-11-03", ';'), "2026-11-03");
}

TEST(CsvCellsTest, ACellWithTheDelimiterAQuoteOrALineBreakIsQuotedWithItsQuotesDoubled) {
  EXPECT_EQ(quoted("Müller; Söhne", ';'), "\"Müller; Söhne\"");
  EXPECT_EQ(quoted("Ware \"Blau\"", ';'), "\"Ware \"\"Blau\"\"\"");
  EXPECT_EQ(quoted("Zeile 1\nZeile 2", ';'), "\"Zeile 1\nZeile 2\"");
  EXPECT_EQ(quoted("Zeile 1\r\nZeile 2", ';'), "\"Zeile 1\r\nZeile 2\"");
  EXPECT_EQ(quoted("plain", ';'), "plain");
}

TEST(CsvCellsTest, OnlyTheConfiguredDelimiterNeedsQuotes) {
  EXPECT_EQ(quoted("Müller, Jürgen", ';'), "Müller, Jürgen");
  EXPECT_EQ(quoted("Müller, Jürgen", ','), "\"Müller, Jürgen\"");
  EXPECT_EQ(quoted("a;b", ','), "a;b");
}

TEST(CsvCellsTest, WellFormedUtf8IsKeptAndEveryOtherByteReplaced) {
  EXPECT_EQ(valid_utf8("Grüße € 😀"), "Grüße € 😀");
  // Latin-1 "é", an overlong "/", a surrogate, a cut three-byte sequence, above U+10FFFF.
  EXPECT_EQ(valid_utf8("Caf\xE9!"), "Caf\xEF\xBF\xBD!");
  EXPECT_EQ(valid_utf8("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(valid_utf8("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(valid_utf8("\xE2\x82"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(valid_utf8("\xF4\x90\x80\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

}  // namespace
}  // namespace kontor::plugins::csv_export
