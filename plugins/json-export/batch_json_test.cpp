// The batch as one JSON document (batch_json.hpp), read back with nlohmann::json: the documented
// fields in their order, amounts as decimal strings, nulls, escaping and invalid UTF-8.
#include "batch_json.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

namespace kontor::plugins {
namespace {

using Json = nlohmann::ordered_json;

Date day(int year, int month, int day) {
  return Date::from_ymd(year, month, day).value();
}

BookingLine line(std::string account, BookingSide side, std::int64_t cents,
                 std::string tax_key = "") {
  return BookingLine{.account = std::move(account),
                     .side = side,
                     .amount = Money(cents, Currency::eur()),
                     .tax_key = std::move(tax_key)};
}

Booking payment() {
  return Booking{
      .id = 7,
      .date = day(2026, 11, 3),
      .document_number = "RE-2026-0001",
      .text = "Zahlung RE-2026-0001",
      .lines = {line("10001", BookingSide::credit, 11900), line("1200", BookingSide::debit, 11900)},
      .exported_in = "",
      .reverses = std::nullopt,
      .facts = BookingFacts::none,
      .due_date = std::nullopt};
}

sdk::ExportBatch batch_of(std::vector<Booking> bookings) {
  return sdk::ExportBatch{.batch_id = "json-out-000001",
                          .period_from = std::nullopt,
                          .period_to = std::nullopt,
                          .bookings = std::move(bookings),
                          .debtors = {}};
}

std::vector<std::string> keys_of(const Json& object) {
  std::vector<std::string> keys;
  for (const auto& item : object.items()) keys.push_back(item.key());
  return keys;
}

TEST(BatchJsonTest, ABatchIsOneLineWithTheDocumentedFieldsInTheirOrder) {
  EXPECT_EQ(batch_json(batch_of({payment()})),
            R"({"format":"kontor-export-batch","version":1,"batch":"json-out-000001",)"
            R"("period":null,"bookings":[{"id":7,"date":"2026-11-03","document":"RE-2026-0001",)"
            R"("text":"Zahlung RE-2026-0001","reverses":null,"facts":"none","due_date":null,)"
            R"("lines":[{"account":"10001","side":"credit","amount":"119.00","currency":"EUR",)"
            R"("tax_key":""},{"account":"1200","side":"debit","amount":"119.00",)"
            R"("currency":"EUR","tax_key":""}]}],"debtors":[]})"
            "\n");
}

TEST(BatchJsonTest, DebtorsCarryTheirCustomerInTheDocumentedOrder) {
  sdk::ExportBatch batch = batch_of({payment()});
  Customer customer;
  customer.number = "K-10001";
  customer.name = "Beispiel GmbH";
  customer.kind = CustomerKind::business;
  customer.email = "buchhaltung@example.de";
  customer.address = {
      .street = "Lindenallee 3", .postcode = "53111", .city = "Bonn", .country = "DE"};
  batch.debtors.push_back({.account = "10001", .customer = customer});
  const Json document = Json::parse(batch_json(batch));
  EXPECT_EQ(keys_of(document), (std::vector<std::string>{"format", "version", "batch", "period",
                                                         "bookings", "debtors"}));
  const Json& debtor = document["debtors"].at(0);
  EXPECT_EQ(keys_of(debtor), (std::vector<std::string>{"account", "number", "name", "kind", "email",
                                                       "street", "postcode", "city", "country"}));
  EXPECT_EQ(debtor["kind"], "b2b");
  EXPECT_EQ(debtor["city"], "Bonn");
}

TEST(BatchJsonTest, AmountsAreDecimalStringsWithEveryDigitNeverNumbers) {
  Booking large = payment();
  // 2^53 + 1 cents: a reader that parsed a JSON number as a double would lose the last cent.
  large.lines = {line("10001", BookingSide::credit, 9'007'199'254'740'993),
                 line("1200", BookingSide::debit, 9'007'199'254'740'993)};
  const Json document = Json::parse(batch_json(batch_of({large})));
  for (const Json& line_json : document["bookings"][0]["lines"]) {
    ASSERT_TRUE(line_json["amount"].is_string()) << line_json.dump();
    EXPECT_EQ(line_json["amount"], "90071992547409.93");
  }
}

TEST(BatchJsonTest, APeriodIsNullWithoutEndsAndNamesTheEndsItHas) {
  sdk::ExportBatch batch = batch_of({payment()});
  EXPECT_TRUE(Json::parse(batch_json(batch))["period"].is_null());
  batch.period_from = day(2026, 11, 1);
  Json period = Json::parse(batch_json(batch))["period"];
  EXPECT_EQ(period["from"], "2026-11-01");
  EXPECT_TRUE(period["to"].is_null());
  batch.period_to = day(2026, 11, 30);
  period = Json::parse(batch_json(batch))["period"];
  EXPECT_EQ(keys_of(period), (std::vector<std::string>{"from", "to"}));
  EXPECT_EQ(period["to"], "2026-11-30");
}

TEST(BatchJsonTest, AReversalNamesTheBookingItReversesAndAFeeItsFactsAndDueDate) {
  Booking fee = payment();
  fee.facts = BookingFacts::dunning_fee;
  fee.due_date = day(2026, 11, 17);
  Booking reversal = reversal_of(fee, day(2026, 11, 20));
  reversal.id = 8;
  const Json document = Json::parse(batch_json(batch_of({fee, reversal})));
  EXPECT_TRUE(document["bookings"][0]["reverses"].is_null());
  EXPECT_EQ(document["bookings"][0]["facts"], "dunning_fee");
  EXPECT_EQ(document["bookings"][0]["due_date"], "2026-11-17");
  EXPECT_EQ(document["bookings"][1]["reverses"], 7);
  EXPECT_EQ(document["bookings"][1]["lines"][0]["side"], "debit");
  EXPECT_EQ(document["bookings"][1]["date"], "2026-11-20");
}

TEST(BatchJsonTest, QuotesBackslashesAndControlCharactersAreEscapedNotDropped) {
  Booking booking = payment();
  booking.text = std::string("Ware \"Blau\" C:\\x\x01\x1F\n\t\r") + '\0' + "Ende";
  const std::string text = batch_json(batch_of({booking}));
  EXPECT_NE(text.find(R"("Ware \"Blau\" C:\\x\u0001\u001f\n\t\r\u0000Ende")"), std::string::npos)
      << text;
  // No raw control character is left in the document but its final newline.
  EXPECT_EQ(std::count_if(text.begin(), text.end(),
                          [](char c) { return static_cast<unsigned char>(c) < 0x20; }),
            1);
  EXPECT_EQ(Json::parse(text)["bookings"][0]["text"], booking.text);
}

TEST(BatchJsonTest, BytesThatAreNotUtf8AreReplacedAndTheRestKept) {
  Booking booking = payment();
  booking.text = "Caf\xE9 Grüße €";
  const std::string text = batch_json(batch_of({booking}));
  EXPECT_EQ(Json::parse(text)["bookings"][0]["text"], "Caf\uFFFD Grüße €");
}

TEST(BatchJsonTest, IndentedWhenAskedAndTheSameDocument) {
  const sdk::ExportBatch batch = batch_of({payment()});
  const std::string pretty = batch_json(batch, 2);
  EXPECT_TRUE(pretty.starts_with("{\n  \"format\": \"kontor-export-batch\",\n")) << pretty;
  EXPECT_TRUE(pretty.ends_with("}\n"));
  EXPECT_EQ(Json::parse(pretty), Json::parse(batch_json(batch)));
  const std::string one_line = batch_json(batch);
  EXPECT_EQ(std::count(one_line.begin(), one_line.end(), '\n'), 1);
}

}  // namespace
}  // namespace kontor::plugins
