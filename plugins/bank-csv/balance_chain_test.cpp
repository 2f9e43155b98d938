#include "balance_chain.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "bank_amounts.hpp"

namespace kontor::plugins::bank_csv {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

Money eur(std::string_view text) {
  return read_amount(text, Currency::eur(), Notation::german())->amount;
}

EntryRow row(std::int64_t line, std::string_view date, std::string_view amount,
             std::optional<std::string_view> balance, EntryStatus status = EntryStatus::booked) {
  EntryRow out;
  out.entry.line = line;
  out.entry.booking_date = Date::parse_iso(date).value();
  out.entry.amount = eur(amount);
  out.entry.status = status;
  if (balance) out.balance = eur(*balance);
  return out;
}

std::string text(const std::optional<StatementBalance>& balance) {
  return balance ? balance->amount.format() + " " + balance->date.to_iso() : "none";
}

TEST(BalanceChain, NewestFirstRunningBalanceGivesOpeningAndClosing) {
  const std::vector<EntryRow> rows = {row(2, "2025-12-01", "175,00", "14846,94"),
                                      row(3, "2025-12-01", "-453,11", "14671,94"),
                                      row(4, "2025-11-27", "-17,90", "15125,05")};
  const StatementBalances balances =
      statement_balances(rows, Currency::eur(), {}, Notation::german());
  EXPECT_THAT(balances.warnings, IsEmpty());
  EXPECT_EQ(text(balances.opening), "15142.95 2025-11-27");
  EXPECT_EQ(text(balances.closing), "14846.94 2025-12-01");
}

TEST(BalanceChain, OldestFirstAsPayPalWritesIt) {
  const std::vector<EntryRow> rows = {row(2, "2025-06-18", "100,00", "138,53"),
                                      row(3, "2025-06-21", "-6,19", "132,34"),
                                      row(4, "2025-06-27", "-29,93", "102,41")};
  const StatementBalances balances =
      statement_balances(rows, Currency::eur(), {}, Notation::german());
  EXPECT_THAT(balances.warnings, IsEmpty());
  EXPECT_EQ(text(balances.opening), "38.53 2025-06-18");
  EXPECT_EQ(text(balances.closing), "102.41 2025-06-27");
}

TEST(BalanceChain, ABalanceThatDoesNotAddUpIsAWarningAtItsRow) {
  const std::vector<EntryRow> rows = {row(2, "2025-06-18", "100,00", "138,53"),
                                      row(3, "2025-06-21", "-6,19", "132,00"),
                                      row(4, "2025-06-27", "-29,93", "102,07")};
  const StatementBalances balances =
      statement_balances(rows, Currency::eur(), {}, Notation::german());
  ASSERT_EQ(balances.warnings.size(), 1u);
  EXPECT_EQ(balances.warnings[0].line, 3);
  EXPECT_EQ(balances.warnings[0].code, "balance_mismatch");
  EXPECT_THAT(balances.warnings[0].message,
              HasSubstr("is 132,00; the balance before it, 138,53 (line 2), plus its amount "
                        "-6,19 is 132,34"));
  EXPECT_EQ(text(balances.closing), "102.07 2025-06-27");
}

TEST(BalanceChain, RowsWithoutABalanceAreCarriedThrough) {
  const std::vector<EntryRow> rows = {
      row(2, "2025-01-01", "10,00", std::nullopt), row(3, "2025-01-02", "5,00", "115,00"),
      row(4, "2025-01-03", "-1,00", std::nullopt), row(5, "2025-01-04", "-2,00", "112,00")};
  const StatementBalances balances =
      statement_balances(rows, Currency::eur(), {}, Notation::german());
  EXPECT_THAT(balances.warnings, IsEmpty());
  EXPECT_EQ(text(balances.opening), "100.00 2025-01-01");
  EXPECT_EQ(text(balances.closing), "112.00 2025-01-04");
}

TEST(BalanceChain, AClosingBalanceAboveTheHeaderGivesTheOpeningOfBookedEntries) {
  StatementMetadata metadata;
  metadata.balance_text = "4.093,32";
  metadata.balance_currency = "EUR";
  metadata.balance_date = Date::parse_iso("2025-12-09").value();
  metadata.period_from = Date::parse_iso("2025-11-17").value();
  const std::vector<EntryRow> rows = {
      row(6, "2025-12-08", "200", std::nullopt),
      row(7, "2025-12-08", "-1000", std::nullopt, EntryStatus::pending),
      row(8, "2025-12-05", "-62,3", std::nullopt)};
  const StatementBalances balances =
      statement_balances(rows, Currency::eur(), metadata, Notation::german());
  EXPECT_THAT(balances.warnings, IsEmpty());
  EXPECT_EQ(text(balances.closing), "4093.32 2025-12-09");
  EXPECT_EQ(text(balances.opening), "3955.62 2025-11-17");
}

TEST(BalanceChain, AClosingBalanceThatTheRunningBalanceContradictsIsAWarning) {
  StatementMetadata metadata;
  metadata.balance_text = "100,00";
  metadata.balance_line = 3;
  const std::vector<EntryRow> rows = {row(8, "2025-12-05", "-1,00", "99,00")};
  const StatementBalances balances =
      statement_balances(rows, Currency::eur(), metadata, Notation::german());
  ASSERT_EQ(balances.warnings.size(), 1u);
  EXPECT_EQ(balances.warnings[0].line, 3);
  EXPECT_EQ(balances.warnings[0].code, "balance_mismatch");
}

TEST(BalanceChain, AnUnreadableClosingBalanceIsAWarning) {
  StatementMetadata metadata;
  metadata.balance_text = "viel";
  metadata.balance_line = 2;
  const StatementBalances balances =
      statement_balances({}, Currency::eur(), metadata, Notation::german());
  ASSERT_EQ(balances.warnings.size(), 1u);
  EXPECT_EQ(balances.warnings[0].code, "unreadable_balance");
  EXPECT_FALSE(balances.closing);
}

TEST(BalanceChain, NoBalancesWithoutEither) {
  const std::vector<EntryRow> rows = {row(2, "2025-01-01", "10,00", std::nullopt)};
  const StatementBalances balances =
      statement_balances(rows, Currency::eur(), {}, Notation::german());
  EXPECT_FALSE(balances.opening);
  EXPECT_FALSE(balances.closing);
}

}  // namespace
}  // namespace kontor::plugins::bank_csv
