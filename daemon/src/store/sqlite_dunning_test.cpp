// What dunning asks of the store: per-invoice dunning records, blocks set by account managers,
// the outbox of notices with their charges and delivery state, and credits still pending.
#include <gtest/gtest.h>

#include "store/sqlite_store.hpp"
#include "store/store_test_support.hpp"

namespace kontor::store {
namespace {

using namespace testing;

class DunningStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = open_store();
    ASSERT_TRUE(store_);
    step(*store_, [&](Transaction& tx) {
      ASSERT_TRUE(tx.upsert_customer(customer("4711")));
      ASSERT_TRUE(tx.upsert_open_item(invoice("RE-1", "4711", 11900)));
    });
  }

  template <typename T, typename Ask>
  T ask(Ask&& query) {
    T out{};
    EXPECT_TRUE(store_->read([&](Reader& r) -> Status {
      auto found = query(r);
      if (!found) return found.error();
      out = *found;
      return {};
    }));
    return out;
  }

  StoredNotice reminder(std::string number) {
    StoredNotice stored;
    stored.notice.number = std::move(number);
    stored.notice.customer_number = "4711";
    stored.notice.level = 2;
    stored.notice.items = {NoticeLine{.item_number = "RE-1", .open = eur(11900), .level = 2}};
    stored.notice.fees = eur(500);
    stored.notice.interest = eur(123);
    stored.notice.channel = "email";
    EXPECT_TRUE(assign_references(stored.notice));
    stored.template_name = "reminder-2";
    stored.language = "de";
    stored.notice_date = day("2026-11-28");
    stored.total = eur(12523);
    stored.recipient = "buchhaltung@muster.example";
    stored.subject = "1. Mahnung";
    stored.text = "Sehr geehrte Damen und Herren";
    stored.run_key = "dunning@2026-11-28T08:00:00Z";
    return stored;
  }

  std::unique_ptr<SqliteStore> store_;
};

TEST_F(DunningStoreTest, DunningRecordSetsTheItemsLevelAndIsReadBack) {
  const ItemDunning record{.item_number = "RE-1",
                           .level = 2,
                           .last_notice = "M-2026-000001",
                           .first_reminded_on = day("2026-11-20"),
                           .first_by_letter = true,
                           .last_reminded_on = day("2026-11-28"),
                           .interest_through = day("2026-11-28"),
                           .flat_fee_charged = true};
  step(*store_, [&](Transaction& tx) {
    EXPECT_EQ(tx.record_item_dunning(record).value(), Change::inserted);
    EXPECT_EQ(tx.record_item_dunning(record).value(), Change::unchanged);
  });
  EXPECT_EQ(ask<std::optional<ItemDunning>>([](Reader& r) { return r.item_dunning("RE-1"); }),
            record);
  EXPECT_EQ(ask<std::vector<ItemDunning>>([](Reader& r) { return r.item_dunning_records(); }),
            std::vector<ItemDunning>{record});
  const auto item = ask<std::optional<OpenItem>>([](Reader& r) { return r.open_item("RE-1"); });
  EXPECT_EQ(item->dunning_level, 2);
}

TEST_F(DunningStoreTest, DunningRecordOfAnUnknownItemIsRefused) {
  step(*store_, [&](Transaction& tx) {
    EXPECT_FALSE(tx.record_item_dunning(ItemDunning{.item_number = "RE-404",
                                                    .level = 1,
                                                    .last_notice = "",
                                                    .first_reminded_on = std::nullopt,
                                                    .first_by_letter = false,
                                                    .last_reminded_on = std::nullopt,
                                                    .interest_through = std::nullopt,
                                                    .flat_fee_charged = false}));
  });
}

TEST_F(DunningStoreTest, ManualBlockOnItemNamesItsCustomerAndCanBeLifted) {
  step(*store_, [&](Transaction& tx) {
    ManualDunningBlock block;
    block.item_number = "RE-1";
    block.reason = "Kunde hat Ratenzahlung vereinbart";
    block.until = day("2026-12-31");
    EXPECT_EQ(tx.set_dunning_block(block).value(), Change::inserted);
    EXPECT_EQ(tx.set_dunning_block(block).value(), Change::unchanged);
  });
  auto blocks =
      ask<std::vector<ManualDunningBlock>>([](Reader& r) { return r.manual_dunning_blocks(); });
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].customer_number, "4711");
  EXPECT_EQ(blocks[0].set_by, "engine:test");
  step(*store_, [&](Transaction& tx) {
    EXPECT_EQ(tx.lift_dunning_block("", "RE-1").value(), Change::updated);
    EXPECT_EQ(tx.lift_dunning_block("", "RE-1").value(), Change::unchanged);
  });
  blocks =
      ask<std::vector<ManualDunningBlock>>([](Reader& r) { return r.manual_dunning_blocks(); });
  EXPECT_TRUE(blocks.empty());
}

TEST_F(DunningStoreTest, BlockWithoutReasonOrOnUnknownCustomerIsRefused) {
  step(*store_, [&](Transaction& tx) {
    ManualDunningBlock block;
    block.customer_number = "4711";
    EXPECT_FALSE(tx.set_dunning_block(block));
    block.customer_number = "9999";
    block.reason = "Insolvenz";
    EXPECT_FALSE(tx.set_dunning_block(block));
  });
}

TEST_F(DunningStoreTest, NoticeIsStoredWithLinesChargesAndRenderingThenDelivered) {
  StoredNotice stored = reminder("M-2026-000001");
  step(*store_, [&](Transaction& tx) {
    OpenItem fee = invoice("M-2026-000001-F1", "4711", 500);
    fee.type = OpenItemType::fee;
    fee.refers_to = "RE-1";
    fee.notice_number = "M-2026-000001";
    ASSERT_TRUE(tx.upsert_open_item(fee));
    stored.charges = {NoticeCharge{.item_number = "RE-1",
                                   .kind = "level_fee",
                                   .charge_item = "M-2026-000001-F1",
                                   .amount = eur(500),
                                   .first_day = std::nullopt,
                                   .last_day = std::nullopt,
                                   .detail = ""}};
    EXPECT_EQ(tx.record_notice(stored).value(), Change::inserted);
    EXPECT_FALSE(tx.record_notice(stored)) << "a notice number is stored once";
  });
  auto to_deliver = ask<std::vector<std::string>>([](Reader& r) { return r.notices_to_deliver(); });
  EXPECT_EQ(to_deliver, std::vector<std::string>{"M-2026-000001"});
  auto loaded =
      ask<std::optional<StoredNotice>>([](Reader& r) { return r.notice("M-2026-000001"); });
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->notice, stored.notice);
  EXPECT_EQ(loaded->charges, stored.charges);
  EXPECT_EQ(loaded->subject, "1. Mahnung");
  EXPECT_EQ(loaded->total, eur(12523));

  step(*store_, [&](Transaction& tx) {
    ASSERT_TRUE(tx.mark_notice_delivery("M-2026-000001", DeliveryState::retrying, "timeout"));
    ASSERT_TRUE(tx.mark_notice_delivery("M-2026-000001", DeliveryState::delivered, ""));
    EXPECT_EQ(tx.mark_notice_delivery("M-2026-000001", DeliveryState::delivered, "").value(),
              Change::unchanged);
    EXPECT_FALSE(tx.mark_notice_delivery("M-2026-000001", DeliveryState::parked, "x"))
        << "a delivered notice cannot be parked afterwards";
  });
  loaded = ask<std::optional<StoredNotice>>([](Reader& r) { return r.notice("M-2026-000001"); });
  EXPECT_EQ(loaded->notice.delivery_state, DeliveryState::delivered);
  EXPECT_EQ(loaded->attempts, 2);
  EXPECT_FALSE(loaded->delivered_at.empty());
  EXPECT_TRUE(
      ask<std::vector<std::string>>([](Reader& r) { return r.notices_to_deliver(); }).empty());
}

TEST_F(DunningStoreTest, LastNoticeNumberIsTheHighestWithThePrefix) {
  step(*store_, [&](Transaction& tx) {
    ASSERT_TRUE(tx.record_notice(reminder("M-2026-000002")));
    ASSERT_TRUE(tx.record_notice(reminder("M-2026-000010")));
    ASSERT_TRUE(tx.record_notice(reminder("M-2025-000099")));
  });
  EXPECT_EQ(
      ask<std::optional<std::string>>([](Reader& r) { return r.last_notice_number("M-2026-"); }),
      std::optional<std::string>("M-2026-000010"));
  EXPECT_EQ(ask<std::optional<std::string>>([](Reader& r) { return r.last_notice_number("X%"); }),
            std::nullopt);
}

TEST_F(DunningStoreTest, NoticesAreListedByCustomerAndState) {
  step(*store_, [&](Transaction& tx) {
    ASSERT_TRUE(tx.record_notice(reminder("M-2026-000001")));
    ASSERT_TRUE(tx.mark_notice_delivery("M-2026-000001", DeliveryState::parked, "bad address"));
    ASSERT_TRUE(tx.record_notice(reminder("M-2026-000002")));
  });
  NoticeQuery parked;
  parked.state = DeliveryState::parked;
  const auto found = ask<std::vector<StoredNotice>>([&](Reader& r) { return r.notices(parked); });
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].notice.delivery_detail, "bad address");
  NoticeQuery other;
  other.customer_number = "0815";
  EXPECT_TRUE(ask<std::vector<StoredNotice>>([&](Reader& r) { return r.notices(other); }).empty());
}

TEST_F(DunningStoreTest, PendingCreditsAreProvisionalCreditsNotYetBooked) {
  BankTransaction pending = credit(11900, "RE-1");
  pending.provisional = true;
  pending.status = EntryStatus::pending;
  BankTransaction booked = credit(5000, "RE-2");
  BankTransaction debit = credit(-700, "Gebühr");
  debit.provisional = true;
  debit.status = EntryStatus::pending;
  step(*store_, [&](Transaction& tx) {
    ASSERT_TRUE(tx.insert_statement(statement("S1", {pending, booked, debit})));
  });
  const auto credits =
      ask<std::vector<BankTransaction>>([](Reader& r) { return r.pending_credits(); });
  ASSERT_EQ(credits.size(), 1u);
  EXPECT_EQ(credits[0].amount, eur(11900));
}

TEST_F(DunningStoreTest, NoticeCountsArePerDeliveryState) {
  using Counts = std::map<std::string, std::int64_t>;
  EXPECT_TRUE(ask<Counts>([](Reader& r) { return r.notice_counts(); }).empty());
  step(*store_, [&](Transaction& tx) {
    ASSERT_TRUE(tx.record_notice(reminder("M-2026-000001")));
    ASSERT_TRUE(tx.mark_notice_delivery("M-2026-000001", DeliveryState::parked, "bad address"));
    ASSERT_TRUE(tx.record_notice(reminder("M-2026-000002")));
    ASSERT_TRUE(tx.record_notice(reminder("M-2026-000003")));
    ASSERT_TRUE(tx.mark_notice_delivery("M-2026-000003", DeliveryState::delivered, ""));
    ASSERT_TRUE(tx.record_notice(reminder("M-2026-000004")));
  });
  EXPECT_EQ(ask<Counts>([](Reader& r) { return r.notice_counts(); }),
            (Counts{{"delivered", 1}, {"parked", 1}, {"pending", 2}}));
}

}  // namespace
}  // namespace kontor::store
