// The validation checklist of the reference (datev-extf.md §8), one test per rule, each run
// against a month of bookings as the export engine would hand them over, read back with the
// tests' own splitter: what DATEV would find in the file, not what the writer meant to write.
#include <gtest/gtest.h>

#include <algorithm>

#include "extf_bookings.hpp"
#include "extf_file_name.hpp"
#include "extf_test_batch.hpp"
#include "extf_test_reader.hpp"

namespace kontor::plugins::datev {
namespace {

using test_support::day;
using test_support::euros;
using test_support::example_header;
using test_support::example_invoice;
using test_support::is_quoted;
using test_support::skr03_automatic_accounts;
using test_support::split_crlf_lines;
using test_support::split_fields;
using test_support::unquoted;

constexpr std::size_t kColumns = 125;
constexpr int kAccountLength = 4;

// January 2024 of a small company on SKR03: invoices at 19 % and 7 %, a payment, a dunning fee
// and interest, a bank charge, a write-off, a reversal, and texts with what people type.
std::vector<ExtfBooking> january() {
  std::vector<ExtfBooking> bookings;
  ExtfBooking invoice = example_invoice();
  invoice.due_date = day(2024, 2, 14);
  bookings.push_back(invoice);

  ExtfBooking reduced = example_invoice();
  reduced.amount = euros(10700);
  reduced.contra_account = "8300";
  reduced.document_date = day(2024, 1, 5);
  reduced.text = "Bücher \"Sonderedition\" – Lieferung 1/2";
  bookings.push_back(reduced);

  ExtfBooking payment = example_invoice();
  payment.account = "1200";
  payment.contra_account = "10001";
  payment.document_date = day(2024, 1, 25);
  payment.text = "Zahlung RE2024-0001\r\nVerwendungszweck: RE2024-0001 Kunde GmbH & Co. KG, Danke!";
  bookings.push_back(payment);

  ExtfBooking fee = example_invoice();
  fee.amount = euros(500);
  fee.contra_account = "8600";
  fee.facts_code = std::string(kFactsDunningFee);
  fee.document_date = day(2024, 1, 31);
  fee.text = "Mahngebühr 1. Mahnung";
  bookings.push_back(fee);

  ExtfBooking interest = fee;
  interest.amount = euros(137);
  interest.contra_account = "2650";
  interest.facts_code = std::string(kFactsDunningInterest);
  interest.text = "Verzugszinsen 9 % über Basiszins";
  bookings.push_back(interest);

  ExtfBooking charge = example_invoice();
  charge.amount = euros(250);
  charge.account = "4970";
  charge.contra_account = "1200";
  charge.document_number = "KA-2024-01";
  charge.document_date = day(2024, 1, 31);
  charge.text = "Kontoführung Januar €";
  bookings.push_back(charge);

  ExtfBooking write_off = example_invoice();
  write_off.side = BookingSide::credit;
  write_off.account = "10002";
  write_off.contra_account = "2406";
  write_off.document_number = "RE2023-0917";
  write_off.text = "Forderungsausfall Łukasz Wójcik";
  bookings.push_back(write_off);

  ExtfBooking reversal = example_invoice();
  reversal.general_reversal = true;
  reversal.document_date = day(2024, 1, 20);
  reversal.text = "Storno RE2024-0001";
  bookings.push_back(reversal);

  ExtfBooking credit_note = example_invoice();
  credit_note.side = BookingSide::credit;
  credit_note.contra_account = "8401";  // not automatic: the key says 19 %
  credit_note.tax_key = "3";
  credit_note.document_number_2 = "GS-17";
  bookings.push_back(credit_note);
  return bookings;
}

class ExtfChecklistTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ExtfWritten written =
        write_booking_file(example_header(), january(), skr03_automatic_accounts());
    for (const Error& error : written.errors) ADD_FAILURE() << error.message;
    file_ = new std::string(std::move(written.text));
  }
  static void TearDownTestSuite() {
    delete file_;
    file_ = nullptr;
  }

  static const std::string& file() { return *file_; }
  static std::vector<std::string> lines() { return split_crlf_lines(file()).lines; }
  static std::vector<std::vector<std::string>> records() {
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> all = lines();
    for (std::size_t i = 2; i < all.size(); ++i) records.push_back(split_fields(all[i]));
    return records;
  }
  static std::vector<std::string> header() { return split_fields(lines().at(0)); }

 private:
  static inline std::string* file_ = nullptr;
};

bool digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// \d{n}, read as a number.
int number(std::string_view text) {
  return digits(text) ? std::stoi(std::string(text)) : -1;
}

// JJJJMMTT as a Date, or nothing.
std::optional<Date> header_date(std::string_view text) {
  if (text.size() != 8 || !digits(text)) return std::nullopt;
  Result<Date> date = Date::from_ymd(number(text.substr(0, 4)), number(text.substr(4, 2)),
                                     number(text.substr(6, 2)));
  return date.ok() ? std::optional<Date>(*date) : std::nullopt;
}

// ^\d{1,10},\d{2}$
bool is_datev_amount(std::string_view text) {
  std::size_t comma = text.find(',');
  return comma != std::string_view::npos && comma >= 1 && comma <= 10 &&
         digits(text.substr(0, comma)) && text.size() == comma + 3 &&
         digits(text.substr(comma + 1));
}

const std::string& at(const std::vector<std::string>& record, int column) {
  return record.at(static_cast<std::size_t>(column - 1));
}

TEST_F(ExtfChecklistTest, FileNameMatchesExtfCsv) {
  std::string name = booking_file_name(day(2024, 1, 1), "2024-01");
  EXPECT_TRUE(name.starts_with("EXTF_") && name.ends_with(".csv") && name.size() > 9) << name;
}

TEST_F(ExtfChecklistTest, BytesAreValidCp1252WithoutByteOrderMark) {
  ASSERT_FALSE(file().empty());
  EXPECT_FALSE(file().starts_with("\xEF\xBB\xBF"));
  for (char c : file()) {
    auto byte = static_cast<unsigned char>(c);
    // Undefined in cp1252, and control bytes other than the line ends.
    EXPECT_TRUE(byte != 0x81 && byte != 0x8D && byte != 0x8F && byte != 0x90 && byte != 0x9D);
    EXPECT_TRUE(byte >= 0x20 || byte == '\r' || byte == '\n') << int(byte);
  }
  EXPECT_NE(file().find("B\xFC"
                        "cher"),
            std::string::npos);
  EXPECT_NE(file().find("\x96 Lieferung"), std::string::npos);
}

TEST_F(ExtfChecklistTest, EveryLineEndsWithCrLfAndThereIsNoBareLf) {
  EXPECT_TRUE(file().ends_with("\r\n"));
  EXPECT_TRUE(split_crlf_lines(file()).ok);
  EXPECT_EQ(lines().size(), 2 + january().size());
}

TEST_F(ExtfChecklistTest, LineOneHas31FieldsLineTwoAndEveryRecord125) {
  std::vector<std::string> all = lines();
  ASSERT_GE(all.size(), 3u);
  EXPECT_EQ(split_fields(all[0]).size(), 31u);
  for (std::size_t i = 1; i < all.size(); ++i) {
    EXPECT_EQ(split_fields(all[i]).size(), kColumns) << "line " << i + 1;
  }
}

TEST_F(ExtfChecklistTest, HeaderPeriodIsOrderedInOneCalendarYearInsideTheFiscalYear) {
  std::optional<Date> fiscal_year_start = header_date(header().at(12));
  std::optional<Date> from = header_date(header().at(14));
  std::optional<Date> to = header_date(header().at(15));
  ASSERT_TRUE(fiscal_year_start && from && to);
  EXPECT_LE(*from, *to);
  EXPECT_EQ(from->year(), to->year());
  EXPECT_GE(*from, *fiscal_year_start);
  EXPECT_LT(*to, fiscal_year_start->add_months(12).value());
}

TEST_F(ExtfChecklistTest, HeaderBeraterMandantAndSachkontenlaengeAreInRange) {
  EXPECT_GE(number(header().at(10)), 1001);
  EXPECT_LE(number(header().at(10)), 9'999'999);
  EXPECT_GE(number(header().at(11)), 1);
  EXPECT_LE(number(header().at(11)), 99'999);
  EXPECT_GE(number(header().at(13)), 4);
  EXPECT_LE(number(header().at(13)), 8);
}

TEST_F(ExtfChecklistTest, HeaderErzeugtAmHas17DigitsWithAValidDate) {
  std::string created = header().at(5);
  EXPECT_EQ(created.size(), 17u);
  EXPECT_TRUE(digits(created));
  EXPECT_TRUE(header_date(created.substr(0, 8)).has_value());
}

TEST_F(ExtfChecklistTest, HeaderBezeichnungHasAtMost30Characters) {
  ASSERT_TRUE(is_quoted(header().at(16)));
  EXPECT_LE(unquoted(header().at(16)).size(), 30u);
}

TEST_F(ExtfChecklistTest, Rule1UmsatzHasCommaTwoDecimalsAndIsNeverZero) {
  for (const auto& record : records()) {
    EXPECT_TRUE(is_datev_amount(at(record, 1))) << at(record, 1);
    EXPECT_NE(at(record, 1), "0,00");
  }
}

TEST_F(ExtfChecklistTest, Rule2SollHabenIsQuotedSOrH) {
  for (const auto& record : records()) {
    EXPECT_TRUE(at(record, 2) == "\"S\"" || at(record, 2) == "\"H\"") << at(record, 2);
  }
}

TEST_F(ExtfChecklistTest, Rule3CurrencyIsThreeUpperCaseLettersAndBaseAmountComesWithItsCurrency) {
  for (const auto& record : records()) {
    std::string currency = unquoted(at(record, 3));
    EXPECT_TRUE(currency.empty() ||
                (currency.size() == 3 && std::all_of(currency.begin(), currency.end(),
                                                     [](char c) { return c >= 'A' && c <= 'Z'; })));
    EXPECT_EQ(at(record, 5).empty(), unquoted(at(record, 6)).empty());
  }
}

TEST_F(ExtfChecklistTest, Rule4KontoAndGegenkontoAreDigitsWithinSklPlusOneAndDiffer) {
  for (const auto& record : records()) {
    for (int column : {7, 8}) {
      const std::string& account = at(record, column);
      EXPECT_TRUE(digits(account)) << account;
      EXPECT_LE(account.size(), static_cast<std::size_t>(kAccountLength + 1)) << account;
      EXPECT_NE(account.find_first_not_of('0'), std::string::npos) << account;
    }
    EXPECT_NE(at(record, 7), at(record, 8));
  }
}

TEST_F(ExtfChecklistTest, Rule5TaxKeyIsOneToFourDigitsAndOnlyFortyOnAutomaticAccounts) {
  AutomaticAccounts automatic = skr03_automatic_accounts();
  for (const auto& record : records()) {
    ASSERT_TRUE(is_quoted(at(record, 9)));
    std::string key = unquoted(at(record, 9));
    if (key.empty()) continue;
    EXPECT_TRUE(digits(key) && key.size() <= 4) << key;
    if (automatic.contains(at(record, 7)) || automatic.contains(at(record, 8))) {
      EXPECT_EQ(key, "40");
    }
  }
}

TEST_F(ExtfChecklistTest, Rule6BelegdatumIsAValidDayInsideThePeriod) {
  std::optional<Date> from = header_date(header().at(14));
  std::optional<Date> to = header_date(header().at(15));
  ASSERT_TRUE(from && to);
  for (const auto& record : records()) {
    const std::string& date = at(record, 10);
    ASSERT_EQ(date.size(), 4u);
    ASSERT_TRUE(digits(date));
    Result<Date> day_of_year =
        Date::from_ymd(from->year(), number(date.substr(2, 2)), number(date.substr(0, 2)));
    ASSERT_TRUE(day_of_year.ok()) << date;
    EXPECT_GE(*day_of_year, *from);
    EXPECT_LE(*day_of_year, *to);
  }
}

TEST_F(ExtfChecklistTest, Rule7BelegfelderHaveDatevsCharactersAndLengths) {
  auto allowed = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           std::string_view("$&%*+-/").find(c) != std::string_view::npos;
  };
  for (const auto& record : records()) {
    std::string first = unquoted(at(record, 11));
    std::string second = unquoted(at(record, 12));
    EXPECT_LE(first.size(), 36u);
    EXPECT_LE(second.size(), 12u);
    EXPECT_TRUE(std::all_of(first.begin(), first.end(), allowed)) << first;
    EXPECT_TRUE(std::all_of(second.begin(), second.end(), allowed)) << second;
  }
}

TEST_F(ExtfChecklistTest, Rule8SkontoIsEmpty) {
  for (const auto& record : records()) EXPECT_EQ(at(record, 13), "");
}

TEST_F(ExtfChecklistTest, Rule9BuchungstextFitsAndTextFieldsAreQuotedWithoutControlCharacters) {
  const std::vector<int> text_columns = {2,   3,   6,   9,   11,  12,  14,  16,  20,  37,
                                         38,  40,  42,  91,  95,  96,  98,  102, 103, 105,
                                         107, 109, 110, 112, 118, 120, 121, 123};
  for (const auto& record : records()) {
    EXPECT_LE(unquoted(at(record, 14)).size(), 60u);
    for (int column : text_columns) {
      const std::string& text = at(record, column);
      EXPECT_TRUE(is_quoted(text)) << "field " << column << ": " << text;
      EXPECT_EQ(text.find_first_of("\r\n\t"), std::string::npos);
      // Inside the quotes, every quote is one of a pair.
      std::string inner = text.substr(1, text.size() - 2);
      for (std::size_t i = 0; i < inner.size(); ++i) {
        if (inner[i] != '"') continue;
        ASSERT_TRUE(i + 1 < inner.size() && inner[i + 1] == '"') << text;
        ++i;
      }
    }
  }
  EXPECT_EQ(unquoted(at(records().at(1), 14)),
            "B\xFC"
            "cher \"Sonderedition\" \x96 Lieferung 1/2");
}

TEST_F(ExtfChecklistTest, Rule10BeleginfoAndZusatzinformationPairsAreBothOrNeither) {
  for (const auto& record : records()) {
    for (int art = 21; art <= 87; art += 2) {
      if (art == 37) art = 48;  // the Zusatzinformation pairs start at 48
      std::string kind = unquoted(at(record, art));
      std::string content = unquoted(at(record, art + 1));
      EXPECT_EQ(kind.empty(), content.empty()) << "field " << art;
      EXPECT_LE(kind.size(), 20u);
      EXPECT_LE(content.size(), 210u);
    }
  }
}

TEST_F(ExtfChecklistTest, Rule11EuVatIdIsEmpty) {
  for (const auto& record : records()) EXPECT_EQ(at(record, 40), "\"\"");
}

TEST_F(ExtfChecklistTest, Rule12FestschreibungIsExplicitZeroOrOneAsInTheHeader) {
  std::string header_lock = header().at(20);
  EXPECT_TRUE(header_lock == "0" || header_lock == "1");
  for (const auto& record : records()) EXPECT_EQ(at(record, 114), header_lock);
}

TEST_F(ExtfChecklistTest, Rule13DatesOfRecordsAreValidAndLeistungsdatumComesWithItsPeriod) {
  for (const auto& record : records()) {
    EXPECT_EQ(at(record, 115).empty(), at(record, 116).empty());
    for (int column : {104, 111, 115, 116, 117}) {
      const std::string& date = at(record, column);
      if (date.empty()) continue;
      ASSERT_EQ(date.size(), 8u);
      EXPECT_TRUE(Date::from_ymd(number(date.substr(4, 4)), number(date.substr(2, 2)),
                                 number(date.substr(0, 2)))
                      .ok())
          << date;
    }
  }
  EXPECT_EQ(at(records().at(0), 117), "14022024");
}

TEST_F(ExtfChecklistTest, Rule14GeneralumkehrIsEmptyZeroOrOne) {
  int reversals = 0;
  for (const auto& record : records()) {
    std::string reversal = unquoted(at(record, 118));
    EXPECT_TRUE(reversal.empty() || reversal == "0" || reversal == "1") << reversal;
    if (reversal == "1") ++reversals;
    EXPECT_EQ(at(record, 120), "\"\"");
    EXPECT_EQ(at(record, 119), "");
  }
  EXPECT_EQ(reversals, 1);
}

TEST_F(ExtfChecklistTest, Rule15OpenItemFieldsOnlyWithAPersonenkonto) {
  for (const auto& record : records()) {
    bool personal =
        at(record, 7).size() == kAccountLength + 1 || at(record, 8).size() == kAccountLength + 1;
    if (personal) continue;
    for (int column : {15, 17, 18, 19, 117}) EXPECT_EQ(at(record, column), "") << column;
    EXPECT_EQ(at(record, 16), "\"\"");
    EXPECT_EQ(at(record, 105), "\"\"");
  }
}

}  // namespace
}  // namespace kontor::plugins::datev
