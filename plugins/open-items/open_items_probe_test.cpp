#include "open_items_probe.hpp"

#include <gtest/gtest.h>

#include <string>

namespace kontor::plugins::open_items {
namespace {

int probe(std::string_view prefix, const ParserOptions& options = {}) {
  return probe_open_items(
      std::span(reinterpret_cast<const std::uint8_t*>(prefix.data()), prefix.size()), options);
}

TEST(Probe, ACsvHeaderWithEveryRequiredColumnIsOurs) {
  EXPECT_GE(probe("invoice_no;customer_no;customer_name;amount;due_date;iban\nRE-1;..."), 80);
  EXPECT_GE(probe("\xEF\xBB\xBF\"Invoice_No\";CUSTOMER_NO;customer_name;amount;due_date\r\n"), 80);
}

TEST(Probe, ACsvHeaderNamingInvoiceNoAndAmountIsProbablyOurs) {
  const int confidence = probe("invoice_no;amount;something\n");
  EXPECT_GE(confidence, 60);
  EXPECT_LT(confidence, 80);
  EXPECT_EQ(probe("invoice_no;customer_no\n"), 0);
}

TEST(Probe, TheHeaderMustUseTheConfiguredDelimiterAndNames) {
  EXPECT_EQ(probe("invoice_no,customer_no,customer_name,amount,due_date\n"), 0);
  ParserOptions comma;
  comma.delimiter = ',';
  EXPECT_GE(probe("invoice_no,customer_no,customer_name,amount,due_date\n", comma), 80);

  ParserOptions renamed;
  renamed.columns =
      *ColumnNames::with_renames({{"invoice_no", "Belegnummer"}, {"amount", "Betrag"}});
  EXPECT_GE(probe("Belegnummer;Betrag\n", renamed), 60);
  EXPECT_EQ(probe("invoice_no;amount\n", renamed), 0);
}

TEST(Probe, AWindows1252HeaderIsReadInItsEncoding) {
  ParserOptions options;
  options.encoding = TextEncoding::windows1252;
  options.columns = *ColumnNames::with_renames({{"invoice_no", "Belegnr"}, {"amount", "Betrag €"}});
  EXPECT_GE(probe("Belegnr;Betrag \x80\n", options), 60);
}

TEST(Probe, AJsonLinesFileWhoseFirstObjectHasInvoiceNoIsOurs) {
  EXPECT_GE(
      probe(
          R"({"invoice_no": "RE-1", "customer_no": "K", "customer_name": "M", "amount": 1, "due_date": "2026-03-31"})"
          "\n{"),
      80);
  EXPECT_GE(probe(R"({"invoice_no": "RE-1", "amount": 1})"), 60);
  // The prefix may end inside the first object.
  EXPECT_GE(probe(R"(  {"invoice_no": "RE-1", "customer_name": "Müller GmbH, a very lo)"), 60);
  EXPECT_EQ(probe(R"({"iban": "DE89", "amount": 1})"), 0);
}

TEST(Probe, AConfiguredFormatRulesOutTheOther) {
  ParserOptions csv;
  csv.format = InputFormat::csv;
  EXPECT_EQ(probe(R"({"invoice_no": "RE-1"})", csv), 0);
  ParserOptions json;
  json.format = InputFormat::json_lines;
  EXPECT_EQ(probe("invoice_no;amount\n", json), 0);
}

TEST(Probe, BankFilesXmlAndJunkAreNotOurs) {
  EXPECT_EQ(probe("<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022\">"), 0);
  EXPECT_EQ(probe(":20:STARTUMSE\r\n:25:10020030/1234567\r\n:28C:00001/001\r\n"), 0);
  EXPECT_EQ(probe("Buchungstag;Valuta;Auftraggeber;Verwendungszweck;Betrag\n"), 0);
  EXPECT_EQ(probe(std::string("\0\x01\x02\xFF\xFE", 5)), 0);
  EXPECT_EQ(probe(""), 0);
  EXPECT_EQ(probe("\"invoice_no;amount"), 0);  // a quote never closed
}

}  // namespace
}  // namespace kontor::plugins::open_items
