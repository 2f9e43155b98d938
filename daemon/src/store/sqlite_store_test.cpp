#include "store/sqlite_store.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <stdexcept>
#include <thread>

#include "kontor/model/sha256.hpp"
#include "store/store_test_support.hpp"

namespace kontor::store {
namespace {

using namespace testing;

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = open_store();
    ASSERT_TRUE(store_);
    step(*store_, [](Transaction& tx) {
      ASSERT_EQ(*tx.upsert_customer(customer("K-1")), Change::inserted);
      ASSERT_EQ(*tx.upsert_customer(customer("K-2")), Change::inserted);
    });
  }

  // Runs `body` in a step and returns what the step returned.
  Status attempt(const std::function<Status(Transaction&)>& body) {
    return store_->transact("engine:test", "test step", body);
  }

  template <typename T, typename Query>
  T query(Query&& q) {
    std::optional<T> out;
    Status status = store_->read([&](Reader& reader) -> Status {
      Result<T> result = q(reader);
      if (!result) return result.error();
      out = std::move(result).value();
      return {};
    });
    EXPECT_TRUE(status) << status.error().message;
    return out.value_or(T{});
  }

  std::int64_t event_count() {
    return static_cast<std::int64_t>(
        query<std::vector<Event>>([](Reader& r) { return r.events(0, 1000000); }).size());
  }

  Money open_of(const std::string& number) {
    return query<std::optional<Money>>([&](Reader& r) { return r.open_amount(number); })
        .value_or(eur(-999999));
  }

  std::unique_ptr<SqliteStore> store_;
};

// --- customers ----------------------------------------------------------------------------

TEST_F(SqliteStoreTest, ReimportedCustomerIsAlreadyThereAndWritesNothing) {
  const std::int64_t events = event_count();
  step(*store_,
       [](Transaction& tx) { EXPECT_EQ(*tx.upsert_customer(customer("K-1")), Change::unchanged); });
  EXPECT_EQ(event_count(), events);
}

TEST_F(SqliteStoreTest, ChangedMasterDataUpdatesTheCustomer) {
  Customer changed = customer("K-1");
  changed.email = "neu@muster.example";
  changed.ibans.push_back(*Iban::parse("GB82WEST12345698765432"));
  changed.preferred_delivery = Delivery::letter;
  changed.dunning_block = DunningBlock{"Ratenzahlung vereinbart", day("2026-12-31")};
  step(*store_, [&](Transaction& tx) { EXPECT_EQ(*tx.upsert_customer(changed), Change::updated); });
  const Customer stored =
      query<std::optional<Customer>>([](Reader& r) { return r.customer("K-1"); }).value();
  EXPECT_EQ(stored, changed);
  const std::vector<Event> events =
      query<std::vector<Event>>([](Reader& r) { return r.events(0, 100); });
  EXPECT_EQ(events.back().kind, "customer.updated");
  EXPECT_NE(events.back().payload.find(
                R"("email":{"from":"buchhaltung@muster.example","to":"neu@muster.example"})"),
            std::string::npos)
      << events.back().payload;
  EXPECT_EQ(events.back().payload.find("\"name\""), std::string::npos);  // unchanged fields
}

TEST_F(SqliteStoreTest, UnknownCustomerReadsAsAbsent) {
  EXPECT_FALSE(query<std::optional<Customer>>([](Reader& r) { return r.customer("K-9"); }));
}

// --- open items ---------------------------------------------------------------------------

OpenItem full_invoice() {
  OpenItem item = invoice("RE-2026-0012", "K-1", 12700);
  item.due_date_agreed = true;
  item.dunning_notice_on_invoice = true;
  item.tax_lines = {{Decimal::from_integer(19), eur(10000), eur(1900), eur(11900)},
                    {Decimal::from_integer(7), eur(748), eur(52), eur(800)}};
  item.rf_reference = *CreditorReference::from_number(item.number);
  item.skonto = SkontoTerms{*Decimal::parse("2.5"), day("2026-11-10")};
  item.dunning_block = DunningBlock{"Reklamation", std::nullopt};
  item.debtor_account = "10001";
  item.document_path = "/var/lib/kontor/documents/RE-2026-0012.pdf";
  return item;
}

TEST_F(SqliteStoreTest, OpenItemKeepsEveryField) {
  step(*store_,
       [](Transaction& tx) { EXPECT_EQ(*tx.upsert_open_item(full_invoice()), Change::inserted); });
  const OpenItem stored =
      query<std::optional<OpenItem>>([](Reader& r) { return r.open_item("RE-2026-0012"); }).value();
  EXPECT_EQ(stored, full_invoice());
  EXPECT_EQ(open_of("RE-2026-0012"), eur(12700));
}

TEST_F(SqliteStoreTest, ReimportedOpenItemChangesNothing) {
  step(*store_, [](Transaction& tx) { ASSERT_TRUE(tx.upsert_open_item(full_invoice())); });
  const std::int64_t events = event_count();
  step(*store_,
       [](Transaction& tx) { EXPECT_EQ(*tx.upsert_open_item(full_invoice()), Change::unchanged); });
  EXPECT_EQ(event_count(), events);
}

TEST_F(SqliteStoreTest, OpenItemOfUnknownCustomerIsRefused) {
  Status status = attempt([](Transaction& tx) -> Status {
    Result<Change> result = tx.upsert_open_item(invoice("RE-1", "K-404", 100));
    EXPECT_FALSE(result);
    EXPECT_NE(result.error().message.find("customer 'K-404' is not in the store"),
              std::string::npos)
        << result.error().message;
    return {};
  });
  EXPECT_TRUE(status);
  EXPECT_FALSE(query<std::optional<OpenItem>>([](Reader& r) { return r.open_item("RE-1"); }));
}

TEST_F(SqliteStoreTest, InvalidOpenItemIsRefusedBeforeAnythingIsWritten) {
  OpenItem bad = full_invoice();
  bad.tax_lines[0].tax = eur(1);
  const std::int64_t events = event_count();
  step(*store_, [&](Transaction& tx) { EXPECT_FALSE(tx.upsert_open_item(bad)); });
  EXPECT_EQ(event_count(), events);
}

TEST_F(SqliteStoreTest, ItemAmountFollowsTheErpUntilSomethingIsAllocated) {
  step(*store_,
       [](Transaction& tx) { ASSERT_TRUE(tx.upsert_open_item(invoice("RE-1", "K-1", 10000))); });
  step(*store_, [](Transaction& tx) {
    EXPECT_EQ(*tx.upsert_open_item(invoice("RE-1", "K-1", 12000)), Change::updated);
  });
  EXPECT_EQ(open_of("RE-1"), eur(12000));

  step(*store_, [](Transaction& tx) {
    Allocation a;
    a.item_number = "RE-1";
    a.amount = eur(2000);
    ASSERT_TRUE(tx.add_allocation(a));
  });
  step(*store_, [](Transaction& tx) {
    Result<Change> result = tx.upsert_open_item(invoice("RE-1", "K-1", 15000));
    ASSERT_FALSE(result);
    EXPECT_NE(result.error().message.find("has allocations of 20.00 EUR"), std::string::npos)
        << result.error().message;
  });
  EXPECT_EQ(open_of("RE-1"), eur(10000));

  // Master data other than the amount still follows the ERP; the open amount stays.
  OpenItem moved_due = invoice("RE-1", "K-1", 12000);
  moved_due.due_date = day("2026-12-01");
  step(*store_,
       [&](Transaction& tx) { EXPECT_EQ(*tx.upsert_open_item(moved_due), Change::updated); });
  EXPECT_EQ(open_of("RE-1"), eur(10000));
}

TEST_F(SqliteStoreTest, UpsertDoesNotResetTheDunningLevel) {
  OpenItem reminded = invoice("RE-1", "K-1", 10000);
  reminded.dunning_level = 2;  // as imported from a previous system
  step(*store_, [&](Transaction& tx) { ASSERT_TRUE(tx.upsert_open_item(reminded)); });
  OpenItem from_erp = invoice("RE-1", "K-1", 10000);
  from_erp.debtor_account = "10001";
  step(*store_, [&](Transaction& tx) { ASSERT_TRUE(tx.upsert_open_item(from_erp)); });
  EXPECT_EQ(
      query<std::optional<OpenItem>>([](Reader& r) { return r.open_item("RE-1"); })->dunning_level,
      2);
}

TEST_F(SqliteStoreTest, ListsItemsPerCustomerAndOnlyOpenOnes) {
  step(*store_, [](Transaction& tx) {
    ASSERT_TRUE(tx.upsert_open_item(invoice("RE-2", "K-1", 5000)));
    ASSERT_TRUE(tx.upsert_open_item(invoice("RE-1", "K-1", 10000)));
    ASSERT_TRUE(tx.upsert_open_item(invoice("RE-3", "K-2", 7000)));
    Allocation paid;
    paid.item_number = "RE-2";
    paid.amount = eur(5000);
    ASSERT_TRUE(tx.add_allocation(paid));
  });
  const auto of_k1 = query<std::vector<OpenItem>>([](Reader& r) {
    return r.open_items({"K-1", false});
  });
  ASSERT_EQ(of_k1.size(), 2U);
  EXPECT_EQ(of_k1[0].number, "RE-1");
  EXPECT_EQ(of_k1[1].number, "RE-2");
  const auto open = query<std::vector<OpenItem>>([](Reader& r) {
    return r.open_items({"", true});
  });
  ASSERT_EQ(open.size(), 2U);
  EXPECT_EQ(open[0].number, "RE-1");
  EXPECT_EQ(open[1].number, "RE-3");
}

// --- files and statements -----------------------------------------------------------------

FileRecord camt_file() {
  return {Sha256::hex_of("<Document>camt.053</Document>"), "2026-11-20.xml", 29, "bank-folder"};
}

TEST_F(SqliteStoreTest, FileSeenBeforeIsAlreadyThere) {
  step(*store_, [](Transaction& tx) {
    EXPECT_EQ(*tx.record_file(camt_file()), Change::inserted);
    EXPECT_EQ(*tx.record_file(camt_file()), Change::unchanged);
    EXPECT_TRUE(*tx.file_known(camt_file().sha256));
    EXPECT_FALSE(*tx.file_known(Sha256::hex_of("other")));
  });
}

TEST_F(SqliteStoreTest, FileWithoutAProperDigestIsRefused) {
  step(*store_, [](Transaction& tx) {
    FileRecord upper = camt_file();
    for (char& c : upper.sha256) c = static_cast<char>(std::toupper(c));
    Result<Change> result = tx.record_file(upper);
    ASSERT_FALSE(result);
    EXPECT_NE(result.error().message.find("64 lower-case hex digits"), std::string::npos);
  });
}

TEST_F(SqliteStoreTest, StatementImportedTwiceAddsNothing) {
  const BankStatement s = statement("STMT-1", {credit(12700, "RE-2026-0012"), credit(500, "X")});
  step(*store_, [&](Transaction& tx) {
    const StatementImport first = *tx.insert_statement(s);
    EXPECT_EQ(first.statement, Change::inserted);
    EXPECT_EQ(first.transactions_inserted, 2);
  });
  const std::int64_t events = event_count();
  step(*store_, [&](Transaction& tx) {
    const StatementImport again = *tx.insert_statement(s);
    EXPECT_EQ(again.statement, Change::unchanged);
    EXPECT_EQ(again.transactions_inserted, 0);
    EXPECT_EQ(again.transactions_already_there, 2);
    EXPECT_TRUE(*tx.statement_known(s.account, s.id, s.sequence));
  });
  EXPECT_EQ(event_count(), events);
}

TEST_F(SqliteStoreTest, TwoEqualPaymentsOnOneDayAreStoredTwice) {
  step(*store_, [](Transaction& tx) {
    const StatementImport result =
        *tx.insert_statement(statement("STMT-1", {credit(5000, "Miete"), credit(5000, "Miete")}));
    EXPECT_EQ(result.transactions_inserted, 2);
  });
  EXPECT_EQ(
      query<std::vector<BankTransaction>>([](Reader& r) { return r.bank_transactions({}); }).size(),
      2U);
}

TEST_F(SqliteStoreTest, OverlappingStatementAddsOnlyTheNewTransactions) {
  step(*store_, [](Transaction& tx) {
    ASSERT_TRUE(tx.insert_statement(statement("STMT-1", {credit(100, "A"), credit(200, "B")})));
  });
  step(*store_, [](Transaction& tx) {
    // Another statement id (an MT940 of the same days) repeating B and adding C.
    const StatementImport result = *tx.insert_statement(
        statement("MT940-7", {credit(200, "B"), credit(300, "C", "2026-11-21")}));
    EXPECT_EQ(result.statement, Change::inserted);
    EXPECT_EQ(result.transactions_inserted, 1);
    EXPECT_EQ(result.transactions_already_there, 1);
  });
  const auto all =
      query<std::vector<BankTransaction>>([](Reader& r) { return r.bank_transactions({}); });
  ASSERT_EQ(all.size(), 3U);
  EXPECT_EQ(all[2].remittance, "C");
  EXPECT_EQ(all[2].statement_id, "MT940-7");
}

TEST_F(SqliteStoreTest, BankTransactionsKeepEveryFieldAndFilterByAccountAndDate) {
  BankTransaction t = credit(12700, "RF34RE20260012", "2026-11-20");
  t.counterparty_bic = "COBADEFFXXX";
  t.end_to_end_id = "E2E-4711";
  t.mandate_id = "MANDATE-1";
  t.creditor_id = "DE98ZZZ09999999999";
  t.bank_reference = "20261120-0815";
  t.bank_transaction_code = "PMNT/RCDT/ESCT";
  t.return_reason = "";
  t.status = EntryStatus::booked;
  t.batch_position = 2;
  BankStatement s = statement("STMT-1", {t, credit(1, "later", "2026-11-25")});
  s.opening = StatementBalance{eur(0), day("2026-11-19")};
  s.closing = StatementBalance{eur(12701), day("2026-11-25")};
  step(*store_, [&](Transaction& tx) { ASSERT_TRUE(tx.insert_statement(s)); });

  TransactionQuery q;
  q.account = s.account;
  q.to = day("2026-11-24");
  const auto found =
      query<std::vector<BankTransaction>>([&](Reader& r) { return r.bank_transactions(q); });
  ASSERT_EQ(found.size(), 1U);
  BankTransaction expected = t;
  expected.account = s.account;
  expected.statement_id = "STMT-1";
  expected.statement_sequence = "1";
  expected.identity = found[0].identity;
  EXPECT_EQ(found[0], expected);
  EXPECT_EQ(query<std::optional<BankTransaction>>(
                [&](Reader& r) { return r.bank_transaction(found[0].identity); }),
            expected);
  q.account = "DE89370400440532013000";
  EXPECT_TRUE(query<std::vector<BankTransaction>>([&](Reader& r) {
                return r.bank_transactions(q);
              }).empty());
}

TEST_F(SqliteStoreTest, StatementOfAFileNeverRecordedIsRefused) {
  BankStatement s = statement("STMT-1", {credit(100, "A")});
  s.file_sha256 = camt_file().sha256;
  step(*store_, [&](Transaction& tx) {
    Result<StatementImport> refused = tx.insert_statement(s);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("was not recorded"), std::string::npos);
    ASSERT_TRUE(tx.record_file(camt_file()));
    EXPECT_EQ(tx.insert_statement(s)->transactions_inserted, 1);
  });
}

// --- allocations --------------------------------------------------------------------------

class AllocationTest : public SqliteStoreTest {
 protected:
  void SetUp() override {
    SqliteStoreTest::SetUp();
    step(*store_, [this](Transaction& tx) {
      ASSERT_TRUE(tx.upsert_open_item(invoice("RE-1", "K-1", 10000)));
      ASSERT_TRUE(tx.upsert_open_item(invoice("RE-2", "K-1", 5000)));
      BankStatement s = statement("STMT-1", {credit(12000, "RE-1 RE-2")});
      ASSERT_TRUE(tx.insert_statement(s));
      payment_ = tx.bank_transactions({})->front().identity;
    });
  }

  Allocation from_payment(std::string item, std::int64_t cents) const {
    Allocation a;
    a.transaction = payment_;
    a.item_number = std::move(item);
    a.amount = eur(cents);
    a.method = AllocationMethod::invoice_number;
    a.confidence_permille = 990;
    a.evidence = "RE-1 RE-2 in remittance";
    return a;
  }

  Error refused(const Allocation& a) {
    Error error;
    step(*store_, [&](Transaction& tx) {
      Result<std::int64_t> result = tx.add_allocation(a);
      ASSERT_FALSE(result);
      error = result.error();
    });
    return error;
  }

  std::string payment_;
};

TEST_F(AllocationTest, PaymentLowersTheOpenAmounts) {
  step(*store_, [this](Transaction& tx) {
    ASSERT_TRUE(tx.add_allocation(from_payment("RE-1", 10000)));
    ASSERT_TRUE(tx.add_allocation(from_payment("RE-2", 2000)));
  });
  EXPECT_EQ(open_of("RE-1"), eur(0));
  EXPECT_EQ(open_of("RE-2"), eur(3000));
  const auto allocations =
      query<std::vector<Allocation>>([](Reader& r) { return r.allocations_of_item("RE-2"); });
  ASSERT_EQ(allocations.size(), 1U);
  EXPECT_EQ(allocations[0].transaction, payment_);
  EXPECT_EQ(allocations[0].method, AllocationMethod::invoice_number);
  EXPECT_EQ(allocations[0].confidence_permille, 990);
  EXPECT_EQ(allocations[0].evidence, "RE-1 RE-2 in remittance");
}

TEST_F(AllocationTest, UndoIsAReversingAllocationNeverADeletion) {
  std::int64_t id = 0;
  step(*store_, [&](Transaction& tx) { id = *tx.add_allocation(from_payment("RE-1", 10000)); });
  step(*store_, [&](Transaction& tx) {
    ASSERT_TRUE(tx.reverse_allocation(id, "return AC04 on 2026-11-25"));
  });
  EXPECT_EQ(open_of("RE-1"), eur(10000));
  const auto allocations =
      query<std::vector<Allocation>>([](Reader& r) { return r.allocations_of_item("RE-1"); });
  ASSERT_EQ(allocations.size(), 2U);
  EXPECT_EQ(allocations[1].amount, eur(-10000));
  EXPECT_EQ(allocations[1].method, AllocationMethod::reversal);
  EXPECT_EQ(allocations[1].reverses, id);
  // The payment is free again and may go to the right item.
  step(*store_,
       [&](Transaction& tx) { EXPECT_TRUE(tx.add_allocation(from_payment("RE-1", 10000))); });
}

TEST_F(AllocationTest, AnAllocationIsReversedAtMostOnce) {
  std::int64_t id = 0;
  std::int64_t reversal = 0;
  step(*store_, [&](Transaction& tx) {
    id = *tx.add_allocation(from_payment("RE-1", 4000));
    reversal = *tx.reverse_allocation(id, "wrong item");
  });
  step(*store_, [&](Transaction& tx) {
    Result<std::int64_t> twice = tx.reverse_allocation(id, "again");
    ASSERT_FALSE(twice);
    EXPECT_NE(twice.error().message.find("already reversed"), std::string::npos);
    Result<std::int64_t> of_reversal = tx.reverse_allocation(reversal, "undo the undo");
    ASSERT_FALSE(of_reversal);
    EXPECT_NE(of_reversal.error().message.find("itself the reversal"), std::string::npos);
    EXPECT_FALSE(tx.reverse_allocation(999, "nothing"));
  });
  EXPECT_EQ(open_of("RE-1"), eur(10000));
}

TEST_F(AllocationTest, MoreThanIsOpenIsRefused) {
  const Error error = refused(from_payment("RE-2", 5001));
  EXPECT_NE(error.message.find("would leave open item 'RE-2' at -0.01 EUR"), std::string::npos)
      << error.message;
  EXPECT_EQ(open_of("RE-2"), eur(5000));
}

TEST_F(AllocationTest, MoreThanThePaymentIsRefused) {
  step(*store_,
       [this](Transaction& tx) { ASSERT_TRUE(tx.add_allocation(from_payment("RE-1", 10000))); });
  const Error error = refused(from_payment("RE-2", 2001));
  EXPECT_NE(error.message.find("would come to 120.01 EUR, beyond its amount 120.00 EUR"),
            std::string::npos)
      << error.message;
}

TEST_F(AllocationTest, UnknownItemTransactionOrOtherCurrencyIsRefused) {
  EXPECT_NE(refused(from_payment("RE-404", 100)).message.find("'RE-404' is not in the store"),
            std::string::npos);
  Allocation unknown_payment = from_payment("RE-1", 100);
  unknown_payment.transaction = std::string(64, 'a');
  EXPECT_NE(refused(unknown_payment).message.find("is not in the store"), std::string::npos);
  Allocation dollars = from_payment("RE-1", 100);
  dollars.amount = Money(100, *Currency::from_code("USD"));
  EXPECT_NE(refused(dollars).message.find("cannot be allocated"), std::string::npos);
  EXPECT_NE(refused(from_payment("RE-1", 0)).message.find("zero"), std::string::npos);
  Allocation posing = from_payment("RE-1", 100);
  posing.method = AllocationMethod::reversal;
  EXPECT_NE(refused(posing).message.find("reverse_allocation"), std::string::npos);
}

TEST_F(AllocationTest, CreditNoteSettlesAgainstWhatItRefersTo) {
  OpenItem credit_note = invoice("GS-1", "K-1", -2000);
  credit_note.type = OpenItemType::credit_note;
  credit_note.refers_to = "RE-1";
  step(*store_, [&](Transaction& tx) {
    ASSERT_TRUE(tx.upsert_open_item(credit_note));
    Allocation offset;
    offset.item_number = "GS-1";
    offset.amount = eur(-2000);
    offset.method = AllocationMethod::credit_note;
    ASSERT_TRUE(tx.add_allocation(offset));
    offset.item_number = "RE-1";
    offset.amount = eur(2000);
    ASSERT_TRUE(tx.add_allocation(offset));
  });
  EXPECT_EQ(open_of("GS-1"), eur(0));
  EXPECT_EQ(open_of("RE-1"), eur(8000));
}

// --- notes --------------------------------------------------------------------------------

TEST_F(SqliteStoreTest, ComplaintAboutAnItemIsAnOpenNoteOfItsCustomerUntilResolved) {
  step(*store_,
       [](Transaction& tx) { ASSERT_TRUE(tx.upsert_open_item(invoice("RE-1", "K-2", 100))); });
  std::int64_t id = 0;
  step(*store_, [&](Transaction& tx) {
    Note complaint;
    complaint.kind = NoteKind::complaint;
    complaint.item_number = "RE-1";
    complaint.text = "Lieferung unvollständig";
    id = *tx.add_note(complaint);
  });
  auto open_notes = query<std::vector<Note>>([](Reader& r) { return r.notes({"K-2", "", true}); });
  ASSERT_EQ(open_notes.size(), 1U);
  EXPECT_EQ(open_notes[0].customer_number, "K-2");
  EXPECT_TRUE(open_notes[0].blocks_dunning());

  step(*store_, [&](Transaction& tx) {
    EXPECT_EQ(*tx.resolve_note(id), Change::updated);
    EXPECT_EQ(*tx.resolve_note(id), Change::unchanged);
  });
  EXPECT_TRUE(query<std::vector<Note>>([](Reader& r) {
                return r.notes({"K-2", "", true});
              }).empty());
  EXPECT_EQ(query<std::vector<Note>>([](Reader& r) {
              return r.notes({"", "RE-1", false});
            }).size(),
            1U);
}

TEST_F(SqliteStoreTest, NoteWithoutSubjectOrWithTheWrongCustomerIsRefused) {
  step(*store_, [](Transaction& tx) {
    ASSERT_TRUE(tx.upsert_open_item(invoice("RE-1", "K-2", 100)));
    Note note;
    EXPECT_FALSE(tx.add_note(note));
    note.customer_number = "K-404";
    EXPECT_FALSE(tx.add_note(note));
    note.customer_number = "K-1";
    note.item_number = "RE-1";
    Result<std::int64_t> wrong = tx.add_note(note);
    ASSERT_FALSE(wrong);
    EXPECT_NE(wrong.error().message.find("belongs to customer 'K-2'"), std::string::npos);
  });
}

// --- plugin state -------------------------------------------------------------------------

TEST_F(SqliteStoreTest, PluginInstanceStateKeepsBytes) {
  const std::string bytes("cursor\0with\xff bytes", 18);
  step(*store_, [&](Transaction& tx) {
    EXPECT_EQ(*tx.state_put("sftp-bank", "last_file", bytes), Change::inserted);
    EXPECT_EQ(*tx.state_put("sftp-bank", "last_file", bytes), Change::unchanged);
    EXPECT_EQ(*tx.state_put("sftp-bank", "empty", ""), Change::inserted);
  });
  EXPECT_EQ(query<std::optional<std::string>>(
                [](Reader& r) { return r.state_get("sftp-bank", "last_file"); }),
            bytes);
  EXPECT_EQ(query<std::optional<std::string>>(
                [](Reader& r) { return r.state_get("sftp-bank", "empty"); }),
            std::string());
  EXPECT_FALSE(query<std::optional<std::string>>(
      [](Reader& r) { return r.state_get("other-instance", "last_file"); }));
  step(*store_, [&](Transaction& tx) {
    EXPECT_EQ(*tx.state_put("sftp-bank", "last_file", "next"), Change::updated);
  });
}

TEST_F(SqliteStoreTest, ListsEveryCustomerWithTheirIbansInNumberOrder) {
  Customer b = customer("K-2");
  b.ibans = {*Iban::parse("DE89370400440532013000"), *Iban::parse("DE02120300000000202051")};
  Customer a = customer("K-1");
  step(*store_, [&](Transaction& tx) {
    ASSERT_TRUE(tx.upsert_customer(b));
    ASSERT_TRUE(tx.upsert_customer(a));
  });
  auto all = query<std::vector<Customer>>([](Reader& r) { return r.customers(); });
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0], a);
  EXPECT_EQ(all[1], b);
}

TEST_F(SqliteStoreTest, PluginInstanceStateCanBeForgotten) {
  step(*store_, [&](Transaction& tx) {
    EXPECT_EQ(*tx.state_put("drop", "cursor", "7"), Change::inserted);
    EXPECT_EQ(*tx.state_erase("drop", "cursor"), Change::updated);
    EXPECT_EQ(*tx.state_erase("drop", "cursor"), Change::unchanged);
  });
  EXPECT_FALSE(
      query<std::optional<std::string>>([](Reader& r) { return r.state_get("drop", "cursor"); }));
}

// --- transactions -------------------------------------------------------------------------

TEST_F(SqliteStoreTest, StepThatFailsLeavesNothing) {
  const std::int64_t events = event_count();
  Status status = attempt([](Transaction& tx) -> Status {
    EXPECT_TRUE(tx.upsert_customer(customer("K-3")));
    EXPECT_TRUE(tx.upsert_open_item(invoice("RE-9", "K-3", 100)));
    return Error{"line 7 of the file is bad"};
  });
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().message, "line 7 of the file is bad");
  EXPECT_FALSE(query<std::optional<Customer>>([](Reader& r) { return r.customer("K-3"); }));
  EXPECT_EQ(event_count(), events);
}

TEST_F(SqliteStoreTest, StepThatThrowsLeavesNothingAndTheExceptionStaysInside) {
  Status status = attempt([](Transaction& tx) -> Status {
    EXPECT_TRUE(tx.upsert_customer(customer("K-3")));
    throw std::runtime_error("parser bug");
  });
  ASSERT_FALSE(status);
  EXPECT_NE(status.error().message.find("parser bug"), std::string::npos);
  EXPECT_FALSE(query<std::optional<Customer>>([](Reader& r) { return r.customer("K-3"); }));
}

TEST_F(SqliteStoreTest, RefusedOperationLeavesNothingAndTheStepGoesOn) {
  step(*store_, [](Transaction& tx) {
    EXPECT_FALSE(tx.upsert_open_item(invoice("RE-1", "K-404", 100)));
    EXPECT_TRUE(tx.upsert_open_item(invoice("RE-2", "K-1", 100)));
  });
  EXPECT_FALSE(query<std::optional<OpenItem>>([](Reader& r) { return r.open_item("RE-1"); }));
  EXPECT_TRUE(query<std::optional<OpenItem>>([](Reader& r) { return r.open_item("RE-2"); }));
}

TEST_F(SqliteStoreTest, StepCannotStartAnotherStep) {
  step(*store_, [this](Transaction&) {
    Status nested =
        store_->transact("engine:test", "nested", [](Transaction&) { return Status(); });
    ASSERT_FALSE(nested);
    EXPECT_NE(nested.error().message.find("cannot start another step"), std::string::npos);
    EXPECT_FALSE(store_->read([](Reader&) { return Status(); }));
  });
}

TEST_F(SqliteStoreTest, ReadCannotWrite) {
  Status status = store_->read([](Reader& reader) -> Status {
    // A Reader has no write operations; the object behind it refuses them too.
    Result<Change> result = dynamic_cast<Transaction&>(reader).upsert_customer(customer("K-3"));
    EXPECT_FALSE(result);
    return {};
  });
  EXPECT_TRUE(status);
  EXPECT_FALSE(query<std::optional<Customer>>([](Reader& r) { return r.customer("K-3"); }));
}

TEST_F(SqliteStoreTest, ChangeWithoutActorIsRefused) {
  Status status = store_->transact("", "why", [](Transaction&) { return Status(); });
  ASSERT_FALSE(status);
  EXPECT_NE(status.error().message.find("actor"), std::string::npos);
}

TEST_F(SqliteStoreTest, StepsFromSeveralThreadsAreSerialised) {
  constexpr int kThreads = 4;
  constexpr int kSteps = 25;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([this, t] {
      for (int k = 0; k < kSteps; ++k) {
        Status status = attempt([&](Transaction& tx) -> Status {
          // Read-modify-write of one value: lost updates would show in the final count.
          std::string count = tx.state_get("counter", "n")->value_or("0");
          Result<Change> put = tx.state_put("counter", "n", std::to_string(std::stoi(count) + 1));
          if (!put) return put.error();
          Result<Change> own = tx.upsert_customer(customer("T-" + std::to_string(t * kSteps + k)));
          return own ? Status() : Status(own.error());
        });
        EXPECT_TRUE(status);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(
      query<std::optional<std::string>>([](Reader& r) { return r.state_get("counter", "n"); }),
      std::to_string(kThreads * kSteps));
}

// --- the read connection --------------------------------------------------------------------

// Long enough that only a read that never finishes fails, never a slow machine: a guard against
// hanging, not a measurement.
constexpr std::chrono::seconds kNoHang{30};

Result<std::optional<Customer>> read_customer(Store& store, const std::string& number) {
  std::optional<Customer> found;
  Status status = store.read([&](Reader& reader) -> Status {
    Result<std::optional<Customer>> result = reader.customer(number);
    if (!result) return result.error();
    found = std::move(*result);
    return {};
  });
  if (!status) return status.error();
  return found;
}

// A file database, as kontord has: reads on their own connection.
class SqliteFileStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = open_store(scratch_.file("kontor.db"));
    ASSERT_TRUE(store_);
    step(*store_, [](Transaction& tx) { ASSERT_TRUE(tx.upsert_customer(customer("K-1"))); });
  }

  ScratchDirectory scratch_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(SqliteFileStoreTest, ReadFinishesWhileAStepHoldsTheWriterAndSeesOnlyWhatWasCommitted) {
  std::promise<void> step_open;
  std::promise<void> read_done;
  std::shared_future<void> may_commit = read_done.get_future().share();
  // Thread A: a step that writes K-2 and stays open until the reader has finished.
  std::future<Status> writer = std::async(std::launch::async, [&] {
    return store_->transact("engine:test", "held open", [&](Transaction& tx) -> Status {
      Result<Change> added = tx.upsert_customer(customer("K-2"));
      if (!added) return added.error();
      step_open.set_value();
      may_commit.wait();
      return {};
    });
  });
  step_open.get_future().wait();

  // Thread B: reads while A holds the writer.
  std::future<std::pair<bool, bool>> reader = std::async(std::launch::async, [&] {
    Result<std::optional<Customer>> committed = read_customer(*store_, "K-1");
    Result<std::optional<Customer>> uncommitted = read_customer(*store_, "K-2");
    EXPECT_TRUE(committed) << committed.error().message;
    EXPECT_TRUE(uncommitted) << uncommitted.error().message;
    return std::pair(committed && committed->has_value(), uncommitted && uncommitted->has_value());
  });
  const bool finished = reader.wait_for(kNoHang) == std::future_status::ready;
  read_done.set_value();  // A commits now, whether or not B got through
  EXPECT_TRUE(finished) << "a read waited for a step in progress";
  const auto [saw_committed, saw_uncommitted] = reader.get();
  EXPECT_TRUE(saw_committed) << "the reader misses a step committed before it began";
  EXPECT_FALSE(saw_uncommitted) << "the reader sees a step that has not committed";

  const Status written = writer.get();
  ASSERT_TRUE(written) << written.error().message;
  Result<std::optional<Customer>> after = read_customer(*store_, "K-2");
  ASSERT_TRUE(after) << after.error().message;
  EXPECT_TRUE(after->has_value()) << "the reader misses the step once it committed";
}

TEST_F(SqliteFileStoreTest, StepCommitsWhileAReadIsOpenAndTheReadKeepsItsSnapshot) {
  std::promise<void> read_open;
  std::promise<void> step_committed;
  std::shared_future<void> committed = step_committed.get_future().share();
  // Thread A: a read that has seen K-1 and stays open until the step has committed.
  std::future<std::optional<bool>> reader = std::async(std::launch::async, [&] {
    std::optional<bool> saw_k2;
    Status status = store_->read([&](Reader& r) -> Status {
      if (Result<std::optional<Customer>> k1 = r.customer("K-1"); !k1 || !*k1) {
        return Error{"K-1 is missing"};
      }
      read_open.set_value();
      committed.wait();
      Result<std::optional<Customer>> k2 = r.customer("K-2");
      if (!k2) return k2.error();
      saw_k2 = k2->has_value();
      return {};
    });
    EXPECT_TRUE(status) << status.error().message;
    return saw_k2;
  });
  read_open.get_future().wait();

  std::future<Status> writer = std::async(std::launch::async, [&] {
    return store_->transact("engine:test", "beside a read", [](Transaction& tx) -> Status {
      Result<Change> added = tx.upsert_customer(customer("K-2"));
      return added ? Status() : Status(added.error());
    });
  });
  const bool finished = writer.wait_for(kNoHang) == std::future_status::ready;
  step_committed.set_value();
  EXPECT_TRUE(finished) << "a step waited for a read";
  const Status written = writer.get();
  EXPECT_TRUE(written) << written.error().message;
  // The open read goes on with the state it began with: one read, one consistent picture.
  EXPECT_EQ(reader.get(), std::optional<bool>(false));
  Result<std::optional<Customer>> after = read_customer(*store_, "K-2");
  ASSERT_TRUE(after) << after.error().message;
  EXPECT_TRUE(after->has_value());
}

TEST_F(SqliteFileStoreTest, ReadsBesideStepsNeverSeeHalfAStep) {
  constexpr int kSteps = 40;
  std::atomic<bool> writing{true};
  // Each step adds one customer and counts it, so a read sees count == customers - 1 (K-1).
  std::thread writer([&] {
    for (int k = 0; k < kSteps; ++k) {
      step(*store_, [&](Transaction& tx) {
        ASSERT_TRUE(tx.upsert_customer(customer("T-" + std::to_string(k))));
        ASSERT_TRUE(tx.state_put("counter", "n", std::to_string(k + 1)));
      });
    }
    writing = false;
  });
  std::vector<std::thread> readers;
  for (int t = 0; t < 2; ++t) {
    readers.emplace_back([&] {
      do {
        Status status = store_->read([](Reader& r) -> Status {
          Result<std::vector<Customer>> all = r.customers();
          Result<std::optional<std::string>> count = r.state_get("counter", "n");
          if (!all || !count) return Error{"a read failed"};
          EXPECT_EQ(std::to_string(all->size() - 1), count->value_or("0"));
          return {};
        });
        EXPECT_TRUE(status) << status.error().message;
      } while (writing);
    });
  }
  writer.join();
  for (std::thread& reader : readers) reader.join();
}

// The same rules on both kinds of store: a step cannot start another step on its own thread.
void expect_nested_steps_refused(SqliteStore& store) {
  auto refused = [](const Status& status) {
    return !status && status.error().message ==
                          "a store step cannot start another step: do all of it in one transaction";
  };
  Status outer = store.read([&](Reader&) -> Status {
    EXPECT_TRUE(refused(store.read([](Reader&) { return Status(); })));
    EXPECT_TRUE(
        refused(store.transact("engine:test", "nested", [](Transaction&) { return Status(); })));
    return {};
  });
  EXPECT_TRUE(outer) << outer.error().message;
  outer = store.transact("engine:test", "outer", [&](Transaction&) -> Status {
    EXPECT_TRUE(refused(store.read([](Reader&) { return Status(); })));
    EXPECT_TRUE(
        refused(store.transact("engine:test", "nested", [](Transaction&) { return Status(); })));
    return {};
  });
  EXPECT_TRUE(outer) << outer.error().message;
  // Refusing left nothing behind: the thread can step again.
  EXPECT_TRUE(store.read([](Reader&) { return Status(); }));
}

TEST_F(SqliteFileStoreTest, StepInsideAStepIsStillRefused) {
  expect_nested_steps_refused(*store_);
}

TEST_F(SqliteStoreTest, StepInsideAStepIsRefusedInMemoryToo) {
  expect_nested_steps_refused(*store_);
}

TEST_F(SqliteFileStoreTest, StepOfAnotherStoreInsideAStepIsAllowed) {
  ScratchDirectory other_directory;
  std::unique_ptr<SqliteStore> other = open_store(other_directory.file("other.db"));
  ASSERT_TRUE(other);
  Status outer = store_->read([&](Reader&) -> Status {
    step(*other, [](Transaction& tx) { ASSERT_TRUE(tx.upsert_customer(customer("K-9"))); });
    Result<std::optional<Customer>> found = read_customer(*other, "K-9");
    EXPECT_TRUE(found && found->has_value());
    return {};
  });
  EXPECT_TRUE(outer) << outer.error().message;
}

TEST_F(SqliteStoreTest, InMemoryStoreReadsWhatItsStepsWrote) {
  // One connection for both: a second would open another, empty in-memory database.
  step(*store_, [](Transaction& tx) { ASSERT_TRUE(tx.upsert_customer(customer("K-3"))); });
  Result<std::optional<Customer>> found = read_customer(*store_, "K-3");
  ASSERT_TRUE(found) << found.error().message;
  EXPECT_TRUE(found->has_value());
}

}  // namespace
}  // namespace kontor::store
