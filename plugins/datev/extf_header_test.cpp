#include "extf_header.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extf_test_batch.hpp"
#include "extf_test_reader.hpp"

namespace kontor::plugins::datev {
namespace {

using test_support::day;
using test_support::example_header;
using test_support::field;
using test_support::split_fields;
using ::testing::HasSubstr;

std::string header_line(const BookingBatchHeader& header) {
  ExtfWritten line = booking_header_line(header);
  EXPECT_TRUE(line.ok()) << (line.ok() ? "" : line.errors.front().message);
  return line.text;
}

std::vector<std::string> error_messages(const ExtfWritten& written) {
  std::vector<std::string> messages;
  for (const Error& error : written.errors) messages.push_back(error.message);
  return messages;
}

// The header line of the reference's example file (datev-extf.md §3), copied by hand.
TEST(ExtfHeaderTest, BookingHeaderIsTheReferencesExampleLine) {
  EXPECT_EQ(header_line(example_header()),
            "\"EXTF\";700;21;\"Buchungsstapel\";13;20240131120000000;;\"RE\";\"\";\"\";29098;55003;"
            "20240101;4;20240101;20240131;\"Rechnungsausgang 01/2024\";\"\";1;0;0;\"EUR\";;\"\";;;"
            "\"03\";;;\"\";\"\"");
}

// DATEV's own example of a category 16 header (datev-extf.md §2), copied by hand.
TEST(ExtfHeaderTest, DebtorHeaderIsDatevsExampleLine) {
  DebtorFileHeader header{
      .client = example_header().client,
      .created_at =
          {.date = day(2024, 1, 30), .hour = 14, .minute = 6, .second = 59, .millisecond = 583},
      .label = "",
      .origin = "RE",
      .exported_by = "",
      .application_info = "",
  };
  ExtfWritten line = debtor_header_line(header);
  ASSERT_TRUE(line.ok());
  EXPECT_EQ(line.text,
            "\"EXTF\";700;16;\"Debitoren/Kreditoren\";5;20240130140659583;;\"RE\";\"\";\"\";29098;"
            "55003;20240101;4;;;\"\";\"\";;;;\"\";;\"\";;;\"03\";;;\"\";\"\"");
}

TEST(ExtfHeaderTest, HeaderHasThirtyOneFields) {
  EXPECT_EQ(split_fields(header_line(example_header())).size(), 31u);
}

TEST(ExtfHeaderTest, HeaderTextFieldsAreQuotedAndNumbersAreNot) {
  BookingBatchHeader header = example_header();
  header.dictation_initials = "WD";
  header.application_info = "Kontor";
  std::vector<std::string> fields = split_fields(header_line(header));
  ASSERT_EQ(fields.size(), 31u);
  for (int text : {1, 4, 8, 9, 10, 17, 18, 22, 24, 27, 30, 31}) {
    EXPECT_TRUE(test_support::is_quoted(fields[text - 1])) << "field " << text;
  }
  for (int number : {2, 3, 5, 6, 11, 12, 13, 14, 15, 16, 19, 20, 21}) {
    EXPECT_FALSE(fields[number - 1].empty()) << "field " << number;
    EXPECT_EQ(fields[number - 1].find('"'), std::string::npos) << "field " << number;
  }
}

TEST(ExtfHeaderTest, ErzeugtAmHasSeventeenDigitsWithMilliseconds) {
  BookingBatchHeader header = example_header();
  header.created_at = {
      .date = day(2024, 3, 7), .hour = 8, .minute = 5, .second = 9, .millisecond = 42};
  std::string created = field(header_line(header), 6);
  EXPECT_EQ(created, "20240307080509042");
  EXPECT_EQ(created.size(), 17u);
}

TEST(ExtfHeaderTest, ErzeugtAmThatIsNoTimeOfDayIsAnError) {
  BookingBatchHeader header = example_header();
  header.created_at.hour = 24;
  ExtfWritten line = booking_header_line(header);
  ASSERT_FALSE(line.ok());
  EXPECT_THAT(line.errors.front().message, HasSubstr("field 6 (Erzeugt am)"));
  EXPECT_EQ(line.text, "");
}

TEST(ExtfHeaderTest, FestschreibungIsWrittenExplicitlyAsZeroOrOne) {
  BookingBatchHeader header = example_header();
  EXPECT_EQ(field(header_line(header), 21), "0");
  header.locked = true;
  EXPECT_EQ(field(header_line(header), 21), "1");
}

TEST(ExtfHeaderTest, FormatVersionTwelveIsAnOption) {
  BookingBatchHeader header = example_header();
  header.format = BookingFormat::v12;
  EXPECT_EQ(field(header_line(header), 5), "12");
}

TEST(ExtfHeaderTest, FormatVersionOtherThan12Or13IsAnError) {
  BookingBatchHeader header = example_header();
  header.format = static_cast<BookingFormat>(11);
  ExtfWritten line = booking_header_line(header);
  ASSERT_FALSE(line.ok());
  EXPECT_THAT(line.errors.front().message, HasSubstr("field 5 (Formatversion)"));
}

TEST(ExtfHeaderTest, ChartOfAccountsIsHeaderField27) {
  BookingBatchHeader header = example_header();
  header.client.chart = "04";
  EXPECT_EQ(field(header_line(header), 27), "\"04\"");
  header.client.chart = "4";
  ExtfWritten line = booking_header_line(header);
  ASSERT_FALSE(line.ok());
  EXPECT_THAT(line.errors.front().message, HasSubstr("field 27 (Sachkontenrahmen)"));
  header.client.chart = "S4";
  EXPECT_FALSE(booking_header_line(header).ok());
}

TEST(ExtfHeaderTest, DatumVomAfterDatumBisIsAnError) {
  BookingBatchHeader header = example_header();
  header.period_from = day(2024, 1, 31);
  header.period_to = day(2024, 1, 1);
  ExtfWritten line = booking_header_line(header);
  ASSERT_FALSE(line.ok());
  EXPECT_THAT(line.errors.front().message, HasSubstr("field 15 (Datum vom)"));
  EXPECT_EQ(line.errors.front().position, 0);
}

TEST(ExtfHeaderTest, PeriodSpanningThirtyFirstDecemberIsAnError) {
  BookingBatchHeader header = example_header();
  header.client.fiscal_year_start = day(2024, 7, 1);  // a fiscal year across New Year
  header.period_from = day(2024, 12, 1);
  header.period_to = day(2025, 1, 31);
  ExtfWritten line = booking_header_line(header);
  ASSERT_EQ(line.errors.size(), 1u);
  EXPECT_THAT(line.errors.front().message, HasSubstr("31 December"));
  EXPECT_THAT(line.errors.front().message, HasSubstr("field 16 (Datum bis)"));
}

TEST(ExtfHeaderTest, PeriodSpanningTheFiscalYearStartIsAnError) {
  BookingBatchHeader header = example_header();
  header.client.fiscal_year_start = day(2023, 7, 1);
  header.period_from = day(2024, 6, 15);
  header.period_to = day(2024, 7, 15);
  ExtfWritten line = booking_header_line(header);
  ASSERT_EQ(line.errors.size(), 1u);
  EXPECT_THAT(line.errors.front().message, HasSubstr("fiscal year starting 2024-07-01"));
}

TEST(ExtfHeaderTest, PeriodBeforeTheFiscalYearStartIsAnError) {
  BookingBatchHeader header = example_header();
  header.client.fiscal_year_start = day(2024, 2, 1);
  ExtfWritten line = booking_header_line(header);
  ASSERT_EQ(line.errors.size(), 1u);
  EXPECT_THAT(line.errors.front().message, HasSubstr("before the fiscal year's start"));
}

TEST(ExtfHeaderTest, PeriodInsideANonCalendarFiscalYearAndOneCalendarYearIsWritten) {
  BookingBatchHeader header = example_header();
  header.client.fiscal_year_start = day(2023, 7, 1);
  header.period_from = day(2024, 6, 1);
  header.period_to = day(2024, 6, 30);
  std::string line = header_line(header);
  EXPECT_EQ(field(line, 13), "20230701");
  EXPECT_EQ(field(line, 15), "20240601");
  EXPECT_EQ(field(line, 16), "20240630");
}

TEST(ExtfHeaderTest, BeraterMandantAndSachkontenlaengeOutOfRangeAreAllReported) {
  BookingBatchHeader header = example_header();
  header.client.advisor_number = 1000;
  header.client.client_number = 100000;
  header.client.account_length = 9;
  ExtfWritten line = booking_header_line(header);
  EXPECT_THAT(error_messages(line),
              ::testing::ElementsAre(HasSubstr("field 11 (Beraternummer)"),
                                     HasSubstr("field 12 (Mandantennummer)"),
                                     HasSubstr("field 14 (Sachkontenlänge)")));
  EXPECT_EQ(line.text, "");
}

TEST(ExtfHeaderTest, BeraterMandantAndSachkontenlaengeAtTheirLimitsAreWritten) {
  BookingBatchHeader header = example_header();
  for (auto [advisor, client, length] :
       {std::tuple{1001, 1, 4}, std::tuple{9'999'999, 99'999, 8}}) {
    header.client.advisor_number = advisor;
    header.client.client_number = client;
    header.client.account_length = length;
    std::string line = header_line(header);
    EXPECT_EQ(field(line, 11), std::to_string(advisor));
    EXPECT_EQ(field(line, 12), std::to_string(client));
    EXPECT_EQ(field(line, 14), std::to_string(length));
  }
  header.client.advisor_number = 10'000'000;
  header.client.client_number = 0;
  header.client.account_length = 3;
  EXPECT_EQ(booking_header_line(header).errors.size(), 3u);
}

TEST(ExtfHeaderTest, BezeichnungOfMoreThanThirtyCharactersIsAnError) {
  BookingBatchHeader header = example_header();
  header.label = std::string(30, 'K');
  EXPECT_TRUE(booking_header_line(header).ok());
  header.label = std::string(31, 'K');
  ExtfWritten line = booking_header_line(header);
  ASSERT_FALSE(line.ok());
  EXPECT_THAT(line.errors.front().message, HasSubstr("field 17 (Bezeichnung)"));
}

TEST(ExtfHeaderTest, BezeichnungTakesLettersDigitsUnderscoreBlankDotAndSlash) {
  BookingBatchHeader header = example_header();
  header.label = "Zahlungseingänge 01.2024/A_1";
  EXPECT_EQ(field(header_line(header), 17), "\"Zahlungseing\xE4nge 01.2024/A_1\"");
  header.label = "Kontor; Lauf 1";
  EXPECT_FALSE(booking_header_line(header).ok());
}

TEST(ExtfHeaderTest, DiktatkuerzelIsEmptyOrTwoUpperCaseLetters) {
  BookingBatchHeader header = example_header();
  header.dictation_initials = "WD";
  EXPECT_EQ(field(header_line(header), 18), "\"WD\"");
  for (std::string bad : {"wd", "W", "WDX", "W1"}) {
    header.dictation_initials = bad;
    ExtfWritten line = booking_header_line(header);
    ASSERT_FALSE(line.ok()) << bad;
    EXPECT_THAT(line.errors.front().message, HasSubstr("field 18 (Diktatkürzel)"));
  }
}

TEST(ExtfHeaderTest, HerkunftAndExportiertVonTakeWordCharactersOnly) {
  BookingBatchHeader header = example_header();
  header.exported_by = "kontor_export";
  EXPECT_EQ(field(header_line(header), 9), "\"kontor_export\"");
  header.exported_by = "Kontor Export";  // DATEV's \w{0,25}: no blank
  EXPECT_FALSE(booking_header_line(header).ok());
  header = example_header();
  header.origin = "REX";
  EXPECT_FALSE(booking_header_line(header).ok());
}

TEST(ExtfHeaderTest, AnwendungsinformationOfMoreThanSixteenCharactersIsAnError) {
  BookingBatchHeader header = example_header();
  header.application_info = "Kontor 01/2024";
  EXPECT_EQ(field(header_line(header), 31), "\"Kontor 01/2024\"");
  header.application_info = std::string(17, 'x');
  EXPECT_FALSE(booking_header_line(header).ok());
}

TEST(ExtfHeaderTest, CurrencyIsHeaderField22) {
  BookingBatchHeader header = example_header();
  header.currency = Currency::from_code("CHF").value();
  EXPECT_EQ(field(header_line(header), 22), "\"CHF\"");
}

}  // namespace
}  // namespace kontor::plugins::datev
