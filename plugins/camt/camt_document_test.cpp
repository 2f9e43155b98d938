#include "camt_document.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "testing_support.hpp"

namespace kontor::plugins::camt {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

struct Walk {
  std::vector<std::string> parts;  // "begin Stmt@2:1", "child Ntry@3:1", "end", "header"
  std::string error;
  std::vector<FrameWarning> warnings;
  std::string dialect;
};

Walk walk(const std::string& xml, std::size_t piece = 5, std::uint64_t max_size = 1 << 20) {
  testing::StringReader reader(xml, piece);
  ByteWindow window(reader, max_size, 16);
  CamtDocument document(window);
  Walk out;
  while (true) {
    Result<CamtPart> part = document.next();
    for (FrameWarning& w : document.take_warnings()) out.warnings.push_back(w);
    if (!part) {
      out.error = part.error().message;
      return out;
    }
    const std::string at = "@" + part->position.text();
    switch (part->kind) {
      case CamtPart::Kind::group_header:
        out.parts.push_back("header " + std::string(part->text));
        break;
      case CamtPart::Kind::statement_begin:
        out.parts.push_back("begin " + std::string(part->local_name) + at);
        out.dialect = document.message().dialect;
        break;
      case CamtPart::Kind::statement_child:
        out.parts.push_back("child " + std::string(part->text) + at);
        break;
      case CamtPart::Kind::statement_end:
        out.parts.push_back("end");
        break;
      case CamtPart::Kind::end_of_document:
        return out;
    }
  }
}

const std::string kStatement =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">\n"
    "<BkToCstmrStmt><GrpHdr><MsgId>1</MsgId></GrpHdr>\n"
    "<Stmt>\n"
    "  <Id>S</Id>\n"
    "  <Ntry><Amt Ccy=\"EUR\">1.00</Amt></Ntry>\n"
    "</Stmt>\n"
    "</BkToCstmrStmt>\n"
    "</Document>\n";

TEST(CamtDocumentTest, HandsOnTheStatementsChildrenOneByOneWithTheirPlace) {
  for (std::size_t piece : {1, 5, 4096}) {
    const Walk w = walk(kStatement, piece);
    EXPECT_EQ(w.error, "");
    EXPECT_THAT(w.parts, ElementsAre("header <GrpHdr><MsgId>1</MsgId></GrpHdr>", "begin Stmt@4:1",
                                     "child <Id>S</Id>@5:3",
                                     "child <Ntry><Amt Ccy=\"EUR\">1.00</Amt></Ntry>@6:3", "end"));
    EXPECT_EQ(w.dialect, "camt.053.001.02");
  }
}

TEST(CamtDocumentTest, LinesEndingInCrOnlyCountToo) {
  std::string cr = kStatement;
  for (char& c : cr) c = c == '\n' ? '\r' : c;
  EXPECT_THAT(walk(cr).parts, ::testing::Contains("child <Id>S</Id>@5:3"));
}

TEST(CamtDocumentTest, PrefixesByteOrderMarkAndV01NamesAreReadAlike) {
  const Walk w = walk(
      "\xEF\xBB\xBF<n:Document xmlns:n='urn:iso:std:iso:20022:tech:xsd:camt.052.001.01'>"
      "<n:BkToCstmrAcctRptV01><n:Rpt><n:Id>R</n:Id></n:Rpt></n:BkToCstmrAcctRptV01>"
      "</n:Document>");
  EXPECT_EQ(w.error, "");
  EXPECT_THAT(w.parts, ElementsAre("begin Rpt@1:93", "child <n:Id>R</n:Id>@1:100", "end"));
  EXPECT_EQ(w.dialect, "camt.052.001.01");
}

TEST(CamtDocumentTest, TheMessageElementMayBeTheRoot) {
  const Walk w = walk(
      "<BkToCstmrDbtCdtNtfctn xmlns='urn:iso:std:iso:20022:tech:xsd:camt.054.001.04'>"
      "<Ntfctn/></BkToCstmrDbtCdtNtfctn>");
  EXPECT_EQ(w.error, "");
  EXPECT_THAT(w.parts, ElementsAre(StartsWith("begin Ntfctn"), "end"));
}

TEST(CamtDocumentTest, ADocumentWithoutAVersionedCamtNamespaceIsRefused) {
  EXPECT_EQ(walk("<Document>\n  <BkToCstmrAcctRpt>\n  </BkToCstmrAcctRpt>\n</Document>").error,
            "2:3: no camt namespace: <BkToCstmrAcctRpt> has no xmlns, so its version is unknown "
            "(expected xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.052.001.nn\")");
  EXPECT_THAT(walk("<Document xmlns='urn:iso:std:iso:20022:tech:xsd:camt'><BkToCstmrStmt>").error,
              HasSubstr("names no camt message and version"));
  EXPECT_THAT(
      walk("<Document xmlns='urn:iso:std:iso:20022:tech:xsd:camt.052.001.02'><BkToCstmrStmt>")
          .error,
      HasSubstr("1:66: <BkToCstmrStmt> is a camt.053 message, but its namespace says "
                "camt.052.001.02"));
  EXPECT_THAT(walk("<Document xmlns='urn:iso:std:iso:20022:tech:xsd:pain.001.001.03'>"
                   "<CstmrCdtTrfInitn>")
                  .error,
              HasSubstr("<CstmrCdtTrfInitn> is not a camt message element"));
}

TEST(CamtDocumentTest, AStatementMessageWithoutStatementsIsRefused) {
  EXPECT_EQ(walk("<Document xmlns='urn:iso:std:iso:20022:tech:xsd:camt.053.001.02'>\n"
                 "<BkToCstmrStmt><GrpHdr/>\n</BkToCstmrStmt></Document>")
                .error,
            "3:1: <BkToCstmrStmt> holds no Stmt: nothing to read");
}

TEST(CamtDocumentTest, DoctypeIsRefusedBeforeAnythingIsExpanded) {
  EXPECT_EQ(
      walk("<?xml version='1.0'?>\n<!DOCTYPE Document [<!ENTITY a 'aaaa'>]>\n<Document/>").error,
      "2:1: <!DOCTYPE refused: camt files have none, and a DTD can define entities that "
      "expand without bound");
}

TEST(CamtDocumentTest, ATruncatedDocumentSaysWhereTheOpenElementBegan) {
  const std::string cut = kStatement.substr(0, kStatement.find("1.00"));
  EXPECT_EQ(walk(cut).error, "6:3: <Ntry> is not closed: the document ends inside it (truncated?)");
  EXPECT_THAT(walk(kStatement.substr(0, kStatement.find("</BkToCstmrStmt>"))).error,
              HasSubstr("the document ends before its elements are closed"));
}

TEST(CamtDocumentTest, TagsMustCloseInOrder) {
  std::string wrong = kStatement;
  wrong.replace(wrong.find("</Stmt>"), 7, "</Rpt>");
  EXPECT_EQ(walk(wrong).error, "7:1: </Rpt> where </Stmt> was expected");
}

TEST(CamtDocumentTest, ControlBytesAfterTheDocumentAreAWarningOtherTextAnError) {
  const Walk sub = walk(kStatement + "\x1A");
  EXPECT_EQ(sub.error, "");
  ASSERT_EQ(sub.warnings.size(), 1u);
  EXPECT_EQ(sub.warnings[0].code, "trailing_data");
  EXPECT_EQ(sub.warnings[0].line, 10);
  EXPECT_EQ(walk(kStatement + "\x1A").error, "");
  EXPECT_EQ(walk(kStatement + "junk").error, "10:1: text after the end of the camt document");
  EXPECT_EQ(walk(kStatement + "<Document/>").error,
            "10:1: content after the end of the camt document");
}

TEST(CamtDocumentTest, WhatIsNotXmlOrNotUtf8IsRefused) {
  EXPECT_EQ(walk("").error, "empty document: not a camt file");
  EXPECT_EQ(walk(":20:STARTUMSE\n").error, "1:1: not XML: text before the first element");
  EXPECT_EQ(walk("\xFF\xFE<\0D\0").error, "1:1: UTF-16 is not supported: camt files are UTF-8");
  EXPECT_THAT(walk("<?xml version='1.0' encoding='EBCDIC'?><Document/>").error,
              HasSubstr("encoding 'EBCDIC' is not supported"));
  EXPECT_THAT(walk("<Root/>").error, HasSubstr("the root element is <Root>, not <Document>"));
}

TEST(CamtDocumentTest, AFileLargerThanMaxFileSizeIsRefused) {
  EXPECT_THAT(walk(kStatement, 5, 100).error,
              HasSubstr("statement.xml is larger than max_file_size (100 bytes)"));
}

}  // namespace
}  // namespace kontor::plugins::camt
