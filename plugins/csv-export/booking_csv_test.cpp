// A batch as CSV text, row by row and cell by cell: the columns, amounts on their side, the
// customer on the debtor line, reversals, line ends and the byte order mark.
#include "booking_csv.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "csv_test_batch.hpp"

namespace kontor::plugins::csv_export {
namespace {

using test_support::batch_of;
using test_support::customer;
using test_support::invoice;
using test_support::payment;

const std::string kHeading =
    "batch;booking_id;date;document;text;reverses;facts;due_date;line;account;side;debit;credit;"
    "currency;tax_key;customer_number;customer_name\r\n";

TEST(BookingCsvTest, TheHeadingRowNamesEveryColumnInOrder) {
  const std::string text = booking_csv(batch_of("b-1", {invoice(7)}), CsvFormat{});
  EXPECT_TRUE(text.starts_with(kHeading)) << text;
  EXPECT_EQ(booking_csv_columns().size(), 17U);
}

TEST(BookingCsvTest, EachBookingLineIsOneRowWithItsAmountOnItsSide) {
  const std::string text = booking_csv(batch_of("b-1", {invoice(7)}), CsvFormat{});
  EXPECT_EQ(text, kHeading +
                      "b-1;7;2026-11-03;RE-2026-0001;Rechnung RE-2026-0001;;none;2026-11-17;1;"
                      "10001;debit;119.00;;EUR;;;\r\n"
                      "b-1;7;2026-11-03;RE-2026-0001;Rechnung RE-2026-0001;;none;2026-11-17;2;"
                      "8400;credit;;119.00;EUR;3;;\r\n");
}

TEST(BookingCsvTest, TheDebtorLineNamesTheCustomerWhenTheAccountHasExactlyOne) {
  const sdk::ExportBatch batch =
      batch_of("b-1", {payment(8)},
               {{.account = "10001", .customer = customer("K-10001", "Beispiel GmbH")},
                {.account = "10001", .customer = customer("K-10001", "Beispiel GmbH")}});
  const std::string text = booking_csv(batch, CsvFormat{});
  EXPECT_NE(text.find(";1;10001;credit;;119.00;EUR;;K-10001;Beispiel GmbH\r\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find(";2;1200;debit;119.00;;EUR;;;\r\n"), std::string::npos) << text;
}

TEST(BookingCsvTest, AnAccountSharedByTwoCustomersNamesNone) {
  const sdk::ExportBatch batch =
      batch_of("b-1", {payment(8)},
               {{.account = "10001", .customer = customer("K-1", "Erste GmbH")},
                {.account = "10001", .customer = customer("K-2", "Zweite GmbH")}});
  const std::string text = booking_csv(batch, CsvFormat{});
  EXPECT_NE(text.find(";1;10001;credit;;119.00;EUR;;;\r\n"), std::string::npos) << text;
  EXPECT_EQ(text.find("GmbH"), std::string::npos) << text;
}

TEST(BookingCsvTest, AReversalNamesTheBookingItReversesWithEveryLineTurned) {
  const Booking reversal = reversal_of(invoice(7), test_support::day(2026, 11, 5));
  const std::string text = booking_csv(batch_of("b-1", {reversal}), CsvFormat{});
  EXPECT_NE(text.find(";7;none;2026-11-17;1;10001;credit;;119.00;EUR;"), std::string::npos) << text;
  EXPECT_NE(text.find(";7;none;2026-11-17;2;8400;debit;119.00;;EUR;3;"), std::string::npos) << text;
}

TEST(BookingCsvTest, RowsEndWithTheConfiguredLineEndAndTheLastToo) {
  const CsvFormat lf{.delimiter = ';', .line_end = "\n", .byte_order_mark = false};
  const std::string text = booking_csv(batch_of("b-1", {invoice(7)}), lf);
  EXPECT_EQ(text.find('\r'), std::string::npos);
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 3);
  EXPECT_TRUE(text.ends_with("EUR;3;;\n"));
}

TEST(BookingCsvTest, TheByteOrderMarkIsWrittenOnlyWhenAskedFor) {
  const CsvFormat bom{.delimiter = ';', .line_end = "\r\n", .byte_order_mark = true};
  EXPECT_TRUE(booking_csv(batch_of("b-1", {invoice(7)}), bom)
                  .starts_with("\xEF\xBB\xBF"
                               "batch;"));
  EXPECT_TRUE(booking_csv(batch_of("b-1", {invoice(7)}), CsvFormat{}).starts_with("batch;"));
}

TEST(BookingCsvTest, WithACommaDelimiterTextsWithCommasAreQuotedAndAmountsNeedNoQuotes) {
  Booking booking = invoice(7);
  booking.text = "Rechnung, Teil 1";
  booking.lines = {test_support::line("10001", BookingSide::debit, 123456789),
                   test_support::line("8400", BookingSide::credit, 123456789)};
  const CsvFormat comma{.delimiter = ',', .line_end = "\r\n", .byte_order_mark = false};
  const std::string text = booking_csv(batch_of("b-1", {booking}), comma);
  EXPECT_NE(text.find(",\"Rechnung, Teil 1\","), std::string::npos) << text;
  EXPECT_NE(text.find(",debit,1234567.89,,EUR,"), std::string::npos) << text;
}

TEST(BookingCsvTest, FeesCarryTheirFactsAndDueDate) {
  Booking fee = invoice(9, "M-2026-0001");
  fee.facts = BookingFacts::dunning_fee;
  const std::string text = booking_csv(batch_of("b-1", {fee}), CsvFormat{});
  EXPECT_NE(text.find(";dunning_fee;2026-11-17;1;"), std::string::npos) << text;
}

}  // namespace
}  // namespace kontor::plugins::csv_export
