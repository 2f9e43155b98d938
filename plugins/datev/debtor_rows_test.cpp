// A batch's debtors as Debitoren records: who is an Unternehmen, where a consumer's name goes,
// and which accounts get no master data (Sachkonten, collective debtors).
#include "debtor_rows.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kontor::plugins::datev {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr int kAccountLength = 4;

Customer customer(std::string number, std::string name, CustomerKind kind) {
  Customer made;
  made.number = std::move(number);
  made.name = std::move(name);
  made.address = {.street = "Lindenallee 3", .postcode = "53111", .city = "Bonn", .country = "DE"};
  made.email = "buchhaltung@example.de";
  made.language = "de";
  made.ibans = {Iban::parse("DE89370400440532013000").value()};
  made.kind = kind;
  return made;
}

sdk::ExportDebtor debtor(std::string account, Customer of) {
  return sdk::ExportDebtor{.account = std::move(account), .customer = std::move(of)};
}

TEST(DebtorRowsTest, ABusinessIsAnUnternehmenWithEverythingKontorKnows) {
  std::vector<std::string> notes;
  const ExtfDebtor record = debtor_record_of(
      debtor("10001", customer("K-1", "Bäckerei Schmitz GmbH", CustomerKind::business)), notes);
  EXPECT_EQ(record.account, "10001");
  EXPECT_EQ(record.addressee_type, AddresseeType::company);
  EXPECT_EQ(record.name, "Bäckerei Schmitz GmbH");
  EXPECT_EQ(record.first_name, "");
  EXPECT_EQ(record.customer_number, "K-1");
  EXPECT_EQ(record.address.city, "Bonn");
  EXPECT_EQ(record.email, "buchhaltung@example.de");
  EXPECT_EQ(record.language, "de");
  ASSERT_EQ(record.bank_accounts.size(), 1U);
  EXPECT_EQ(record.bank_accounts[0].iban.electronic(), "DE89370400440532013000");
  EXPECT_FALSE(record.bank_accounts[0].bic);
  EXPECT_FALSE(record.vat_id);
  EXPECT_TRUE(notes.empty());
}

// Kontor has a person's name as one text; splitting it into Vorname and Name would be a guess.
TEST(DebtorRowsTest, AConsumersWholeNameGoesUnderKeineAngabe) {
  std::vector<std::string> notes;
  const ExtfDebtor record = debtor_record_of(
      debtor("10002", customer("K-2", "Dr. Anna-Lena von Krüger", CustomerKind::consumer)), notes);
  EXPECT_EQ(record.addressee_type, AddresseeType::unspecified);
  EXPECT_EQ(record.name, "Dr. Anna-Lena von Krüger");
  EXPECT_EQ(record.first_name, "");
}

TEST(DebtorRowsTest, TenIbansAreWrittenAndTheRestTold) {
  Customer many = customer("K-3", "Viele Konten AG", CustomerKind::business);
  many.ibans.assign(12, Iban::parse("DE89370400440532013000").value());
  std::vector<std::string> notes;
  const ExtfDebtor record = debtor_record_of(debtor("10003", many), notes);
  EXPECT_EQ(record.bank_accounts.size(), 10U);
  EXPECT_THAT(notes, ElementsAre(HasSubstr("12 IBANs")));
}

TEST(DebtorRowsTest, SachkontenAreNoDebitorenAndAreLeftOut) {
  const std::vector<sdk::ExportDebtor> debtors = {
      debtor("1400", customer("K-1", "Schmitz GmbH", CustomerKind::business)),
      debtor("10002", customer("K-2", "Anna Krüger", CustomerKind::consumer))};
  const DebtorPlan plan = plan_debtors(debtors, kAccountLength);
  ASSERT_EQ(plan.debtors.size(), 1U);
  EXPECT_EQ(plan.debtors[0].account, "10002");
  EXPECT_THAT(plan.notes, ElementsAre(HasSubstr("customer K-1 on account 1400: a Sachkonto")));
}

// A collective debtor (export.debtor_account rule `fixed`) is no one customer.
TEST(DebtorRowsTest, AnAccountSharedByCustomersGetsNoMasterData) {
  const std::vector<sdk::ExportDebtor> debtors = {
      debtor("10000", customer("K-1", "Schmitz GmbH", CustomerKind::business)),
      debtor("10002", customer("K-2", "Anna Krüger", CustomerKind::consumer)),
      debtor("10000", customer("K-3", "Meier KG", CustomerKind::business))};
  const DebtorPlan plan = plan_debtors(debtors, kAccountLength);
  ASSERT_EQ(plan.debtors.size(), 1U);
  EXPECT_EQ(plan.debtors[0].account, "10002");
  EXPECT_THAT(plan.notes, ElementsAre(HasSubstr("account 10000 is shared by customers K-1, K-3")));
}

TEST(DebtorRowsTest, TheSameCustomerTwiceIsWrittenOnceInTheBatchsOrder) {
  const std::vector<sdk::ExportDebtor> debtors = {
      debtor("10002", customer("K-2", "Anna Krüger", CustomerKind::consumer)),
      debtor("10001", customer("K-1", "Schmitz GmbH", CustomerKind::business)),
      debtor("10002", customer("K-2", "Anna Krüger", CustomerKind::consumer))};
  const DebtorPlan plan = plan_debtors(debtors, kAccountLength);
  ASSERT_EQ(plan.debtors.size(), 2U);
  EXPECT_EQ(plan.debtors[0].account, "10002");
  EXPECT_EQ(plan.debtors[1].account, "10001");
  EXPECT_TRUE(plan.notes.empty());
}

// What DATEV would refuse is the writer's to name, with its record.
TEST(DebtorRowsTest, AnAccountDatevRefusesIsLeftToTheWriter) {
  const std::vector<sdk::ExportDebtor> debtors = {
      debtor("70001", customer("K-1", "Schmitz GmbH", CustomerKind::business)),
      debtor("1000001", customer("K-2", "Anna Krüger", CustomerKind::consumer))};
  const DebtorPlan plan = plan_debtors(debtors, kAccountLength);
  EXPECT_EQ(plan.debtors.size(), 2U);
}

}  // namespace
}  // namespace kontor::plugins::datev
