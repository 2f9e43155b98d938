// The rules of importing bank statements, applied to a real store in memory: what a parser would
// hand the import, file by file, each in its own store step as the intake does.
#include "engine/statement_import.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "store/sqlite_store.hpp"

namespace kontor::engine {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr const char* kAccount = "DE02120300000000202051";
constexpr const char* kOtherAccount = "DE89370400440532013000";

Money eur(std::int64_t cents) {
  return Money(cents, Currency::eur());
}
Date day(const char* iso) {
  return *Date::parse_iso(iso);
}

// A parsed statement as a parser hands it over.
struct Parsed {
  sdk::StatementInfo info;
  struct Entry {
    sdk::StatementEntry entry;
    std::vector<sdk::EntryDetail> details;
  };
  std::vector<Entry> entries;
  std::vector<std::pair<std::int64_t, std::string>> warnings;  // line, code

  Parsed& add(sdk::StatementEntry entry, std::vector<sdk::EntryDetail> details = {}) {
    entries.push_back({std::move(entry), std::move(details)});
    return *this;
  }
};

Parsed statement(std::string id, std::string sequence,
                 StatementKind kind = StatementKind::statement) {
  Parsed p;
  p.info.kind = kind;
  p.info.account = kAccount;
  p.info.currency = "EUR";
  p.info.id = std::move(id);
  p.info.sequence = std::move(sequence);
  p.info.line = 1;
  return p;
}

sdk::StatementEntry credit(std::int64_t cents, const char* booked, std::string remittance,
                           std::string bank_reference = "") {
  sdk::StatementEntry e;
  e.booking_date = day(booked);
  e.value_date = e.booking_date;
  e.amount = eur(cents);
  e.details.counterparty_name = "Muster GmbH";
  e.details.counterparty_account = kOtherAccount;
  e.details.remittance = std::move(remittance);
  e.details.bank_reference = std::move(bank_reference);
  e.line = 10;
  return e;
}

sdk::EntryDetail detail(std::uint32_t position, std::int64_t cents, std::string name,
                        std::string remittance) {
  sdk::EntryDetail d;
  d.position = position;
  d.amount = eur(cents);
  d.details.counterparty_name = std::move(name);
  d.details.remittance = std::move(remittance);
  d.details.end_to_end_id = "E2E-" + std::to_string(position);
  return d;
}

struct FileResult {
  sdk::Status status;
  RunReport report;
};

class StatementImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::SqliteStore::open({});
    ASSERT_TRUE(opened.ok());
    store_ = std::move(opened).value();
    accounts_ = {{kAccount, kAccount}};
  }

  // One file of statements, applied in one step as the intake does.
  FileResult import(const std::vector<Parsed>& statements, std::string name = "file.xml") {
    FileResult result;
    const std::string sha = std::string(63, '0') + std::to_string(++files_ % 10);
    const IncomingDocument document{
        .source = "bank-drop", .name = std::move(name), .sha256 = sha, .size = 1, .parser = "camt"};
    const Status committed =
        store_->transact("engine:test", "import", [&](store::Transaction& tx) -> Status {
          if (auto recorded = tx.record_file(
                  {.sha256 = sha, .name = document.name, .size = 1, .source = "bank-drop"});
              !recorded) {
            return recorded.error();
          }
          StatementFileImport importer(tx, document, accounts_, result.report, totals_);
          auto fail = [&](const sdk::Status& s) -> Status {
            result.status = s;
            return Error{s.message()};
          };
          for (const Parsed& p : statements) {
            if (auto s = importer.statement(p.info); !s) return fail(s);
            for (const auto& [line, code] : p.warnings) importer.warning(line, code, "as read");
            for (const auto& e : p.entries) {
              if (auto s = importer.entry(e.entry); !s) return fail(s);
              for (const auto& d : e.details) {
                if (auto s = importer.detail(d); !s) return fail(s);
              }
            }
          }
          result.status = importer.finish();
          if (!result.status) return Error{result.status.message()};
          return {};
        });
    if (!committed && result.status) result.status = sdk::Status::retry(committed.error().message);
    return result;
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

  static Money total(const std::vector<BankTransaction>& ts) {
    Money sum = eur(0);
    for (const auto& t : ts) sum = *sum.plus(t.amount);
    return sum;
  }

  std::unique_ptr<store::SqliteStore> store_;
  CompanyAccounts accounts_;
  StatementCounts totals_;
  int files_ = 0;
};

TEST_F(StatementImportTest, StoresEveryEntryOnceAndSaysHowMany) {
  auto result = import({statement("2026-11-27", "217")
                            .add(credit(11900, "2026-11-27", "R-2026-1001"))
                            .add(credit(5000, "2026-11-27", "R-2026-1002"))});
  ASSERT_TRUE(result.status) << result.status.message();
  EXPECT_EQ(transactions().size(), 2U);
  ASSERT_EQ(result.report.facts.size(), 1U);
  EXPECT_THAT(result.report.facts[0], HasSubstr("1 statement (1 new"));
  EXPECT_THAT(result.report.facts[0], HasSubstr("2 transactions new"));
  EXPECT_THAT(result.report.warnings, IsEmpty());
}

TEST_F(StatementImportTest, StatementKnownByAccountIdAndSequenceAddsNothing) {
  const Parsed s = statement("2026-11-27", "217").add(credit(11900, "2026-11-27", "R-2026-1001"));
  ASSERT_TRUE(import({s}).status);
  // The same statement in another file (another SHA-256): known by (account, id, sequence).
  auto again = import({s}, "again.xml");
  ASSERT_TRUE(again.status);
  EXPECT_THAT(again.report.facts[0], HasSubstr("1 known before"));
  EXPECT_EQ(transactions().size(), 1U);
}

// Volksbanken and Raiffeisenbanken write :20:STARTUMS :28C:0 on every daily statement: the same
// numbers with other balances are another statement, not one known before.
Parsed daily(const char* closing_day, std::int64_t opening_cents, std::int64_t credit_cents,
             std::string remittance) {
  Parsed p = statement("STARTUMS", "0").add(credit(credit_cents, closing_day, remittance));
  p.info.opening = StatementBalance{eur(opening_cents), day(closing_day)};
  p.info.closing = StatementBalance{eur(opening_cents + credit_cents), day(closing_day)};
  return p;
}

TEST_F(StatementImportTest, StatementsThatReuseTheBanksNumbersOnOtherDaysAreAllImported) {
  const Parsed monday = daily("2020-02-24", 331000, 5500, "Musical Sonja");
  const Parsed tuesday = daily("2020-02-25", 336500, 8000, "Musical Martin");
  auto first = import({monday}, "2020-02-24.sta");
  ASSERT_TRUE(first.status) << first.status.message();
  EXPECT_THAT(first.report.warnings, IsEmpty());

  auto second = import({tuesday}, "2020-02-25.sta");
  ASSERT_TRUE(second.status) << second.status.message();
  EXPECT_THAT(second.report.facts[0], HasSubstr("1 statement (1 new, 0 known before"));
  EXPECT_THAT(second.report.facts[0], HasSubstr("1 transactions new"));
  // Said once, and no balance or sequence warning: the chain continues.
  ASSERT_EQ(second.report.warnings.size(), 1U);
  EXPECT_THAT(second.report.warnings[0], HasSubstr("repeated_statement_number"));
  EXPECT_THAT(second.report.warnings[0], HasSubstr("closing date"));

  const auto stored = transactions();
  ASSERT_EQ(stored.size(), 2U);
  EXPECT_EQ(stored[0].statement_sequence, "0");
  EXPECT_EQ(stored[1].statement_sequence, "0@2020-02-25");
  EXPECT_EQ(stored[1].statement_id, "STARTUMS");
}

TEST_F(StatementImportTest, AFileOfStatementsWithRepeatedNumbersImportedTwiceAddsNothing) {
  const std::vector<Parsed> days = {daily("2020-02-24", 331000, 5500, "Musical Sonja"),
                                    daily("2020-02-25", 336500, 8000, "Musical Martin"),
                                    daily("2020-02-26", 344500, 6500, "Musical Lukas")};
  auto first = import(days, "startums.sta");
  ASSERT_TRUE(first.status) << first.status.message();
  EXPECT_THAT(first.report.facts[0], HasSubstr("3 statements (3 new, 0 known before"));
  EXPECT_THAT(first.report.facts[0], HasSubstr("3 transactions new"));
  // One warning for the run, however many statements it had to tell apart.
  ASSERT_EQ(first.report.warnings.size(), 1U);
  EXPECT_THAT(first.report.warnings[0], HasSubstr("repeated_statement_number"));

  auto again = import(days, "startums-again.sta");
  ASSERT_TRUE(again.status) << again.status.message();
  EXPECT_THAT(again.report.facts[0], HasSubstr("3 statements (0 new, 3 known before"));
  EXPECT_THAT(again.report.facts[0], HasSubstr("0 transactions new"));
  EXPECT_THAT(again.report.warnings, IsEmpty());
  EXPECT_EQ(transactions().size(), 3U);
}

TEST_F(StatementImportTest, RepeatedNumbersAndClosingDateWithAnotherAmountAreToldApartByIt) {
  // Two statements closing on one day (a correction, say) under the same numbers.
  const Parsed morning = daily("2020-02-25", 336500, 8000, "Musical Martin");
  const Parsed evening = daily("2020-02-25", 336500, 5500, "Musical Carmen");
  ASSERT_TRUE(import({daily("2020-02-24", 331000, 5500, "Musical Sonja")}).status);
  ASSERT_TRUE(import({morning}, "morning.sta").status);
  auto result = import({evening}, "evening.sta");
  ASSERT_TRUE(result.status) << result.status.message();
  EXPECT_THAT(result.report.facts[0], HasSubstr("1 new, 0 known before"));
  auto again = import({morning, evening}, "both-again.sta");
  EXPECT_THAT(again.report.facts[0], HasSubstr("2 statements (0 new, 2 known before"));
  const auto stored = transactions();
  ASSERT_EQ(stored.size(), 3U);
  EXPECT_EQ(stored[2].statement_sequence, "0@2020-02-25@3420.00");
}

TEST_F(StatementImportTest, TwoEqualPaymentsOnOneDayStayTwo) {
  ASSERT_TRUE(import({statement("S-1", "1")
                          .add(credit(5000, "2026-11-27", "R-2026-1002"))
                          .add(credit(5000, "2026-11-27", "R-2026-1002"))})
                  .status);
  const auto stored = transactions();
  ASSERT_EQ(stored.size(), 2U);
  EXPECT_NE(stored[0].identity, stored[1].identity);
}

TEST_F(StatementImportTest, AReusedBankReferenceIsNoDuplicate) {
  ASSERT_TRUE(import({statement("S-1", "1")
                          .add(credit(153700, "2026-11-24", "ESR", "07582000303KBMSU"))
                          .add(credit(169222, "2026-11-24", "ESR", "07582000303KBMSU"))})
                  .status);
  EXPECT_EQ(transactions().size(), 2U);
}

TEST_F(StatementImportTest, OverlappingStatementAddsOnlyWhatIsNew) {
  ASSERT_TRUE(import({statement("S-1", "1")
                          .add(credit(11900, "2026-11-26", "R-2026-1001"))
                          .add(credit(5000, "2026-11-27", "R-2026-1002"))})
                  .status);
  // A later export (another statement id) repeats both entries and adds one.
  auto later = import({statement("S-2", "1")
                           .add(credit(11900, "2026-11-26", "R-2026-1001"))
                           .add(credit(5000, "2026-11-27", "R-2026-1002"))
                           .add(credit(2500, "2026-11-28", "R-2026-1003"))},
                      "later.xml");
  ASSERT_TRUE(later.status);
  EXPECT_THAT(later.report.facts[0], HasSubstr("1 transactions new, 2 already there"));
  EXPECT_EQ(transactions().size(), 3U);
}

TEST_F(StatementImportTest, BatchEntryBecomesOneTransactionPerDetail) {
  auto batch = credit(30000, "2026-11-27", "SAMMELGUTSCHRIFT", "REF-BATCH");
  batch.detail_count = 2;
  ASSERT_TRUE(import({statement("S-1", "1")
                          .add(batch, {detail(1, 10000, "Anna Alt", "R-2026-1001"),
                                       detail(2, 20000, "Bernd Berg", "R-2026-1002")})})
                  .status);
  const auto stored = transactions();
  ASSERT_EQ(stored.size(), 2U);
  EXPECT_EQ(stored[0].amount, eur(10000));
  EXPECT_EQ(stored[0].counterparty_name, "Anna Alt");
  EXPECT_EQ(stored[0].batch_position, 1);
  EXPECT_EQ(stored[1].remittance, "R-2026-1002");
  EXPECT_EQ(stored[1].batch_position, 2);
  EXPECT_EQ(stored[1].entry_amount, eur(30000));
  EXPECT_EQ(stored[1].bank_reference, "REF-BATCH");
}

// A booked entry (camt.053) and the camt.054 that details it: counted once, with its details,
// whichever arrives first.
class NotificationOrderTest : public StatementImportTest,
                              public ::testing::WithParamInterface<bool> {};

TEST_P(NotificationOrderTest, NotificationDetailsTheBookedEntryWhicheverArrivesFirst) {
  const Parsed booked = statement("S-1", "1")
                            .add(credit(30000, "2026-11-27", "SAMMELGUTSCHRIFT", "REF-1"))
                            .add(credit(4500, "2026-11-27", "R-2026-1003", "REF-2"));
  auto notified_entry = credit(30000, "2026-11-26", "SAMMELGUTSCHRIFT", "REF-1");
  notified_entry.detail_count = 2;
  const Parsed notification =
      statement("N-1", "", StatementKind::notification)
          .add(notified_entry, {detail(1, 10000, "Anna Alt", "R-2026-1001"),
                                detail(2, 20000, "Bernd Berg", "R-2026-1002")});
  const bool booked_first = GetParam();
  ASSERT_TRUE(import({booked_first ? booked : notification}, "first.xml").status);
  ASSERT_TRUE(import({booked_first ? notification : booked}, "second.xml").status);

  const auto counted = transactions();
  ASSERT_EQ(counted.size(), 3U);
  EXPECT_EQ(total(counted), eur(34500));
  for (const auto& t : counted) {
    EXPECT_TRUE(t.postable()) << t.remittance;
    EXPECT_EQ(t.statement_id, "S-1");
    EXPECT_EQ(t.booking_date, day("2026-11-27"));
  }
  std::vector<std::string> names;
  for (const auto& t : counted) names.push_back(t.counterparty_name);
  EXPECT_THAT(names, ::testing::UnorderedElementsAre("Anna Alt", "Bernd Berg", "Muster GmbH"));
  // Kept for the audit trail: the plain booked entry and the notification's provisional details.
  EXPECT_EQ(transactions(/*include_superseded=*/true).size(), 6U);
}

TEST_F(StatementImportTest, BothOrdersLeaveTheSameTransactionsCounted) {
  const Parsed booked =
      statement("S-1", "1").add(credit(30000, "2026-11-27", "SAMMELGUTSCHRIFT", "REF-1"));
  const Parsed notification = statement("N-1", "", StatementKind::notification)
                                  .add(credit(30000, "2026-11-27", "SAMMELGUTSCHRIFT", "REF-1"),
                                       {detail(1, 10000, "Anna Alt", "R-2026-1001"),
                                        detail(2, 20000, "Bernd Berg", "R-2026-1002")});
  auto identities = [&] {
    std::vector<std::string> out;
    for (const auto& t : transactions()) out.push_back(t.identity);
    std::sort(out.begin(), out.end());
    return out;
  };
  ASSERT_TRUE(import({booked}, "a.xml").status);
  ASSERT_TRUE(import({notification}, "b.xml").status);
  const auto booked_first = identities();
  SetUp();  // a store of its own
  ASSERT_TRUE(import({notification}, "b.xml").status);
  ASSERT_TRUE(import({booked}, "a.xml").status);
  EXPECT_EQ(identities(), booked_first);
  EXPECT_EQ(booked_first.size(), 2U);
}

INSTANTIATE_TEST_SUITE_P(BothOrders, NotificationOrderTest, ::testing::Bool(),
                         [](const auto& info) {
                           return info.param ? "BookedFirst" : "NotificationFirst";
                         });

TEST_F(StatementImportTest, NotificationWithoutItsBookedEntryStaysProvisional) {
  auto notified_entry = credit(30000, "2026-11-26", "SAMMELGUTSCHRIFT", "REF-1");
  ASSERT_TRUE(import({statement("N-1", "", StatementKind::notification)
                          .add(notified_entry, {detail(1, 10000, "Anna Alt", "R-2026-1001"),
                                                detail(2, 20000, "Bernd Berg", "R-2026-1002")})})
                  .status);
  const auto counted = transactions();
  ASSERT_EQ(counted.size(), 2U);
  for (const auto& t : counted) {
    EXPECT_TRUE(t.provisional);
    EXPECT_FALSE(t.postable());
  }
}

TEST_F(StatementImportTest, NotificationDoesNotSplitAnEntryThatHasAllocations) {
  ASSERT_TRUE(
      import({statement("S-1", "1").add(credit(30000, "2026-11-27", "SAMMELGUTSCHRIFT", "REF-1"))})
          .status);
  // The matching engine already posted it.
  ASSERT_TRUE(store_->transact("engine:test", "setup", [&](store::Transaction& tx) -> Status {
    Customer c;
    c.number = "K-1";
    c.name = "Muster GmbH";
    if (auto r = tx.upsert_customer(c); !r) return r.error();
    OpenItem item;
    item.number = "R-1";
    item.customer_number = "K-1";
    item.due_date = day("2026-11-15");
    item.gross = eur(30000);
    item.open = item.gross;
    if (auto r = tx.upsert_open_item(item); !r) return r.error();
    auto stored = tx.bank_transactions({});
    if (!stored) return stored.error();
    Allocation a;
    a.transaction = stored->front().identity;
    a.item_number = "R-1";
    a.amount = eur(30000);
    a.method = AllocationMethod::manual;
    if (auto r = tx.add_allocation(a); !r) return r.error();
    return {};
  }));
  auto result = import({statement("N-1", "", StatementKind::notification)
                            .add(credit(30000, "2026-11-26", "SAMMELGUTSCHRIFT", "REF-1"),
                                 {detail(1, 10000, "Anna Alt", "R-2026-1001"),
                                  detail(2, 20000, "Bernd Berg", "R-2026-1002")})},
                       "notification.xml");
  ASSERT_TRUE(result.status) << result.status.message();
  ASSERT_EQ(result.report.warnings.size(), 1U);
  EXPECT_THAT(result.report.warnings[0], HasSubstr("entry_allocated"));
  const auto counted = transactions();
  ASSERT_EQ(counted.size(), 1U);
  EXPECT_EQ(counted[0].batch_position, 0);
}

TEST_F(StatementImportTest, IntradayEntriesAreProvisionalUntilTheBookedStatementArrives) {
  ASSERT_TRUE(import({statement("I-1", "5", StatementKind::intraday)
                          .add(credit(11900, "2026-11-27", "R-2026-1001"))})
                  .status);
  auto provisional = transactions();
  ASSERT_EQ(provisional.size(), 1U);
  EXPECT_TRUE(provisional[0].provisional);
  EXPECT_FALSE(provisional[0].postable());

  auto booked =
      import({statement("S-1", "1").add(credit(11900, "2026-11-27", "R-2026-1001"))}, "booked.xml");
  ASSERT_TRUE(booked.status);
  EXPECT_THAT(booked.report.facts[0], HasSubstr("1 superseded"));
  const auto counted = transactions();
  ASSERT_EQ(counted.size(), 1U);
  EXPECT_TRUE(counted[0].postable());
  const auto all = transactions(/*include_superseded=*/true);
  ASSERT_EQ(all.size(), 2U);
  EXPECT_TRUE(all[0].superseded || all[1].superseded);
}

TEST_F(StatementImportTest, IntradayReportAfterTheBookedStatementCountsNothing) {
  ASSERT_TRUE(
      import({statement("S-1", "1").add(credit(11900, "2026-11-27", "R-2026-1001"))}).status);
  ASSERT_TRUE(import({statement("I-1", "5", StatementKind::intraday)
                          .add(credit(11900, "2026-11-27", "R-2026-1001"))},
                     "intraday.xml")
                  .status);
  ASSERT_EQ(transactions().size(), 1U);
  EXPECT_TRUE(transactions()[0].postable());
}

TEST_F(StatementImportTest, PendingEntryOfABookedStatementIsNeverPostable) {
  auto pending = credit(2500, "2026-11-28", "R-2026-1003");
  pending.status = EntryStatus::pending;
  ASSERT_TRUE(import({statement("S-1", "1").add(pending)}).status);
  const auto stored = transactions();
  ASSERT_EQ(stored.size(), 1U);
  EXPECT_TRUE(stored[0].provisional);
  EXPECT_FALSE(stored[0].postable());
}

TEST_F(StatementImportTest, PendingEntryReportedAgainByALaterStatementStaysProvisional) {
  auto pending = credit(2500, "2026-11-28", "R-2026-1003");
  pending.status = EntryStatus::pending;
  ASSERT_TRUE(import({statement("S-1", "1").add(pending)}).status);
  ASSERT_TRUE(
      import({statement("S-2", "2").add(pending).add(credit(100, "2026-11-28", "x"))}, "later.xml")
          .status);
  const auto counted = transactions();
  ASSERT_EQ(counted.size(), 2U);
  EXPECT_TRUE(counted[0].provisional);
}

TEST_F(StatementImportTest, StatementOfAnotherAccountIsWarnedAboutAndNotImported) {
  Parsed other = statement("S-9", "1").add(credit(11900, "2026-11-27", "R-2026-1001"));
  other.info.account = kOtherAccount;
  auto result = import({other, statement("S-1", "1").add(credit(5000, "2026-11-27", "x"))});
  ASSERT_TRUE(result.status);
  ASSERT_EQ(result.report.warnings.size(), 1U);
  EXPECT_THAT(result.report.warnings[0], HasSubstr("unknown_account"));
  EXPECT_THAT(result.report.warnings[0], HasSubstr(kOtherAccount));
  const auto stored = transactions();
  ASSERT_EQ(stored.size(), 1U);
  EXPECT_EQ(stored[0].account, kAccount);
}

TEST_F(StatementImportTest, GermanAccountNumberNamesTheCompanysIban) {
  accounts_ = {{kAccount, kAccount}, {"12030000/202051", kAccount}};
  Parsed mt940 = statement("1", "1").add(credit(5000, "2026-11-27", "x"));
  mt940.info.account.clear();
  mt940.info.account_number = "12030000/202051";
  ASSERT_TRUE(import({mt940}).status);
  ASSERT_EQ(transactions().size(), 1U);
  EXPECT_EQ(transactions()[0].account, kAccount);
}

TEST_F(StatementImportTest, FileThatNamesNoAccountIsTheJobsAccount) {
  Parsed csv = statement("", "").add(credit(5000, "2026-11-27", "x"));
  csv.info.account.clear();
  EXPECT_EQ(import({csv}).report.warnings.size(), 1U);  // unknown_account: none given
  EXPECT_TRUE(transactions().empty());
  accounts_.emplace("", kAccount);
  ASSERT_TRUE(import({csv}, "export.csv").status);
  ASSERT_EQ(transactions().size(), 1U);
  EXPECT_EQ(transactions()[0].account, kAccount);
}

TEST_F(StatementImportTest, BalanceGapAndMismatchAreWarningsNotRefusals) {
  Parsed first = statement("S-1", "1").add(credit(10000, "2026-11-26", "a"));
  first.info.opening = StatementBalance{eur(0), day("2026-11-25")};
  first.info.closing = StatementBalance{eur(10000), day("2026-11-26")};
  ASSERT_TRUE(import({first}).status);

  // Opens at 99.00 instead of 100.00, and its entries do not add up to its closing balance.
  Parsed second = statement("S-2", "3").add(credit(5000, "2026-11-27", "b"));
  second.info.opening = StatementBalance{eur(9900), day("2026-11-26")};
  second.info.closing = StatementBalance{eur(20000), day("2026-11-27")};
  auto result = import({second}, "second.xml");
  ASSERT_TRUE(result.status) << result.status.message();
  ASSERT_EQ(result.report.warnings.size(), 3U);
  EXPECT_THAT(result.report.warnings[0], HasSubstr("balance_gap"));
  EXPECT_THAT(result.report.warnings[0], HasSubstr("statement S-1/1"));
  EXPECT_THAT(result.report.warnings[1], HasSubstr("sequence_gap"));
  EXPECT_THAT(result.report.warnings[2], HasSubstr("balance_mismatch"));
  EXPECT_EQ(transactions().size(), 2U);
}

TEST_F(StatementImportTest, ChainThatContinuesRaisesNoWarning) {
  Parsed first = statement("S-1", "1").add(credit(10000, "2026-11-26", "a"));
  first.info.opening = StatementBalance{eur(0), day("2026-11-25")};
  first.info.closing = StatementBalance{eur(10000), day("2026-11-26")};
  Parsed second = statement("S-2", "2").add(credit(-2500, "2026-11-27", "b"));
  second.info.opening = StatementBalance{eur(10000), day("2026-11-26")};
  second.info.closing = StatementBalance{eur(7500), day("2026-11-27")};
  auto result = import({first, second});
  ASSERT_TRUE(result.status);
  EXPECT_THAT(result.report.warnings, IsEmpty());
}

TEST_F(StatementImportTest, ReturnsAndChargebacksAreMarked) {
  auto reversal = credit(-11900, "2026-11-27", "R-2026-1001");
  reversal.reversal = true;
  auto returned = credit(-5000, "2026-11-27", "R-2026-1002");
  returned.details.return_reason = "AC04";
  auto gvc = credit(-2500, "2026-11-27", "Rueckbelastung");
  gvc.details.bank_transaction_code = "109";
  auto ordinary = credit(7000, "2026-11-27", "R-2026-1004");
  ordinary.details.bank_transaction_code = "166";
  auto result = import({statement("S-1", "1").add(reversal).add(returned).add(gvc).add(ordinary)});
  ASSERT_TRUE(result.status);
  EXPECT_THAT(result.report.facts[0], HasSubstr("3 returns"));
  const auto stored = transactions();
  ASSERT_EQ(stored.size(), 4U);
  EXPECT_TRUE(stored[0].is_return);
  EXPECT_TRUE(stored[1].is_return);
  EXPECT_EQ(stored[1].return_reason, "AC04");
  EXPECT_TRUE(stored[2].is_return);
  EXPECT_FALSE(stored[3].is_return);
}

TEST_F(StatementImportTest, ParserWarningsBecomeRunWarningsWithFileAndLine) {
  Parsed s = statement("S-1", "1").add(credit(5000, "2026-11-27", "x"));
  s.warnings.push_back({42, "invalid_date"});
  auto result = import({s}, "kontoauszug.sta");
  ASSERT_TRUE(result.status);
  ASSERT_EQ(result.report.warnings.size(), 1U);
  EXPECT_EQ(result.report.warnings[0], "kontoauszug.sta: line 42: invalid_date: as read");
}

TEST_F(StatementImportTest, AnErpExportIsRefused) {
  FileResult result;
  const std::string sha(64, 'a');
  const IncomingDocument document{
      .source = "bank-drop", .name = "items.csv", .sha256 = sha, .size = 1, .parser = "open-items"};
  const Status committed =
      store_->transact("engine:test", "import", [&](store::Transaction& tx) -> Status {
        StatementFileImport importer(tx, document, accounts_, result.report, totals_);
        result.status = importer.open_item(sdk::ImportedOpenItem{});
        return Error{"rolled back"};
      });
  EXPECT_FALSE(committed);
  EXPECT_EQ(result.status.code(), sdk::Code::kFailed);
}

}  // namespace
}  // namespace kontor::engine
