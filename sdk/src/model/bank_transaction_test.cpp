#include "kontor/model/bank_transaction.hpp"

#include <gtest/gtest.h>

#include <set>
#include <vector>

namespace kontor {
namespace {

BankTransaction payment(std::int64_t cents, std::string remittance = "RE 2026-0012") {
  BankTransaction t;
  t.account = "DE89370400440532013000";
  t.statement_id = "2026-11-28";
  t.booking_date = *Date::parse_iso("2026-11-28");
  t.amount = Money(cents, Currency::eur());
  t.counterparty_account = "GB82WEST12345698765432";
  t.remittance = std::move(remittance);
  t.bank_reference = "NONREF";
  return t;
}

TEST(BankTransactionIdentity, TwoEqualPaymentsOnOneDayStayTwo) {
  std::vector<BankTransaction> statement = {payment(11900), payment(11900)};
  assign_identities(statement);
  EXPECT_EQ(statement[0].identity.size(), 64U);
  EXPECT_EQ(statement[0].identity.substr(0, 8), "20261128");  // booking date first
  EXPECT_NE(statement[0].identity, statement[1].identity);
  EXPECT_EQ(statement[0].identity, identity_key(payment(11900), 1));
  EXPECT_EQ(statement[1].identity, identity_key(payment(11900), 2));
}

TEST(BankTransactionIdentity, SameStatementImportedAgainGivesTheSameKeys) {
  std::vector<BankTransaction> first = {payment(11900), payment(500), payment(11900)};
  std::vector<BankTransaction> again = first;
  assign_identities(first);
  assign_identities(again);
  for (std::size_t k = 0; k < first.size(); ++k) EXPECT_EQ(first[k].identity, again[k].identity);
}

TEST(BankTransactionIdentity, ReusedBankReferenceIsNotADuplicate) {
  BankTransaction a = payment(11900, "RE 1");
  BankTransaction b = payment(5000, "RE 2");
  a.bank_reference = b.bank_reference = "20261128-0001";  // the bank reuses its reference
  EXPECT_NE(identity_key(a, 1), identity_key(b, 1));
}

TEST(BankTransactionIdentity, EveryTupleFieldCounts) {
  const BankTransaction base = payment(11900);
  std::vector<BankTransaction> variants(8, base);
  variants[0].account = "DE02120300000000202051";
  variants[1].booking_date = *Date::parse_iso("2026-11-27");
  variants[2].amount = Money(-11900, Currency::eur());
  variants[3].bank_reference = "ABC";
  variants[4].end_to_end_id = "E2E-1";
  variants[5].counterparty_account = "DE02120300000000202051";
  variants[6].remittance = "RE 2026-0013";
  variants[7].batch_position = 1;
  std::set<std::string> keys = {identity_key(base, 1)};
  for (const BankTransaction& variant : variants) keys.insert(identity_key(variant, 1));
  EXPECT_EQ(keys.size(), variants.size() + 1);
}

TEST(BankTransactionIdentity, IgnoresWhatIsNotPartOfTheTuple) {
  BankTransaction other = payment(11900);
  other.counterparty_name = "Someone Else";
  other.value_date = *Date::parse_iso("2026-11-30");
  other.statement_id = "another statement";
  other.bank_transaction_code = "PMNT/RCDT/ESCT";
  EXPECT_EQ(identity_key(other, 1), identity_key(payment(11900), 1));
}

TEST(BankTransactionIdentity, NonrefAndNotprovidedCountAsAbsent) {
  BankTransaction nonref = payment(11900);
  BankTransaction empty = payment(11900);
  empty.bank_reference = "";
  EXPECT_EQ(identity_key(nonref, 1), identity_key(empty, 1));
  nonref.end_to_end_id = "NOTPROVIDED";
  EXPECT_EQ(identity_key(nonref, 1), identity_key(empty, 1));
  EXPECT_EQ(normalised_bank_reference(" NONREF "), "");
  EXPECT_EQ(normalised_bank_reference("0815"), "0815");
}

TEST(BankTransactionIdentity, RemittanceLineBreaksDoNotMatter) {
  EXPECT_EQ(identity_key(payment(100, "RE 2026-\n0012  Muster GmbH"), 1),
            identity_key(payment(100, "RE 2026- 0012 Muster GmbH"), 1));
}

TEST(BankTransaction, OnlyBookedFinalEntriesArePostable) {
  BankTransaction t = payment(100);
  EXPECT_TRUE(t.postable());
  t.provisional = true;
  EXPECT_FALSE(t.postable());
  t.provisional = false;
  for (EntryStatus status : {EntryStatus::pending, EntryStatus::info, EntryStatus::future}) {
    t.status = status;
    EXPECT_FALSE(t.postable());
  }
}

TEST(BankTransaction, EntryStatusUsesCamtCodes) {
  EXPECT_EQ(to_string(EntryStatus::pending), "PDNG");
  EXPECT_EQ(*parse_entry_status("BOOK"), EntryStatus::booked);
  Result<EntryStatus> unknown = parse_entry_status("book");
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("expected one of BOOK, PDNG, INFO, FUTR"),
            std::string::npos);
}

}  // namespace
}  // namespace kontor
