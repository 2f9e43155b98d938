// `kontorctl match` through the real binary and plugins: a real bank file of the shared fixtures
// (moov-io's Finnish camt.053 sample, whose payments quote an invoice number or a payer's name)
// and a German MT940 written here, against open items in the open-items default layout — what
// is posted, what goes to review, what stays unmatched, in the JSON the issue names.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "support/child_process.hpp"
#include "support/temp_dir.hpp"

namespace kontor::testing {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

struct Matched {
  int status = -1;
  json out;
  std::string err;
};

Matched kontorctl_match(const fs::path& items, const fs::path& statement,
                        std::vector<std::string> extra = {"--json"}) {
  TempDir dir;
  ChildOptions options;
  options.argv = {(binary_dir() / "daemon/kontorctl").string(),
                  "match",
                  "--open-items",
                  items.string(),
                  "--statement",
                  statement.string(),
                  "--plugin-dir",
                  (binary_dir() / "plugins").string()};
  options.argv.insert(options.argv.end(), extra.begin(), extra.end());
  options.output_dir = dir.path();
  const Completed done = run_to_end(std::move(options));
  Matched matched{.status = done.status, .out = json(), .err = done.err};
  matched.out = json::parse(done.out, nullptr, false);
  return matched;
}

fs::path write(const TempDir& dir, const std::string& name, const std::string& content) {
  const fs::path path = dir.path() / name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

std::vector<std::string> field(const json& list, const std::string& key) {
  std::vector<std::string> values;
  for (const json& row : list) values.push_back(row.at(key).get<std::string>());
  return values;
}

const json* allocation_to(const json& result, const std::string& item) {
  for (const json& row : result["allocations"]) {
    if (row["invoice_no"] == item) return &row;
  }
  return nullptr;
}

constexpr const char* kHeader =
    "invoice_no;customer_no;customer_name;iban;issue_date;due_date;amount;rf_reference;"
    "discount_percent;discount_until\n";

// The sample's RF98123456789012 fails its check digits (a made-up number): it is no evidence,
// and the payment that quotes it is decided by what else it says.
TEST(MatchCommand, TheFinnishCamt053PostsByInvoiceNumberAndReviewsAPayerKnownByNameOnly) {
  TempDir dir;
  const fs::path items =
      write(dir, "items.csv",
            std::string(kHeader) +
                "US20291092;C-1;Debtor Name Inc;;2009-09-01;2009-10-01;2120.00;;;\n"
                "INV-7;C-2;Payers Name2 Ltd;;2009-09-15;2009-10-15;5455.00;;;\n");
  const Matched matched = kontorctl_match(
      items, shared_dir() / "fixtures/bank/camt053/moov-iso20022__FI_camt_053_sample.xml.xml");
  ASSERT_EQ(matched.status, 0) << matched.err;
  const json& result = matched.out;

  const json* by_number = allocation_to(result, "US20291092");
  ASSERT_NE(by_number, nullptr) << result.dump(2);
  EXPECT_EQ((*by_number)["entry_ref"], "091029ACCTSTMTARCH06");
  EXPECT_EQ((*by_number)["amount"], "2120.00");
  EXPECT_EQ((*by_number)["allocated"], "2120.00");
  EXPECT_EQ((*by_number)["method"], "invoice_number");
  EXPECT_EQ((*by_number)["booking_date"], "2009-10-29");
  EXPECT_TRUE((*by_number)["auto"].get<bool>());
  EXPECT_EQ(result["allocations"].size(), 1u);

  // "PAYERS NAME2" paying exactly what C-2 "Payers Name2 Ltd" owes: a name is not enough.
  ASSERT_EQ(result["review"].size(), 1u);
  EXPECT_EQ(result["review"][0]["entry_ref"], "091029ACCTSTMTARCH07");
  EXPECT_EQ(result["review"][0]["amount"], "5455.00");
  ASSERT_EQ(result["review"][0]["candidates"].size(), 1u);
  EXPECT_EQ(result["review"][0]["candidates"][0]["invoice_no"], "INV-7");
  EXPECT_LT(result["review"][0]["candidates"][0]["score"].get<int>(), 900);

  // Credits without any evidence; the debits are in no list.
  EXPECT_THAT(field(result["unmatched"], "entry_ref"),
              UnorderedElementsAre("091029ACCTSTMTARCH04", "091029ACCTSTMTARCH21",
                                   "091029ACCTSTMTARCH05", "091029ACCTSTMTARCH08"));
}

// A German MT940 as a Sparkasse writes it: structured :86: with SVWZ+, a number broken by the
// line length, a payer known only by IBAN, Skonto, two invoices in one payment, an RF reference.
constexpr const char* kMt940 =
    ":20:STARTUMSE\r\n"
    ":25:37050299/0000684712\r\n"
    ":28C:00217/001\r\n"
    ":60F:C261126EUR10000,00\r\n"
    ":61:2611271127CR1190,00NTRFNONREF//2611270001\r\n"
    ":86:166?00GUTSCHRIFT?20SVWZ+Rechnung RE-2026-0?21000123 vielen Dank?32BAECKEREI SCHMITZ\r\n"
    ":61:2611271127CR980,00NTRFNONREF//2611270002\r\n"
    ":86:166?00GUTSCHRIFT?20SVWZ+RE 2026-000124 abzgl. ?212% Skonto?32WEBER ELEKTRO\r\n"
    ":61:2611271127CR750,00NTRFNONREF//2611270003\r\n"
    ":86:166?00GUTSCHRIFT?20SVWZ+Sammelzahlung?30COLSDE33?31DE12500105170648489890?32MUELLER UND "
    "SOEHNE\r\n"
    ":61:2611271127CR300,00NTRFNONREF//2611270004\r\n"
    ":86:166?00GUTSCHRIFT?20SVWZ+Rechnungen RE-2026-000127/128?32KRUEGER ANNA\r\n"
    ":61:2611271127CR400,00NTRFNONREF//2611270006\r\n"
    ":86:166?00GUTSCHRIFT?20SVWZ+RF18 5390 0754 7034?32MEIER FRITZ\r\n"
    ":61:2611271127DR12,50NCHGNONREF//2611270005\r\n"
    ":86:805?00ENTGELT?20Kontofuehrung\r\n"
    ":62F:C261127EUR13607,50\r\n"
    "-\r\n";

TEST(MatchCommand, AGermanMt940IsPostedByNumbersSkontoAndAKnownIbansItems) {
  TempDir dir;
  const fs::path items = write(
      dir, "items.csv",
      std::string(kHeader) +
          "RE-2026-000123;K-1;Bäckerei Schmitz GmbH;;2026-10-01;2026-10-31;1190.00;;;\n"
          "RE-2026-000124;K-2;Elektro Weber e.K.;;2026-11-20;2026-12-20;1000.00;;2;2026-11-30\n"
          "RE-2026-000125;K-3;Müller & Söhne KG;DE12500105170648489890;2026-10-01;2026-10-31;"
          "500.00;;;\n"
          "RE-2026-000126;K-3;Müller & Söhne KG;DE12500105170648489890;2026-10-05;2026-11-04;"
          "250.00;;;\n"
          "RE-2026-000129;K-3;Müller & Söhne KG;DE12500105170648489890;2026-10-06;2026-11-05;"
          "99.00;;;\n"
          "RE-2026-000127;K-4;Anna Krüger;;2026-10-01;2026-10-31;100.00;;;\n"
          "RE-2026-000128;K-4;Anna Krüger;;2026-10-02;2026-11-01;200.00;;;\n"
          "RE-2026-000130;K-5;Fritz Meier;;2026-10-02;2026-11-01;400.00;RF18539007547034;;\n");
  const fs::path statement = write(dir, "umsaetze.sta", kMt940);
  const Matched matched = kontorctl_match(items, statement);
  ASSERT_EQ(matched.status, 0) << matched.err;
  const json& result = matched.out;

  const json* broken_number = allocation_to(result, "RE-2026-000123");
  ASSERT_NE(broken_number, nullptr) << result.dump(2);
  EXPECT_EQ((*broken_number)["entry_ref"], "2611270001");
  EXPECT_EQ((*broken_number)["allocated"], "1190.00");

  // Skonto: the payment, and the discount as an allocation of its own.
  std::vector<std::string> skonto_rows;
  for (const json& row : result["allocations"]) {
    if (row["invoice_no"] == "RE-2026-000124") {
      skonto_rows.push_back(row["method"].get<std::string>() + " " +
                            row["allocated"].get<std::string>());
    }
  }
  EXPECT_THAT(skonto_rows, UnorderedElementsAre("invoice_number 980.00", "skonto 20.00"));

  // No number, a known IBAN: the one set of the customer's items that adds up (500 + 250).
  const json* set_first = allocation_to(result, "RE-2026-000125");
  const json* set_second = allocation_to(result, "RE-2026-000126");
  ASSERT_NE(set_first, nullptr);
  ASSERT_NE(set_second, nullptr);
  EXPECT_EQ((*set_first)["method"], "several_items");
  EXPECT_EQ(allocation_to(result, "RE-2026-000129"), nullptr);

  // "RE-2026-000127/128": two numbers, their sum.
  ASSERT_NE(allocation_to(result, "RE-2026-000127"), nullptr);
  ASSERT_NE(allocation_to(result, "RE-2026-000128"), nullptr);
  EXPECT_EQ((*allocation_to(result, "RE-2026-000128"))["allocated"], "200.00");

  // The RF reference, written in groups as printed on the invoice.
  const json* by_reference = allocation_to(result, "RE-2026-000130");
  ASSERT_NE(by_reference, nullptr);
  EXPECT_EQ((*by_reference)["method"], "creditor_reference");
  EXPECT_EQ((*by_reference)["confidence"], 1000);

  EXPECT_TRUE(result["review"].empty()) << result["review"].dump(2);
  EXPECT_TRUE(result["unmatched"].empty());  // the bank's charge is a debit
}

TEST(MatchCommand, AThresholdAboveTheEvidenceSendsItToReviewWithItsCandidates) {
  TempDir dir;
  const fs::path items =
      write(dir, "items.csv",
            std::string(kHeader) +
                "RE-2026-000123;K-1;Bäckerei Schmitz GmbH;;2026-10-01;2026-10-31;1190.00;;;\n");
  const fs::path statement = write(dir, "umsaetze.sta", kMt940);
  const Matched matched = kontorctl_match(items, statement, {"--json", "--post-from", "999"});
  ASSERT_EQ(matched.status, 0) << matched.err;
  EXPECT_TRUE(matched.out["allocations"].empty());
  const json* entry = nullptr;
  for (const json& row : matched.out["review"]) {
    if (row["entry_ref"] == "2611270001") entry = &row;
  }
  ASSERT_NE(entry, nullptr) << matched.out.dump(2);
  ASSERT_EQ((*entry)["candidates"].size(), 1u);
  EXPECT_EQ((*entry)["candidates"][0]["invoice_no"], "RE-2026-000123");
  EXPECT_GE((*entry)["candidates"][0]["score"].get<int>(), 900);
}

TEST(MatchCommand, ABadOpenItemsFileIsAClearErrorNamingFileAndLine) {
  TempDir dir;
  const fs::path items = write(dir, "items.csv",
                               std::string(kHeader) +
                                   "RE-1;K-1;Someone;;2026-10-01;2026-10-31;1190.00;;;\n"
                                   "RE-2;K-1;Someone;;2026-10-01;not a date;5.00;;;\n");
  const fs::path statement = write(dir, "umsaetze.sta", kMt940);
  const Matched matched = kontorctl_match(items, statement);
  EXPECT_EQ(matched.status, 1);
  EXPECT_THAT(matched.err, HasSubstr("items.csv"));
  EXPECT_THAT(matched.err, HasSubstr("line 3"));
}

TEST(MatchCommand, AFileThatIsNoBankStatementIsRefused) {
  TempDir dir;
  const fs::path items = write(dir, "items.csv", std::string(kHeader));
  const fs::path statement = write(dir, "notes.txt", "just some text\n");
  const Matched matched = kontorctl_match(items, statement);
  EXPECT_EQ(matched.status, 1);
  EXPECT_THAT(matched.err, HasSubstr("notes.txt"));
}

}  // namespace
}  // namespace kontor::testing
