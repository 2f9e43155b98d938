#include "field_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kontor::plugins::mt940 {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// Every event as text: "20@1[X]" for a field (tag, line, lines joined by |), "-" for a message
// end.
std::vector<std::string> events(std::string_view text) {
  FieldReader reader(text);
  std::vector<std::string> all;
  while (true) {
    const FieldReader::Event event = reader.next();
    if (event == FieldReader::Event::end) return all;
    if (event == FieldReader::Event::message_end) {
      all.push_back("-");
      continue;
    }
    const Field& field = reader.field();
    std::string item = std::string(field.known ? "" : "?") + std::string(field.tag) + "@" +
                       std::to_string(field.line) + "[";
    for (std::size_t i = 0; i < field.lines.size(); ++i) {
      item += (i == 0 ? "" : "|") + std::string(field.lines[i]);
    }
    all.push_back(item + "]");
  }
}

TEST(FieldReaderTest, FieldsWithTheirContinuationLinesInEveryLineEnding) {
  for (std::string_view end : {"\n", "\r\n", "\r"}) {
    const std::string text = ":20:STARTUMS" + std::string(end) + ":86:166?00GUTSCHRIFT" +
                             std::string(end) + "?20SVWZ+RE 1" + std::string(end) + "-" +
                             std::string(end);
    EXPECT_THAT(events(text),
                ElementsAre("20@1[STARTUMS]", "86@2[166?00GUTSCHRIFT|?20SVWZ+RE 1]", "-"));
  }
}

TEST(FieldReaderTest, BlankLinesAndAMissingFinalLineEndChangeNothing) {
  EXPECT_THAT(events("\n:20:A\n\n:25:B\n\n\n:62F:C"),
              ElementsAre("20@2[A]", "25@4[B]", "62F@7[C]"));
}

TEST(FieldReaderTest, SwiftEnvelopeIsRemovedAndTellsTheMessageType) {
  FieldReader reader(
      "{1:F01ASNBNL21XXXX0000000000}{2:O942ASNBNL21XXXXN}{3:{108:ABC}}{4:\n:20:X\n-}{5:}\n");
  ASSERT_EQ(reader.next(), FieldReader::Event::field);
  EXPECT_EQ(reader.field().tag, "20");
  EXPECT_EQ(reader.field().line, 2);
  EXPECT_EQ(reader.field().message_type, 942);
  EXPECT_EQ(reader.next(), FieldReader::Event::message_end);
  EXPECT_EQ(reader.next(), FieldReader::Event::end);
}

TEST(FieldReaderTest, EnvelopeSplitOverLinesAndTextOnTheBlockFourLine) {
  EXPECT_THAT(events("{1:D02AASDISLNETAXXXXXXXXXXXXX}\n{2:E623XXXXXXXXAXXXN}\n{4:\n:20:A\n-}"),
              ElementsAre("20@4[A]", "-"));
  EXPECT_THAT(events("{1:F01X}{2:I940X\nSTILL BLOCK 2}{4::20:A\n:25:B\n-}"),
              ElementsAre("20@2[A]", "25@3[B]", "-"));
}

TEST(FieldReaderTest, SwedishNationalCharactersFrameTheMessage) {
  EXPECT_THAT(events("\xC3\xA4"
                     "4:\n:20:A\n:25:B\n-\xC3\xA5\xC3\xA4"
                     "4:\n:20:C\n-\xC3\xA5"),
              ElementsAre("20@2[A]", "25@3[B]", "-", "20@5[C]", "-"));
}

TEST(FieldReaderTest, BankPreamblesBeforeTheFirstTagAreDropped) {
  EXPECT_THAT(events("ABNANL2A\n940\nABNANL2A\n:20:ABN AMRO BANK NV\n"),
              ElementsAre("20@4[ABN AMRO BANK NV]"));
  EXPECT_THAT(events(":940:\n:20:940S130403\n"), ElementsAre("20@2[940S130403]"));
  EXPECT_THAT(events("0000 01INGBNL2AXXXX00001\n940 00\n:20:MPBZ\n"), ElementsAre("20@3[MPBZ]"));
}

TEST(FieldReaderTest, ALineThatStartsWithADashIsDataOnlyADashAloneEndsTheMessage) {
  EXPECT_THAT(events(":86:166?20Vertrags\n-Nr. 1000620785\n-  \n"),
              ElementsAre("86@1[166?20Vertrags|-Nr. 1000620785]", "-"));
}

TEST(FieldReaderTest, TagLikeLinesInsideDetailsAreTextAndRecorded) {
  FieldReader reader(":86:106?24/PL 12-09-2014T16\n:26:37 Fo?25lgenr.\n:KO:NR:401\n: x\n:62F:C");
  ASSERT_EQ(reader.next(), FieldReader::Event::field);
  const Field& details = reader.field();
  EXPECT_THAT(details.lines,
              ElementsAre("106?24/PL 12-09-2014T16", ":26:37 Fo?25lgenr.", ":KO:NR:401", ": x"));
  ASSERT_EQ(details.swallowed.size(), 1u);
  EXPECT_EQ(details.swallowed[0].tag, "26");
  EXPECT_EQ(details.swallowed[0].line, 2);
  ASSERT_EQ(reader.next(), FieldReader::Event::field);
  EXPECT_EQ(reader.field().tag, "62F");
}

TEST(FieldReaderTest, AnUnknownTagOutsideDetailsIsAFieldMarkedUnknown) {
  EXPECT_THAT(events(":61:X\n:12:11\n:62F:C"), ElementsAre("61@1[X]", "?12@2[11]", "62F@3[C]"));
}

TEST(FieldReaderTest, SparkasseColonAloneJoinsTheTagOnTheNextLine) {
  EXPECT_THAT(events(":61:1811261126CR\n30,00N062NONREF\n:\n86:166?00GUTSCHR.\n"),
              ElementsAre("61@1[1811261126CR|30,00N062NONREF]", "86@4[166?00GUTSCHR.]"));
  EXPECT_THAT(events(":86:X\n:\nnot a tag\n"), ElementsAre("86@1[X|:|not a tag]"));
}

TEST(FieldReaderTest, NoTagsNoFields) {
  EXPECT_THAT(events("<?xml version=\"1.0\"?>\n<Document/>\n"), IsEmpty());
  EXPECT_THAT(events(""), IsEmpty());
}

}  // namespace
}  // namespace kontor::plugins::mt940
