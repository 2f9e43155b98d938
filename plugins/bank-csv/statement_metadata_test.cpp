#include "statement_metadata.hpp"

#include <gtest/gtest.h>

namespace kontor::plugins::bank_csv {
namespace {

StatementMetadata metadata_of(std::string_view text) {
  std::vector<CsvRecord> records = first_records(text, ';', 100);
  std::erase_if(records, [](const CsvRecord& record) { return record.is_blank(); });
  return read_metadata(records);
}

TEST(StatementMetadata, DkbNamesAccountAndDatedBalance) {
  const StatementMetadata metadata = metadata_of(
      "\"Girokonto\";\"DE42120300001033738756\"\n\n\"Kontostand vom 09.12.2025:\";"
      "\"4.093,32\xC2\xA0\xE2\x82\xAC\"\n\"\"\n");
  EXPECT_EQ(metadata.account, "DE42120300001033738756");
  EXPECT_EQ(metadata.balance_text, "4.093,32");
  EXPECT_EQ(metadata.balance_currency, "EUR");
  ASSERT_TRUE(metadata.balance_date);
  EXPECT_EQ(metadata.balance_date->to_iso(), "2025-12-09");
  EXPECT_EQ(metadata.balance_line, 3);
}

TEST(StatementMetadata, IngNamesPeriodAndBalanceAtItsEnd) {
  const StatementMetadata metadata = metadata_of(
      "Umsatzanzeige;Datei erstellt am: 09.12.2025 15:23\n\nIBAN;DE89 3704 0044 0532 0130 00\n"
      "Kontoname;Girokonto\nZeitraum;17.11.2025 - 09.12.2025\nSaldo;66.331,90;EUR\n");
  EXPECT_EQ(metadata.account, "DE89370400440532013000");
  EXPECT_EQ(metadata.balance_text, "66.331,90");
  EXPECT_EQ(metadata.balance_currency, "EUR");
  EXPECT_EQ(metadata.period_from->to_iso(), "2025-11-17");
  EXPECT_EQ(metadata.balance_date->to_iso(), "2025-12-09");
}

TEST(StatementMetadata, OldDkbAccountWithItsKind) {
  const StatementMetadata metadata = metadata_of(
      "\"Kontonummer:\";\"DE12500105170648489890 / Girokonto\";\n\"Von:\";\"01.01.2020\";\n"
      "\"Bis:\";\"31.01.2020\";\n");
  EXPECT_EQ(metadata.account, "DE12500105170648489890");
  EXPECT_EQ(metadata.period_to->to_iso(), "2020-01-31");
  EXPECT_TRUE(metadata.balance_text.empty());
}

}  // namespace
}  // namespace kontor::plugins::bank_csv
