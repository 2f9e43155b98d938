// The statement import on real bank files from ../shared/fixtures/bank: the camt and MT940
// parsers' cores read them into the import engine, on a real store in memory, one store step per
// file as the intake does. What banks really send: reused bank references, batch bookings and
// the camt.054 that details them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <map>
#include <set>

#include "bank_csv_file.hpp"
#include "camt_reader.hpp"
#include "engine/statement_import.hpp"
#include "kontor/model/sha256.hpp"
#include "mt940_file.hpp"
#include "store/sqlite_store.hpp"
#include "support/temp_dir.hpp"

namespace kontor::testing {
namespace {

using engine::CompanyAccounts;
using engine::IncomingDocument;
using engine::RunReport;
using engine::StatementCounts;
using engine::StatementFileImport;
using ::testing::HasSubstr;

constexpr const char* kPostFinance = "CH2909000000250094239";

std::filesystem::path fixture(const std::string& name) {
  return shared_dir() / "fixtures/bank" / name;
}

const std::string kCamt053 =
    "camt053/moov-iso20022__camt.053_P_CH2909000000250094239_1110092698_0_2020112503071366.xml";
const std::string kCamt054 =
    "camt054/"
    "moov-iso20022__200519_camt054-ESR-ASR_P_CH2909000000250094239_1110092704_0_"
    "2019042500372179.xml";
const std::string kBetterplace = "mt940/betterplace__sepa_mt9401.txt";
const std::string kVolksbank = "mt940/jejik__volksbankenraiffeisenbanken.txt";

std::string bytes_of(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class MemoryDocument final : public sdk::DocumentReader {
 public:
  MemoryDocument(std::string name, std::string bytes)
      : name_(std::move(name)), bytes_(std::move(bytes)) {}
  const std::string& name() const override { return name_; }
  std::int64_t size() const override { return static_cast<std::int64_t>(bytes_.size()); }
  Result<std::size_t> read(std::span<std::uint8_t> buffer) override {
    const std::size_t n = std::min(buffer.size(), bytes_.size() - at_);
    std::memcpy(buffer.data(), bytes_.data() + at_, n);
    at_ += n;
    return n;
  }

 private:
  std::string name_, bytes_;
  std::size_t at_ = 0;
};

// Reads `bytes` of a fixture with the parser its folder names.
sdk::Status parse(const std::string& relative, const std::string& bytes, sdk::ParseSink& sink) {
  if (relative.starts_with("csv")) {
    plugins::bank_csv::BankCsvStatement statement;
    const std::string name = std::filesystem::path(relative).filename().string();
    sdk::Status read = plugins::bank_csv::parse_bank_csv(
        name, bytes, plugins::bank_csv::ParserOptions{}, statement);
    if (!read) return read;
    return plugins::bank_csv::emit(statement, sink);
  }
  if (relative.starts_with("mt9")) {
    return plugins::mt940::parse_mt940(bytes, plugins::mt940::ParserOptions{}, sink);
  }
  MemoryDocument document(relative, bytes);
  plugins::camt::CamtCounts counts;
  return plugins::camt::read_camt(document, plugins::camt::CamtOptions{}, sink, counts);
}

sdk::Status parse(const std::string& relative, sdk::ParseSink& sink) {
  return parse(relative, bytes_of(fixture(relative)), sink);
}

// The accounts a file names, to make them the company's.
struct AccountsOfFile final : sdk::ParseSink {
  CompanyAccounts accounts;
  sdk::Status statement(const sdk::StatementInfo& s) override {
    const std::string& account = s.account.empty() ? s.account_number : s.account;
    accounts.emplace(account, account);
    return sdk::Status::ok();
  }
  sdk::Status entry(const sdk::StatementEntry&) override { return sdk::Status::ok(); }
  sdk::Status detail(const sdk::EntryDetail&) override { return sdk::Status::ok(); }
  sdk::Status customer(const sdk::ImportedCustomer&) override { return sdk::Status::ok(); }
  sdk::Status open_item(const sdk::ImportedOpenItem&) override { return sdk::Status::ok(); }
  void warning(std::int64_t, std::string_view, std::string_view) override {}
};

class StatementFixtures : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::SqliteStore::open({});
    ASSERT_TRUE(opened.ok());
    store_ = std::move(opened).value();
    accounts_ = {{kPostFinance, kPostFinance}};
  }

  void make_accounts_of(const std::string& relative) {
    AccountsOfFile reader;
    ASSERT_TRUE(parse(relative, reader));
    accounts_ = reader.accounts;
  }

  // `relative` as the bank sent it, or only `bytes` of it under the name `as`.
  RunReport import(const std::string& relative, std::optional<std::string> bytes = std::nullopt,
                   const std::string& as = "") {
    RunReport report;
    if (!bytes) bytes = bytes_of(fixture(relative));
    const std::string sha = Sha256::hex_of(*bytes);
    const std::string read_as =
        as.empty() ? relative : std::filesystem::path(relative).parent_path().string() + "/" + as;
    const IncomingDocument document{.source = "bank-drop",
                                    .name = std::filesystem::path(read_as).filename().string(),
                                    .sha256 = sha,
                                    .size = 1,
                                    .parser = relative.starts_with("mt9") ? "mt940" : "camt"};
    const Status committed =
        store_->transact("engine:test", "import", [&](store::Transaction& tx) -> Status {
          if (auto recorded = tx.record_file(
                  {.sha256 = sha, .name = document.name, .size = 1, .source = "bank-drop"});
              !recorded) {
            return recorded.error();
          }
          StatementFileImport importer(tx, document, accounts_, report, totals_);
          sdk::Status status = parse(read_as, *bytes, importer);
          if (status) status = importer.finish();
          if (!status) return Error{status.message()};
          return {};
        });
    EXPECT_TRUE(committed) << relative << ": " << committed.error().message;
    return report;
  }

  std::vector<BankTransaction> transactions(bool include_superseded = false) {
    std::vector<BankTransaction> found;
    EXPECT_TRUE(store_->read([&](store::Reader& r) -> Status {
      store::TransactionQuery query;
      query.include_superseded = include_superseded;
      auto loaded = r.bank_transactions(query);
      if (!loaded) return loaded.error();
      found = *loaded;
      return {};
    }));
    return found;
  }

  std::unique_ptr<store::SqliteStore> store_;
  CompanyAccounts accounts_;
  StatementCounts totals_;
};

TEST_F(StatementFixtures, PostFinanceStatementKeepsBothEntriesThatShareABankReference) {
  const RunReport report = import(kCamt053);
  const auto stored = transactions();
  ASSERT_EQ(stored.size(), 5U);
  int sharing = 0;
  for (const auto& t : stored) sharing += t.bank_reference == "07582000303KBMSU" ? 1 : 0;
  EXPECT_EQ(sharing, 2);
  // The bank's own balances do not add up: a warning, never a refusal.
  ASSERT_EQ(report.warnings.size(), 1U);
  EXPECT_THAT(report.warnings[0], HasSubstr("balance_mismatch"));
}

TEST_F(StatementFixtures, BetterplaceMt940KeepsEveryEntryThoughBankReferencesRepeat) {
  make_accounts_of(kBetterplace);
  import(kBetterplace);
  const auto stored = transactions();
  EXPECT_EQ(stored.size(), 97U);
  std::map<std::string, int> references;
  for (const auto& t : stored) {
    if (!t.bank_reference.empty()) ++references[t.bank_reference];
  }
  EXPECT_EQ(references.at("0724710352954937"), 2);
  EXPECT_EQ(references.at("0724710333343453"), 2);
}

TEST_F(StatementFixtures, TheSameStatementsAgainAddNothing) {
  make_accounts_of(kBetterplace);
  import(kBetterplace);
  const RunReport again = import(kBetterplace);
  ASSERT_FALSE(again.facts.empty());
  EXPECT_THAT(again.facts.back(), HasSubstr("26 statements (0 new, 26 known before"));
  EXPECT_EQ(transactions().size(), 97U);
}

// Eight daily statements, every one :20:STARTUMS :28C:0: each its own statement, told apart by
// its closing date, so all twelve credits arrive — and arrive once.
TEST_F(StatementFixtures, VolksbankStatementsThatAllSayStartumsZeroAreEachImported) {
  make_accounts_of(kVolksbank);
  const RunReport first = import(kVolksbank);
  ASSERT_FALSE(first.facts.empty());
  EXPECT_THAT(first.facts.back(), HasSubstr("8 statements (8 new, 0 known before"));
  EXPECT_THAT(first.facts.back(), HasSubstr("12 transactions new, 0 already there"));
  // Besides the parser's own (no entry date, no reference), the run says it once.
  const auto repeated =
      std::count_if(first.warnings.begin(), first.warnings.end(), [](const std::string& w) {
        return w.find("repeated_statement_number") != std::string::npos;
      });
  EXPECT_EQ(repeated, 1);
  const auto stored = transactions();
  ASSERT_EQ(stored.size(), 12U);
  Money credited = Money::zero(Currency::eur());
  std::set<std::string> sequences;
  for (const auto& t : stored) {
    credited = *credited.plus(t.amount);
    sequences.insert(t.statement_sequence);
  }
  // The last closing balance (3830.00 on 2020-03-10) less the first opening one (3085.00).
  EXPECT_EQ(credited.to_string(), "745.00 EUR");
  EXPECT_EQ(sequences.size(), 8U);

  const RunReport again = import(kVolksbank);
  EXPECT_THAT(again.facts.back(), HasSubstr("8 statements (0 new, 8 known before"));
  EXPECT_THAT(again.facts.back(), HasSubstr("0 transactions new"));
  EXPECT_EQ(transactions().size(), 12U);
}

// Two exports of the Sparkasse's CSV-CAMT: the first has the first six bookings, the later one
// all ten. A bank CSV names no statement (the file's stem does), so only the transactions'
// identities tell what is new.
TEST_F(StatementFixtures, SparkasseCsvExportsThatOverlapAddOnlyTheNewBookings) {
  const std::string relative = "csv/rechnungspilot__sparkasse-lzo-camt-v8.csv";
  accounts_ = {{"DE89370400440532013000", "DE89370400440532013000"}};
  const std::string all = bytes_of(fixture(relative));
  std::size_t cut = 0;
  for (int line = 0; line < 7; ++line) cut = all.find('\n', cut) + 1;  // header + 6 rows
  const RunReport first = import(relative, all.substr(0, cut), "umsaetze-1.csv");
  EXPECT_THAT(first.facts.back(), HasSubstr("6 transactions new, 0 already there"));
  const RunReport later = import(relative, all, "umsaetze-2.csv");
  EXPECT_THAT(later.facts.back(), HasSubstr("4 transactions new, 6 already there"));
  EXPECT_EQ(transactions().size(), 10U);
}

// The moov camt.053 books 1537.00 as one entry; the camt.054 of the same account with the same
// bank reference details it as five ESR payments.
class NotificationFixtures : public StatementFixtures,
                             public ::testing::WithParamInterface<bool> {};

TEST_P(NotificationFixtures, MoovNotificationDetailsTheBookedEntryOnceInEitherOrder) {
  if (GetParam()) {
    import(kCamt053);
    import(kCamt054);
  } else {
    import(kCamt054);
    import(kCamt053);
  }
  Money booked = Money::zero(*Currency::from_code("CHF"));
  int details_of_entry = 0, provisional = 0;
  for (const auto& t : transactions()) {
    if (t.postable()) booked = *booked.plus(t.amount);
    if (t.provisional) ++provisional;
    if (t.bank_reference == "07582000303KBMSU" && t.entry_amount &&
        t.entry_amount->minor_units() == 153700) {
      ++details_of_entry;
      EXPECT_EQ(t.counterparty_name, "Bernasconi Maria");
      EXPECT_EQ(t.statement_id, "20201124375204229003973");
    }
  }
  EXPECT_EQ(details_of_entry, 5);
  EXPECT_EQ(booked.to_string(), "4656.02 CHF");  // the statement's booked entries, counted once
  EXPECT_EQ(provisional, 1);  // the notification's -147.00 still waits for its booked entry
}

INSTANTIATE_TEST_SUITE_P(BothOrders, NotificationFixtures, ::testing::Bool(), [](const auto& info) {
  return info.param ? "StatementFirst" : "NotificationFirst";
});

}  // namespace
}  // namespace kontor::testing
