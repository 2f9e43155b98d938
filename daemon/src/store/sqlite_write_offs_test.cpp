// What write-offs ask of the store: a write-off is an allocation that settles (part of) an item
// and keeps its kind and day; a recovery takes back part of it when a payment comes in later,
// never more than is still written off; neither changes afterwards.
#include <gtest/gtest.h>

#include "store/sqlite_store.hpp"
#include "store/store_test_support.hpp"

namespace kontor::store {
namespace {

using namespace testing;

WriteOff written_off(std::string item, std::int64_t cents,
                     WriteOffKind kind = WriteOffKind::uncollectible) {
  return WriteOff{.allocation_id = 0,
                  .item_number = std::move(item),
                  .amount = eur(cents),
                  .kind = kind,
                  .reason = "Insolvenzverfahren mangels Masse abgelehnt",
                  .dated = day("2026-11-30"),
                  .recovers = std::nullopt,
                  .recorded_at = ""};
}

WriteOff recovery(std::string item, std::int64_t cents, std::int64_t recovers,
                  WriteOffKind kind = WriteOffKind::uncollectible) {
  WriteOff made = written_off(std::move(item), -cents, kind);
  made.reason = "Zahlung nach Ausbuchung";
  made.dated = day("2027-02-10");
  made.recovers = recovers;
  return made;
}

class WriteOffStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = open_store();
    ASSERT_TRUE(store_);
    step(*store_, [&](Transaction& tx) {
      ASSERT_TRUE(tx.upsert_customer(customer("4711")));
      ASSERT_TRUE(tx.upsert_open_item(invoice("RE-1", "4711", 11900)));
      ASSERT_TRUE(tx.upsert_open_item(invoice("RE-2", "4711", 5000)));
    });
  }

  Result<std::int64_t> record(const WriteOff& write_off) {
    Result<std::int64_t> out = Error{"the step did not run"};
    // A refused write-off fails its step: nothing of it may remain.
    (void)store_->transact("user:alice", "write-off", [&](Transaction& tx) -> Status {
      out = tx.record_write_off(write_off);
      if (!out) return out.error();
      return {};
    });
    return out;
  }

  Money open_of(const std::string& number) {
    Money open;
    EXPECT_TRUE(store_->read([&](Reader& r) -> Status {
      Result<std::optional<OpenItem>> item = r.open_item(number);
      if (!item) return item.error();
      open = (*item)->open;
      return {};
    }));
    return open;
  }

  std::vector<WriteOff> of_item(const std::string& number) {
    std::vector<WriteOff> found;
    EXPECT_TRUE(store_->read([&](Reader& r) -> Status {
      Result<std::vector<WriteOff>> read = r.write_offs_of_item(number);
      if (!read) return read.error();
      found = *read;
      return {};
    }));
    return found;
  }

  std::unique_ptr<SqliteStore> store_;
};

TEST_F(WriteOffStoreTest, AWriteOffSettlesTheItemAndKeepsItsKindReasonAndDay) {
  const Result<std::int64_t> id = record(written_off("RE-1", 11900));
  ASSERT_TRUE(id) << id.error().message;
  EXPECT_EQ(open_of("RE-1"), eur(0));
  const std::vector<WriteOff> found = of_item("RE-1");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].allocation_id, *id);
  EXPECT_EQ(found[0].amount, eur(11900));
  EXPECT_EQ(found[0].kind, WriteOffKind::uncollectible);
  EXPECT_EQ(found[0].reason, "Insolvenzverfahren mangels Masse abgelehnt");
  EXPECT_EQ(found[0].dated, day("2026-11-30"));
  EXPECT_FALSE(found[0].recovers);
  // It is an allocation of its own method, without a transaction.
  EXPECT_TRUE(store_->read([&](Reader& r) -> Status {
    Result<std::vector<Allocation>> allocations = r.allocations_of_item("RE-1");
    EXPECT_TRUE(allocations);
    EXPECT_EQ(allocations->size(), 1u);
    EXPECT_EQ(allocations->front().method, AllocationMethod::write_off);
    EXPECT_EQ(allocations->front().transaction, "");
    Result<std::optional<WriteOff>> by_id = r.write_off(*id);
    EXPECT_TRUE(by_id && *by_id);
    return {};
  }));
}

TEST_F(WriteOffStoreTest, APartWrittenOffLeavesTheRestOpen) {
  ASSERT_TRUE(record(written_off("RE-1", 9000, WriteOffKind::doubtful)));
  EXPECT_EQ(open_of("RE-1"), eur(2900));
  EXPECT_EQ(of_item("RE-1").front().kind, WriteOffKind::doubtful);
}

TEST_F(WriteOffStoreTest, MoreThanIsOpenCannotBeWrittenOff) {
  EXPECT_FALSE(record(written_off("RE-1", 12000)));
  EXPECT_EQ(open_of("RE-1"), eur(11900));
  EXPECT_TRUE(of_item("RE-1").empty());
}

TEST_F(WriteOffStoreTest, AWriteOffNeedsAPositiveAmountAndAReason) {
  EXPECT_FALSE(record(written_off("RE-1", 0)));
  WriteOff without_reason = written_off("RE-1", 100);
  without_reason.reason = "";
  EXPECT_FALSE(record(without_reason));
  EXPECT_FALSE(record(written_off("RE-9", 100)));  // no such item
}

TEST_F(WriteOffStoreTest, ARecoveryReopensWhatItTakesBackAndNoMoreThanIsWrittenOff) {
  const Result<std::int64_t> id = record(written_off("RE-1", 11900));
  ASSERT_TRUE(id);
  ASSERT_TRUE(record(recovery("RE-1", 5000, *id)));
  EXPECT_EQ(open_of("RE-1"), eur(5000));  // what the payment then settles
  EXPECT_FALSE(record(recovery("RE-1", 7000, *id))) << "only 69.00 is still written off";
  ASSERT_TRUE(record(recovery("RE-1", 6900, *id)));
  EXPECT_EQ(open_of("RE-1"), eur(11900));
  const std::vector<WriteOff> found = of_item("RE-1");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[1].recovers, *id);
  EXPECT_EQ(found[1].amount, eur(-5000));
  EXPECT_EQ(found[1].dated, day("2027-02-10"));
}

TEST_F(WriteOffStoreTest, ARecoveryMustNameAWriteOffOfTheSameItemAndKind) {
  const Result<std::int64_t> first = record(written_off("RE-1", 11900));
  const Result<std::int64_t> second = record(written_off("RE-2", 5000));
  ASSERT_TRUE(first && second);
  EXPECT_FALSE(record(recovery("RE-1", 100, *second))) << "another item's write-off";
  EXPECT_FALSE(record(recovery("RE-1", 100, *first, WriteOffKind::doubtful))) << "another kind";
  const Result<std::int64_t> recovered = record(recovery("RE-1", 100, *first));
  ASSERT_TRUE(recovered);
  EXPECT_FALSE(record(recovery("RE-1", 100, *recovered))) << "a recovery is no write-off";
  WriteOff positive = recovery("RE-1", 100, *first);
  positive.amount = eur(100);
  EXPECT_FALSE(record(positive));
}

TEST_F(WriteOffStoreTest, WriteOffsAreNotPlainAllocations) {
  step(*store_, [&](Transaction& tx) {
    const Allocation plain{.id = 0,
                           .transaction = "",
                           .item_number = "RE-1",
                           .amount = eur(100),
                           .method = AllocationMethod::write_off,
                           .confidence_permille = 1000,
                           .evidence = "",
                           .reverses = std::nullopt};
    EXPECT_FALSE(tx.add_allocation(plain)) << "no kind, no day: the bookkeeping could not book it";
  });
}

TEST_F(WriteOffStoreTest, WriteOffsAreFoundByDay) {
  ASSERT_TRUE(record(written_off("RE-1", 11900)));
  WriteOff later = written_off("RE-2", 5000);
  later.dated = day("2026-12-01");
  ASSERT_TRUE(record(later));
  std::vector<WriteOff> november;
  EXPECT_TRUE(store_->read([&](Reader& r) -> Status {
    Result<std::vector<WriteOff>> read = r.write_offs_dated(day("2026-11-01"), day("2026-11-30"));
    if (!read) return read.error();
    november = *read;
    return {};
  }));
  ASSERT_EQ(november.size(), 1u);
  EXPECT_EQ(november[0].item_number, "RE-1");
}

}  // namespace
}  // namespace kontor::store
