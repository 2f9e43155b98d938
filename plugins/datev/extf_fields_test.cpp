#include "extf_fields.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kontor::plugins::datev {
namespace {

using ::testing::HasSubstr;

const FieldPlace kBuchungstext{.record = 3, .column = 14, .heading = "Buchungstext"};
const FieldPlace kBelegfeld1{.record = 7, .column = 11, .heading = "Belegfeld 1"};
const FieldPlace kUmsatz{.record = 2, .column = 1, .heading = "Umsatz (ohne Soll/Haben-Kz)"};
const FieldPlace kKonto{.record = 4, .column = 7, .heading = "Konto"};

constexpr TextRule kBuchungstextRule{
    .max_length = 60, .overflow = Overflow::truncate, .charset = TextCharset::any};
constexpr TextRule kBelegfeld1Rule{
    .max_length = 36, .overflow = Overflow::reject, .charset = TextCharset::document_number};

Money euros(std::int64_t cents) {
  return Money(cents, Currency::eur());
}
Date day(int year, int month, int day) {
  return Date::from_ymd(year, month, day).value();
}

TEST(ExtfFieldsTest, ErrorNamesTheRecordTheFieldsColumnAndHeading) {
  Error error = field_error(kBelegfeld1, "too long");
  EXPECT_EQ(error.message, "record 7, field 11 (Belegfeld 1): too long");
  EXPECT_EQ(error.position, 7);
  FieldPlace header{.record = 0, .column = 17, .heading = "Bezeichnung"};
  EXPECT_EQ(header.describe(), "header, field 17 (Bezeichnung)");
}

TEST(ExtfFieldsTest, TextFieldIsQuotedWithItsQuotesDoubled) {
  Result<WrittenField> field =
      text_field("Gutschrift \"Aktion\" März", kBuchungstextRule, kBuchungstext);
  ASSERT_TRUE(field.ok());
  EXPECT_EQ(field->text, "\"Gutschrift \"\"Aktion\"\" M\xE4rz\"");
  EXPECT_EQ(field->change, "");
}

TEST(ExtfFieldsTest, EmptyTextFieldIsTwoQuotes) {
  Result<WrittenField> field = text_field("", kBuchungstextRule, kBuchungstext);
  ASSERT_TRUE(field.ok());
  EXPECT_EQ(field->text, "\"\"");
}

TEST(ExtfFieldsTest, LineBreakInTextBecomesABlankAndIsReported) {
  Result<WrittenField> field =
      text_field("Zahlung\r\nRE-1\tTeil", kBuchungstextRule, kBuchungstext);
  ASSERT_TRUE(field.ok());
  EXPECT_EQ(field->text, "\"Zahlung  RE-1 Teil\"");
  EXPECT_THAT(field->change, HasSubstr("record 3, field 14 (Buchungstext)"));
  EXPECT_THAT(field->change, HasSubstr("blanks"));
}

TEST(ExtfFieldsTest, BuchungstextLongerThanSixtyIsCutToSixtyAndReported) {
  std::string text(59, 'x');
  text += "yz";  // 61 characters
  Result<WrittenField> field = text_field(text, kBuchungstextRule, kBuchungstext);
  ASSERT_TRUE(field.ok());
  EXPECT_EQ(field->text, "\"" + std::string(59, 'x') + "y\"");
  EXPECT_THAT(field->change, HasSubstr("cut to 60 characters (was 61)"));
}

TEST(ExtfFieldsTest, LengthIsCountedInCharactersNotUtf8Bytes) {
  // 60 umlauts are 120 bytes of UTF-8 but 60 characters of cp1252.
  std::string text;
  for (int i = 0; i < 60; ++i) text += "ü";
  Result<WrittenField> field = text_field(text, kBuchungstextRule, kBuchungstext);
  ASSERT_TRUE(field.ok());
  EXPECT_EQ(field->text, "\"" + std::string(60, '\xFC') + "\"");
  EXPECT_EQ(field->change, "");
}

TEST(ExtfFieldsTest, QuotesDoNotCountAgainstTheLength) {
  std::string text(58, 'a');
  text += "\"\"";  // 60 characters, 62 once doubled
  Result<WrittenField> field = text_field(text, kBuchungstextRule, kBuchungstext);
  ASSERT_TRUE(field.ok());
  EXPECT_EQ(field->change, "");
}

TEST(ExtfFieldsTest, CharactersCp1252CannotHoldAreReportedAsAChange) {
  Result<WrittenField> field = text_field("Zahlung Łukasz", kBuchungstextRule, kBuchungstext);
  ASSERT_TRUE(field.ok());
  EXPECT_EQ(field->text, "\"Zahlung Lukasz\"");
  EXPECT_THAT(field->change, HasSubstr("Windows-1252"));
}

TEST(ExtfFieldsTest, Belegfeld1LongerThanThirtySixIsRejectedNotCut) {
  Result<WrittenField> field = text_field(std::string(37, '1'), kBelegfeld1Rule, kBelegfeld1);
  ASSERT_FALSE(field.ok());
  EXPECT_THAT(field.error().message, HasSubstr("record 7, field 11 (Belegfeld 1)"));
  EXPECT_THAT(field.error().message, HasSubstr("37 characters"));
  EXPECT_EQ(field.error().position, 7);
  EXPECT_TRUE(text_field(std::string(36, '1'), kBelegfeld1Rule, kBelegfeld1).ok());
}

TEST(ExtfFieldsTest, Belegfeld1TakesOnlyLettersDigitsAndDollarAmpersandPercentStarPlusMinusSlash) {
  EXPECT_TRUE(text_field("RE2024-0001/A$&%*+", kBelegfeld1Rule, kBelegfeld1).ok());
  for (std::string_view bad :
       {"RE 1", "RE.1", "RE_1", "RE,1", "RE;1", "RE:1", "Müller1", "RE–1", "RE\n1", "Łódź"}) {
    Result<WrittenField> field = text_field(bad, kBelegfeld1Rule, kBelegfeld1);
    ASSERT_FALSE(field.ok()) << bad;
    EXPECT_THAT(field.error().message, HasSubstr("field 11 (Belegfeld 1)")) << bad;
  }
}

TEST(ExtfFieldsTest, UmsatzHasADecimalCommaTwoDecimalsAndNoSign) {
  EXPECT_EQ(amount_field(euros(123456), kUmsatz).value(), "1234,56");
  EXPECT_EQ(amount_field(euros(5), kUmsatz).value(), "0,05");
  EXPECT_EQ(amount_field(euros(100), kUmsatz).value(), "1,00");
  EXPECT_EQ(amount_field(euros(123456789012), kUmsatz).value(), "1234567890,12");
  EXPECT_EQ(amount_field(euros(999999999999), kUmsatz).value(), "9999999999,99");
}

TEST(ExtfFieldsTest, UmsatzOfZeroIsAnError) {
  Result<std::string> field = amount_field(euros(0), kUmsatz);
  ASSERT_FALSE(field.ok());
  EXPECT_THAT(field.error().message, HasSubstr("record 2, field 1"));
  EXPECT_THAT(field.error().message, HasSubstr("0,00"));
}

TEST(ExtfFieldsTest, NegativeUmsatzIsAnError) {
  Result<std::string> field = amount_field(euros(-11900), kUmsatz);
  ASSERT_FALSE(field.ok());
  EXPECT_THAT(field.error().message, HasSubstr("negative"));
}

TEST(ExtfFieldsTest, UmsatzWithMoreThanTenDigitsBeforeTheCommaIsAnError) {
  EXPECT_FALSE(amount_field(euros(1'000'000'000'000), kUmsatz).ok());
}

TEST(ExtfFieldsTest, UmsatzInACurrencyWithoutTwoDecimalsIsAnError) {
  Money yen(500, Currency::from_code("JPY").value());
  Result<std::string> field = amount_field(yen, kUmsatz);
  ASSERT_FALSE(field.ok());
  EXPECT_THAT(field.error().message, HasSubstr("JPY"));
}

TEST(ExtfFieldsTest, SachkontoHasAtMostSklDigitsAndPersonenkontoSklPlusOne) {
  EXPECT_EQ(account_kind("1200", 4, kKonto).value(), AccountKind::general_ledger);
  EXPECT_EQ(account_kind("27", 4, kKonto).value(), AccountKind::general_ledger);
  EXPECT_EQ(account_kind("10001", 4, kKonto).value(), AccountKind::personal);
  EXPECT_EQ(account_kind("70001", 4, kKonto).value(), AccountKind::personal);
  EXPECT_EQ(account_kind("12000", 5, kKonto).value(), AccountKind::general_ledger);
  EXPECT_EQ(account_kind("100001", 5, kKonto).value(), AccountKind::personal);
  EXPECT_EQ(account_kind("123456789", 8, kKonto).value(), AccountKind::personal);
}

TEST(ExtfFieldsTest, AccountTooLongForTheSklIsAnError) {
  Result<AccountKind> kind = account_kind("100001", 4, kKonto);
  ASSERT_FALSE(kind.ok());
  EXPECT_THAT(kind.error().message, HasSubstr("record 4, field 7 (Konto)"));
  EXPECT_THAT(kind.error().message, HasSubstr("Sachkontenlänge 4"));
}

TEST(ExtfFieldsTest, AccountThatIsEmptyAllZerosNotDigitsOrALeadingZeroPersonenkontoIsAnError) {
  EXPECT_FALSE(account_kind("", 4, kKonto).ok());
  EXPECT_FALSE(account_kind("0000", 4, kKonto).ok());
  EXPECT_FALSE(account_kind("12a4", 4, kKonto).ok());
  EXPECT_FALSE(account_kind("-1200", 4, kKonto).ok());
  EXPECT_FALSE(account_kind("01000", 4, kKonto).ok());
}

TEST(ExtfFieldsTest, BelegdatumIsDayAndMonthWithLeadingZeros) {
  EXPECT_EQ(day_month(day(2024, 1, 5)), "0501");
  EXPECT_EQ(day_month(day(2024, 12, 31)), "3112");
}

TEST(ExtfFieldsTest, RecordDatesAreDayMonthYearAndHeaderDatesYearMonthDay) {
  EXPECT_EQ(day_month_year(day(2024, 2, 9)), "09022024");
  EXPECT_EQ(year_month_day(day(2024, 2, 9)), "20240209");
}

}  // namespace
}  // namespace kontor::plugins::datev
