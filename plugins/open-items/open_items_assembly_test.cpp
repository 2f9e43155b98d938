#include "open_items_assembly.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_rows.hpp"

namespace kontor::plugins::open_items {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

Money eur(std::int64_t cents) {
  return Money(cents, Currency::eur());
}
Decimal rate(std::string_view text) {
  return *Decimal::parse(text);
}

class AssemblyTest : public ::testing::Test {
 protected:
  // Adds a row; "" when it was good, else its error.
  std::string add(const TestRow& row) {
    Status added = assembly_.add(row.read());
    return added ? "" : added.error().message;
  }
  OpenItemsFile finish() {
    assembly_.finish(bad_rows_);
    return assembly_.take();
  }

  OpenItemsAssembly assembly_;
  std::vector<BadRow> bad_rows_;
};

TEST_F(AssemblyTest, RepeatedInvoiceRowsWithOtherRatesAreTaxLinesOfOneInvoice) {
  EXPECT_EQ(add(TestRow().at(2).set(Field::amount, "119.00").set(Field::tax_rate, "19")), "");
  EXPECT_EQ(add(TestRow().at(3).set(Field::invoice_no, "RE-2").set(Field::tax_rate, "19")), "");
  EXPECT_EQ(add(TestRow().at(4).set(Field::amount, "10.70").set(Field::tax_rate, "7")), "");
  const OpenItemsFile file = finish();
  EXPECT_THAT(bad_rows_, IsEmpty());
  ASSERT_EQ(file.items.size(), 2u);
  const sdk::ImportedOpenItem& invoice = file.items[0];
  EXPECT_EQ(invoice.number, "RE-1");
  EXPECT_EQ(invoice.line, 2);
  EXPECT_EQ(invoice.gross, eur(12970));
  EXPECT_THAT(invoice.tax_lines,
              ElementsAre(sdk::ImportedTaxLine{rate("19"), eur(10000), eur(1900), eur(11900), 2},
                          sdk::ImportedTaxLine{rate("7"), eur(1000), eur(70), eur(1070), 4}));
  EXPECT_EQ(file.items[1].number, "RE-2");
}

TEST_F(AssemblyTest, TheNetIsComputedFromGrossAndRateWithCommercialRounding) {
  EXPECT_EQ(add(TestRow().set(Field::amount, "10.00").set(Field::tax_rate, "19")), "");
  const OpenItemsFile file = finish();
  EXPECT_THAT(file.items[0].tax_lines,
              ElementsAre(sdk::ImportedTaxLine{rate("19"), eur(840), eur(160), eur(1000), 7}));
}

TEST_F(AssemblyTest, TheNetAmountOfTheFileIsTakenAsWritten) {
  EXPECT_EQ(add(TestRow()
                    .set(Field::amount, "10.00")
                    .set(Field::tax_rate, "19")
                    .set(Field::net_amount, "8.41")),
            "");
  const OpenItemsFile file = finish();
  EXPECT_THAT(file.items[0].tax_lines,
              ElementsAre(sdk::ImportedTaxLine{rate("19"), eur(841), eur(159), eur(1000), 7}));
}

TEST_F(AssemblyTest, ANetLargerThanTheGrossOrOfTheOtherSignIsABadRow) {
  EXPECT_THAT(add(TestRow().set(Field::tax_rate, "19").set(Field::net_amount, "120.00")),
              HasSubstr("net_amount 120.00 EUR is more than the amount 119.00 EUR"));
  EXPECT_THAT(add(TestRow().set(Field::tax_rate, "19").set(Field::net_amount, "-100.00")),
              HasSubstr("have opposite signs"));
}

TEST_F(AssemblyTest, TheSameTaxRateTwiceIsABadRow) {
  EXPECT_EQ(add(TestRow().at(2).set(Field::tax_rate, "19")), "");
  EXPECT_EQ(add(TestRow().at(5).set(Field::tax_rate, "19.0")),
            "invoice_no 'RE-1' has tax_rate 19 already on line 2");
}

TEST_F(AssemblyTest, AnInvoiceRepeatedWithoutTaxRatesIsABadRow) {
  EXPECT_EQ(add(TestRow().at(2)), "");
  EXPECT_EQ(add(TestRow().at(3)),
            "invoice_no 'RE-1' already appears on line 2; rows of one "
            "invoice must each carry their own tax_rate");
  EXPECT_THAT(add(TestRow().at(4).set(Field::tax_rate, "7")),
              HasSubstr("already appears on line 2"));
}

TEST_F(AssemblyTest, RowsOfOneInvoiceWithAnotherCustomerDueDateTypeOrCurrencyAreBad) {
  EXPECT_EQ(add(TestRow().at(2).set(Field::tax_rate, "19")), "");
  EXPECT_EQ(add(TestRow().at(3).set(Field::tax_rate, "7").set(Field::customer_no, "K-2")),
            "invoice_no 'RE-1' is for customer 'K-1' on line 2 but for 'K-2' here");
  EXPECT_EQ(add(TestRow().at(4).set(Field::tax_rate, "7").set(Field::due_date, "2026-04-01")),
            "invoice_no 'RE-1' has another due_date than on line 2");
  EXPECT_EQ(add(TestRow().at(5).set(Field::tax_rate, "7").set(Field::document_type, "credit_note")),
            "invoice_no 'RE-1' has another document_type than on line 2");
  EXPECT_EQ(add(TestRow().at(6).set(Field::tax_rate, "7").set(Field::currency, "CHF")),
            "invoice_no 'RE-1' has another currency than on line 2");
}

TEST_F(AssemblyTest, CreditNotesWrittenPositiveAreNegatedWhole) {
  TestRow credit;
  credit.set(Field::invoice_no, "GS-1").set(Field::document_type, "credit_note");
  credit.set(Field::refers_to, "RE-1").set(Field::tax_rate, "19");
  EXPECT_EQ(add(credit), "");
  const OpenItemsFile file = finish();
  EXPECT_THAT(bad_rows_, IsEmpty());
  const sdk::ImportedOpenItem& item = file.items[0];
  EXPECT_EQ(item.type, OpenItemType::credit_note);
  EXPECT_EQ(item.refers_to, "RE-1");
  EXPECT_EQ(item.gross, eur(-11900));
  EXPECT_THAT(item.tax_lines, ElementsAre(sdk::ImportedTaxLine{rate("19"), eur(-10000), eur(-1900),
                                                               eur(-11900), 7}));
}

TEST_F(AssemblyTest, CreditNotesWrittenNegativeAreKeptAsWritten) {
  TestRow cancellation;
  cancellation.set(Field::document_type, "cancellation").set(Field::refers_to, "RE-0");
  cancellation.set(Field::amount, "-119.00").set(Field::tax_rate, "19");
  EXPECT_EQ(add(cancellation), "");
  const OpenItemsFile file = finish();
  EXPECT_EQ(file.items[0].gross, eur(-11900));
  EXPECT_EQ(file.items[0].tax_lines[0].tax, eur(-1900));
}

TEST_F(AssemblyTest, AnInvoiceTotallingLessThanZeroIsABadRowOnItsFirstLine) {
  EXPECT_EQ(add(TestRow().at(3).set(Field::amount, "-5.00")), "");
  finish();
  ASSERT_EQ(bad_rows_.size(), 1u);
  EXPECT_EQ(bad_rows_[0].line, 3);
  EXPECT_EQ(bad_rows_[0].reason,
            "invoice_no 'RE-1' totals -5.00 EUR; an amount owed to the customer is a credit_note");
}

TEST_F(AssemblyTest, ACustomerIsTakenOnceWithItsFirstRowsMasterData) {
  EXPECT_EQ(add(TestRow().at(2).set(Field::iban, "DE11")), "");
  EXPECT_EQ(add(TestRow().at(3).set(Field::invoice_no, "RE-2").set(Field::iban, "DE22")), "");
  EXPECT_EQ(add(TestRow().at(4).set(Field::invoice_no, "RE-3").set(Field::customer_no, "K-2")), "");
  const OpenItemsFile file = finish();
  ASSERT_EQ(file.customers.size(), 2u);
  EXPECT_EQ(file.customers[0].number, "K-1");
  EXPECT_EQ(file.customers[0].line, 2);
  EXPECT_THAT(file.customers[0].ibans, ElementsAre("DE11", "DE22"));
  EXPECT_THAT(file.customer_of_item, ElementsAre(0u, 0u, 1u));
  EXPECT_THAT(file.warnings, IsEmpty());
}

TEST_F(AssemblyTest, LaterRowsWithOtherMasterDataAreWarnedAboutOncePerCustomer) {
  EXPECT_EQ(add(TestRow().at(2).set(Field::city, "München")), "");
  EXPECT_EQ(add(TestRow()
                    .at(3)
                    .set(Field::invoice_no, "RE-2")
                    .set(Field::city, "Berlin")
                    .set(Field::customer_name, "Müller AG")),
            "");
  EXPECT_EQ(add(TestRow().at(4).set(Field::invoice_no, "RE-3").set(Field::city, "Köln")), "");
  const OpenItemsFile file = finish();
  EXPECT_EQ(file.customers[0].address.city, "München");
  EXPECT_EQ(file.customers[0].name, "Müller GmbH");
  ASSERT_EQ(file.warnings.size(), 1u);
  EXPECT_EQ(file.warnings[0].line, 3);
  EXPECT_EQ(file.warnings[0].message,
            "customer 'K-1': line 3 has another customer_name, city than line 2; the master "
            "data of line 2 is used");
}

}  // namespace
}  // namespace kontor::plugins::open_items
