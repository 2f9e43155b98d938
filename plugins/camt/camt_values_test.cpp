#include "camt_values.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kontor::plugins::camt {
namespace {

using ::testing::HasSubstr;

Currency currency(std::string_view code) {
  return *Currency::from_code(code);
}

TEST(CamtValuesTest, ExtraDecimalsThatAreZeroAreExact) {
  Result<AmountText> read = amount_of_text("18.15000", currency("EUR"));
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->amount, Money(1815, currency("EUR")));
  EXPECT_FALSE(read->rounded);
  EXPECT_EQ(amount_of_text("2700", currency("JPY"))->amount, Money(2700, currency("JPY")));
}

TEST(CamtValuesTest, NonZeroExtraDecimalsAreRoundedHalfUpAndSaidSo) {
  Result<AmountText> artefact = amount_of_text("100.0000000000005", currency("EUR"));
  ASSERT_TRUE(artefact.ok());
  EXPECT_EQ(artefact->amount, Money(10000, currency("EUR")));
  EXPECT_TRUE(artefact->rounded);
  EXPECT_EQ(amount_of_text("0.00500", currency("EUR"))->amount, Money(1, currency("EUR")));
  EXPECT_EQ(amount_of_text("0.00499", currency("EUR"))->amount, Money(0, currency("EUR")));
  EXPECT_EQ(amount_of_text("7.5", currency("JPY"))->amount, Money(8, currency("JPY")));
}

TEST(CamtValuesTest, DecimalsAsXmlSchemaWritesThem) {
  EXPECT_EQ(amount_of_text("500.", currency("EUR"))->amount, Money(50000, currency("EUR")));
  EXPECT_EQ(amount_of_text(".5", currency("EUR"))->amount, Money(50, currency("EUR")));
  EXPECT_EQ(amount_of_text("+1.00", currency("EUR"))->amount, Money(100, currency("EUR")));
}

TEST(CamtValuesTest, NegativeOrNonNumericAmountsCannotBeRead) {
  EXPECT_THAT(amount_of_text("-5.00", currency("EUR")).error().message, HasSubstr("CdtDbtInd"));
  EXPECT_THAT(amount_of_text("1,00", currency("EUR")).error().message,
              HasSubstr("not a decimal number"));
  EXPECT_FALSE(amount_of_text("", currency("EUR")).ok());
  EXPECT_FALSE(amount_of_text(".", currency("EUR")).ok());
  EXPECT_FALSE(amount_of_text("99999999999999999999.00", currency("EUR")).ok());
}

TEST(CamtValuesTest, ThirtiethOfFebruaryIsTheLastDayOfFebruary) {
  bool clamped = false;
  EXPECT_EQ(date_of_text("2024-02-30", clamped), Date::from_ymd(2024, 2, 29).value());
  EXPECT_TRUE(clamped);
  EXPECT_EQ(date_of_text("2023-02-30", clamped), Date::from_ymd(2023, 2, 28).value());
}

TEST(CamtValuesTest, ADateTimeCountsWithTheDateAsWritten) {
  bool clamped = false;
  EXPECT_EQ(date_of_text("2014-12-31T23:30:00-05:00", clamped),
            Date::from_ymd(2014, 12, 31).value());
  EXPECT_EQ(date_of_text(" 2015-01-02+01:00 ", clamped), Date::from_ymd(2015, 1, 2).value());
  EXPECT_FALSE(clamped);
}

TEST(CamtValuesTest, TextThatIsNoDateIsNone) {
  bool clamped = false;
  for (std::string_view text : {"", "2014-13-01", "2014-12-00", "31.12.2014", "2014-12-31x"}) {
    EXPECT_EQ(date_of_text(text, clamped), std::nullopt) << text;
  }
}

}  // namespace
}  // namespace kontor::plugins::camt
