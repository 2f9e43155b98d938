#include "camt_message.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kontor::plugins::camt {
namespace {

using ::testing::HasSubstr;

TEST(CamtMessageTest, TheNamespaceNamesMessageAndVersion) {
  Result<CamtMessage> report =
      message_of_namespace("urn:iso:std:iso:20022:tech:xsd:camt.052.001.08");
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->kind, StatementKind::intraday);
  EXPECT_EQ(report->dialect, "camt.052.001.08");
  EXPECT_EQ(report->record, "Rpt");
  EXPECT_EQ(message_of_namespace("urn:iso:std:iso:20022:tech:xsd:camt.053.001.02")->record, "Stmt");
  EXPECT_EQ(message_of_namespace("urn:iso:std:iso:20022:tech:xsd:camt.054.001.04")->kind,
            StatementKind::notification);
}

TEST(CamtMessageTest, ANamespaceWithoutVersionOrOfAnotherMessageIsRefused) {
  EXPECT_THAT(message_of_namespace("urn:iso:std:iso:20022:tech:xsd:camt").error().message,
              HasSubstr("names no camt message and version"));
  EXPECT_THAT(
      message_of_namespace("urn:iso:std:iso:20022:tech:xsd:camt.056.001.01").error().message,
      HasSubstr("not a bank-to-customer report"));
  EXPECT_THAT(
      message_of_namespace("urn:iso:std:iso:20022:tech:xsd:pain.001.001.03").error().message,
      HasSubstr("names no camt message"));
  EXPECT_THAT(message_of_namespace("http://example.com/camt.053").error().message,
              HasSubstr("not an ISO 20022 namespace"));
}

TEST(CamtMessageTest, MessageElementsOfEveryVersionAreKnown) {
  EXPECT_EQ(message_number_of_element("BkToCstmrStmt"), 53);
  EXPECT_EQ(message_number_of_element("BkToCstmrAcctRptV01"), 52);
  EXPECT_EQ(message_number_of_element("BkToCstmrDbtCdtNtfctn"), 54);
  EXPECT_EQ(message_number_of_element("CstmrCdtTrfInitn"), std::nullopt);
}

}  // namespace
}  // namespace kontor::plugins::camt
