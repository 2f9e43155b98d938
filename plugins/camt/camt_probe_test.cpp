#include "camt_probe.hpp"

#include <gtest/gtest.h>

#include <string_view>

namespace kontor::plugins::camt {
namespace {

int probe(std::string_view text) {
  return probe_camt(std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

TEST(CamtProbeTest, XmlNamingACamtNamespaceIsCamt) {
  EXPECT_EQ(probe("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:"
                  "tech:xsd:camt.053.001.02\">"),
            95);
  EXPECT_EQ(probe("<ns:Document xmlns:ns='urn:iso:std:iso:20022:tech:xsd:camt.054.001.08'>"), 95);
}

TEST(CamtProbeTest, ACamtMessageWithoutNamespaceIsCamtThatWillBeRefused) {
  EXPECT_EQ(probe("<?xml version=\"1.0\"?><Document><BkToCstmrAcctRpt>"), 60);
}

TEST(CamtProbeTest, OtherFilesAreNotCamt) {
  EXPECT_EQ(probe("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\">"), 0);
  EXPECT_EQ(probe(":20:STARTUMSE\r\n:25:10020030/1234567\r\n"), 0);
  EXPECT_EQ(probe("Buchungstag;Betrag\nurn:iso:std:iso:20022:tech:xsd:camt.053.001.02"), 0);
  EXPECT_EQ(probe(""), 0);
}

}  // namespace
}  // namespace kontor::plugins::camt
