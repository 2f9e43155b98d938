#include "statement_line.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kontor::plugins::mt940 {
namespace {

using ::testing::HasSubstr;

Date day(int year, int month, int day) {
  return *Date::from_ymd(year, month, day);
}

StatementLine parsed(std::vector<std::string_view> lines) {
  auto result = parse_statement_line(lines, Currency::eur());
  if (auto* error = std::get_if<StatementLineError>(&result)) {
    ADD_FAILURE() << error->message;
    return {};
  }
  return std::get<StatementLine>(result);
}

StatementLineError failed(std::vector<std::string_view> lines) {
  auto result = parse_statement_line(lines, Currency::eur());
  EXPECT_TRUE(std::holds_alternative<StatementLineError>(result));
  return std::holds_alternative<StatementLineError>(result) ? std::get<StatementLineError>(result)
                                                            : StatementLineError{};
}

TEST(StatementLineTest, EveryPartOfAFullLine) {
  const StatementLine line =
      parsed({"1409010902DR000000000001,62NTRF0000549855700010//025498557/000001"});
  EXPECT_EQ(line.value_date.date, day(2014, 9, 1));
  ASSERT_TRUE(line.entry_date.has_value());
  EXPECT_EQ(line.entry_date->date, day(2014, 9, 2));
  EXPECT_EQ(line.mark, 'D');
  EXPECT_FALSE(line.reversal);
  EXPECT_EQ(line.funds_code, 'R');
  EXPECT_EQ(line.signed_amount, Money(-162, Currency::eur()));
  EXPECT_EQ(line.type_code, "NTRF");
  EXPECT_EQ(line.customer_reference, "0000549855700010");
  EXPECT_EQ(line.bank_reference, "025498557/000001");
}

TEST(StatementLineTest, ReversalOfACreditIsMoneyOutOfADebitMoneyIn) {
  const StatementLine out = parsed({"2002010219RCR1027,25NMSCNONREF"});
  EXPECT_TRUE(out.reversal);
  EXPECT_EQ(out.signed_amount, Money(-102725, Currency::eur()));
  const StatementLine in = parsed({"2002010219RDR1027,25NMSCNONREF"});
  EXPECT_TRUE(in.reversal);
  EXPECT_EQ(in.signed_amount, Money(102725, Currency::eur()));
}

TEST(StatementLineTest, EntryDateMissingOrBlank) {
  EXPECT_FALSE(parsed({"170914D233,15NMSC"}).entry_date.has_value());
  const StatementLine blank = parsed({"240312    DD212,39NMSCNONREF//"});
  EXPECT_FALSE(blank.entry_date.has_value());
  EXPECT_EQ(blank.funds_code, 'D');
  EXPECT_EQ(blank.signed_amount, Money(-21239, Currency::eur()));
}

TEST(StatementLineTest, EntryDateInThePreviousYear) {
  const StatementLine line = parsed({"1401041229C10,00NTRFNONREF"});
  EXPECT_EQ(line.entry_date->date, day(2013, 12, 29));
  EXPECT_EQ(line.entry_date->year_shift, -1);
}

TEST(StatementLineTest, AmountsWithoutDecimalsAndZero) {
  EXPECT_EQ(parsed({"0211011102DR800,NSTONONREF//55555"}).signed_amount.minor_units(), -80000);
  EXPECT_EQ(parsed({"110101C500NTRFNONREF"}).signed_amount.minor_units(), 50000);
  EXPECT_EQ(parsed({"240312    CD0,00NDEFNONREF//"}).signed_amount.minor_units(), 0);
}

TEST(StatementLineTest, SparkasseBreaksTheLineBeforeTheAmount) {
  const StatementLine line = parsed({"1811261126CR", "30,00N062NONREF"});
  EXPECT_EQ(line.signed_amount.minor_units(), 3000);
  EXPECT_EQ(line.type_code, "N062");
  EXPECT_EQ(line.customer_reference, "NONREF");
  EXPECT_TRUE(line.supplementary.empty());
}

TEST(StatementLineTest, SupplementaryDetailsOnTheFollowingLines) {
  const StatementLine line =
      parsed({"2006080608D12,35 NRTIKREF+//2016021783252833", "/OCMT/EUR11,85//CHGS/EUR0,50/"});
  EXPECT_EQ(line.type_code, "NRTI");
  EXPECT_EQ(line.customer_reference, "KREF+");
  EXPECT_EQ(line.bank_reference, "2016021783252833");
  EXPECT_EQ(line.supplementary, "/OCMT/EUR11,85//CHGS/EUR0,50/");
}

TEST(StatementLineTest, ReferencesWithBlanksAndWithoutTypeCode) {
  EXPECT_EQ(
      parsed({"1203290329DD20000,00NTRF1004688128      //6128522200250001"}).customer_reference,
      "1004688128");
  const StatementLine penta = parsed({"2009020902D20,00NONREF"});
  EXPECT_EQ(penta.type_code, "");
  EXPECT_EQ(penta.customer_reference, "NONREF");
  const StatementLine ing = parsed({"100722C25,03NOV NONREF"});
  EXPECT_EQ(ing.type_code, "NOV");
  EXPECT_EQ(ing.customer_reference, "NONREF");
  const StatementLine bank_only = parsed({"0101010101DN12,00//12345678901"});
  EXPECT_EQ(bank_only.type_code, "");
  EXPECT_FALSE(bank_only.has_customer_reference);
  EXPECT_EQ(bank_only.bank_reference, "12345678901");
  EXPECT_FALSE(parsed({"170914D233,15NMSC"}).has_customer_reference);
}

TEST(StatementLineTest, CustomerReferenceHasSixteenCharactersTheRestIsSupplementary) {
  const StatementLine line = parsed({"110527D000000001213,28N0440121470966      W.P. Jansen"});
  EXPECT_EQ(line.customer_reference, "0121470966");
  EXPECT_EQ(line.supplementary, "W.P. Jansen");
  const StatementLine both =
      parsed({"0709040904CR300,NTRFTFNr 40005 MSGID//0724710345313905", "/OCMT/EUR1,/"});
  EXPECT_EQ(both.customer_reference, "TFNr 40005 MSGID");
  EXPECT_EQ(both.supplementary, "/OCMT/EUR1,/");
  const StatementLine longer = parsed({"200101    D65,00NOVBNL47INGB9999999999"});
  EXPECT_EQ(longer.customer_reference, "NL47INGB9999999999");
  EXPECT_EQ(longer.supplementary, "");
}

TEST(StatementLineTest, UnreadableLinesSayWhere) {
  EXPECT_THAT(failed({"3622687806CR1368378,92NMSC37935531"}).message, HasSubstr("no month 22"));
  const StatementLineError mark = failed({"1409010902XR1,62NTRF"});
  EXPECT_EQ(mark.column, 11);
  EXPECT_THAT(mark.message, HasSubstr("debit/credit mark"));
  const StatementLineError amount = failed({"1409010902DRNTRF"});
  EXPECT_EQ(amount.column, 13);
  const StatementLineError next_line = failed({"1811261126CR", "x30,00"});
  EXPECT_EQ(next_line.line_index, 1u);
}

}  // namespace
}  // namespace kontor::plugins::mt940
