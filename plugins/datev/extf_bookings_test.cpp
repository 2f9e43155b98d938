#include "extf_bookings.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extf_test_batch.hpp"
#include "extf_test_reader.hpp"

namespace kontor::plugins::datev {
namespace {

using test_support::day;
using test_support::euros;
using test_support::example_header;
using test_support::example_invoice;
using test_support::example_payment;
using test_support::field;
using test_support::skr03_automatic_accounts;
using test_support::split_crlf_lines;
using test_support::split_fields;
using test_support::unquoted;
using ::testing::HasSubstr;

// The lines of a file that must be written.
std::vector<std::string> lines_of(const BookingBatchHeader& header,
                                  const std::vector<ExtfBooking>& bookings) {
  ExtfWritten file = write_booking_file(header, bookings, skr03_automatic_accounts());
  for (const Error& error : file.errors) ADD_FAILURE() << error.message;
  test_support::ExtfLines lines = split_crlf_lines(file.text);
  EXPECT_TRUE(lines.ok);
  return lines.lines;
}

// The record of one booking that must be written.
std::string record_of(const ExtfBooking& booking,
                      const BookingBatchHeader& header = example_header()) {
  std::vector<std::string> lines = lines_of(header, {booking});
  return lines.size() == 3 ? lines[2] : "";
}

// The errors of one booking that must not be written.
std::vector<Error> errors_of(const ExtfBooking& booking,
                             const BookingBatchHeader& header = example_header()) {
  ExtfWritten file = write_booking_file(header, std::vector{booking}, skr03_automatic_accounts());
  EXPECT_FALSE(file.ok());
  EXPECT_EQ(file.text, "");
  return file.errors;
}

// The reference's example file (datev-extf.md §3), its records taken from there verbatim.
TEST(ExtfBookingsTest, InvoiceAndPaymentAreTheReferencesExampleRecords) {
  std::vector<std::string> lines =
      lines_of(example_header(), {example_invoice(), example_payment()});
  ASSERT_EQ(lines.size(), 4u);
  // The lone 0 is field 114 Festschreibung.
  EXPECT_EQ(
      lines[2],
      "119,00;\"S\";\"EUR\";;;\"\";10001;8400;\"\";1501;\"RE2024-0001\";\"\";;\"Rechnung RE2024"
      "-0001 Kunde GmbH\";;\"\";;;;\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";"
      "\"\";\"\";\"\";\"\";\"\";\"\";\"\";;\"\";;\"\";;;;;;\"\";\"\";\"\";\"\";\"\";\"\";\"\";"
      "\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\""
      "\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";;;;\"\";;;"
      ";\"\";\"\";;\"\";;;;\"\";\"\";;\"\";;\"\";;\"\";\"\";;\"\";;0;;;;\"\";;\"\";\"\";;\"\";;");
  EXPECT_EQ(
      lines[3],
      "119,00;\"S\";\"EUR\";;;\"\";1200;10001;\"\";2501;\"RE2024-0001\";\"\";;\"Zahlung RE2024-"
      "0001\";;\"\";;;;\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\""
      "\";\"\";\"\";\"\";\"\";;\"\";;\"\";;;;;;\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\""
      "\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";"
      "\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";;;;\"\";;;;\"\";\"\";;"
      "\"\";;;;\"\";\"\";;\"\";;\"\";;\"\";\"\";;\"\";;0;;;;\"\";;\"\";\"\";;\"\";;");
}

TEST(ExtfBookingsTest, FileIsHeaderThenHeadingsThenOneRecordPerBooking) {
  std::vector<std::string> lines =
      lines_of(example_header(), {example_invoice(), example_payment(), example_invoice()});
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(field(lines[0], 1), "\"EXTF\"");
  EXPECT_EQ(field(lines[1], 1), "Umsatz (ohne Soll/Haben-Kz)");
  EXPECT_EQ(field(lines[2], 7), "10001");
  EXPECT_EQ(field(lines[3], 7), "1200");
}

TEST(ExtfBookingsTest, EveryLineEndsWithCrLfIncludingTheLastAndThereIsNoBareLf) {
  ExtfWritten file = write_booking_file(example_header(), std::vector{example_invoice()},
                                        skr03_automatic_accounts());
  ASSERT_TRUE(file.ok());
  EXPECT_TRUE(file.text.ends_with("\r\n"));
  std::size_t line_feeds = 0;
  for (std::size_t i = 0; i < file.text.size(); ++i) {
    if (file.text[i] == '\n') {
      ++line_feeds;
      EXPECT_TRUE(i > 0 && file.text[i - 1] == '\r') << "bare LF at byte " << i;
    }
    if (file.text[i] == '\r') {
      EXPECT_EQ(file.text[i + 1], '\n') << "bare CR at byte " << i;
    }
  }
  EXPECT_EQ(line_feeds, 3u);
  EXPECT_TRUE(split_crlf_lines(file.text).ok);
}

TEST(ExtfBookingsTest, LineOneHas31FieldsLineTwoAndEveryRecord125InVersion13) {
  std::vector<std::string> lines =
      lines_of(example_header(), {example_invoice(), example_payment()});
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(split_fields(lines[0]).size(), 31u);
  for (std::size_t i = 1; i < lines.size(); ++i) {
    EXPECT_EQ(split_fields(lines[i]).size(), 125u) << "line " << i + 1;
  }
  EXPECT_EQ(field(lines[1], 125), "Abw. Skontokonto");
}

TEST(ExtfBookingsTest, LineTwoAndEveryRecordHave124FieldsInVersion12) {
  BookingBatchHeader header = example_header();
  header.format = BookingFormat::v12;
  std::vector<std::string> lines = lines_of(header, {example_invoice(), example_payment()});
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(field(lines[0], 5), "12");
  EXPECT_EQ(split_fields(lines[0]).size(), 31u);
  for (std::size_t i = 1; i < lines.size(); ++i) {
    EXPECT_EQ(split_fields(lines[i]).size(), 124u) << "line " << i + 1;
  }
  EXPECT_EQ(field(lines[1], 124), "EU-Steuersatz (Ursprung)");
  EXPECT_EQ(field(lines[2], 114), "0");
}

TEST(ExtfBookingsTest, TextComesOutAsCp1252WithEuroQuotesAndDashesAtTheirBytes) {
  ExtfBooking booking = example_invoice();
  booking.text = "Gebühr € „Mahnung“ – 2. Stufe …";
  ExtfWritten file =
      write_booking_file(example_header(), std::vector{booking}, skr03_automatic_accounts());
  ASSERT_TRUE(file.ok());
  std::string record = split_crlf_lines(file.text).lines.at(2);
  EXPECT_EQ(field(record, 14), "\"Geb\xFChr \x80 \x84Mahnung\x93 \x96 2. Stufe \x85\"");
  EXPECT_TRUE(file.changes.empty());
  // Nothing of UTF-8's multi-byte forms is left anywhere in the file (ü would be C3 BC).
  EXPECT_EQ(file.text.find('\xC3'), std::string::npos);
  EXPECT_EQ(file.text.find('\xE2'), std::string::npos);
  EXPECT_EQ(file.text.find("\xEF\xBB\xBF"), std::string::npos);  // no byte order mark
}

TEST(ExtfBookingsTest, QuoteInBuchungstextIsDoubled) {
  ExtfBooking booking = example_invoice();
  booking.text = "Rabatt \"Sommer\"";
  std::string record = record_of(booking);
  EXPECT_EQ(field(record, 14), "\"Rabatt \"\"Sommer\"\"\"");
  EXPECT_EQ(unquoted(field(record, 14)), "Rabatt \"Sommer\"");
  EXPECT_EQ(split_fields(record).size(), 125u);
}

TEST(ExtfBookingsTest, LineBreakInBuchungstextBecomesABlankAndIsReported) {
  ExtfBooking booking = example_invoice();
  booking.text = "Zahlung\nRE2024-0001\r\nTeil\t2";
  ExtfWritten file = write_booking_file(example_header(), std::vector{booking, booking},
                                        skr03_automatic_accounts());
  ASSERT_TRUE(file.ok());
  test_support::ExtfLines lines = split_crlf_lines(file.text);
  ASSERT_TRUE(lines.ok);
  ASSERT_EQ(lines.lines.size(), 4u);
  EXPECT_EQ(field(lines.lines[2], 14), "\"Zahlung RE2024-0001  Teil 2\"");
  ASSERT_EQ(file.changes.size(), 2u);
  EXPECT_EQ(file.changes[1].record, 2);
  EXPECT_THAT(file.changes[1].message, HasSubstr("record 2, field 14 (Buchungstext)"));
}

TEST(ExtfBookingsTest, BuchungstextLongerThanSixtyCharactersIsCutAndReported) {
  ExtfBooking booking = example_invoice();
  booking.text = std::string(60, 'a') + "bcd";
  ExtfWritten file =
      write_booking_file(example_header(), std::vector{booking}, skr03_automatic_accounts());
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(unquoted(field(split_crlf_lines(file.text).lines.at(2), 14)), std::string(60, 'a'));
  ASSERT_EQ(file.changes.size(), 1u);
  EXPECT_THAT(file.changes[0].message, HasSubstr("cut to 60 characters (was 63)"));
}

TEST(ExtfBookingsTest, UmsatzHasADecimalCommaAndNoSign) {
  ExtfBooking booking = example_invoice();
  booking.amount = euros(123456);
  EXPECT_EQ(field(record_of(booking), 1), "1234,56");
}

TEST(ExtfBookingsTest, UmsatzOfZeroIsAnErrorNamingTheRecord) {
  ExtfBooking booking = example_invoice();
  booking.amount = euros(0);
  std::vector<Error> errors = errors_of(booking);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0].message, HasSubstr("record 1, field 1 (Umsatz (ohne Soll/Haben-Kz))"));
  EXPECT_EQ(errors[0].position, 1);
}

TEST(ExtfBookingsTest, NegativeUmsatzIsAnErrorTheDirectionIsSollHaben) {
  ExtfBooking booking = example_invoice();
  booking.amount = euros(-11900);
  std::vector<Error> errors = errors_of(booking);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0].message, HasSubstr("negative"));
}

TEST(ExtfBookingsTest, SollHabenIsSForDebitAndHForCredit) {
  ExtfBooking booking = example_invoice();
  EXPECT_EQ(field(record_of(booking), 2), "\"S\"");
  booking.side = BookingSide::credit;
  EXPECT_EQ(field(record_of(booking), 2), "\"H\"");
}

TEST(ExtfBookingsTest, AmountInAnotherCurrencyThanTheBatchsIsAnError) {
  ExtfBooking booking = example_invoice();
  booking.amount = Money(11900, Currency::from_code("CHF").value());
  std::vector<Error> errors = errors_of(booking);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0].message, HasSubstr("field 3 (WKZ Umsatz)"));
}

TEST(ExtfBookingsTest, BelegdatumOfFifthJanuaryIs0501WithItsLeadingZero) {
  ExtfBooking booking = example_invoice();
  booking.document_date = day(2024, 1, 5);
  EXPECT_EQ(field(record_of(booking), 10), "0501");
}

TEST(ExtfBookingsTest, BelegdatumOutsideDatumVomBisIsAnErrorNamingTheRecord) {
  ExtfBooking late = example_payment();
  late.document_date = day(2024, 2, 1);
  ExtfWritten file = write_booking_file(example_header(), std::vector{example_invoice(), late},
                                        skr03_automatic_accounts());
  ASSERT_EQ(file.errors.size(), 1u);
  EXPECT_EQ(file.errors[0].position, 2);
  EXPECT_THAT(file.errors[0].message, HasSubstr("record 2, field 10 (Belegdatum)"));
  EXPECT_THAT(file.errors[0].message, HasSubstr("2024-02-01 is outside"));
  EXPECT_EQ(file.text, "");

  ExtfBooking early = example_invoice();
  early.document_date = day(2023, 12, 31);
  EXPECT_EQ(errors_of(early).size(), 1u);
}

TEST(ExtfBookingsTest, BelegdatumOnTheFirstAndLastDayOfThePeriodIsWritten) {
  ExtfBooking booking = example_invoice();
  booking.document_date = day(2024, 1, 1);
  EXPECT_EQ(field(record_of(booking), 10), "0101");
  booking.document_date = day(2024, 1, 31);
  EXPECT_EQ(field(record_of(booking), 10), "3101");
}

TEST(ExtfBookingsTest, FestschreibungIsZeroInHeaderAndField114OfEveryRecord) {
  std::vector<std::string> lines =
      lines_of(example_header(), {example_invoice(), example_payment()});
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(field(lines[0], 21), "0");
  EXPECT_EQ(field(lines[2], 114), "0");
  EXPECT_EQ(field(lines[3], 114), "0");
}

TEST(ExtfBookingsTest, LockedBatchHasOneInHeaderAndField114OfEveryRecord) {
  BookingBatchHeader header = example_header();
  header.locked = true;
  std::vector<std::string> lines = lines_of(header, {example_invoice(), example_payment()});
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(field(lines[0], 21), "1");
  EXPECT_EQ(field(lines[2], 114), "1");
  EXPECT_EQ(field(lines[3], 114), "1");
}

TEST(ExtfBookingsTest, TaxKeyOnAnAutomaticAccountIsAnError) {
  ExtfBooking booking = example_invoice();  // against 8400, automatic in SKR03
  booking.tax_key = "3";
  std::vector<Error> errors = errors_of(booking);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0].message, HasSubstr("record 1, field 9 (BU-Schlüssel)"));
  EXPECT_THAT(errors[0].message, HasSubstr("automatic account 8400"));

  booking.account = "8400";  // the automatic account as Konto
  booking.contra_account = "10001";
  EXPECT_EQ(errors_of(booking).size(), 1u);
}

TEST(ExtfBookingsTest, TaxKey40LiftsTheAutomaticAndMayStandOnAnAutomaticAccount) {
  ExtfBooking booking = example_invoice();
  booking.tax_key = "40";
  EXPECT_EQ(field(record_of(booking), 9), "\"40\"");
}

TEST(ExtfBookingsTest, TaxKeyOnAnAccountThatIsNotAutomaticIsWrittenQuoted) {
  ExtfBooking booking = example_invoice();
  booking.contra_account = "8401";
  booking.tax_key = "3";
  EXPECT_EQ(field(record_of(booking), 9), "\"3\"");
  booking.tax_key = "9999";
  EXPECT_EQ(field(record_of(booking), 9), "\"9999\"");
}

TEST(ExtfBookingsTest, TaxKeyThatIsNotOneToFourDigitsIsAnError) {
  ExtfBooking booking = example_invoice();
  booking.contra_account = "8401";
  for (std::string bad : {"12345", "3a", " 3", "-3"}) {
    booking.tax_key = bad;
    std::vector<Error> errors = errors_of(booking);
    ASSERT_EQ(errors.size(), 1u) << bad;
    EXPECT_THAT(errors[0].message, HasSubstr("field 9 (BU-Schlüssel)"));
  }
}

TEST(ExtfBookingsTest, KontoAndGegenkontoFollowTheSachkontenlaenge) {
  BookingBatchHeader header = example_header();
  header.client.account_length = 5;
  ExtfBooking booking = example_invoice();
  booking.account = "100001";  // Personenkonto: SKL + 1
  booking.contra_account = "84000";
  std::string record = record_of(booking, header);
  EXPECT_EQ(field(record, 7), "100001");
  EXPECT_EQ(field(record, 8), "84000");

  booking.account = "1000001";
  std::vector<Error> errors = errors_of(booking, header);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0].message, HasSubstr("field 7 (Konto)"));
}

TEST(ExtfBookingsTest, EmptyKontoIsAnErrorNotARepeatOfThePreviousRecordsAccount) {
  ExtfBooking booking = example_payment();
  booking.account = "";
  ExtfWritten file = write_booking_file(example_header(), std::vector{example_invoice(), booking},
                                        skr03_automatic_accounts());
  ASSERT_EQ(file.errors.size(), 1u);
  EXPECT_THAT(file.errors[0].message, HasSubstr("record 2, field 7 (Konto)"));
}

TEST(ExtfBookingsTest, KontoEqualToGegenkontoIsAnError) {
  ExtfBooking booking = example_invoice();
  booking.contra_account = booking.account;
  std::vector<Error> errors = errors_of(booking);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0].message, HasSubstr("field 8 (Gegenkonto (ohne BU-Schlüssel))"));
}

TEST(ExtfBookingsTest, Belegfeld1WithCharactersDatevRefusesIsAnErrorNotAChangedKey) {
  ExtfBooking booking = example_invoice();
  booking.document_number = "RE 2024.0001";
  std::vector<Error> errors = errors_of(booking);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0].message, HasSubstr("field 11 (Belegfeld 1)"));
}

TEST(ExtfBookingsTest, Belegfeld2OfMoreThanTwelveCharactersIsAnError) {
  ExtfBooking booking = example_invoice();
  booking.document_number_2 = "K-1234567890";
  EXPECT_EQ(field(record_of(booking), 12), "\"K-1234567890\"");
  booking.document_number_2 = "K-12345678901";
  std::vector<Error> errors = errors_of(booking);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0].message, HasSubstr("field 12 (Belegfeld 2)"));
}

TEST(ExtfBookingsTest, DueDateIsField117AsDayMonthYear) {
  ExtfBooking booking = example_invoice();
  booking.due_date = day(2024, 2, 14);
  EXPECT_EQ(field(record_of(booking), 117), "14022024");
}

TEST(ExtfBookingsTest, DunningInterestAndFeeAreSachverhalt31And40InField18) {
  ExtfBooking interest = example_invoice();
  interest.contra_account = "2650";
  interest.facts_code = std::string(kFactsDunningInterest);
  EXPECT_EQ(field(record_of(interest), 18), "31");
  ExtfBooking fee = example_invoice();
  fee.contra_account = "8600";
  fee.facts_code = std::string(kFactsDunningFee);
  EXPECT_EQ(field(record_of(fee), 18), "40");
  fee.facts_code = "32";
  std::vector<Error> errors = errors_of(fee);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0].message, HasSubstr("field 18 (Sachverhalt)"));
}

TEST(ExtfBookingsTest, OpenItemFieldsWithoutAPersonenkontoAreAnError) {
  ExtfBooking fee = example_invoice();  // a bank fee: Sachkonten only
  fee.account = "4970";
  fee.contra_account = "1200";
  fee.due_date = day(2024, 2, 14);
  fee.facts_code = "40";
  std::vector<Error> errors = errors_of(fee);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_THAT(errors[0].message, HasSubstr("field 18 (Sachverhalt)"));
  EXPECT_THAT(errors[1].message, HasSubstr("field 117 (Fälligkeit)"));
}

TEST(ExtfBookingsTest, GeneralumkehrIsAQuotedOneInField118) {
  ExtfBooking booking = example_invoice();
  EXPECT_EQ(field(record_of(booking), 118), "\"\"");
  booking.general_reversal = true;
  EXPECT_EQ(field(record_of(booking), 118), "\"1\"");
}

TEST(ExtfBookingsTest, EveryErrorOfEveryRecordIsReportedAndNoTextWritten) {
  ExtfBooking first = example_invoice();
  first.amount = euros(0);
  first.document_number = "RE 1";
  ExtfBooking third = example_payment();
  third.contra_account = "99";
  third.account = "99";
  ExtfWritten file = write_booking_file(
      example_header(), std::vector{first, example_payment(), third}, skr03_automatic_accounts());
  ASSERT_EQ(file.errors.size(), 3u);
  EXPECT_EQ(file.errors[0].position, 1);
  EXPECT_EQ(file.errors[1].position, 1);
  EXPECT_EQ(file.errors[2].position, 3);
  EXPECT_EQ(file.text, "");
}

TEST(ExtfBookingsTest, BrokenHeaderMeansNoFileButTheRecordsAreStillChecked) {
  BookingBatchHeader header = example_header();
  header.client.advisor_number = 12;
  ExtfBooking booking = example_invoice();
  booking.amount = euros(0);
  ExtfWritten file = write_booking_file(header, std::vector{booking}, skr03_automatic_accounts());
  ASSERT_EQ(file.errors.size(), 2u);
  EXPECT_THAT(file.errors[0].message, HasSubstr("header, field 11 (Beraternummer)"));
  EXPECT_THAT(file.errors[1].message, HasSubstr("record 1, field 1"));
  EXPECT_EQ(file.text, "");
}

TEST(ExtfBookingsTest, BatchWithoutBookingsIsAnError) {
  ExtfWritten file =
      write_booking_file(example_header(), std::vector<ExtfBooking>{}, skr03_automatic_accounts());
  ASSERT_EQ(file.errors.size(), 1u);
  EXPECT_THAT(file.errors[0].message, HasSubstr("no bookings"));
}

TEST(ExtfBookingsTest, MoreThan99999BookingsIsAnError) {
  std::vector<ExtfBooking> bookings(100'000, example_invoice());
  ExtfWritten file = write_booking_file(example_header(), bookings, skr03_automatic_accounts());
  ASSERT_EQ(file.errors.size(), 1u);
  EXPECT_THAT(file.errors[0].message, HasSubstr("100000 bookings"));
  EXPECT_THAT(file.errors[0].message, HasSubstr("at most 99999"));
  EXPECT_EQ(file.text, "");
}

TEST(ExtfBookingsTest, Exactly99999BookingsAreOneFile) {
  std::vector<ExtfBooking> bookings(99'999, example_invoice());
  ExtfWritten file = write_booking_file(example_header(), bookings, skr03_automatic_accounts());
  ASSERT_TRUE(file.ok());
  test_support::ExtfLines lines = split_crlf_lines(file.text);
  ASSERT_TRUE(lines.ok);
  EXPECT_EQ(lines.lines.size(), 2u + 99'999u);
}

TEST(ExtfBookingsTest, SameBatchGivesTheSameBytes) {
  std::vector<ExtfBooking> bookings = {example_invoice(), example_payment()};
  EXPECT_EQ(write_booking_file(example_header(), bookings, skr03_automatic_accounts()).text,
            write_booking_file(example_header(), bookings, skr03_automatic_accounts()).text);
}

}  // namespace
}  // namespace kontor::plugins::datev
