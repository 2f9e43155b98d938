#include "csv_records.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kontor::plugins::open_items {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

struct Read {
  std::int64_t line;
  std::vector<std::string> fields;
  std::string error;
};

std::vector<Read> read_all(std::string_view text, char delimiter = ';') {
  CsvRecords records(text, delimiter);
  CsvRecord record;
  std::vector<Read> all;
  while (records.next(record)) {
    all.push_back({record.line, {record.fields.begin(), record.fields.end()}, record.error});
  }
  return all;
}

TEST(CsvRecords, SplitsFieldsAtTheDelimiterAndRecordsAtLfOrCrLf) {
  const auto records = read_all("a;b;c\r\n1;2;3\n4;;6");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_THAT(records[0].fields, ElementsAre("a", "b", "c"));
  EXPECT_THAT(records[1].fields, ElementsAre("1", "2", "3"));
  EXPECT_THAT(records[2].fields, ElementsAre("4", "", "6"));
  EXPECT_EQ(records[2].line, 3);
}

TEST(CsvRecords, QuotedFieldsHoldDelimitersDoubledQuotesAndLineBreaks) {
  const auto records = read_all("\"Müller; Söhne\";\"12\"\" Display\";\"Hauptstr. 1\r\n2. OG\"\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_THAT(records[0].fields,
              ElementsAre("Müller; Söhne", "12\" Display", "Hauptstr. 1\r\n2. OG"));
  EXPECT_THAT(records[0].error, IsEmpty());
}

TEST(CsvRecords, ARecordCountsFromTheLineItStartsOn) {
  const auto records =
      read_all("h1;h2\n\"multi\nline\nvalue\";x\nnext;row\n\"a\"\"\nb\";c\nlast;one");
  ASSERT_EQ(records.size(), 5u);
  EXPECT_EQ(records[1].line, 2);
  EXPECT_EQ(records[2].line, 5);
  EXPECT_EQ(records[3].line, 6);
  EXPECT_THAT(records[3].fields, ElementsAre("a\"\nb", "c"));
  EXPECT_EQ(records[4].line, 8);
}

TEST(CsvRecords, BlanksAroundQuotesAreIgnoredAndQuotesInsideUnquotedFieldsKept) {
  const auto records = read_all("  \"a\"  ;b\"c;d");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_THAT(records[0].fields, ElementsAre("a", "b\"c", "d"));
}

TEST(CsvRecords, TextAfterAClosingQuoteIsAnErrorAndReadingGoesOn) {
  const auto records = read_all("\"a\"x;b\nc;d\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_THAT(records[0].error, HasSubstr("unexpected 'x' after a closing quote"));
  EXPECT_THAT(records[1].fields, ElementsAre("c", "d"));
  EXPECT_EQ(records[1].line, 2);
}

TEST(CsvRecords, AQuoteNeverClosedIsAnErrorOfItsRecord) {
  const auto records = read_all("a;b\n1;\"open\n2;3\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].line, 2);
  EXPECT_THAT(records[1].error, HasSubstr("quoted field opened on line 2 is never closed"));
}

TEST(CsvRecords, BlankLinesAndLinesOfDelimitersAreBlank) {
  CsvRecords records("a;b\n\n;;\n \t\n1;2", ';');
  CsvRecord record;
  std::vector<bool> blank;
  while (records.next(record)) blank.push_back(record.is_blank());
  EXPECT_THAT(blank, ElementsAre(false, true, true, true, false));
}

TEST(CsvRecords, TrailingDelimiterGivesAnEmptyLastField) {
  const auto records = read_all("a;b;\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_THAT(records[0].fields, ElementsAre("a", "b", ""));
}

TEST(CsvRecords, TabDelimitedFieldsKeepTheirBlanks) {
  const auto records = read_all("a\t b \t\"c\"\n", '\t');
  ASSERT_EQ(records.size(), 1u);
  EXPECT_THAT(records[0].fields, ElementsAre("a", " b ", "c"));
}

TEST(CsvRecords, EmptyTextHasNoRecords) {
  EXPECT_THAT(read_all(""), IsEmpty());
}

}  // namespace
}  // namespace kontor::plugins::open_items
