#include "mt940_file.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "recording_sink.hpp"
#include "support/temp_dir.hpp"

namespace kontor::plugins::mt940 {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

TEST(Mt940FileTest, EnvelopedMessagesWithControlBytesAndPreamble) {
  RecordingSink sink;
  ParseFigures figures;
  const sdk::Status status = parse_mt940(
      "\x01\r\n{1:F01POFICHBEAXXX0000000000}{2:O940POFICHBEAXXXN}{4:\r\n:20:A\r\n:25:B\r\n"
      ":60F:C200101CHF1,\r\n:61:2001010101C1,NTRFNONREF\r\n:62F:C200101CHF2,\r\n-}\x03\r\n"
      "\x01{1:F01X}{2:O940X}{4:\r\n:20:C\r\n:25:B\r\n:60F:C200102CHF2,\r\n:62F:C200102CHF2,\r\n"
      "-}\x03\x1A",
      ParserOptions{}, sink, {}, &figures);
  ASSERT_TRUE(status) << status.message();
  ASSERT_EQ(sink.statements.size(), 2u);
  EXPECT_EQ(sink.statements[1].id, "C");
  EXPECT_EQ(sink.statements[0].currency, "CHF");
  EXPECT_EQ(figures.statements, 2);
  EXPECT_EQ(figures.entries, 1);
  EXPECT_EQ(figures.lines, 14);
  EXPECT_THAT(sink.warnings, IsEmpty());
}

TEST(Mt940FileTest, Windows1252IsAssumedWhenTheFileIsNotUtf8) {
  RecordingSink sink;
  ASSERT_TRUE(
      parse_mt940(":20:X\n:25:A\n:60F:C200101EUR0,\n:61:2001010101C1,NTRFNONREF\n"
                  ":86:166?32M\xDCLLER\n:62F:C200101EUR1,\n",
                  ParserOptions{}, sink));
  EXPECT_EQ(sink.entries[0].details.counterparty_name, "MÜLLER");
  EXPECT_THAT(sink.codes(), ElementsAre("encoding_assumed"));
  EXPECT_EQ(sink.warnings[0].line, 5);
}

TEST(Mt940FileTest, TheConfiguredCodePageIsApplied) {
  RecordingSink sink;
  ParserOptions options;
  options.encoding = TextEncoding::cp850;
  ASSERT_TRUE(
      parse_mt940(":20:X\n:25:A\n:60F:C200101EUR0,\n:61:2001010101C1,NTRFNONREF\n"
                  ":86:166?32M\x9ALLER\n:62F:C200101EUR1,\n",
                  options, sink));
  EXPECT_EQ(sink.entries[0].details.counterparty_name, "MÜLLER");
  EXPECT_THAT(sink.warnings, IsEmpty());
}

// Raiffeisen Bank Hungary writes code page 852 (the shared fixture from WoLpH/mt940).
TEST(Mt940FileTest, AHungarianFileInCodePage852ReadsAsTheBankWroteIt) {
  std::ifstream in(kontor::testing::shared_dir() /
                       "fixtures/bank/mt940/wolph-mt940__self-provided__raiffeisen-cmi.sta",
                   std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  ASSERT_FALSE(bytes.str().empty());
  ParserOptions options;
  options.encoding = TextEncoding::cp852;
  RecordingSink sink;
  ASSERT_TRUE(parse_mt940(bytes.str(), options, sink));
  ASSERT_EQ(sink.entries.size(), 7u);
  EXPECT_THAT(sink.entries[0].details.remittance, HasSubstr("napi összevont utánvét"));
  EXPECT_EQ(sink.statements[0].currency, "HUF");
}

TEST(Mt940FileTest, StrictUtf8RefusesOtherBytes) {
  RecordingSink sink;
  ParserOptions options;
  options.encoding = TextEncoding::utf8;
  const sdk::Status status = parse_mt940(":20:X\n:86:\xDC\n", options, sink);
  EXPECT_EQ(status.code(), sdk::Code::kFailed);
  EXPECT_THAT(status.message(), HasSubstr("2:5: byte 0xDC is not UTF-8"));
}

TEST(Mt940FileTest, AFileWithoutStatementsIsRefusedClearly) {
  RecordingSink sink;
  EXPECT_THAT(parse_mt940("", ParserOptions{}, sink).message(), HasSubstr("the file is empty"));
  EXPECT_THAT(parse_mt940("Hello\nWorld\n", ParserOptions{}, sink).message(),
              HasSubstr("no MT940/MT942 statement"));
  EXPECT_THAT(parse_mt940(":NS:\n", ParserOptions{}, sink).message(),
              HasSubstr("no MT940/MT942 statement"));
  EXPECT_THAT(parse_mt940(std::string("\x00\xFF\xFE\x01", 4), ParserOptions{}, sink).message(),
              HasSubstr("no MT940/MT942 statement"));
  EXPECT_THAT(sink.statements, IsEmpty());
}

TEST(Mt940FileTest, ACancelledParseEndsCancelled) {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += ":20:X\n:25:A\n-\n";
  RecordingSink sink;
  const sdk::Status status = parse_mt940(text, ParserOptions{}, sink, [] { return true; });
  EXPECT_EQ(status.code(), sdk::Code::kCancelled);
}

}  // namespace
}  // namespace kontor::plugins::mt940
