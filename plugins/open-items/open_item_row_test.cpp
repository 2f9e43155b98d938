#include "open_item_row.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_rows.hpp"

namespace kontor::plugins::open_items {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

Money eur(std::int64_t cents) {
  return Money(cents, Currency::eur());
}
Decimal decimal(std::string_view text) {
  return *Decimal::parse(text);
}

std::string problems_of(const TestRow& row, const ParserOptions& options = {}) {
  Result<OpenItemRow> read = read_row(row.text(), options);
  return read ? "" : read.error().message;
}

ParserOptions german() {
  ParserOptions options;
  options.notation = Notation::german();
  options.date_format = DateFormat::german;
  return options;
}

TEST(OpenItemRow, ReadsTheCustomerAndTheItemOfARow) {
  TestRow row;
  row.set(Field::issue_date, "2026-03-01")
      .set(Field::email, "buchhaltung@mueller.example")
      .set(Field::street, "Hauptstraße 5")
      .set(Field::postcode, "80331")
      .set(Field::city, "München")
      .set(Field::country, "DE")
      .set(Field::iban, " DE89 3704 0044 0532 0130 00 ")
      .set(Field::rf_reference, "RF18 5390 0754 7034")
      .set(Field::customer_type, "B2B")
      .set(Field::language, "de")
      .set(Field::delivery, "letter")
      .set(Field::vat_id, "DE123456789")
      .set(Field::debtor_account, "10001")
      .set(Field::document, "pdf/RE-1.pdf")
      .set(Field::due_date_agreed, "true")
      .set(Field::dunning_notice_on_invoice, "TRUE")
      .set(Field::dunning_block_until, "2026-04-15");
  const OpenItemRow read = row.read();
  EXPECT_EQ(read.customer.number, "K-1");
  EXPECT_EQ(read.customer.name, "Müller GmbH");
  EXPECT_EQ(read.customer.address.city, "München");
  EXPECT_THAT(read.customer.ibans, ElementsAre("DE89 3704 0044 0532 0130 00"));  // as written
  EXPECT_EQ(read.customer.kind, CustomerKind::business);
  EXPECT_EQ(read.customer.delivery, Delivery::letter);
  EXPECT_EQ(read.customer.line, 7);
  EXPECT_EQ(read.item.number, "RE-1");
  EXPECT_EQ(read.item.customer_number, "K-1");
  EXPECT_EQ(read.item.type, OpenItemType::invoice);
  EXPECT_EQ(read.item.gross, eur(11900));
  EXPECT_EQ(read.item.issue_date, *Date::from_ymd(2026, 3, 1));
  EXPECT_EQ(read.item.due_date, *Date::from_ymd(2026, 3, 31));
  EXPECT_TRUE(read.item.due_date_agreed);
  EXPECT_TRUE(read.item.dunning_notice_on_invoice);
  EXPECT_EQ(read.item.rf_reference, "RF18 5390 0754 7034");
  EXPECT_EQ(read.item.dunning_block_until, *Date::from_ymd(2026, 4, 15));
  EXPECT_EQ(read.item.document_path, "pdf/RE-1.pdf");
  EXPECT_EQ(read.item.line, 7);
}

TEST(OpenItemRow, RawTextFieldsStayAsTheFileSaysForTheEngineToCheck) {
  TestRow row;
  row.set(Field::iban, "DE00 not an iban").set(Field::email, "no-at-sign").set(Field::vat_id, "X");
  const OpenItemRow read = row.read();
  EXPECT_THAT(read.customer.ibans, ElementsAre("DE00 not an iban"));
  EXPECT_EQ(read.customer.email, "no-at-sign");
  EXPECT_EQ(read.customer.vat_id, "X");
}

TEST(OpenItemRow, MissingCustomerTypeLeavesTheKindToTheEngineWhichTakesB2c) {
  EXPECT_EQ(TestRow().read().customer.kind, std::nullopt);
  EXPECT_EQ(TestRow().set(Field::customer_type, "b2c").read().customer.kind,
            CustomerKind::consumer);
}

TEST(OpenItemRow, GermanNotationWithGroupingReadsAmounts) {
  TestRow row;
  row.set(Field::amount, "1.234.567,89").set(Field::due_date, "31.03.2026");
  const OpenItemRow read = row.read(german());
  EXPECT_EQ(read.item.gross, eur(123456789));
  EXPECT_EQ(read.item.due_date, *Date::from_ymd(2026, 3, 31));
}

TEST(OpenItemRow, AnAmountInAnotherNotationIsAnErrorWithItsPosition) {
  EXPECT_THAT(problems_of(TestRow().set(Field::amount, "1.23,45").set(Field::due_date, "1.4.2026"),
                          german()),
              HasSubstr("amount: amount '1.23,45': grouping separator at position 2 must be "
                        "followed by exactly three digits"));
  EXPECT_THAT(problems_of(TestRow().set(Field::amount, "12,50")),
              HasSubstr("amount: amount '12,50': expected a digit or the decimal separator '.' "
                        "at position 3, found ','"));
  EXPECT_THAT(problems_of(TestRow().set(Field::amount, "12.505")), HasSubstr("position 6"));
}

TEST(OpenItemRow, JsonNumbersAreReadWithAPointWhateverTheNotation) {
  TestRow row;
  row.set(Field::amount, "1234.5").set(Field::due_date, "01.04.2026");
  row.json_number.set(index_of(Field::amount));
  EXPECT_EQ(row.read(german()).item.gross, eur(123450));
}

TEST(OpenItemRow, ThirtiethOfFebruaryIsAnErrorInAnErpFile) {
  EXPECT_THAT(problems_of(TestRow().set(Field::due_date, "30.02.2026"), german()),
              HasSubstr("due_date: '30.02.2026' is not a date: day 30 does not exist"));
  EXPECT_THAT(problems_of(TestRow().set(Field::due_date, "2026-02-30")),
              HasSubstr("due_date: date '2026-02-30': day 30 does not exist"));
  EXPECT_THAT(problems_of(TestRow().set(Field::due_date, "2026-03-31"), german()),
              HasSubstr("due_date: '2026-03-31' is not a date DD.MM.YYYY"));
  EXPECT_THAT(problems_of(TestRow().set(Field::issue_date, "31.3.26"), german()),
              HasSubstr("issue_date: '31.3.26' is not a date DD.MM.YYYY"));
}

TEST(OpenItemRow, GermanDatesMayOmitLeadingZeros) {
  EXPECT_EQ(*parse_german_date("1.4.2026"), *Date::from_ymd(2026, 4, 1));
  EXPECT_EQ(*parse_german_date("29.02.2028"), *Date::from_ymd(2028, 2, 29));
  EXPECT_FALSE(parse_german_date("29.02.2027"));
  EXPECT_FALSE(parse_german_date("1.4.2026."));
  EXPECT_FALSE(parse_german_date("001.4.2026"));
  EXPECT_FALSE(parse_german_date(""));
}

TEST(OpenItemRow, EveryMissingRequiredValueIsListed) {
  TestRow row;
  row.set(Field::invoice_no, "").set(Field::customer_name, " ").set(Field::due_date, "");
  EXPECT_EQ(problems_of(row),
            "invoice_no is missing; customer_name is missing; due_date is missing");
}

TEST(OpenItemRow, MissingValuesAreNamedAsTheFileNamesThem) {
  auto columns = ColumnNames::with_renames({{"invoice_no", "Belegnummer"}});
  ParserOptions options;
  options.columns = *columns;
  EXPECT_EQ(problems_of(TestRow().set(Field::invoice_no, ""), options),
            "'Belegnummer' (invoice_no) is missing");
}

TEST(OpenItemRow, CurrencyComesFromTheRowOrTheConfiguration) {
  ParserOptions options;
  options.currency = *Currency::from_code("CHF");
  EXPECT_EQ(TestRow().read(options).item.gross, Money(11900, options.currency));
  EXPECT_EQ(TestRow().set(Field::currency, "usd").read(options).item.gross.currency().code(),
            "USD");
  EXPECT_EQ(TestRow().set(Field::currency, "JPY").set(Field::amount, "1190").read().item.gross,
            Money(1190, *Currency::from_code("JPY")));
  EXPECT_THAT(problems_of(TestRow().set(Field::currency, "XYZ")),
              HasSubstr("currency: 'XYZ' is not an active ISO 4217 currency code"));
}

TEST(OpenItemRow, ChoicesMustBeKnown) {
  EXPECT_THAT(problems_of(TestRow().set(Field::document_type, "fee")),
              HasSubstr("document_type: unknown document type 'fee'; expected one of invoice, "
                        "credit_note, cancellation"));
  EXPECT_THAT(problems_of(TestRow().set(Field::customer_type, "b2g")),
              HasSubstr("customer_type: unknown customer type 'b2g'"));
  EXPECT_THAT(problems_of(TestRow().set(Field::delivery, "fax")),
              HasSubstr("delivery: unknown delivery 'fax'"));
  EXPECT_EQ(TestRow().set(Field::document_type, "Credit_Note").read().item.type,
            OpenItemType::credit_note);
  EXPECT_EQ(TestRow().set(Field::delivery, "EMAIL").read().customer.delivery, Delivery::email);
}

TEST(OpenItemRow, FlagsAreTrueOrFalse) {
  EXPECT_FALSE(TestRow().read().item.due_date_agreed);
  EXPECT_TRUE(TestRow().set(Field::due_date_agreed, "yes").read().item.due_date_agreed);
  EXPECT_TRUE(TestRow().set(Field::due_date_agreed, "1").read().item.due_date_agreed);
  EXPECT_FALSE(TestRow().set(Field::due_date_agreed, "False").read().item.due_date_agreed);
  EXPECT_THAT(problems_of(TestRow().set(Field::dunning_notice_on_invoice, "ja")),
              HasSubstr("dunning_notice_on_invoice: 'ja' is not true or false"));
}

TEST(OpenItemRow, PercentagesTakeTheDecimalSeparatorAndAPercentSign) {
  ParserOptions comma;
  comma.notation = Notation::comma();
  TestRow row;
  row.set(Field::amount, "119,00").set(Field::tax_rate, "7,5 %").set(Field::discount_percent, "2%");
  row.set(Field::discount_until, "2026-03-10");
  const OpenItemRow read = row.read(comma);
  EXPECT_EQ(read.tax_rate, decimal("7.5"));
  EXPECT_EQ(read.item.skonto_percent, decimal("2"));
  EXPECT_EQ(read.item.skonto_until, *Date::from_ymd(2026, 3, 10));
  EXPECT_THAT(problems_of(TestRow().set(Field::tax_rate, "19,0")),
              HasSubstr("tax_rate: rate '19,0'"));
  EXPECT_THAT(problems_of(TestRow().set(Field::tax_rate, "-7")),
              HasSubstr("tax_rate: '-7' is not a percentage from 0 to below 100"));
}

TEST(OpenItemRow, ADiscountNeedsItsPercentageAndItsLastDay) {
  EXPECT_THAT(problems_of(TestRow().set(Field::discount_percent, "2")),
              HasSubstr("discount_until: missing"));
  EXPECT_THAT(problems_of(TestRow().set(Field::discount_until, "2026-03-10")),
              HasSubstr("discount_percent: missing"));
}

TEST(OpenItemRow, ACancellationNamesTheInvoiceItCancels) {
  EXPECT_THAT(problems_of(TestRow().set(Field::document_type, "cancellation")),
              HasSubstr("refers_to: missing; a cancellation names the invoice it cancels"));
  const OpenItemRow read =
      TestRow().set(Field::document_type, "cancellation").set(Field::refers_to, "RE-0").read();
  EXPECT_EQ(read.item.type, OpenItemType::cancellation);
  EXPECT_EQ(read.item.refers_to, "RE-0");
}

TEST(OpenItemRow, NetAmountIsReadInTheRowsCurrency) {
  const OpenItemRow read =
      TestRow().set(Field::net_amount, "100.00").set(Field::tax_rate, "19").read();
  EXPECT_EQ(read.net, eur(10000));
  EXPECT_THAT(problems_of(TestRow().set(Field::net_amount, "1O0.00")),
              HasSubstr("net_amount: amount"));
}

}  // namespace
}  // namespace kontor::plugins::open_items
