// Every value that crosses the plugin boundary arrives as it left, and a struct from an older
// plugin (a smaller struct_size) reads as "absent" beyond its end instead of as garbage.
#include "kontor/sdk/abi_convert.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstring>

namespace kontor::sdk {
namespace {

Money eur(std::int64_t cents) {
  return Money(cents, Currency::eur());
}
Date day(const char* iso) {
  return *Date::parse_iso(iso);
}

PaymentDetails details() {
  PaymentDetails d;
  d.end_to_end_id = "E2E-1";
  d.mandate_id = "M-1";
  d.creditor_id = "DE98ZZZ09999999999";
  d.bank_reference = "BANKREF";
  d.counterparty_name = "Bäckerei Schmitz GmbH";
  d.counterparty_account = "DE89370400440532013000";
  d.counterparty_bic = "COBADEFFXXX";
  d.ultimate_debtor = "Filiale Süd";
  d.ultimate_creditor = "Muster";
  d.remittance = "R-2026-1001";
  d.creditor_reference = "RF21R20261001";
  d.return_reason = "AC04";
  d.bank_transaction_code = "PMNT/RCDT/ESCT";
  return d;
}

TEST(AbiConvert, StatementsEntriesAndDetailsRoundTrip) {
  StatementInfo statement;
  statement.kind = StatementKind::intraday;
  statement.account = "DE02370502990000684712";
  statement.account_number = "684712";
  statement.account_bic = "COKSDE33XXX";
  statement.currency = "EUR";
  statement.id = "2026-11-27";
  statement.sequence = "217";
  statement.created = "2026-11-27T18:00:00";
  statement.opening = StatementBalance{eur(100), day("2026-11-26")};
  statement.closing = StatementBalance{eur(-50), day("2026-11-27")};
  statement.line = 3;
  auto back = from_c(to_c(statement));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->account_bic, "COKSDE33XXX");
  EXPECT_EQ(back->opening, statement.opening);
  EXPECT_EQ(back->closing, statement.closing);
  EXPECT_EQ(back->kind, StatementKind::intraday);
  EXPECT_EQ(back->line, 3);

  StatementEntry entry;
  entry.booking_date = day("2026-11-27");
  entry.value_date = day("2026-11-28");
  entry.amount = eur(-11900);
  entry.status = EntryStatus::pending;
  entry.reversal = true;
  entry.charges = eur(250);
  entry.owner_reference = "NTRYREF";
  entry.detail_count = 2;
  entry.details = details();
  entry.additional_info = "SEPA";
  auto entry_back = from_c(to_c(entry));
  ASSERT_TRUE(entry_back.ok());
  EXPECT_EQ(entry_back->details, entry.details);
  EXPECT_EQ(entry_back->charges, entry.charges);
  EXPECT_EQ(entry_back->owner_reference, "NTRYREF");
  EXPECT_EQ(entry_back->status, EntryStatus::pending);
  EXPECT_TRUE(entry_back->reversal);

  EntryDetail detail{2, eur(4200), details(), 17};
  auto detail_back = from_c(to_c(detail));
  ASSERT_TRUE(detail_back.ok());
  EXPECT_EQ(detail_back->position, 2u);
  EXPECT_EQ(detail_back->amount, eur(4200));
  EXPECT_EQ(detail_back->details, detail.details);
}

TEST(AbiConvert, CustomersAndOpenItemsRoundTrip) {
  ImportedCustomer customer;
  customer.number = "K-1";
  customer.name = "Anna Krüger";
  customer.address = {"Lindenallee 3", "53111", "Bonn", "DE"};
  customer.ibans = {"DE89370400440532013000", "not an iban"};
  customer.kind = CustomerKind::business;
  customer.delivery = Delivery::letter;
  customer.vat_id = "DE123456789";
  customer.dunning_block_until = day("2026-12-31");
  customer.line = 4;
  std::vector<kontor_str> storage;
  auto back = from_c(to_c(customer, storage));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, customer);

  ImportedOpenItem item;
  item.number = "R-1";
  item.customer_number = "K-1";
  item.type = OpenItemType::cancellation;
  item.issue_date = day("2026-10-01");
  item.due_date = day("2026-10-31");
  item.due_date_agreed = true;
  item.gross = eur(-500);
  item.rf_reference = "RF21R20261001";
  item.skonto_percent = *Decimal::parse("2.5");
  item.skonto_until = day("2026-10-10");
  item.refers_to = "R-0";
  item.line = 9;
  auto item_back = from_c(to_c(item));
  ASSERT_TRUE(item_back.ok());
  item.tax_lines.clear();  // tax lines travel separately (sink->tax_line)
  EXPECT_EQ(*item_back, item);
}

TEST(AbiConvert, NoticesAndExportBatchesRoundTrip) {
  NoticeMessage notice;
  notice.notice_number = "M-1";
  notice.kind = "reminder";
  notice.recipient = {"Anna Krüger", {"Lindenallee 3", "53111", "Bonn", "DE"}, "a@k.example"};
  notice.sender = {"Muster GmbH", {"Hauptstr. 1", "50667", "Köln", "DE"}, "ar@m.example"};
  notice.subject = "Zahlungserinnerung";
  notice.text = "Guten Tag";
  notice.pdf = std::string("%PDF\0binary", 11);
  notice.attachments = {{"R-1.pdf", "application/pdf", std::string("\x00\x01", 2)}};
  notice.idempotency_key = "kontor-notice-M-1";
  CNoticeMessage c;
  to_c(notice, c);
  auto back = from_c(c.message);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->recipient.address.city, "Bonn");
  EXPECT_EQ(back->pdf, notice.pdf);
  ASSERT_EQ(back->attachments.size(), 1u);
  EXPECT_EQ(back->attachments[0].content, notice.attachments[0].content);
  EXPECT_EQ(back->idempotency_key, "kontor-notice-M-1");

  Booking booking;
  booking.id = 7;
  booking.date = day("2026-11-27");
  booking.document_number = "R-1";
  booking.text = "Zahlung";
  booking.lines = {{"1200", BookingSide::debit, eur(11900), ""},
                   {"10001", BookingSide::credit, eur(11900), ""}};
  booking.reverses = 3;
  ExportBatch batch{"batch-1", day("2026-11-01"), day("2026-11-30"), {booking}, {}};
  CExportBatch cb;
  to_c(batch, cb);
  auto batch_back = from_c(cb.batch);
  ASSERT_TRUE(batch_back.ok());
  ASSERT_EQ(batch_back->bookings.size(), 1u);
  EXPECT_EQ(batch_back->bookings[0], booking);
  EXPECT_EQ(batch_back->period_to, batch.period_to);
}

// --- Export batches of ABI 1.1: facts, due dates and debtors ------------------------------------

Customer anna() {
  Customer c;
  c.number = "K-1";
  c.name = "Anna Krüger";
  c.address = {"Lindenallee 3", "53111", "Bonn", "DE"};
  c.email = "anna@krueger.example";
  c.language = "de";
  c.ibans = {*Iban::parse("DE89370400440532013000")};
  c.kind = CustomerKind::consumer;
  c.preferred_delivery = Delivery::letter;
  c.dunning_block = DunningBlock{"Reklamation", day("2026-12-31")};
  return c;
}

Customer schmitz() {
  Customer c;
  c.number = "K-2";
  c.name = "Bäckerei Schmitz GmbH";
  c.address = {"Hauptstr. 1", "50667", "Köln", "DE"};
  c.kind = CustomerKind::business;
  return c;
}

Booking fee_booking(std::int64_t id) {
  Booking booking;
  booking.id = id;
  booking.date = day("2026-11-27");
  booking.document_number = "M-1-G1";
  booking.text = "Mahngebühr M-1-G1 zu R-1";
  booking.lines = {{"10001", BookingSide::debit, eur(500), ""},
                   {"8910", BookingSide::credit, eur(500), ""}};
  booking.facts = BookingFacts::dunning_fee;
  booking.due_date = day("2026-12-11");
  return booking;
}

ExportBatch batch_with_debtors() {
  Booking interest = fee_booking(2);
  interest.document_number = "M-1-Z1";
  interest.facts = BookingFacts::dunning_interest;
  Booking payment = fee_booking(3);
  payment.facts = BookingFacts::none;
  payment.due_date.reset();
  return ExportBatch{.batch_id = "batch-2",
                     .period_from = std::nullopt,
                     .period_to = std::nullopt,
                     .bookings = {fee_booking(1), interest, payment},
                     .debtors = {{.account = "10001", .customer = anna()},
                                 {.account = "10002", .customer = schmitz()}}};
}

TEST(AbiConvert, FactsDueDatesAndDebtorsOfABatchRoundTrip) {
  const ExportBatch batch = batch_with_debtors();
  CExportBatch c;
  to_c(batch, c);
  EXPECT_EQ(c.bookings[0].facts, KONTOR_FACTS_DUNNING_FEE);
  EXPECT_EQ(c.bookings[1].facts, KONTOR_FACTS_DUNNING_INTEREST);
  EXPECT_EQ(c.bookings[2].facts, KONTOR_FACTS_NONE);
  EXPECT_EQ(c.bookings[2].due_date.year, 0);  // no due date
  ASSERT_EQ(c.batch.debtor_count, 2u);
  EXPECT_EQ(c.batch.debtor_size, sizeof(kontor_export_debtor));
  EXPECT_EQ(c.batch.debtors[1].customer->kind, KONTOR_CUSTOMER_B2B);

  auto back = from_c(c.batch);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->bookings, batch.bookings);
  EXPECT_EQ(back->debtors, batch.debtors);
}

// Elements of an older sender's arrays lie at its own, smaller stride.
template <typename T>
std::vector<std::uint8_t> packed_as_older(const std::vector<T>& items, std::size_t old_size) {
  std::vector<std::uint8_t> bytes(items.size() * old_size);
  for (std::size_t i = 0; i < items.size(); ++i) {
    T item = items[i];
    item.struct_size = static_cast<std::uint32_t>(old_size);
    std::memcpy(bytes.data() + i * old_size, &item, old_size);
  }
  return bytes;
}

TEST(AbiConvert, ABatchFromABeforeAbi1_1SenderHasNoFactsNoDueDatesAndNoDebtors) {
  const ExportBatch batch = batch_with_debtors();
  CExportBatch c;
  to_c(batch, c);
  constexpr std::size_t kOldBooking = offsetof(kontor_booking, facts);
  const std::vector<std::uint8_t> bookings = packed_as_older(c.bookings, kOldBooking);
  kontor_export_batch old = c.batch;
  old.struct_size = offsetof(kontor_export_batch, debtors);
  old.bookings = reinterpret_cast<const kontor_booking*>(bookings.data());
  old.booking_size = kOldBooking;

  auto back = from_c(old);
  ASSERT_TRUE(back.ok()) << back.error().message;
  ASSERT_EQ(back->bookings.size(), 3u);
  for (std::size_t i = 0; i < back->bookings.size(); ++i) {
    EXPECT_EQ(back->bookings[i].facts, BookingFacts::none) << i;
    EXPECT_FALSE(back->bookings[i].due_date.has_value()) << i;
    EXPECT_EQ(back->bookings[i].lines, batch.bookings[i].lines) << i;
    EXPECT_EQ(back->bookings[i].document_number, batch.bookings[i].document_number) << i;
  }
  EXPECT_TRUE(back->debtors.empty());
}

TEST(AbiConvert, ADebtorWithoutCustomerOrBookingWithUnknownFactsIsAnError) {
  const ExportBatch batch = batch_with_debtors();  // the C structs point into it
  CExportBatch c;
  to_c(batch, c);
  c.bookings[0].facts = 41;
  auto unknown = from_c(c.batch);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().message, "booking 1: unknown facts 41");

  to_c(batch, c);
  c.debtors[0].customer = nullptr;
  auto orphan = from_c(c.batch);
  ASSERT_FALSE(orphan.ok());
  EXPECT_EQ(orphan.error().message, "debtor 10001 without a customer");

  to_c(batch, c);
  c.ibans[0][0] = {"DE00", 4};
  auto bad_iban = from_c(c.batch);
  ASSERT_FALSE(bad_iban.ok());
  EXPECT_THAT(bad_iban.error().message, ::testing::StartsWith("debtor 10001: customer K-1: IBAN"));
}

TEST(AbiConvert, AnOlderSmallerStructReadsAsAbsentBeyondItsEnd) {
  StatementEntry entry;
  entry.booking_date = day("2026-11-27");
  entry.amount = eur(100);
  entry.owner_reference = "set but beyond an old plugin's struct";
  kontor_entry c = to_c(entry);
  c.struct_size = offsetof(kontor_entry, charges);  // a plugin from before `charges`
  auto back = from_c(c);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->amount, eur(100));
  EXPECT_FALSE(back->charges.has_value());
  EXPECT_EQ(back->owner_reference, "");
  EXPECT_EQ(back->detail_count, 0u);
}

TEST(AbiConvert, ImpossibleValuesFromTheOtherSideAreErrors) {
  kontor_money money{100, {'X', 'Y', 'Z', 0}};
  EXPECT_FALSE(from_c(money).ok());
  EXPECT_FALSE(from_c(kontor_date{2026, 2, 30}).ok());
  kontor_statement statement{};
  statement.struct_size = 0;
  EXPECT_FALSE(from_c(statement).ok());
  kontor_entry entry = to_c(StatementEntry{});
  entry.status = 42;
  EXPECT_FALSE(from_c(entry).ok());
}

}  // namespace
}  // namespace kontor::sdk
