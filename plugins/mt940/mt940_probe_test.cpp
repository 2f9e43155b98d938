#include "mt940_probe.hpp"

#include <gtest/gtest.h>

#include <string_view>

namespace kontor::plugins::mt940 {
namespace {

int probe(std::string_view text) {
  return probe_mt940(std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

TEST(Mt940ProbeTest, AStatementIsRecognisedBehindEnvelopeAndPreamble) {
  EXPECT_GE(probe(":20:STARTUMSE\r\n:25:12345678/1234\r\n:28C:00000/001\r\n"), 90);
  EXPECT_GE(probe("\x01{1:F01X}{2:O940X}{4:\n:20:A\n:25:B\n"), 90);
  EXPECT_GE(probe("ABNANL2A\n940\nABNANL2A\n:20:ABN AMRO BANK NV\n:25:517852257\n"), 90);
  EXPECT_GE(probe("\xEF\xBB\xBF:940:\n:20:940S130403\n:25:NL50RABO0123456789\n"), 90);
}

TEST(Mt940ProbeTest, AReferenceAloneOrASnippetIsLessCertain) {
  EXPECT_EQ(probe(":20:STARTUMSE\r\n"), 60);
  EXPECT_EQ(probe(":61:110701CN50,00NZ10NONREF\r\n:86:166\r\n"), 40);
}

TEST(Mt940ProbeTest, OtherFormatsAreNotMt940) {
  EXPECT_EQ(probe("<?xml version=\"1.0\"?>\n<Document xmlns=\"urn:iso:std:iso:20022\">"), 0);
  EXPECT_EQ(probe("Buchungstag;Valuta;Betrag\n01.02.2026;01.02.2026;-1,00\n"), 0);
  EXPECT_EQ(probe("invoice_no;customer_no\n"), 0);
  EXPECT_EQ(probe(""), 0);
}

TEST(Mt940ProbeTest, ATagFarDownIsNotEnough) {
  std::string text;
  for (int i = 0; i < 60; ++i) text += "some text\n";
  EXPECT_EQ(probe(text + ":20:X\n:25:Y\n"), 0);
}

}  // namespace
}  // namespace kontor::plugins::mt940
