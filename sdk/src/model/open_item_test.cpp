#include "kontor/model/open_item.hpp"

#include <gtest/gtest.h>

namespace kontor {
namespace {

Money eur(std::int64_t cents) {
  return Money(cents, Currency::eur());
}

OpenItem invoice() {
  OpenItem item;
  item.number = "RE-2026-0012";
  item.customer_number = "K-1001";
  item.due_date = *Date::parse_iso("2026-12-15");
  item.gross = eur(12700);
  item.tax_lines = {{Decimal::from_integer(19), eur(10000), eur(1900), eur(11900)},
                    {Decimal::from_integer(7), eur(748), eur(52), eur(800)}};
  return item;
}

void expect_rejected(const OpenItem& item, std::string_view words) {
  Status status = check(item);
  ASSERT_FALSE(status);
  EXPECT_NE(status.error().message.find(words), std::string::npos) << status.error().message;
}

TEST(OpenItem, InvoiceWithTaxLinesPasses) {
  EXPECT_TRUE(check(invoice()));
}

TEST(OpenItemRejects, TaxLinesThatDoNotAddUp) {
  OpenItem item = invoice();
  item.tax_lines[1].tax = eur(51);
  expect_rejected(item, "tax line 2 (7 %): net 7.48 EUR + tax 0.51 EUR is not the gross");
  item = invoice();
  item.gross = eur(12701);
  expect_rejected(item, "the tax lines add up to 127.00 EUR");
  item = invoice();
  item.tax_lines[0].gross = Money(11900, *Currency::from_code("USD"));
  expect_rejected(item, "different currencies");
}

TEST(OpenItemRejects, SignThatDoesNotFitTheType) {
  OpenItem credit = invoice();
  credit.type = OpenItemType::credit_note;
  credit.tax_lines.clear();
  expect_rejected(credit, "(credit_note) cannot have a positive amount");
  credit.gross = eur(-12700);
  EXPECT_TRUE(check(credit));
  OpenItem negative_invoice = invoice();
  negative_invoice.tax_lines.clear();
  negative_invoice.gross = eur(-1);
  expect_rejected(negative_invoice, "(invoice) cannot have a negative amount");
}

TEST(OpenItemRejects, FeeWithoutTheItemItIsAbout) {
  OpenItem fee = invoice();
  fee.type = OpenItemType::fee;
  fee.tax_lines.clear();
  fee.gross = eur(4000);
  expect_rejected(fee, "must name the item it refers to");
  fee.refers_to = "RE-2026-0012";
  EXPECT_TRUE(check(fee));
}

TEST(OpenItemRejects, MissingNumberOrCustomer) {
  OpenItem item = invoice();
  item.customer_number.clear();
  expect_rejected(item, "names no customer");
  item = invoice();
  item.number.clear();
  expect_rejected(item, "without a number");
}

TEST(OpenItem, TypeNamesAreTheErpNames) {
  EXPECT_EQ(to_string(OpenItemType::credit_note), "credit_note");
  EXPECT_EQ(*parse_open_item_type("cancellation"), OpenItemType::cancellation);
  EXPECT_FALSE(parse_open_item_type("Invoice"));
}

}  // namespace
}  // namespace kontor
