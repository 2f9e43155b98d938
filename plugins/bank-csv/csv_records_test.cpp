#include "csv_records.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kontor::plugins::bank_csv {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<CsvRecord> all(std::string_view text, char delimiter = ';') {
  return first_records(text, delimiter, 1000);
}

TEST(CsvRecords, QuotedAndUnquotedFieldsWithEveryLineEnd) {
  const auto records = all("\"a\";b;\"c;d\"\r\n1;\"2\"\"x\"\"\"\n3;4\r5;6");
  ASSERT_EQ(records.size(), 4u);
  EXPECT_THAT(records[0].fields, ElementsAre("a", "b", "c;d"));
  EXPECT_THAT(records[1].fields, ElementsAre("1", "2\"x\""));
  EXPECT_THAT(records[2].fields, ElementsAre("3", "4"));
  EXPECT_THAT(records[3].fields, ElementsAre("5", "6"));
  EXPECT_EQ(records[3].line, 4);
}

TEST(CsvRecords, LineBreaksInsideQuotesCountAsLines) {
  const auto records = all("\"Zeile 1\nZeile 2\";x\nnext;y\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields[0], "Zeile 1\nZeile 2");
  EXPECT_EQ(records[1].line, 3);
  EXPECT_EQ(records[0].next_line, 3);
}

TEST(CsvRecords, DkbsStrayQuoteIsKeptAndMarked) {
  const auto records = all("\"Mustermann, Max\";Firma\";\"-207\"\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_THAT(records[0].fields, ElementsAre("Mustermann, Max", "Firma\"", "-207"));
  EXPECT_TRUE(records[0].stray_quote);
  EXPECT_TRUE(records[0].error.empty());
}

TEST(CsvRecords, TextAfterAClosingQuoteIsKeptAndMarked) {
  const auto records = all("\"12\" Zoll;x");
  EXPECT_THAT(records[0].fields, ElementsAre("12 Zoll", "x"));
  EXPECT_TRUE(records[0].stray_quote);
}

TEST(CsvRecords, AQuoteNeverClosedIsAnError) {
  const auto records = all("a;b\n\"open;c\nd;e\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_THAT(records[1].error, HasSubstr("opened on line 2 is never closed"));
}

TEST(CsvRecords, BlankLinesAndDelimiterOnlyLinesAreBlank) {
  const auto records = all("a;b\n\n;;;\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_FALSE(records[0].is_blank());
  EXPECT_TRUE(records[1].is_blank());
  EXPECT_TRUE(records[2].is_blank());
}

TEST(CsvRecords, EndOffsetPointsAfterTheRecord) {
  const std::string text = "h1;h2\r\nv1;v2\r\n";
  const auto records = all(text);
  EXPECT_EQ(text.substr(records[0].end_offset), "v1;v2\r\n");
}

TEST(CsvRecords, CommaDelimitedPayPal) {
  const auto records = all("\"Datum\",\"Brutto\"\n\"18.06.2025\",\"100,00\"\n", ',');
  EXPECT_THAT(records[1].fields, ElementsAre("18.06.2025", "100,00"));
}

}  // namespace
}  // namespace kontor::plugins::bank_csv
