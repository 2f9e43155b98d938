// The whole-file rules of the open-items parser, through its core: what a file says reaches the
// sink only when every row of it is good.
#include "open_items_file.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "recording_sink.hpp"

namespace kontor::plugins::open_items {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::StartsWith;

Money eur(std::int64_t cents) {
  return Money(cents, Currency::eur());
}
Date day(int year, int month, int day_of_month) {
  return *Date::from_ymd(year, month, day_of_month);
}

const char* const kHeader = "invoice_no;customer_no;customer_name;amount;due_date\n";

class OpenItemsFileTest : public ::testing::Test {
 protected:
  // Parses and emits; the status of whichever failed first.
  sdk::Status parse(std::string_view content, const std::string& name = "export.csv") {
    OpenItemsFile file;
    sdk::Status read = parse_open_items(name, content, options_, file);
    if (!read) return read;
    return emit(file, sink_);
  }
  // The message of a file that must be refused; checks that nothing was emitted.
  std::string refusal(std::string_view content) {
    sdk::Status status = parse(content);
    EXPECT_FALSE(status) << "the file was accepted";
    EXPECT_EQ(status.code(), sdk::Code::kFailed);
    EXPECT_TRUE(sink_.empty()) << "something was emitted from a refused file";
    return status.message();
  }
  void expect_ok(std::string_view content) {
    sdk::Status status = parse(content);
    ASSERT_TRUE(status) << status.message();
  }

  ParserOptions options_;
  RecordingSink sink_;
};

TEST_F(OpenItemsFileTest, ReadsCustomersAndItemsInTheOrderTheyFirstAppear) {
  expect_ok(std::string(kHeader) +
            "RE-1;K-1;Müller GmbH;119.00;2026-03-31\n"
            "RE-2;K-2;Schmidt KG;50.00;2026-04-15\n"
            "RE-3;K-1;Müller GmbH;10.00;2026-04-30\n");
  EXPECT_THAT(sink_.order,
              ElementsAre("customer K-1", "item RE-1", "customer K-2", "item RE-2", "item RE-3"));
  EXPECT_EQ(sink_.items[1].gross, eur(5000));
  EXPECT_EQ(sink_.items[1].due_date, day(2026, 4, 15));
  EXPECT_EQ(sink_.items[2].line, 4);
  EXPECT_EQ(sink_.customers[1].name, "Schmidt KG");
}

TEST_F(OpenItemsFileTest, GermanErpExportWithGroupingCommaDecimalsAndGermanDates) {
  options_.notation = Notation::german();
  options_.date_format = DateFormat::german;
  expect_ok(
      "invoice_no;customer_no;customer_name;amount;due_date;tax_rate\n"
      "RE-1;K-1;Müller GmbH;\"1.234.567,89\";31.03.2026;19\n"
      "RE-2;K-1;Müller GmbH;0,50;1.4.2026;7,5\n");
  ASSERT_EQ(sink_.items.size(), 2u);
  EXPECT_EQ(sink_.items[0].gross, eur(123456789));
  EXPECT_EQ(sink_.items[0].due_date, day(2026, 3, 31));
  EXPECT_EQ(sink_.items[0].tax_lines[0].net, eur(103745201));  // 1,037,452.008…
}

TEST_F(OpenItemsFileTest, GermanNotationOnACommaDelimitedFileNeedsQuotedAmounts) {
  options_.notation = Notation::german();
  options_.delimiter = ',';
  expect_ok(
      "invoice_no,customer_no,customer_name,amount,due_date\n"
      "RE-1,K-1,\"Müller, Sohn & Co\",\"1.234,50\",2026-03-31\n");
  EXPECT_EQ(sink_.items[0].gross, eur(123450));
  EXPECT_EQ(sink_.customers[0].name, "Müller, Sohn & Co");
}

TEST_F(OpenItemsFileTest, Windows1252UmlautsAndTheEuroSignBecomeUtf8) {
  options_.encoding = TextEncoding::windows1252;
  expect_ok(
      "invoice_no;customer_no;customer_name;amount;due_date;street;city\r\n"
      "RE-1;K-1;M\xFCller \x80uro GmbH;1.00;2026-03-31;Stra\xDF"
      "e 1;K\xF6ln\r\n"
      "RE-2;K-2;\x8Akoda \x9Ei\x9E"
      "ek;2.00;2026-03-31;;\r\n");
  EXPECT_EQ(sink_.customers[0].name, "Müller €uro GmbH");
  EXPECT_EQ(sink_.customers[0].address.street, "Straße 1");
  EXPECT_EQ(sink_.customers[0].address.city, "Köln");
  EXPECT_EQ(sink_.customers[1].name, "Škoda žižek");
}

TEST_F(OpenItemsFileTest, AByteUndefinedInWindows1252IsABadRow) {
  options_.encoding = TextEncoding::windows1252;
  EXPECT_EQ(refusal(std::string(kHeader) + "RE-1;K-1;M\x81ller;1.00;2026-03-31\n"),
            "1 bad row in export.csv\n"
            "line 2: column 3 (customer_name): byte 0x81 at position 2 is not a Windows-1252 "
            "character");
}

TEST_F(OpenItemsFileTest, AUtf8ByteOrderMarkIsSkipped) {
  expect_ok("\xEF\xBB\xBF" + std::string(kHeader) + "RE-1;K-1;Müller;1.00;2026-03-31\n");
  EXPECT_EQ(sink_.items.size(), 1u);
}

TEST_F(OpenItemsFileTest, AByteOrderMarkOnAFileConfiguredAsWindows1252IsRefused) {
  options_.encoding = TextEncoding::windows1252;
  EXPECT_THAT(refusal("\xEF\xBB\xBF" + std::string(kHeader)),
              HasSubstr("starts with a UTF-8 byte order mark, but the configured encoding is "
                        "windows-1252"));
}

TEST_F(OpenItemsFileTest, InvalidUtf8IsABadRow) {
  EXPECT_EQ(refusal(std::string(kHeader) + "RE-1;K-1;M\xFCller;1.00;2026-03-31\n"),
            "1 bad row in export.csv\n"
            "line 2: column 3 (customer_name): invalid UTF-8: byte 0xFC at position 2 (if the "
            "ERP writes Windows-1252, configure encoding: windows-1252)");
}

TEST_F(OpenItemsFileTest, QuotedFieldsWithLineBreaksCountLinesWhereTheRecordStarts) {
  EXPECT_EQ(
      refusal("invoice_no;customer_no;customer_name;amount;due_date;street\r\n"
              "RE-1;K-1;\"Müller\r\nGmbH\";1.00;2026-03-31;\"Hof 2\r\nHinterhaus\r\n3. OG\"\r\n"
              "RE-2;K-2;Schmidt;x;2026-03-31;\r\n"
              "\"RE-3\";\"K-3\";\"Meier; \"\"Sohn\"\"\";3.00;2026-03-31;\r\n"
              "RE-4;K-4;Lehmann;4.00;2026-02-30;\r\n"),
      "2 bad rows in export.csv\n"
      "line 6: amount: amount 'x': expected a digit at position 1, found 'x'\n"
      "line 8: due_date: date '2026-02-30': day 30 does not exist: February 2026 has 28 "
      "days");
}

TEST_F(OpenItemsFileTest, QuotedFieldsKeepTheirLineBreaksAndQuotes) {
  expect_ok(std::string(kHeader) + "RE-1;K-1;\"Meier; \"\"Sohn\"\"\nAbt. 2\";1.00;2026-03-31\n");
  EXPECT_EQ(sink_.customers[0].name, "Meier; \"Sohn\"\nAbt. 2");
}

TEST_F(OpenItemsFileTest, TaxLinesOfOneInvoiceMayComeFromRowsFarApart) {
  expect_ok(
      "invoice_no;customer_no;customer_name;amount;due_date;tax_rate;net_amount\n"
      "RE-1;K-1;Müller;119.00;2026-03-31;19;100.00\n"
      "RE-2;K-2;Schmidt;50.00;2026-03-31;19;\n"
      "RE-3;K-1;Müller;10.00;2026-03-31;0;\n"
      "RE-1;K-1;Müller;10.70;2026-03-31;7;\n");
  ASSERT_EQ(sink_.items.size(), 3u);
  EXPECT_THAT(sink_.order,
              ElementsAre("customer K-1", "item RE-1", "customer K-2", "item RE-2", "item RE-3"));
  const sdk::ImportedOpenItem& invoice = sink_.items[0];
  EXPECT_EQ(invoice.gross, eur(12970));
  ASSERT_EQ(invoice.tax_lines.size(), 2u);
  EXPECT_EQ(invoice.tax_lines[0].net, eur(10000));
  EXPECT_EQ(invoice.tax_lines[1].line, 5);
  EXPECT_EQ(invoice.tax_lines[1].tax, eur(70));
  EXPECT_EQ(sink_.items[2].tax_lines[0].tax, eur(0));
}

TEST_F(OpenItemsFileTest, ACreditNoteRefersToItsInvoiceAndIsOwedToTheCustomer) {
  expect_ok(
      "invoice_no;customer_no;customer_name;amount;due_date;document_type;refers_to;tax_rate\n"
      "RE-1;K-1;Müller;119.00;2026-03-31;invoice;;19\n"
      "GS-1;K-1;Müller;23.80;2026-03-31;credit_note;RE-1;19\n"
      "ST-1;K-1;Müller;-119.00;2026-03-31;cancellation;RE-1;19\n");
  ASSERT_EQ(sink_.items.size(), 3u);
  EXPECT_EQ(sink_.items[1].type, OpenItemType::credit_note);
  EXPECT_EQ(sink_.items[1].refers_to, "RE-1");
  EXPECT_EQ(sink_.items[1].gross, eur(-2380));
  EXPECT_EQ(sink_.items[1].tax_lines[0].net, eur(-2000));
  EXPECT_EQ(sink_.items[2].type, OpenItemType::cancellation);
  EXPECT_EQ(sink_.items[2].gross, eur(-11900));
}

TEST_F(OpenItemsFileTest, EveryBadRowIsListedWithItsLineAndNothingIsEmitted) {
  const std::string message = refusal(
      "invoice_no;customer_no;customer_name;amount;due_date;currency;document_type;"
      "customer_type;delivery;due_date_agreed;tax_rate\n"
      "RE-1;K-1;Müller;119.00;2026-03-31;EUR;invoice;b2b;email;true;19\n"  // 2: good
      ";K-1;Müller;119.00;2026-03-31;EUR;;;;;\n"                           // 3
      "RE-3;K-1;Müller;1.234,00;2026-03-31;EUR;;;;;\n"                     // 4
      "RE-4;K-1;Müller;12.00;2026-03-31;EUX;;;;;\n"                        // 5
      "RE-5;K-1;Müller;12.00;30.02.2026;EUR;;;;;\n"                        // 6
      "RE-6;K-1;Müller;12.00;2026-03-31;EUR;;;\n"                          // 7
      "RE-7;K-1;Müller;12.00;2026-03-31;EUR;bill;;;;\n"                    // 8
      "RE-8;K-1;Müller;12.00;2026-03-31;EUR;;b2x;;;\n"                     // 9
      "RE-9;K-1;Müller;12.00;2026-03-31;EUR;;;pigeon;;\n"                  // 10
      "RE-10;K-1;Müller;12.00;2026-03-31;EUR;;;;maybe;\n"                  // 11
      "RE-11;K-1;Müller;12.00;2026-03-31;EUR;;;;;19%%\n"                   // 12
      "RE-1;K-1;Müller;19.00;2026-03-31;EUR;invoice;b2b;email;true;19\n"   // 13
      "RE-13;K-1;;;;EUR;;;;;\n");                                          // 14
  EXPECT_EQ(message,
            "12 bad rows in export.csv\n"
            "line 3: invoice_no is missing\n"
            "line 4: amount: amount '1.234,00': EUR has 2 decimal places; digit '4' at position 5 "
            "is beyond them and not zero\n"
            "line 5: currency: 'EUX' is not an active ISO 4217 currency code\n"
            "line 6: due_date: date '30.02.2026': expected a digit at position 3 (YYYY-MM-DD), "
            "found '.'\n"
            "line 7: expected 11 columns as in the header, found 9\n"
            "line 8: document_type: unknown document type 'bill'; expected one of invoice, "
            "credit_note, cancellation\n"
            "line 9: customer_type: unknown customer type 'b2x'; expected one of b2c, b2b\n"
            "line 10: delivery: unknown delivery 'pigeon'; expected one of email, letter\n"
            "line 11: due_date_agreed: 'maybe' is not true or false\n"
            "line 12: tax_rate: rate '19%': expected a digit or the decimal separator '.' at "
            "position 3, found '%'\n"
            "line 13: invoice_no 'RE-1' has tax_rate 19 already on line 2\n"
            "line 14: customer_name is missing; amount is missing; due_date is missing");
}

TEST_F(OpenItemsFileTest, TheListOfBadRowsStopsAtAHundred) {
  std::string content = kHeader;
  for (int i = 0; i < 150; ++i) content += "RE-" + std::to_string(i) + ";K-1;Müller;x;2026-03-31\n";
  const std::string message = refusal(content);
  EXPECT_THAT(message, StartsWith("150 bad rows in export.csv\nline 2: amount"));
  EXPECT_THAT(message, HasSubstr("\nline 101: amount"));
  EXPECT_THAT(message, testing::EndsWith("\nline 101: amount: amount 'x': expected a digit at "
                                         "position 1, found 'x'\n... and 50 more"));
}

TEST_F(OpenItemsFileTest, ANegativeInvoiceIsABadRowBesideTheOthersInLineOrder) {
  EXPECT_EQ(refusal(std::string(kHeader) + "RE-1;K-1;Müller;-5.00;2026-03-31\n"
                                           "RE-2;K-1;Müller;;2026-03-31\n"),
            "2 bad rows in export.csv\n"
            "line 2: invoice_no 'RE-1' totals -5.00 EUR; an amount owed to the customer is a "
            "credit_note\n"
            "line 3: amount is missing");
}

TEST_F(OpenItemsFileTest, ControlCharactersInAMessageAreEscaped) {
  EXPECT_EQ(refusal(std::string(kHeader) + "RE-1;K-1;Müller;\"1\n2\";2026-03-31\n"),
            "1 bad row in export.csv\n"
            "line 2: amount: amount '1\\n2': expected a digit or the decimal separator '.' at "
            "position 2, found '\\n'");
}

TEST_F(OpenItemsFileTest, RefusalsStayValidUtf8WhateverTheFileHeld) {
  // Found by fuzzing: Windows-1252 0x83 is U+0192 (two bytes in UTF-8), and the JSON parser's
  // "last read" quoted only the first of them.
  options_.encoding = TextEncoding::windows1252;
  const std::string message =
      refusal("{\"invoice_no\": \"RE-1\", \"customer_no\": \x83\x83\"K-1\"}\n");
  EXPECT_EQ(message,
            "1 bad row in export.csv\nline 1: not valid JSON at byte 39: syntax error while "
            "parsing value - invalid literal; last read: '\"customer_no\": \\xC6'");
}

TEST_F(OpenItemsFileTest, UnknownColumnsAreIgnoredWithOneWarning) {
  expect_ok(
      "invoice_no;Kostenstelle;customer_no;customer_name;amount;due_date;Bemerkung;\n"
      "RE-1;4711;K-1;Müller;1.00;2026-03-31;bitte prüfen;\n"
      "RE-2;4712;K-1;Müller;2.00;2026-03-31;;\n");
  EXPECT_THAT(sink_.warnings,
              ElementsAre("line 1: ignoring unknown columns: Kostenstelle, Bemerkung"));
  EXPECT_EQ(sink_.order.front(), "warning");
  EXPECT_EQ(sink_.items.size(), 2u);
}

TEST_F(OpenItemsFileTest, AMissingRequiredColumnRefusesTheFile) {
  EXPECT_EQ(refusal("invoice_no;customer_no;amount\nRE-1;K-1;1.00\n"),
            "export.csv: line 1: the header has no column for customer_name, due_date (its "
            "columns: invoice_no, customer_no, amount; map other names with the columns option)");
}

TEST_F(OpenItemsFileTest, AColumnTwiceRefusesTheFile) {
  EXPECT_THAT(refusal("invoice_no;customer_no;customer_name;amount;due_date;Amount\n"),
              HasSubstr("line 1: columns 4 and 6 both hold amount"));
}

TEST_F(OpenItemsFileTest, ColumnsOfAnotherErpAreFoundThroughTheMapping) {
  options_.columns = *ColumnNames::with_renames({{"invoice_no", "Belegnummer"},
                                                 {"customer_no", "Debitor"},
                                                 {"customer_name", "Name"},
                                                 {"amount", "Betrag"},
                                                 {"due_date", "Fällig"},
                                                 {"tax_rate", "USt-Satz"}});
  options_.notation = Notation::german();
  options_.date_format = DateFormat::german;
  expect_ok(
      "BELEGNUMMER;Debitor;Name;Betrag;Fällig;USt-Satz\n"
      "2026-0001;10001;Müller GmbH;1.190,00;31.03.2026;19\n");
  ASSERT_EQ(sink_.items.size(), 1u);
  EXPECT_EQ(sink_.items[0].number, "2026-0001");
  EXPECT_EQ(sink_.items[0].customer_number, "10001");
  EXPECT_EQ(sink_.items[0].gross, eur(119000));
  EXPECT_EQ(sink_.items[0].tax_lines[0].net, eur(100000));
}

TEST_F(OpenItemsFileTest, BlankLinesAndLinesOfDelimitersAreSkipped) {
  expect_ok("\n" + std::string(kHeader) + "\nRE-1;K-1;Müller;1.00;2026-03-31\n;;;;\n\n");
  EXPECT_EQ(sink_.items.size(), 1u);
  EXPECT_EQ(sink_.items[0].line, 4);
}

TEST_F(OpenItemsFileTest, AnEmptyFileIsRefusedAndAHeaderAloneHasNoItems) {
  EXPECT_THAT(refusal(""), HasSubstr("export.csv: the file is empty"));
  EXPECT_THAT(refusal("\xEF\xBB\xBF\r\n"), HasSubstr("the file is empty"));
  expect_ok(kHeader);
  EXPECT_TRUE(sink_.empty());
}

TEST_F(OpenItemsFileTest, JsonLinesUseTheFieldNamesAsKeys) {
  expect_ok(
      R"({"invoice_no": "RE-1", "customer_no": "K-1", "customer_name": "Müller", "amount": 119.00, "due_date": "2026-03-31", "tax_rate": 19})"
      "\n"
      R"({"invoice_no": "RE-1", "customer_no": "K-1", "customer_name": "Müller", "amount": "10.70", "due_date": "2026-03-31", "tax_rate": 7, "email": null})"
      "\r\n\n"
      R"({"invoice_no": 4711, "customer_no": 2, "customer_name": "Schmidt", "amount": 5, "due_date": "2026-04-01", "due_date_agreed": true})"
      "\n");
  ASSERT_EQ(sink_.items.size(), 2u);
  EXPECT_EQ(sink_.items[0].gross, eur(12970));
  EXPECT_EQ(sink_.items[0].tax_lines.size(), 2u);
  EXPECT_EQ(sink_.items[1].number, "4711");
  EXPECT_EQ(sink_.items[1].gross, eur(500));
  EXPECT_EQ(sink_.items[1].line, 4);
  EXPECT_TRUE(sink_.items[1].due_date_agreed);
}

TEST_F(OpenItemsFileTest, JsonNumbersIgnoreTheConfiguredNotationStringsFollowIt) {
  options_.notation = Notation::german();
  expect_ok(
      R"({"invoice_no": "RE-1", "customer_no": "K-1", "customer_name": "M", "amount": 1234.5, "due_date": "2026-03-31"})"
      "\n"
      R"({"invoice_no": "RE-2", "customer_no": "K-1", "customer_name": "M", "amount": "1.234,50", "due_date": "2026-03-31"})");
  EXPECT_EQ(sink_.items[0].gross, eur(123450));
  EXPECT_EQ(sink_.items[1].gross, eur(123450));
}

TEST_F(OpenItemsFileTest, BadJsonLinesAreBadRowsWithTheirLines) {
  EXPECT_EQ(
      refusal(
          R"({"invoice_no": "RE-1", "customer_no": "K-1", "customer_name": "M", "amount": 1, "due_date": "2026-03-31"})"
          "\n"
          R"({"invoice_no": "RE-2", "customer_no": "K-1", "customer_name": "M", "amount": 1e3, "due_date": "2026-03-31"})"
          "\n"
          R"({"invoice_no": "RE-3", "customer_no": "K-1",)"
          "\n"
          R"({"invoice_no": "RE-4", "customer_no": "K-1", "customer_name": "M", "amount": 1, "due_date": "2026-03-31", "Invoice_No": "X"})"
          "\n"
          R"({"invoice_no": ["RE-5"]})"
          "\n"),
      "4 bad rows in export.csv\n"
      "line 2: amount: amount '1e3': expected a digit or the decimal separator '.' at position 2, "
      "found 'e'\n"
      "line 3: not valid JSON at byte 45: syntax error while parsing object key - unexpected "
      "end of input; expected string literal\n"
      "line 4: two keys hold invoice_no\n"
      "line 5: member 'invoice_no' holds an array; values must be plain");
}

TEST_F(OpenItemsFileTest, UnknownJsonKeysAreIgnoredWithOneWarning) {
  expect_ok(
      R"({"invoice_no": "RE-1", "customer_no": "K-1", "customer_name": "M", "amount": 1, "due_date": "2026-03-31", "cost_centre": 4})"
      "\n"
      R"({"invoice_no": "RE-2", "customer_no": "K-1", "customer_name": "M", "amount": 1, "due_date": "2026-03-31", "note": "x", "cost_centre": 5})");
  EXPECT_THAT(sink_.warnings, ElementsAre("line 1: ignoring unknown keys: cost_centre, note"));
}

TEST_F(OpenItemsFileTest, TheFormatIsDetectedFromTheFirstCharacterUnlessConfigured) {
  const std::string json =
      R"({"invoice_no": "RE-1", "customer_no": "K-1", "customer_name": "M", "amount": 1, "due_date": "2026-03-31"})";
  expect_ok("\xEF\xBB\xBF  \n" + json);
  EXPECT_EQ(sink_.items.size(), 1u);
  sink_ = RecordingSink{};
  options_.format = InputFormat::csv;
  EXPECT_THAT(refusal(json), HasSubstr("the header has no column for"));
}

TEST_F(OpenItemsFileTest, EachCustomerPrecedesItsFirstItemAndComesOnce) {
  expect_ok(std::string(kHeader) +
            "RE-1;K-2;Schmidt;1.00;2026-03-31\n"
            "RE-2;K-1;Müller;1.00;2026-03-31\n"
            "RE-3;K-2;Schmidt;1.00;2026-03-31\n");
  EXPECT_THAT(sink_.order,
              ElementsAre("customer K-2", "item RE-1", "customer K-1", "item RE-2", "item RE-3"));
}

TEST_F(OpenItemsFileTest, ASinkThatRefusesStopsTheEmission) {
  struct Refusing : RecordingSink {
    sdk::Status open_item(const sdk::ImportedOpenItem& /*unused*/) override {
      return sdk::Status::internal("store is full");
    }
  } refusing;
  OpenItemsFile file;
  ASSERT_TRUE(parse_open_items("x.csv",
                               std::string(kHeader) + "RE-1;K-1;M;1;2026-03-31\n"
                                                      "RE-2;K-1;M;1;2026-03-31\n",
                               options_, file));
  sdk::Status sent = emit(file, refusing);
  EXPECT_EQ(sent.code(), sdk::Code::kInternal);
  EXPECT_EQ(refusing.customers.size(), 1u);
}

TEST_F(OpenItemsFileTest, ACancelledRunStopsReading) {
  std::string content = kHeader;
  for (int i = 0; i < 10000; ++i) content += "RE-" + std::to_string(i) + ";K-1;M;1.00;2026-03-31\n";
  OpenItemsFile file;
  int asked = 0;
  sdk::Status read =
      parse_open_items("big.csv", content, options_, file, [&] { return ++asked == 2; });
  EXPECT_EQ(read.code(), sdk::Code::kCancelled);
  EXPECT_EQ(asked, 2);
  EXPECT_TRUE(file.items.empty());
}

TEST(DescribeBadRows, SortsByLineAndJoinsProblemsOfOneLine) {
  EXPECT_EQ(describe_bad_rows("f.csv", {{5, "b"}, {2, "a"}, {5, "c"}}),
            "2 bad rows in f.csv\nline 2: a\nline 5: b; c");
  EXPECT_EQ(describe_bad_rows("f.csv", {{1, "a"}, {2, "b"}, {3, "c"}}, 2),
            "3 bad rows in f.csv\nline 1: a\nline 2: b\n... and 1 more");
}

}  // namespace
}  // namespace kontor::plugins::open_items
