// The rules of importing the ERP's customers and open items, applied to a real store in memory.
#include "engine/open_item_import.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/onboarding_checks.hpp"
#include "store/sqlite_store.hpp"

namespace kontor::engine {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

Money eur(std::int64_t cents) {
  return Money(cents, Currency::eur());
}
Date day(const char* iso) {
  return *Date::parse_iso(iso);
}

sdk::ImportedCustomer customer(std::string number, std::string name = "Muster GmbH") {
  sdk::ImportedCustomer c;
  c.number = std::move(number);
  c.name = std::move(name);
  c.address = {"Hauptstr. 1", "50667", "Köln", "DE"};
  c.email = "ap@muster.example";
  c.ibans = {"DE89370400440532013000"};
  c.kind = CustomerKind::business;
  return c;
}

sdk::ImportedOpenItem invoice(std::string number, std::string customer_number, std::int64_t cents,
                              OpenItemType type = OpenItemType::invoice) {
  sdk::ImportedOpenItem item;
  item.number = std::move(number);
  item.customer_number = std::move(customer_number);
  item.type = type;
  item.issue_date = day("2026-10-01");
  item.due_date = day("2026-10-31");
  item.gross = eur(cents);
  return item;
}

struct ImportResult {
  sdk::Status status;
  RunReport report;
};

class OpenItemImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::SqliteStore::open({});
    ASSERT_TRUE(opened.ok());
    store_ = std::move(opened).value();
  }

  // One file: its customers and items, applied in one step as the intake does.
  ImportResult import(const std::vector<sdk::ImportedCustomer>& customers,
                      const std::vector<sdk::ImportedOpenItem>& items,
                      OpenItemsMode mode = OpenItemsMode::kDelta) {
    ImportResult result;
    const IncomingDocument document{"erp-drop", "items.csv", "sha", 1, "erp-csv"};
    const Status committed =
        store_->transact("engine:test", "import", [&](store::Transaction& tx) -> Status {
          OpenItemImport importer(tx, document, mode, result.report);
          for (const auto& c : customers) {
            if (auto s = importer.customer(c); !s) return Error{s.message()};
          }
          for (const auto& i : items) {
            if (auto s = importer.open_item(i); !s) return Error{s.message()};
          }
          result.status = importer.finish();
          if (!result.status) return Error{result.status.message()};
          return {};
        });
    if (!committed && result.status) result.status = sdk::Status::retry(committed.error().message);
    return result;
  }

  std::optional<OpenItem> item(const std::string& number) {
    std::optional<OpenItem> found;
    EXPECT_TRUE(store_->read([&](store::Reader& r) -> Status {
      auto loaded = r.open_item(number);
      if (!loaded) return loaded.error();
      found = *loaded;
      return {};
    }));
    return found;
  }

  std::optional<Customer> stored_customer(const std::string& number) {
    std::optional<Customer> found;
    EXPECT_TRUE(store_->read([&](store::Reader& r) -> Status {
      auto loaded = r.customer(number);
      if (!loaded) return loaded.error();
      found = *loaded;
      return {};
    }));
    return found;
  }

  std::int64_t event_count() {
    std::int64_t count = 0;
    EXPECT_TRUE(store_->read([&](store::Reader& r) -> Status {
      auto events = r.events(0, 1'000'000);
      if (!events) return events.error();
      count = static_cast<std::int64_t>(events->size());
      return {};
    }));
    return count;
  }

  std::unique_ptr<store::SqliteStore> store_;
};

TEST_F(OpenItemImportTest, ImportsCustomersAndItemsAndSaysHowMany) {
  auto result = import({customer("K-1"), customer("K-2", "Beispiel AG")},
                       {invoice("R-1", "K-1", 11900), invoice("R-2", "K-2", 5000)});
  ASSERT_TRUE(result.status.is_ok()) << result.status.message();
  EXPECT_EQ(item("R-1")->open, eur(11900));
  EXPECT_EQ(stored_customer("K-2")->name, "Beispiel AG");
  EXPECT_THAT(result.report.facts,
              ElementsAre("items.csv: 2 customers (2 new, 0 changed), 2 items (2 new, 0 changed)"));
}

TEST_F(OpenItemImportTest, ImportingTheSameDataAgainChangesNothing) {
  ASSERT_TRUE(import({customer("K-1")}, {invoice("R-1", "K-1", 11900)}).status.is_ok());
  const auto events = event_count();
  auto again = import({customer("K-1")}, {invoice("R-1", "K-1", 11900)});
  ASSERT_TRUE(again.status.is_ok());
  EXPECT_EQ(event_count(), events);
  EXPECT_THAT(again.report.facts,
              ElementsAre("items.csv: 1 customers (0 new, 0 changed), 1 items (0 new, 0 changed)"));
}

TEST_F(OpenItemImportTest, ChangedMasterDataUpdatesTheCustomer) {
  ASSERT_TRUE(import({customer("K-1")}, {}).status.is_ok());
  auto moved = customer("K-1");
  moved.address = {"Neue Str. 5", "10115", "Berlin", "DE"};
  moved.ibans = {"DE02120300000000202051"};
  ASSERT_TRUE(import({moved}, {}).status.is_ok());
  const Customer stored = *stored_customer("K-1");
  EXPECT_EQ(stored.address.city, "Berlin");
  ASSERT_EQ(stored.ibans.size(), 1u);
  EXPECT_EQ(stored.ibans[0].electronic(), "DE02120300000000202051");
}

TEST_F(OpenItemImportTest, CreditNoteSettlesTheInvoiceItRefersTo) {
  ASSERT_TRUE(import({customer("K-1")}, {invoice("R-1", "K-1", 11900)}).status.is_ok());
  auto credit = invoice("G-1", "K-1", -1900, OpenItemType::credit_note);
  credit.refers_to = "R-1";
  ASSERT_TRUE(import({}, {credit}).status.is_ok());
  EXPECT_EQ(item("R-1")->open, eur(10000));
  EXPECT_EQ(item("G-1")->open, eur(0));
}

TEST_F(OpenItemImportTest, CancellationLargerThanWhatIsOpenLeavesACredit) {
  ASSERT_TRUE(import({customer("K-1")}, {invoice("R-1", "K-1", 5000)}).status.is_ok());
  auto cancellation = invoice("S-1", "K-1", -8000, OpenItemType::cancellation);
  cancellation.refers_to = "R-1";
  ASSERT_TRUE(import({}, {cancellation}).status.is_ok());
  EXPECT_EQ(item("R-1")->open, eur(0));
  EXPECT_EQ(item("S-1")->open, eur(-3000));  // still owed to the customer
}

TEST_F(OpenItemImportTest, CreditNoteForAnUnknownItemStaysACreditAndIsReported) {
  ASSERT_TRUE(import({customer("K-1")}, {}).status.is_ok());
  auto credit = invoice("G-1", "K-1", -1000, OpenItemType::credit_note);
  credit.refers_to = "R-404";
  auto result = import({}, {credit});
  ASSERT_TRUE(result.status.is_ok());
  EXPECT_EQ(item("G-1")->open, eur(-1000));
  EXPECT_THAT(result.report.warnings,
              ElementsAre("items.csv: credit_note G-1 refers to R-404, which is unknown: it stays "
                          "a credit on the account of K-1"));
}

TEST_F(OpenItemImportTest, AnItemWithAllocationsIsNeverSilentlyOverwritten) {
  ASSERT_TRUE(import({customer("K-1")}, {invoice("R-1", "K-1", 11900)}).status.is_ok());
  auto credit = invoice("G-1", "K-1", -1900, OpenItemType::credit_note);
  credit.refers_to = "R-1";
  ASSERT_TRUE(import({}, {credit}).status.is_ok());
  auto result = import({}, {invoice("R-1", "K-1", 9900)});
  ASSERT_TRUE(result.status.is_ok());
  EXPECT_EQ(item("R-1")->gross, eur(11900));
  EXPECT_THAT(result.report.warnings,
              ElementsAre("items.csv: invoice R-1 has payments or credits allocated: its amount "
                          "stays 119.00 EUR although the file says 99.00 EUR; correct it with a "
                          "credit note"));
}

TEST_F(OpenItemImportTest, SnapshotSettlesOpenInvoicesItDoesNotList) {
  ASSERT_TRUE(import({customer("K-1")}, {invoice("R-1", "K-1", 1000), invoice("R-2", "K-1", 2000),
                                         invoice("R-3", "K-1", 3000)})
                  .status.is_ok());
  auto result = import({customer("K-1")}, {invoice("R-2", "K-1", 2000)}, OpenItemsMode::kSnapshot);
  ASSERT_TRUE(result.status.is_ok());
  EXPECT_TRUE(item("R-1")->settled_externally);
  EXPECT_FALSE(item("R-2")->settled_externally);
  EXPECT_TRUE(item("R-3")->settled_externally);
  EXPECT_THAT(result.report.warnings,
              ElementsAre("items.csv: 2 open invoices not in this snapshot, marked settled "
                          "externally (no reminders): R-1, R-3"));
  // Listed again later: open again.
  ASSERT_TRUE(import({}, {invoice("R-1", "K-1", 1000)}).status.is_ok());
  EXPECT_FALSE(item("R-1")->settled_externally);
}

TEST_F(OpenItemImportTest, DeltaLeavesUnlistedInvoicesAlone) {
  ASSERT_TRUE(import({customer("K-1")}, {invoice("R-1", "K-1", 1000)}).status.is_ok());
  ASSERT_TRUE(import({}, {invoice("R-2", "K-1", 2000)}).status.is_ok());
  EXPECT_FALSE(item("R-1")->settled_externally);
}

TEST_F(OpenItemImportTest, AFileWithBadRowsIsRefusedWholeWithEveryProblemListed) {
  auto no_due = invoice("R-2", "K-1", 100);
  no_due.due_date.reset();
  no_due.line = 3;
  auto stranger = invoice("R-3", "K-9", 100);
  stranger.line = 4;
  auto positive_credit = invoice("G-1", "K-1", 100, OpenItemType::credit_note);
  positive_credit.line = 5;
  auto first = invoice("R-1", "K-1", 100);
  first.line = 2;
  auto result = import({customer("K-1")}, {first, no_due, stranger, positive_credit});
  EXPECT_EQ(result.status.code(), sdk::Code::kFailed);
  EXPECT_THAT(result.status.message(), HasSubstr("3 problems in items.csv:\n"
                                                 "  line 3: invoice R-2 has no due date\n"
                                                 "  line 4: invoice R-3 is for customer K-9, who "
                                                 "is neither in the file nor known\n"
                                                 "  line 5: credit_note G-1: "));
  EXPECT_FALSE(item("R-1"));  // nothing of the file is there
  EXPECT_FALSE(stored_customer("K-1"));
}

TEST_F(OpenItemImportTest, OnboardingChecksBecomeWarnings) {
  auto sloppy = customer("K-1");
  sloppy.ibans = {"DE89370400440532013001"};
  sloppy.email = "ap at muster";
  sloppy.vat_id = "DE123";
  sloppy.address.street = "";
  sloppy.line = 7;
  auto result = import({sloppy}, {});
  ASSERT_TRUE(result.status.is_ok());
  ASSERT_EQ(result.report.warnings.size(), 4u);
  EXPECT_THAT(result.report.warnings[0], HasSubstr("customer K-1 (line 7): IBAN"));
  EXPECT_EQ(result.report.warnings[1],
            "items.csv: customer K-1 (line 7): e-mail address 'ap at muster' is not usable");
  EXPECT_THAT(result.report.warnings[2], HasSubstr("customer K-1 (line 7): VAT ID 'DE123'"));
  EXPECT_EQ(result.report.warnings[3],
            "items.csv: customer K-1 (line 7): postal address incomplete (no street): no letter "
            "can be sent");
  EXPECT_TRUE(stored_customer("K-1")->ibans.empty());  // an invalid IBAN is never used
}

TEST_F(OpenItemImportTest, LikelyDuplicatesAreReported) {
  ASSERT_TRUE(import({customer("K-1", "Müller GmbH & Co. KG")}, {}).status.is_ok());
  auto same_name = customer("K-2", "MÜLLER GMBH");
  same_name.ibans = {};
  auto same_iban = customer("K-3", "Anders AG");
  same_iban.address.postcode = "80331";
  auto result = import({same_name, same_iban}, {});
  ASSERT_TRUE(result.status.is_ok());
  EXPECT_THAT(result.report.warnings,
              ElementsAre("items.csv: customers K-1, K-3 share IBAN DE89370400440532013000: "
                          "likely duplicates",
                          "items.csv: customers K-1, K-2 have the same name and postcode: likely "
                          "duplicates"));
}

TEST(OnboardingChecks, NamesCompareWithoutLegalFormCaseOrPunctuation) {
  EXPECT_EQ(normalised_name("Müller GmbH & Co. KG"), "müller");
  EXPECT_EQ(normalised_name("MÜLLER  gmbh"), "müller");
  EXPECT_EQ(normalised_name("Schmidt Bau UG (haftungsbeschränkt)"), "schmidt bau");
  EXPECT_NE(normalised_name("Müller Bau GmbH"), normalised_name("Müller GmbH"));
}

TEST(OnboardingChecks, EmailAddressesThatWouldBreakAMailAreRefused) {
  EXPECT_TRUE(plausible_email("buchhaltung@muster.example"));
  EXPECT_FALSE(plausible_email("a@b"));
  EXPECT_FALSE(plausible_email("a b@c.de"));
  EXPECT_FALSE(plausible_email("x@y.de\r\nBcc: evil@z.de"));
  EXPECT_FALSE(plausible_email("@c.de"));
}

}  // namespace
}  // namespace kontor::engine
