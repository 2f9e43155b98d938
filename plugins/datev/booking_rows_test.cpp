// Bookings as DATEV records and the files of a batch: which account is Konto, which side S/H
// names, Generalumkehr for reversals, periods that follow months and fiscal years, files that
// end at the record limit.
#include "booking_rows.hpp"

#include <gtest/gtest.h>

#include "extf_test_batch.hpp"

namespace kontor::plugins::datev {
namespace {

using test_support::day;
using test_support::euros;

constexpr int kAccountLength = 4;  // Sachkontenlänge: Personenkonten have five digits

Booking payment(std::int64_t id, const Date& date) {
  return Booking{
      .id = id,
      .date = date,
      .document_number = "RE2024-0001",
      .text = "Zahlung RE2024-0001",
      .lines =
          {{.account = "10001", .side = BookingSide::credit, .amount = euros(11900), .tax_key = ""},
           {.account = "1200", .side = BookingSide::debit, .amount = euros(11900), .tax_key = ""}},
      .exported_in = "",
      .reverses = std::nullopt,
      .facts = BookingFacts::none,
      .due_date = std::nullopt};
}

// A booking of `lines` records (debtor S against that many revenue lines of 1,00).
Booking invoice_of_lines(std::int64_t id, const Date& date, int lines) {
  Booking booking{.id = id,
                  .date = date,
                  .document_number = "R-" + std::to_string(id),
                  .text = "Rechnung",
                  .lines = {{.account = "10001",
                             .side = BookingSide::debit,
                             .amount = euros(100 * lines),
                             .tax_key = ""}},
                  .exported_in = "",
                  .reverses = std::nullopt,
                  .facts = BookingFacts::none,
                  .due_date = std::nullopt};
  for (int i = 0; i < lines; ++i) {
    booking.lines.push_back(
        {.account = "8400", .side = BookingSide::credit, .amount = euros(100), .tax_key = ""});
  }
  return booking;
}

TEST(BookingRowsTest, APaymentIsOneRecordOnTheDebtorAgainstTheBank) {
  const std::vector<ExtfBooking> records =
      records_of(payment(7, day(2024, 1, 25)), kAccountLength).value();
  ASSERT_EQ(records.size(), 1U);
  EXPECT_EQ(records[0].amount, euros(11900));
  EXPECT_EQ(records[0].side, BookingSide::credit);  // the debtor is credited: "H"
  EXPECT_EQ(records[0].account, "10001");
  EXPECT_EQ(records[0].contra_account, "1200");
  EXPECT_EQ(records[0].tax_key, "");
  EXPECT_EQ(records[0].document_date, day(2024, 1, 25));
  EXPECT_EQ(records[0].document_number, "RE2024-0001");
  EXPECT_EQ(records[0].text, "Zahlung RE2024-0001");
  EXPECT_FALSE(records[0].general_reversal);
}

TEST(BookingRowsTest, EachLineAgainstTheDebtorIsOneRecordCarryingItsTaxKey) {
  const Booking invoice{
      .id = 8,
      .date = day(2024, 1, 15),
      .document_number = "RE2024-0002",
      .text = "Rechnung RE2024-0002",
      .lines =
          {{.account = "10001", .side = BookingSide::debit, .amount = euros(22600), .tax_key = ""},
           {.account = "8400", .side = BookingSide::credit, .amount = euros(11900), .tax_key = ""},
           {.account = "8000",
            .side = BookingSide::credit,
            .amount = euros(10700),
            .tax_key = "2"}},
      .exported_in = "",
      .reverses = std::nullopt,
      .facts = BookingFacts::none,
      .due_date = std::nullopt};
  const std::vector<ExtfBooking> records = records_of(invoice, kAccountLength).value();
  ASSERT_EQ(records.size(), 2U);
  EXPECT_EQ(records[0].side, BookingSide::debit);
  EXPECT_EQ(records[0].account, "10001");
  EXPECT_EQ(records[0].contra_account, "8400");
  EXPECT_EQ(records[0].amount, euros(11900));
  EXPECT_EQ(records[0].tax_key, "");
  EXPECT_EQ(records[1].side, BookingSide::debit);
  EXPECT_EQ(records[1].contra_account, "8000");
  EXPECT_EQ(records[1].amount, euros(10700));
  EXPECT_EQ(records[1].tax_key, "2");
}

TEST(BookingRowsTest, AReversalRepeatsTheOriginalsRecordsAsGeneralumkehr) {
  Booking original = payment(7, day(2024, 1, 25));
  const Booking reversal = reversal_of(original, day(2024, 2, 3));
  const std::vector<ExtfBooking> records = records_of(reversal, kAccountLength).value();
  const std::vector<ExtfBooking> originals = records_of(original, kAccountLength).value();
  ASSERT_EQ(records.size(), 1U);
  EXPECT_TRUE(records[0].general_reversal);
  EXPECT_EQ(records[0].side, originals[0].side);
  EXPECT_EQ(records[0].account, originals[0].account);
  EXPECT_EQ(records[0].contra_account, originals[0].contra_account);
  EXPECT_EQ(records[0].amount, originals[0].amount);
  EXPECT_EQ(records[0].document_date, day(2024, 2, 3));
}

TEST(BookingRowsTest, AnUnbalancedBookingOrATaxKeyOnTheDebtorHasNoRecords) {
  Booking unbalanced = payment(9, day(2024, 1, 25));
  unbalanced.lines[1].amount = euros(11800);
  Result<std::vector<ExtfBooking>> refused = records_of(unbalanced, kAccountLength);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().position, 9);
  EXPECT_NE(refused.error().message.find("booking 9"), std::string::npos);

  Booking keyed = payment(10, day(2024, 1, 25));
  keyed.lines[0].tax_key = "3";
  refused = records_of(keyed, kAccountLength);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("debtor line"), std::string::npos);
}

// --- Open-item fields: Sachverhalt and Fälligkeit ------------------------------------------------

// A dunning fee of 5,00 on debtor `debtor` against the fee account 8600, due 15 February.
Booking fee(std::int64_t id, std::string debtor, BookingFacts facts = BookingFacts::dunning_fee) {
  return Booking{.id = id,
                 .date = day(2024, 2, 1),
                 .document_number = "M-1-G1",
                 .text = "Mahngebühr M-1-G1 zu RE2024-0001",
                 .lines = {{.account = std::move(debtor),
                            .side = BookingSide::debit,
                            .amount = euros(500),
                            .tax_key = ""},
                           {.account = "8600",
                            .side = BookingSide::credit,
                            .amount = euros(500),
                            .tax_key = ""}},
                 .exported_in = "",
                 .reverses = std::nullopt,
                 .facts = facts,
                 .due_date = day(2024, 2, 15)};
}

TEST(BookingRowsTest, ADunningFeeOnAPersonenkontoIsSachverhalt40AndFallsDue) {
  const std::vector<ExtfBooking> records = records_of(fee(1, "10001"), kAccountLength).value();
  ASSERT_EQ(records.size(), 1U);
  EXPECT_EQ(records[0].facts_code, "40");
  EXPECT_EQ(records[0].due_date, day(2024, 2, 15));
}

TEST(BookingRowsTest, DefaultInterestIsSachverhalt31) {
  const std::vector<ExtfBooking> records =
      records_of(fee(1, "10001", BookingFacts::dunning_interest), kAccountLength).value();
  ASSERT_EQ(records.size(), 1U);
  EXPECT_EQ(records[0].facts_code, "31");
}

TEST(BookingRowsTest, AnInvoiceFallsDueOnEachOfItsRecordsWithoutSachverhalt) {
  Booking invoice = invoice_of_lines(2, day(2024, 1, 15), 2);
  invoice.due_date = day(2024, 1, 29);
  const std::vector<ExtfBooking> records = records_of(invoice, kAccountLength).value();
  ASSERT_EQ(records.size(), 2U);
  for (const ExtfBooking& record : records) {
    EXPECT_EQ(record.due_date, day(2024, 1, 29));
    EXPECT_EQ(record.facts_code, "");
  }
}

// DATEV keeps open-item fields only with a Personenkonto; books kept on a collective receivables
// account have no open item to mark.
TEST(BookingRowsTest, OnASachkontoTheOpenItemFieldsAreLeftOut) {
  const std::vector<ExtfBooking> records = records_of(fee(1, "1400"), kAccountLength).value();
  ASSERT_EQ(records.size(), 1U);
  EXPECT_EQ(records[0].facts_code, "");
  EXPECT_FALSE(records[0].due_date);
  // With Sachkontenlänge 5, 10001 is a Sachkonto too.
  const std::vector<ExtfBooking> longer = records_of(fee(1, "10001"), 5).value();
  EXPECT_EQ(longer[0].facts_code, "");
  EXPECT_FALSE(longer[0].due_date);
}

TEST(BookingRowsTest, APersonenkontoAsGegenkontoAlsoCarriesTheOpenItemFields) {
  Booking booking = fee(1, "1400");
  booking.lines[1].account = "10001";
  const std::vector<ExtfBooking> records = records_of(booking, kAccountLength).value();
  EXPECT_EQ(records[0].facts_code, "40");
  EXPECT_EQ(records[0].due_date, day(2024, 2, 15));
}

TEST(BookingRowsTest, TheGeneralumkehrOfAFeeRepeatsItsOpenItemFields) {
  Booking original = fee(1, "10001");
  const std::vector<ExtfBooking> records =
      records_of(reversal_of(original, day(2024, 3, 1)), kAccountLength).value();
  ASSERT_EQ(records.size(), 1U);
  EXPECT_TRUE(records[0].general_reversal);
  EXPECT_EQ(records[0].facts_code, "40");
  EXPECT_EQ(records[0].due_date, day(2024, 2, 15));
}

TEST(BookingRowsTest, APaymentHasNoOpenItemFields) {
  const std::vector<ExtfBooking> records =
      records_of(payment(7, day(2024, 1, 25)), kAccountLength).value();
  EXPECT_EQ(records[0].facts_code, "");
  EXPECT_FALSE(records[0].due_date);
}

TEST(BookingRowsTest, APeriodIsTheMonthOfTheBookingDate) {
  const FiscalYearStart calendar{.month = 1, .day = 1};
  EXPECT_EQ(
      booking_period_of(day(2024, 2, 10), calendar).value(),
      (BookingPeriod{
          .from = day(2024, 2, 1), .to = day(2024, 2, 29), .fiscal_year_start = day(2024, 1, 1)}));
  EXPECT_EQ(booking_period_of(day(2024, 12, 31), calendar).value(),
            (BookingPeriod{.from = day(2024, 12, 1),
                           .to = day(2024, 12, 31),
                           .fiscal_year_start = day(2024, 1, 1)}));
}

TEST(BookingRowsTest, AFiscalYearStartingMidMonthSplitsThatMonth) {
  const FiscalYearStart mid_july{.month = 7, .day = 15};
  EXPECT_EQ(
      booking_period_of(day(2024, 7, 14), mid_july).value(),
      (BookingPeriod{
          .from = day(2024, 7, 1), .to = day(2024, 7, 14), .fiscal_year_start = day(2023, 7, 15)}));
  EXPECT_EQ(booking_period_of(day(2024, 7, 15), mid_july).value(),
            (BookingPeriod{.from = day(2024, 7, 15),
                           .to = day(2024, 7, 31),
                           .fiscal_year_start = day(2024, 7, 15)}));
  // January of a fiscal year that started in July: the calendar year still ends the period.
  EXPECT_EQ(
      booking_period_of(day(2025, 1, 5), mid_july).value(),
      (BookingPeriod{
          .from = day(2025, 1, 1), .to = day(2025, 1, 31), .fiscal_year_start = day(2024, 7, 15)}));
}

TEST(BookingRowsTest, FiscalYearStartIsADayEveryYearHas) {
  EXPECT_EQ(parse_fiscal_year_start("07-01").value().month, 7);
  EXPECT_EQ(parse_fiscal_year_start("07-01").value().day, 1);
  EXPECT_FALSE(parse_fiscal_year_start("02-29").ok());
  EXPECT_FALSE(parse_fiscal_year_start("13-01").ok());
  EXPECT_FALSE(parse_fiscal_year_start("7-1").ok());
  EXPECT_FALSE(parse_fiscal_year_start("0701").ok());
}

TEST(BookingRowsTest, FilesFollowPeriodsAndEndAtTheRecordLimitWithoutSplittingABooking) {
  const std::vector<Booking> bookings = {
      invoice_of_lines(1, day(2024, 2, 1), 2), invoice_of_lines(2, day(2024, 1, 31), 1),
      invoice_of_lines(3, day(2024, 1, 2), 2), invoice_of_lines(4, day(2024, 1, 3), 1),
      invoice_of_lines(5, day(2024, 1, 4), 1)};
  const BookingFilePlan plan =
      plan_booking_files(bookings, FiscalYearStart{.month = 1, .day = 1}, kAccountLength, 3);
  ASSERT_TRUE(plan.errors.empty());
  ASSERT_EQ(plan.files.size(), 3U);
  // January: bookings 2 (1 record) and 3 (2) fill the first file; 4 and 5 go to the second.
  EXPECT_EQ(plan.files[0].period.from, day(2024, 1, 1));
  EXPECT_EQ(plan.files[0].part, 1);
  ASSERT_EQ(plan.files[0].sources.size(), 3U);
  EXPECT_EQ(plan.files[0].sources[0].booking_id, 2);
  EXPECT_EQ(plan.files[0].sources[1].booking_id, 3);
  EXPECT_EQ(plan.files[0].sources[1].line, 1U);
  EXPECT_EQ(plan.files[0].sources[2].line, 2U);
  EXPECT_EQ(plan.files[1].period.from, day(2024, 1, 1));
  EXPECT_EQ(plan.files[1].part, 2);
  EXPECT_EQ(plan.files[1].records.size(), 2U);
  EXPECT_EQ(plan.files[2].period.from, day(2024, 2, 1));
  EXPECT_EQ(plan.files[2].part, 1);
  EXPECT_EQ(plan.files[2].records.size(), 2U);
}

TEST(BookingRowsTest, ABookingOfMoreRecordsThanAFileHoldsIsSplit) {
  const std::vector<Booking> bookings = {invoice_of_lines(1, day(2024, 1, 1), 5)};
  const BookingFilePlan plan =
      plan_booking_files(bookings, FiscalYearStart{.month = 1, .day = 1}, kAccountLength, 2);
  ASSERT_EQ(plan.files.size(), 3U);
  EXPECT_EQ(plan.files[0].records.size(), 2U);
  EXPECT_EQ(plan.files[1].records.size(), 2U);
  EXPECT_EQ(plan.files[2].records.size(), 1U);
  EXPECT_EQ(plan.files[2].sources[0].line, 5U);
}

TEST(BookingRowsTest, EveryRefusedBookingIsNamedAndTheOthersArePlanned) {
  Booking one_line = payment(3, day(2024, 1, 2));
  one_line.lines.pop_back();
  Booking unbalanced = payment(4, day(2024, 1, 2));
  unbalanced.lines[0].amount = euros(1);
  const std::vector<Booking> bookings = {one_line, payment(5, day(2024, 1, 3)), unbalanced};
  const BookingFilePlan plan =
      plan_booking_files(bookings, FiscalYearStart{.month = 1, .day = 1}, kAccountLength);
  ASSERT_EQ(plan.errors.size(), 2U);
  EXPECT_EQ(plan.errors[0].position, 3);
  EXPECT_EQ(plan.errors[1].position, 4);
  ASSERT_EQ(plan.files.size(), 1U);
  EXPECT_EQ(plan.files[0].sources[0].booking_id, 5);
}

}  // namespace
}  // namespace kontor::plugins::datev
