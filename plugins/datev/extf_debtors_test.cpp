#include "extf_debtors.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extf_test_batch.hpp"
#include "extf_test_reader.hpp"

namespace kontor::plugins::datev {
namespace {

using test_support::day;
using test_support::example_header;
using test_support::field;
using test_support::split_crlf_lines;
using test_support::split_fields;
using test_support::unquoted;
using ::testing::HasSubstr;

DebtorFileHeader debtor_header() {
  return DebtorFileHeader{
      .client = example_header().client,
      .created_at =
          {.date = day(2024, 1, 30), .hour = 14, .minute = 6, .second = 59, .millisecond = 583},
      .label = "",
      .origin = "RE",
      .exported_by = "",
      .application_info = "",
  };
}

ExtfDebtor kunde_gmbh() {
  return ExtfDebtor{
      .account = "10001",
      .addressee_type = AddresseeType::company,
      .name = "Kunde GmbH",
      .first_name = "",
      .short_name = "Kunde",
      .vat_id = VatId::parse("DE133546770").value(),
      .address = {.street = "Nelkenstraße 125",
                  .postcode = "90482",
                  .city = "Nürnberg",
                  .country = "DE"},
      .email = "buchhaltung@kunde.example",
      .bank_accounts = {{.iban = Iban::parse("DE89370400440532013000").value(),
                         .bic = Bic::parse("COBADEFFXXX").value()}},
      .customer_number = "K-4711",
      .language = "de",
  };
}

std::vector<std::string> lines_of(const std::vector<ExtfDebtor>& debtors) {
  ExtfWritten file = write_debtor_file(debtor_header(), debtors);
  for (const Error& error : file.errors) ADD_FAILURE() << error.message;
  test_support::ExtfLines lines = split_crlf_lines(file.text);
  EXPECT_TRUE(lines.ok);
  return lines.lines;
}

std::string record_of(const ExtfDebtor& debtor) {
  std::vector<std::string> lines = lines_of({debtor});
  return lines.size() == 3 ? lines[2] : "";
}

std::vector<Error> errors_of(const std::vector<ExtfDebtor>& debtors) {
  ExtfWritten file = write_debtor_file(debtor_header(), debtors);
  EXPECT_FALSE(file.ok());
  EXPECT_EQ(file.text, "");
  return file.errors;
}

TEST(ExtfDebtorsTest, FileIsCategory16Version5With254ColumnsInHeadingsAndEveryRecord) {
  ExtfDebtor second = kunde_gmbh();
  second.account = "10002";
  std::vector<std::string> lines = lines_of({kunde_gmbh(), second});
  ASSERT_EQ(lines.size(), 4u);
  std::vector<std::string> header = split_fields(lines[0]);
  ASSERT_EQ(header.size(), 31u);
  EXPECT_EQ(header[0], "\"EXTF\"");
  EXPECT_EQ(header[1], "700");
  EXPECT_EQ(header[2], "16");
  EXPECT_EQ(header[3], "\"Debitoren/Kreditoren\"");
  EXPECT_EQ(header[4], "5");
  for (std::size_t i = 1; i < lines.size(); ++i) {
    EXPECT_EQ(split_fields(lines[i]).size(), 254u) << "line " << i + 1;
  }
  EXPECT_EQ(field(lines[1], 1), "Konto");
  EXPECT_EQ(field(lines[1], 254), "Letzte Frist");
}

TEST(ExtfDebtorsTest, HeaderLeavesPeriodBuchungstypAndFestschreibungEmpty) {
  std::vector<std::string> lines = lines_of({kunde_gmbh()});
  ASSERT_FALSE(lines.empty());
  for (int empty : {15, 16, 19, 20, 21}) EXPECT_EQ(field(lines[0], empty), "") << empty;
}

TEST(ExtfDebtorsTest, EveryLineEndsWithCrLf) {
  ExtfWritten file = write_debtor_file(debtor_header(), std::vector{kunde_gmbh()});
  ASSERT_TRUE(file.ok());
  EXPECT_TRUE(file.text.ends_with("\r\n"));
  EXPECT_TRUE(split_crlf_lines(file.text).ok);
}

TEST(ExtfDebtorsTest, CompanyHasItsNameInField2AndAdressattyp2) {
  std::string record = record_of(kunde_gmbh());
  EXPECT_EQ(field(record, 1), "10001");
  EXPECT_EQ(field(record, 2), "\"Kunde GmbH\"");
  EXPECT_EQ(field(record, 4), "\"\"");
  EXPECT_EQ(field(record, 6), "\"\"");
  EXPECT_EQ(field(record, 7), "\"2\"");
  EXPECT_EQ(field(record, 8), "\"Kunde\"");
}

TEST(ExtfDebtorsTest, NaturalPersonHasNameAndFirstNameInFields4And5AndAdressattyp1) {
  ExtfDebtor person = kunde_gmbh();
  person.addressee_type = AddresseeType::natural_person;
  person.name = "Mustermann";
  person.first_name = "Erika";
  std::string record = record_of(person);
  EXPECT_EQ(field(record, 2), "\"\"");
  EXPECT_EQ(field(record, 4), "\"Mustermann\"");
  EXPECT_EQ(field(record, 5), "\"Erika\"");
  EXPECT_EQ(field(record, 7), "\"1\"");
}

TEST(ExtfDebtorsTest, NameWithoutTypeGoesToField6AndAdressattyp0) {
  ExtfDebtor debtor = kunde_gmbh();
  debtor.addressee_type = AddresseeType::unspecified;
  std::string record = record_of(debtor);
  EXPECT_EQ(field(record, 2), "\"\"");
  EXPECT_EQ(field(record, 6), "\"Kunde GmbH\"");
  EXPECT_EQ(field(record, 7), "\"0\"");
}

TEST(ExtfDebtorsTest, FirstNameOfACompanyIsAnError) {
  ExtfDebtor debtor = kunde_gmbh();
  debtor.first_name = "Erika";
  std::vector<Error> errors = errors_of({debtor});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0].message, HasSubstr("record 1, field 5"));
}

TEST(ExtfDebtorsTest, NamesLongerThanTheirFieldAreCutAndReported) {
  ExtfDebtor debtor = kunde_gmbh();
  debtor.name = std::string(50, 'N') + " GmbH & Co. KG";
  ExtfWritten file = write_debtor_file(debtor_header(), std::vector{debtor});
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(unquoted(field(split_crlf_lines(file.text).lines.at(2), 2)), std::string(50, 'N'));
  ASSERT_EQ(file.changes.size(), 1u);
  EXPECT_THAT(file.changes[0].message, HasSubstr("record 1, field 2"));
  EXPECT_THAT(file.changes[0].message, HasSubstr("cut to 50"));
}

TEST(ExtfDebtorsTest, AddressEmailCustomerNumberAndLanguageStandInTheirFields) {
  std::string record = record_of(kunde_gmbh());
  EXPECT_EQ(field(record, 16),
            "\"Nelkenstra\xDF"
            "e 125\"");
  EXPECT_EQ(field(record, 18), "\"90482\"");
  EXPECT_EQ(field(record, 19), "\"N\xFCrnberg\"");
  EXPECT_EQ(field(record, 20), "\"DE\"");
  EXPECT_EQ(field(record, 33), "\"buchhaltung@kunde.example\"");
  EXPECT_EQ(field(record, 99), "\"K-4711\"");
  EXPECT_EQ(field(record, 101), "\"1\"");
}

TEST(ExtfDebtorsTest, VatIdIsSplitIntoEuLandAndNumber) {
  std::string record = record_of(kunde_gmbh());
  EXPECT_EQ(field(record, 9), "\"DE\"");
  EXPECT_EQ(field(record, 10), "\"133546770\"");
}

TEST(ExtfDebtorsTest, FirstBankAccountIsTheMainBankAndOthersAreNot) {
  ExtfDebtor debtor = kunde_gmbh();
  debtor.bank_accounts.push_back(
      {.iban = Iban::parse("AT611904300234573201").value(), .bic = std::nullopt});
  std::string record = record_of(debtor);
  EXPECT_EQ(field(record, 44), "\"DE\"");
  EXPECT_EQ(field(record, 45), "\"DE89370400440532013000\"");
  EXPECT_EQ(field(record, 47), "\"COBADEFFXXX\"");
  EXPECT_EQ(field(record, 49), "\"1\"");
  EXPECT_EQ(field(record, 55), "\"AT\"");
  EXPECT_EQ(field(record, 56), "\"AT611904300234573201\"");
  EXPECT_EQ(field(record, 58), "\"\"");
  EXPECT_EQ(field(record, 60), "\"0\"");
}

TEST(ExtfDebtorsTest, SixthBankAccountGoesToTheSecondBankArea) {
  ExtfDebtor debtor = kunde_gmbh();
  debtor.bank_accounts.assign(6, debtor.bank_accounts.front());
  std::string record = record_of(debtor);
  EXPECT_EQ(field(record, 169), "\"DE89370400440532013000\"");
  EXPECT_EQ(field(record, 173), "\"0\"");
  debtor.bank_accounts.assign(11, debtor.bank_accounts.front());
  EXPECT_EQ(errors_of({debtor}).size(), 1u);
}

TEST(ExtfDebtorsTest, LanguageWithoutADatevNumberIsLeftEmptyAndReported) {
  ExtfDebtor debtor = kunde_gmbh();
  debtor.language = "en";
  EXPECT_EQ(field(record_of(debtor), 101), "\"5\"");
  debtor.language = "nl";
  ExtfWritten file = write_debtor_file(debtor_header(), std::vector{debtor});
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(field(split_crlf_lines(file.text).lines.at(2), 101), "\"\"");
  ASSERT_EQ(file.changes.size(), 1u);
  EXPECT_THAT(file.changes[0].message, HasSubstr("field 101 (Sprache)"));
}

TEST(ExtfDebtorsTest, DebtorAccountHasExactlySklPlusOneDigitsStartingWithOneToSix) {
  for (std::string bad : {"1200", "100001", "01000", "70001", "", "1000A"}) {
    ExtfDebtor debtor = kunde_gmbh();
    debtor.account = bad;
    std::vector<Error> errors = errors_of({debtor});
    ASSERT_EQ(errors.size(), 1u) << bad;
    EXPECT_THAT(errors[0].message, HasSubstr("record 1, field 1 (Konto)")) << bad;
  }
  ExtfDebtor debtor = kunde_gmbh();
  debtor.account = "69999";
  EXPECT_EQ(field(record_of(debtor), 1), "69999");
}

TEST(ExtfDebtorsTest, SameAccountTwiceIsAnErrorRatherThanASilentOverwrite) {
  std::vector<Error> errors = errors_of({kunde_gmbh(), kunde_gmbh()});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].position, 2);
  EXPECT_THAT(errors[0].message, HasSubstr("already record 1"));
}

TEST(ExtfDebtorsTest, IdentifiersLongerThanTheirFieldAreErrorsNotCut) {
  ExtfDebtor debtor = kunde_gmbh();
  debtor.email = std::string(50, 'a') + "@example.org";  // 62
  debtor.customer_number = std::string(16, '1');
  debtor.address.postcode = "12345678901";
  debtor.address.country = "DEU";
  std::vector<Error> errors = errors_of({debtor});
  ASSERT_EQ(errors.size(), 4u);
  EXPECT_THAT(errors[0].message, HasSubstr("field 18 (Postleitzahl)"));
  EXPECT_THAT(errors[1].message, HasSubstr("field 20 (Land)"));
  EXPECT_THAT(errors[2].message, HasSubstr("field 33 (E-Mail)"));
  EXPECT_THAT(errors[3].message, HasSubstr("field 99 (Kunden-/Lief.-Nr.)"));
}

TEST(ExtfDebtorsTest, QuoteInANameIsDoubledAndALineBreakMadeABlank) {
  ExtfDebtor debtor = kunde_gmbh();
  debtor.name = "\"Zum Anker\"\nGastronomie";
  std::string record = record_of(debtor);
  EXPECT_EQ(field(record, 2), "\"\"\"Zum Anker\"\" Gastronomie\"");
  EXPECT_EQ(split_fields(record).size(), 254u);
}

TEST(ExtfDebtorsTest, UnusedFieldsAreEmptyQuotedForTextAndBareOtherwise) {
  std::string record = record_of(kunde_gmbh());
  EXPECT_EQ(field(record, 3), "\"\"");    // Unternehmensgegenstand
  EXPECT_EQ(field(record, 26), "");       // Kennz. Korrespondenzadresse
  EXPECT_EQ(field(record, 27), "");       // Adresse Gültig von
  EXPECT_EQ(field(record, 108), "");      // Kreditlimit
  EXPECT_EQ(field(record, 220), "\"\"");  // Nummer Fremdsystem
  EXPECT_EQ(field(record, 254), "");      // Letzte Frist
}

TEST(ExtfDebtorsTest, FileWithoutDebtorsIsAnError) {
  EXPECT_EQ(errors_of({}).size(), 1u);
}

}  // namespace
}  // namespace kontor::plugins::datev
