// What bookings and their export ask of the store: balanced bookings kept for good (amended only
// while no batch carries them, replaced by retiring), export batches recorded before an exporter
// stages them and marked as it goes on, and each target's watermark moved and put back with them.
#include <gtest/gtest.h>

#include "store/sqlite_store.hpp"
#include "store/store_test_support.hpp"

namespace kontor::store {
namespace {

using namespace testing;

BookingLine line(std::string account, BookingSide side, std::int64_t cents,
                 std::string tax_key = "") {
  return BookingLine{
      .account = std::move(account), .side = side, .amount = eur(cents), .tax_key = tax_key};
}

// A customer's payment of `cents` on `date`: the bank debited, the debtor credited.
StoredBooking payment(std::string source, std::string_view date, std::int64_t cents,
                      std::string customer_number = "4711") {
  StoredBooking stored;
  stored.booking.date = day(date);
  stored.booking.document_number = "RE-1";
  stored.booking.text = "Zahlung Muster GmbH";
  stored.booking.lines = {line("1200", BookingSide::debit, cents),
                          line("10001", BookingSide::credit, cents)};
  stored.source = std::move(source);
  stored.kind = "payment";
  stored.customer_number = std::move(customer_number);
  return stored;
}

// A dunning fee: the debtor debited, the revenue and its tax credited, due on a day of its own.
StoredBooking dunning_fee() {
  StoredBooking stored;
  stored.booking.date = day("2026-11-28");
  stored.booking.document_number = "M-2026-000001";
  stored.booking.text = "Mahngebühr M-2026-000001";
  stored.booking.lines = {line("10001", BookingSide::debit, 595),
                          line("8400", BookingSide::credit, 500, "3"),
                          line("1776", BookingSide::credit, 95)};
  stored.booking.facts = BookingFacts::dunning_fee;
  stored.booking.due_date = day("2026-12-12");
  stored.source = "item:M-2026-000001-F1";
  stored.kind = "fee";
  stored.customer_number = "4711";
  return stored;
}

ExportBatchRecord regular_batch(std::string target) {
  ExportBatchRecord batch;
  batch.target = std::move(target);
  batch.requested_by = "export@2026-11-28T09:00:00.000Z";
  return batch;
}

ExportBatchRecord repeat_batch(std::string target) {
  ExportBatchRecord batch = regular_batch(std::move(target));
  batch.repeat = true;
  batch.requested_by = "user:alice";
  return batch;
}

std::vector<std::int64_t> ids_of(const std::vector<StoredBooking>& bookings) {
  std::vector<std::int64_t> ids;
  for (const StoredBooking& stored : bookings) ids.push_back(stored.booking.id);
  return ids;
}

class BookingStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = open_store();
    ASSERT_TRUE(store_);
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

  std::int64_t record(const StoredBooking& stored) {
    std::int64_t id = 0;
    step(*store_, [&](Transaction& tx) {
      Result<std::int64_t> recorded = tx.record_booking(stored);
      ASSERT_TRUE(recorded) << recorded.error().message;
      id = *recorded;
    });
    return id;
  }

  // `count` payments dated from 2026-11-01 on, one a day; their ids.
  std::vector<std::int64_t> record_payments(int count) {
    std::vector<std::int64_t> ids;
    for (int n = 1; n <= count; ++n) {
      ids.push_back(record(payment("allocation:" + std::to_string(n), november(n), 1000 * n)));
    }
    return ids;
  }

  static std::string november(int n) {
    return std::string("2026-11-") + (n < 10 ? "0" : "") + std::to_string(n);
  }

  // Records `batch` in a step of its own; the step commits whether or not the store refuses it.
  Result<ExportBatchRecord> record_batch(const ExportBatchRecord& batch,
                                         const std::vector<std::int64_t>& booking_ids) {
    Result<ExportBatchRecord> out = Error{"the step did not run"};
    step(*store_, [&](Transaction& tx) { out = tx.record_export_batch(batch, booking_ids); });
    return out;
  }

  Result<Change> mark(std::string_view id, ExportBatchState state, std::string_view detail = "") {
    Result<Change> out = Error{"the step did not run"};
    step(*store_, [&](Transaction& tx) { out = tx.mark_export_batch(id, state, detail); });
    return out;
  }

  std::optional<StoredBooking> booking(std::int64_t id) {
    return ask<std::optional<StoredBooking>>([&](Reader& r) { return r.booking(id); });
  }
  std::optional<ExportBatchRecord> batch(std::string_view id) {
    return ask<std::optional<ExportBatchRecord>>([&](Reader& r) { return r.export_batch(id); });
  }
  std::int64_t watermark(std::string_view target) {
    return ask<std::int64_t>([&](Reader& r) { return r.export_watermark(target); });
  }
  std::vector<StoredBooking> bookings_after(std::int64_t after_id, std::int64_t limit = 100) {
    return ask<std::vector<StoredBooking>>(
        [&](Reader& r) { return r.bookings_after(after_id, limit); });
  }
  std::vector<ExportBatchRecord> batches(std::string target, std::int64_t limit = 100) {
    const ExportBatchQuery query{.target = std::move(target), .limit = limit};
    return ask<std::vector<ExportBatchRecord>>([&](Reader& r) { return r.export_batches(query); });
  }
  std::vector<Event> events() {
    return ask<std::vector<Event>>([](Reader& r) { return r.events(0, 1000); });
  }

  std::unique_ptr<SqliteStore> store_;
};

// --- Bookings --------------------------------------------------------------------------------

TEST_F(BookingStoreTest, RecordedBookingReadsBackEqualByIdByCustomerAndAfterAnId) {
  const StoredBooking fee = dunning_fee();
  const std::int64_t id = record(fee);
  StoredBooking reversal = fee;
  reversal.booking = reversal_of(fee.booking, day("2026-11-30"));
  reversal.booking.reverses = id;
  reversal.kind = "reversal";
  reversal.current = false;
  const std::int64_t reversal_id = record(reversal);
  EXPECT_GT(reversal_id, id);

  const std::optional<StoredBooking> loaded = booking(id);
  ASSERT_TRUE(loaded);
  Booking expected = fee.booking;
  expected.id = id;
  EXPECT_EQ(loaded->booking, expected);
  EXPECT_EQ(loaded->source, "item:M-2026-000001-F1");
  EXPECT_EQ(loaded->kind, "fee");
  EXPECT_EQ(loaded->customer_number, "4711");
  EXPECT_TRUE(loaded->current);
  EXPECT_EQ(loaded->recorded_at, "2026-11-28T09:30:00.000Z");

  const std::optional<StoredBooking> loaded_reversal = booking(reversal_id);
  ASSERT_TRUE(loaded_reversal);
  Booking expected_reversal = reversal.booking;
  expected_reversal.id = reversal_id;
  EXPECT_EQ(loaded_reversal->booking, expected_reversal);
  EXPECT_EQ(loaded_reversal->booking.reverses, std::optional<std::int64_t>(id));
  EXPECT_EQ(loaded_reversal->booking.lines[0].side, BookingSide::credit);
  EXPECT_EQ(loaded_reversal->kind, "reversal");
  EXPECT_FALSE(loaded_reversal->current);

  const auto of_customer =
      ask<std::vector<StoredBooking>>([](Reader& r) { return r.bookings_of_customer("4711"); });
  ASSERT_EQ(of_customer.size(), 2U);
  EXPECT_EQ(of_customer[0].booking, expected);
  EXPECT_EQ(of_customer[1].booking, expected_reversal);
  EXPECT_TRUE(ask<std::vector<StoredBooking>>([](Reader& r) {
                return r.bookings_of_customer("4712");
              }).empty());

  EXPECT_EQ(ids_of(bookings_after(0)), (std::vector<std::int64_t>{id, reversal_id}));
  EXPECT_EQ(ids_of(bookings_after(id)), (std::vector<std::int64_t>{reversal_id}));
  // The limit counts bookings, not their lines.
  const std::vector<StoredBooking> first = bookings_after(0, 1);
  ASSERT_EQ(first.size(), 1U);
  EXPECT_EQ(first[0].booking, expected);
  EXPECT_FALSE(booking(reversal_id + 1));
  // The ids alone, as a batch is recorded with them: the same order and limit.
  const auto ids_after = [&](std::int64_t after_id, std::int64_t limit) {
    return ask<std::vector<std::int64_t>>(
        [&](Reader& r) { return r.booking_ids_after(after_id, limit); });
  };
  EXPECT_EQ(ids_after(0, 100), (std::vector<std::int64_t>{id, reversal_id}));
  EXPECT_EQ(ids_after(id, 100), (std::vector<std::int64_t>{reversal_id}));
  EXPECT_EQ(ids_after(0, 1), (std::vector<std::int64_t>{id}));
}

TEST_F(BookingStoreTest, UnbalancedBookingIsRefusedAndLeavesNothing) {
  step(*store_, [&](Transaction& tx) {
    StoredBooking unbalanced = payment("allocation:1", "2026-11-20", 11900);
    unbalanced.booking.lines[1].amount = eur(11800);
    EXPECT_FALSE(tx.record_booking(unbalanced));
    StoredBooking one_line = payment("allocation:1", "2026-11-20", 11900);
    one_line.booking.lines.pop_back();
    EXPECT_FALSE(tx.record_booking(one_line));
    StoredBooking nothing = payment("allocation:1", "2026-11-20", 0);
    EXPECT_FALSE(tx.record_booking(nothing)) << "amounts are positive";
    StoredBooking no_source = payment("", "2026-11-20", 11900);
    EXPECT_FALSE(tx.record_booking(no_source));
  });
  EXPECT_TRUE(bookings_after(0).empty());
  EXPECT_TRUE(events().empty());
}

TEST_F(BookingStoreTest, ReversalOfAnUnknownBookingIsRefused) {
  step(*store_, [&](Transaction& tx) {
    StoredBooking reversal = payment("allocation:1", "2026-11-20", 11900);
    reversal.booking.reverses = 42;
    reversal.kind = "reversal";
    EXPECT_FALSE(tx.record_booking(reversal));
  });
  EXPECT_TRUE(bookings_after(0).empty());
}

TEST_F(BookingStoreTest, RecordingABookingAppendsAnEvent) {
  const std::int64_t id = record(payment("allocation:7", "2026-11-20", 11900));
  const std::vector<Event> all = events();
  ASSERT_EQ(all.size(), 1U);
  EXPECT_EQ(all[0].kind, "booking.recorded");
  EXPECT_EQ(all[0].entity_key, std::to_string(id));
  EXPECT_EQ(all[0].actor, "engine:test");
  EXPECT_EQ(all[0].why, "test step");
  EXPECT_NE(all[0].payload.find("\"source\":\"allocation:7\""), std::string::npos)
      << all[0].payload;
  EXPECT_NE(all[0].payload.find("\"kind\":\"payment\""), std::string::npos) << all[0].payload;
}

TEST_F(BookingStoreTest, TwoCurrentBookingsForOneSourceAreRefused) {
  const std::int64_t first = record(payment("allocation:1", "2026-11-20", 11900));
  step(*store_, [&](Transaction& tx) {
    EXPECT_FALSE(tx.record_booking(payment("allocation:1", "2026-11-21", 11800)));
  });
  EXPECT_EQ(ids_of(bookings_after(0)), std::vector<std::int64_t>{first});
  EXPECT_EQ(events().size(), 1U);
}

TEST_F(BookingStoreTest, RetiredBookingMakesRoomForItsSuccessor) {
  const StoredBooking original = payment("allocation:1", "2026-11-20", 11900);
  const std::int64_t first = record(original);
  std::int64_t reversal_id = 0;
  std::int64_t successor = 0;
  step(*store_, [&](Transaction& tx) {
    EXPECT_EQ(tx.retire_booking(first).value(), Change::updated);
    EXPECT_EQ(tx.retire_booking(first).value(), Change::unchanged);
    StoredBooking reversal = original;
    Booking stored_original = original.booking;
    stored_original.id = first;
    reversal.booking = reversal_of(stored_original, day("2026-11-28"));
    reversal.kind = "reversal";
    reversal.current = false;
    Result<std::int64_t> reversed = tx.record_booking(reversal);
    ASSERT_TRUE(reversed) << reversed.error().message;
    reversal_id = *reversed;
    Result<std::int64_t> replaced = tx.record_booking(payment("allocation:1", "2026-11-20", 11800));
    ASSERT_TRUE(replaced) << replaced.error().message;
    successor = *replaced;
  });
  EXPECT_FALSE(booking(first)->current);
  EXPECT_FALSE(booking(reversal_id)->current);
  EXPECT_TRUE(booking(successor)->current);
  EXPECT_EQ(booking(successor)->booking.lines[0].amount, eur(11800));
  step(*store_, [&](Transaction& tx) { EXPECT_FALSE(tx.retire_booking(successor + 1)); });
}

TEST_F(BookingStoreTest, AmendmentChangesABookingInNoBatch) {
  const std::int64_t id = record(dunning_fee());
  Booking amended = dunning_fee().booking;
  amended.date = day("2026-11-29");
  amended.text = "Mahngebühr (berichtigt)";
  amended.lines = {line("10001", BookingSide::debit, 1190),
                   line("8400", BookingSide::credit, 1000, "3"),
                   line("1776", BookingSide::credit, 190)};
  amended.due_date = day("2026-12-13");
  step(*store_, [&](Transaction& tx) {
    EXPECT_EQ(tx.amend_booking(id, amended).value(), Change::updated);
    EXPECT_EQ(tx.amend_booking(id, amended).value(), Change::unchanged);
  });
  Booking expected = amended;
  expected.id = id;
  EXPECT_EQ(booking(id)->booking, expected);
  const std::vector<Event> all = events();
  ASSERT_EQ(all.size(), 2U);
  EXPECT_EQ(all[1].kind, "booking.amended");
  EXPECT_EQ(all[1].entity_key, std::to_string(id));
}

TEST_F(BookingStoreTest, AmendmentToTheSameContentIsUnchanged) {
  const std::int64_t id = record(dunning_fee());
  step(*store_, [&](Transaction& tx) {
    EXPECT_EQ(tx.amend_booking(id, dunning_fee().booking).value(), Change::unchanged);
  });
  EXPECT_EQ(events().size(), 1U);
}

TEST_F(BookingStoreTest, AmendmentThatDoesNotBalanceOrOfAnUnknownBookingIsRefused) {
  const std::int64_t id = record(dunning_fee());
  Booking unbalanced = dunning_fee().booking;
  unbalanced.lines.pop_back();
  step(*store_, [&](Transaction& tx) {
    EXPECT_FALSE(tx.amend_booking(id, unbalanced));
    EXPECT_FALSE(tx.amend_booking(id + 1, dunning_fee().booking));
  });
  Booking expected = dunning_fee().booking;
  expected.id = id;
  EXPECT_EQ(booking(id)->booking, expected);
}

TEST_F(BookingStoreTest, AmendmentIsRefusedOnceABatchCarriesTheBooking) {
  const std::int64_t id = record(dunning_fee());
  const Result<ExportBatchRecord> carried = record_batch(regular_batch("datev"), {id});
  ASSERT_TRUE(carried) << carried.error().message;
  EXPECT_EQ(booking(id)->booking.exported_in, carried->id);
  Booking amended = dunning_fee().booking;
  amended.text = "Mahngebühr (berichtigt)";
  step(*store_, [&](Transaction& tx) { EXPECT_FALSE(tx.amend_booking(id, amended)); });
  EXPECT_EQ(booking(id)->booking.text, "Mahngebühr M-2026-000001");
}

TEST_F(BookingStoreTest, DiscardedBatchNoLongerCountsAsTheBookingsExport) {
  const std::int64_t id = record(dunning_fee());
  const Result<ExportBatchRecord> carried = record_batch(regular_batch("datev"), {id});
  ASSERT_TRUE(carried) << carried.error().message;
  ASSERT_TRUE(mark(carried->id, ExportBatchState::discarded, "operator discarded it"));
  EXPECT_EQ(booking(id)->booking.exported_in, "");
  Booking amended = dunning_fee().booking;
  amended.text = "Mahngebühr (berichtigt)";
  step(*store_,
       [&](Transaction& tx) { EXPECT_EQ(tx.amend_booking(id, amended).value(), Change::updated); });
}

// --- Recording export batches -----------------------------------------------------------------

TEST_F(BookingStoreTest, BatchIdsCountTheTargetsBatchesWhenNotGiven) {
  const std::vector<std::int64_t> ids = record_payments(3);
  EXPECT_EQ(record_batch(regular_batch("datev"), {ids[0]})->id, "datev-000001");
  EXPECT_EQ(record_batch(regular_batch("datev"), {ids[1]})->id, "datev-000002");
  EXPECT_EQ(record_batch(regular_batch("lexware"), {ids[0]})->id, "lexware-000001");
  ExportBatchRecord named = regular_batch("datev");
  named.id = "datev-2026-11";
  EXPECT_EQ(record_batch(named, {ids[2]})->id, "datev-2026-11");
  EXPECT_FALSE(record_batch(named, {ids[2]})) << "a batch id is taken once";
}

TEST_F(BookingStoreTest, BatchRecordFillsCountPeriodAndFirstAndLastBooking) {
  const std::int64_t late = record(payment("allocation:1", "2026-11-25", 1000));
  const std::int64_t early = record(payment("allocation:2", "2026-11-05", 2000));
  const std::int64_t middle = record(payment("allocation:3", "2026-11-20", 3000));
  const Result<ExportBatchRecord> recorded =
      record_batch(regular_batch("datev"), {middle, late, early});
  ASSERT_TRUE(recorded) << recorded.error().message;
  EXPECT_EQ(recorded->id, "datev-000001");
  EXPECT_EQ(recorded->target, "datev");
  EXPECT_EQ(recorded->state, ExportBatchState::recorded);
  EXPECT_FALSE(recorded->repeat);
  EXPECT_EQ(recorded->booking_count, 3);
  EXPECT_EQ(recorded->period_from, day("2026-11-05"));
  EXPECT_EQ(recorded->period_to, day("2026-11-25"));
  EXPECT_EQ(recorded->first_booking, late);
  EXPECT_EQ(recorded->last_booking, middle);
  EXPECT_EQ(recorded->requested_by, "export@2026-11-28T09:00:00.000Z");
  EXPECT_EQ(recorded->detail, "");
  EXPECT_EQ(recorded->recorded_at, "2026-11-28T09:30:00.000Z");
  EXPECT_EQ(recorded->staged_at, "");
  EXPECT_EQ(recorded->published_at, "");

  const std::optional<ExportBatchRecord> stored = batch("datev-000001");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->booking_count, 3);
  EXPECT_EQ(stored->period_from, recorded->period_from);
  EXPECT_EQ(stored->period_to, recorded->period_to);
  EXPECT_EQ(stored->last_booking, middle);
  EXPECT_FALSE(batch("datev-000002"));

  const auto carried = ask<std::vector<StoredBooking>>(
      [](Reader& r) { return r.bookings_of_batch("datev-000001"); });
  EXPECT_EQ(ids_of(carried), (std::vector<std::int64_t>{late, early, middle}));
  for (const StoredBooking& stored_booking : carried) {
    EXPECT_EQ(stored_booking.booking.exported_in, "datev-000001");
  }
}

TEST_F(BookingStoreTest, RegularBatchMovesTheTargetsWatermarkToItsHighestBooking) {
  const std::vector<std::int64_t> ids = record_payments(3);
  EXPECT_EQ(watermark("datev"), 0);
  ASSERT_TRUE(record_batch(regular_batch("datev"), {ids[1], ids[0]}));
  EXPECT_EQ(watermark("datev"), ids[1]);
  EXPECT_EQ(ids_of(bookings_after(watermark("datev"))), std::vector<std::int64_t>{ids[2]});
  ASSERT_TRUE(record_batch(regular_batch("datev"), {ids[2]}));
  EXPECT_EQ(watermark("datev"), ids[2]);
}

TEST_F(BookingStoreTest, RegularBatchWithABookingAtOrBelowTheWatermarkIsRefused) {
  const std::vector<std::int64_t> ids = record_payments(3);
  ASSERT_TRUE(record_batch(regular_batch("datev"), {ids[0], ids[1]}));
  const std::size_t events_before = events().size();
  EXPECT_FALSE(record_batch(regular_batch("datev"), {ids[1], ids[2]}));
  EXPECT_FALSE(record_batch(regular_batch("datev"), {ids[0], ids[2]}));

  EXPECT_EQ(watermark("datev"), ids[1]);
  EXPECT_EQ(batches("datev").size(), 1U);
  EXPECT_EQ(booking(ids[2])->booking.exported_in, "");
  EXPECT_EQ(events().size(), events_before);
  EXPECT_EQ(record_batch(regular_batch("datev"), {ids[2]})->id, "datev-000002")
      << "a refused batch uses up no number";
}

TEST_F(BookingStoreTest, RepeatMayCarryExportedBookingsAndLeavesTheWatermark) {
  const std::vector<std::int64_t> ids = record_payments(3);
  ASSERT_TRUE(record_batch(regular_batch("datev"), {ids[0], ids[1]}));
  const Result<ExportBatchRecord> repeat = record_batch(repeat_batch("datev"), {ids[0], ids[1]});
  ASSERT_TRUE(repeat) << repeat.error().message;
  EXPECT_EQ(repeat->id, "datev-000002");
  EXPECT_TRUE(repeat->repeat);
  EXPECT_EQ(repeat->booking_count, 2);
  EXPECT_EQ(watermark("datev"), ids[1]);
  EXPECT_EQ(booking(ids[0])->booking.exported_in, "datev-000001")
      << "exported_in names the first batch that carried it";
  EXPECT_EQ(ids_of(ask<std::vector<StoredBooking>>(
                [](Reader& r) { return r.bookings_of_batch("datev-000002"); })),
            (std::vector<std::int64_t>{ids[0], ids[1]}));
}

TEST_F(BookingStoreTest, RepeatOfBookingsNotExportedYetLeavesTheWatermark) {
  const std::vector<std::int64_t> ids = record_payments(2);
  ASSERT_TRUE(record_batch(repeat_batch("datev"), {ids[1]}));
  EXPECT_EQ(watermark("datev"), 0);
}

TEST_F(BookingStoreTest, EmptyBatchIsRefused) {
  record_payments(1);
  EXPECT_FALSE(record_batch(regular_batch("datev"), {}));
  EXPECT_FALSE(record_batch(repeat_batch("datev"), {}));
  EXPECT_TRUE(batches("").empty());
  EXPECT_EQ(watermark("datev"), 0);
}

TEST_F(BookingStoreTest, BatchOfAnUnknownBookingOrWithoutTargetIsRefusedAndChangesNothing) {
  const std::vector<std::int64_t> ids = record_payments(1);
  EXPECT_FALSE(record_batch(regular_batch("datev"), {ids[0], ids[0] + 1}));
  EXPECT_FALSE(record_batch(regular_batch(""), {ids[0]}));
  EXPECT_TRUE(batches("").empty());
  EXPECT_EQ(watermark("datev"), 0);
  EXPECT_EQ(booking(ids[0])->booking.exported_in, "");
}

TEST_F(BookingStoreTest, WatermarksArePerTarget) {
  const std::vector<std::int64_t> ids = record_payments(3);
  ASSERT_TRUE(record_batch(regular_batch("datev"), {ids[0], ids[1], ids[2]}));
  ASSERT_TRUE(record_batch(regular_batch("lexware"), {ids[0]}));
  EXPECT_EQ(watermark("datev"), ids[2]);
  EXPECT_EQ(watermark("lexware"), ids[0]);
  EXPECT_TRUE(record_batch(regular_batch("lexware"), {ids[1], ids[2]}))
      << "what datev has, lexware has not";
  EXPECT_EQ(watermark("lexware"), ids[2]);
  ASSERT_TRUE(mark("lexware-000002", ExportBatchState::discarded));
  EXPECT_EQ(watermark("lexware"), ids[0]);
  EXPECT_EQ(watermark("datev"), ids[2]);
}

// --- Marking export batches -------------------------------------------------------------------

TEST_F(BookingStoreTest, BatchMovesFromRecordedThroughStagedToPublished) {
  const std::vector<std::int64_t> ids = record_payments(1);
  ASSERT_TRUE(record_batch(regular_batch("datev"), ids));
  EXPECT_EQ(mark("datev-000001", ExportBatchState::staged, "EXTF files written").value(),
            Change::updated);
  std::optional<ExportBatchRecord> stored = batch("datev-000001");
  EXPECT_EQ(stored->state, ExportBatchState::staged);
  EXPECT_EQ(stored->staged_at, "2026-11-28T09:30:00.000Z");
  EXPECT_EQ(stored->published_at, "");
  EXPECT_EQ(stored->detail, "EXTF files written");
  EXPECT_EQ(mark("datev-000001", ExportBatchState::staged, "again").value(), Change::unchanged);

  EXPECT_EQ(mark("datev-000001", ExportBatchState::published, "uploaded").value(), Change::updated);
  stored = batch("datev-000001");
  EXPECT_EQ(stored->state, ExportBatchState::published);
  EXPECT_EQ(stored->staged_at, "2026-11-28T09:30:00.000Z");
  EXPECT_EQ(stored->published_at, "2026-11-28T09:30:00.000Z");
  EXPECT_EQ(stored->detail, "uploaded");
  EXPECT_EQ(mark("datev-000001", ExportBatchState::published).value(), Change::unchanged);
  EXPECT_EQ(booking(ids[0])->booking.exported_in, "datev-000001");

  std::vector<std::string> kinds;
  for (const Event& event : events()) kinds.push_back(event.kind);
  EXPECT_EQ(kinds, (std::vector<std::string>{"booking.recorded", "export_batch.recorded",
                                             "export_batch.staged", "export_batch.published"}));
}

TEST_F(BookingStoreTest, RecordedBatchIsNotPublishedWithoutBeingStaged) {
  ASSERT_TRUE(record_batch(regular_batch("datev"), record_payments(1)));
  EXPECT_FALSE(mark("datev-000001", ExportBatchState::published));
  EXPECT_EQ(batch("datev-000001")->state, ExportBatchState::recorded);
}

TEST_F(BookingStoreTest, PublishedBatchCannotGoBack) {
  const std::vector<std::int64_t> ids = record_payments(1);
  ASSERT_TRUE(record_batch(regular_batch("datev"), ids));
  ASSERT_TRUE(mark("datev-000001", ExportBatchState::staged));
  ASSERT_TRUE(mark("datev-000001", ExportBatchState::published));
  EXPECT_FALSE(mark("datev-000001", ExportBatchState::staged));
  EXPECT_FALSE(mark("datev-000001", ExportBatchState::recorded));
  EXPECT_FALSE(mark("datev-000001", ExportBatchState::discarded));
  EXPECT_EQ(batch("datev-000001")->state, ExportBatchState::published);
  EXPECT_EQ(watermark("datev"), ids[0]);
}

TEST_F(BookingStoreTest, DiscardedBatchStaysDiscarded) {
  ASSERT_TRUE(record_batch(regular_batch("datev"), record_payments(1)));
  ASSERT_TRUE(mark("datev-000001", ExportBatchState::staged));
  ASSERT_TRUE(mark("datev-000001", ExportBatchState::discarded, "operator"));
  EXPECT_EQ(mark("datev-000001", ExportBatchState::discarded).value(), Change::unchanged);
  EXPECT_FALSE(mark("datev-000001", ExportBatchState::staged));
  EXPECT_FALSE(mark("datev-000001", ExportBatchState::published));
  EXPECT_FALSE(mark("datev-000404", ExportBatchState::staged)) << "no such batch";
}

TEST_F(BookingStoreTest, DiscardingTheNewestRegularBatchPutsTheWatermarkBack) {
  const std::vector<std::int64_t> ids = record_payments(4);
  ASSERT_TRUE(record_batch(regular_batch("datev"), {ids[0], ids[1]}));
  ASSERT_TRUE(record_batch(regular_batch("datev"), {ids[2], ids[3]}));
  ASSERT_TRUE(mark("datev-000002", ExportBatchState::staged));
  EXPECT_EQ(mark("datev-000002", ExportBatchState::discarded, "target refused").value(),
            Change::updated);
  EXPECT_EQ(watermark("datev"), ids[1]);
  const std::vector<StoredBooking> again = bookings_after(watermark("datev"));
  EXPECT_EQ(ids_of(again), (std::vector<std::int64_t>{ids[2], ids[3]}));
  for (const StoredBooking& stored : again) EXPECT_EQ(stored.booking.exported_in, "");

  const Result<ExportBatchRecord> retried = record_batch(regular_batch("datev"), ids_of(again));
  ASSERT_TRUE(retried) << retried.error().message;
  EXPECT_EQ(retried->id, "datev-000003");
  EXPECT_EQ(watermark("datev"), ids[3]);
  EXPECT_EQ(booking(ids[2])->booking.exported_in, "datev-000003");
}

TEST_F(BookingStoreTest, DiscardingEveryRegularBatchNewestFirstPutsTheWatermarkToZero) {
  const std::vector<std::int64_t> ids = record_payments(2);
  ASSERT_TRUE(record_batch(regular_batch("datev"), {ids[0]}));
  ASSERT_TRUE(record_batch(regular_batch("datev"), {ids[1]}));
  ASSERT_TRUE(mark("datev-000002", ExportBatchState::discarded));
  ASSERT_TRUE(mark("datev-000001", ExportBatchState::discarded));
  EXPECT_EQ(watermark("datev"), 0);
  EXPECT_EQ(ids_of(bookings_after(0)), ids);
}

TEST_F(BookingStoreTest, DiscardingAnOlderRegularBatchIsRefused) {
  const std::vector<std::int64_t> ids = record_payments(2);
  ASSERT_TRUE(record_batch(regular_batch("datev"), {ids[0]}));
  ASSERT_TRUE(record_batch(regular_batch("datev"), {ids[1]}));
  EXPECT_FALSE(mark("datev-000001", ExportBatchState::discarded));
  EXPECT_EQ(batch("datev-000001")->state, ExportBatchState::recorded);
  EXPECT_EQ(watermark("datev"), ids[1]);
  EXPECT_EQ(booking(ids[0])->booking.exported_in, "datev-000001");
}

TEST_F(BookingStoreTest, DiscardingARepeatLeavesTheWatermark) {
  const std::vector<std::int64_t> ids = record_payments(3);
  ASSERT_TRUE(record_batch(regular_batch("datev"), {ids[0], ids[1]}));
  ASSERT_TRUE(record_batch(repeat_batch("datev"), {ids[0]}));
  ASSERT_TRUE(record_batch(regular_batch("datev"), {ids[2]}));
  EXPECT_EQ(mark("datev-000002", ExportBatchState::discarded).value(), Change::updated)
      << "a repeat moved no watermark, so it may be discarded behind a later batch";
  EXPECT_EQ(watermark("datev"), ids[2]);
  EXPECT_EQ(booking(ids[0])->booking.exported_in, "datev-000001");
}

// --- Listing export batches -------------------------------------------------------------------

TEST_F(BookingStoreTest, UnfinishedBatchesAreTheTargetsRecordedAndStagedOnesOldestFirst) {
  const std::vector<std::int64_t> ids = record_payments(5);
  ASSERT_TRUE(record_batch(regular_batch("datev"), {ids[0]}));  // published
  ASSERT_TRUE(record_batch(regular_batch("datev"), {ids[1]}));  // staged
  ASSERT_TRUE(record_batch(regular_batch("datev"), {ids[2]}));  // recorded
  ASSERT_TRUE(record_batch(repeat_batch("datev"), {ids[0]}));   // discarded
  ASSERT_TRUE(record_batch(regular_batch("lexware"), {ids[3]}));
  ASSERT_TRUE(mark("datev-000001", ExportBatchState::staged));
  ASSERT_TRUE(mark("datev-000001", ExportBatchState::published));
  ASSERT_TRUE(mark("datev-000002", ExportBatchState::staged));
  ASSERT_TRUE(mark("datev-000004", ExportBatchState::discarded));

  const auto unfinished = ask<std::vector<ExportBatchRecord>>(
      [](Reader& r) { return r.unfinished_export_batches("datev"); });
  ASSERT_EQ(unfinished.size(), 2U);
  EXPECT_EQ(unfinished[0].id, "datev-000002");
  EXPECT_EQ(unfinished[0].state, ExportBatchState::staged);
  EXPECT_EQ(unfinished[1].id, "datev-000003");
  EXPECT_EQ(unfinished[1].state, ExportBatchState::recorded);
  EXPECT_TRUE(ask<std::vector<ExportBatchRecord>>([](Reader& r) {
                return r.unfinished_export_batches("sevdesk");
              }).empty());
}

TEST_F(BookingStoreTest, BatchesAreListedNewestFirstByTargetAndLimited) {
  const std::vector<std::int64_t> ids = record_payments(3);
  ASSERT_TRUE(record_batch(regular_batch("datev"), {ids[0]}));
  ASSERT_TRUE(record_batch(regular_batch("datev"), {ids[1]}));
  ASSERT_TRUE(record_batch(regular_batch("lexware"), {ids[0]}));
  ASSERT_TRUE(record_batch(regular_batch("datev"), {ids[2]}));

  std::vector<std::string> listed;
  for (const ExportBatchRecord& record : batches("datev")) listed.push_back(record.id);
  EXPECT_EQ(listed, (std::vector<std::string>{"datev-000003", "datev-000002", "datev-000001"}));
  listed.clear();
  for (const ExportBatchRecord& record : batches("datev", 2)) listed.push_back(record.id);
  EXPECT_EQ(listed, (std::vector<std::string>{"datev-000003", "datev-000002"}));
  listed.clear();
  for (const ExportBatchRecord& record : batches("lexware")) listed.push_back(record.id);
  EXPECT_EQ(listed, std::vector<std::string>{"lexware-000001"});
  EXPECT_EQ(batches("").size(), 4U);
  EXPECT_TRUE(batches("sevdesk").empty());
}

// --- Reading bookings for repeats and for the bookkeeping --------------------------------------

TEST_F(BookingStoreTest, BookingsDatedAreThoseInTheRangeInclusiveUpToAnId) {
  const std::vector<std::int64_t> ids = record_payments(6);  // 2026-11-01 .. 2026-11-06
  const std::int64_t late_but_early_dated = record(payment("allocation:99", "2026-11-03", 500));
  auto dated = [&](std::string_view from, std::string_view to, std::int64_t up_to_id) {
    return ids_of(ask<std::vector<StoredBooking>>(
        [&](Reader& r) { return r.bookings_dated(day(from), day(to), up_to_id); }));
  };
  EXPECT_EQ(dated("2026-11-02", "2026-11-04", ids[5]),
            (std::vector<std::int64_t>{ids[1], ids[2], ids[3]}));
  EXPECT_EQ(dated("2026-11-02", "2026-11-04", ids[2]), (std::vector<std::int64_t>{ids[1], ids[2]}));
  EXPECT_EQ(dated("2026-11-02", "2026-11-04", late_but_early_dated),
            (std::vector<std::int64_t>{ids[1], ids[2], ids[3], late_but_early_dated}));
  EXPECT_EQ(dated("2026-11-06", "2026-11-06", late_but_early_dated),
            std::vector<std::int64_t>{ids[5]});
  EXPECT_TRUE(dated("2026-12-01", "2026-12-31", late_but_early_dated).empty());
}

TEST_F(BookingStoreTest, BookingTotalsSumDebitAndCreditPerAccount) {
  const StoredBooking paid = payment("allocation:1", "2026-11-20", 11900);
  const std::int64_t paid_id = record(paid);
  record(dunning_fee());
  StoredBooking reversal = paid;
  Booking stored_paid = paid.booking;
  stored_paid.id = paid_id;
  reversal.booking = reversal_of(stored_paid, day("2026-11-28"));
  reversal.kind = "reversal";
  reversal.current = false;
  step(*store_, [&](Transaction& tx) {
    ASSERT_TRUE(tx.retire_booking(paid_id));
    ASSERT_TRUE(tx.record_booking(reversal));
  });

  const auto totals = ask<std::vector<AccountTotal>>([](Reader& r) { return r.booking_totals(); });
  ASSERT_EQ(totals.size(), 4U);
  // By account: 10001 (debtor), 1200 (bank), 1776 (tax), 8400 (revenue).
  EXPECT_EQ(totals[0].account, "10001");
  EXPECT_EQ(totals[0].debit, eur(595 + 11900));  // the fee and the reversed payment
  EXPECT_EQ(totals[0].credit, eur(11900));
  EXPECT_EQ(totals[1].account, "1200");
  EXPECT_EQ(totals[1].debit, eur(11900));
  EXPECT_EQ(totals[1].credit, eur(11900));
  EXPECT_EQ(totals[2].account, "1776");
  EXPECT_EQ(totals[2].debit, eur(0));
  EXPECT_EQ(totals[2].credit, eur(95));
  EXPECT_EQ(totals[3].account, "8400");
  EXPECT_EQ(totals[3].debit, eur(0));
  EXPECT_EQ(totals[3].credit, eur(500));
}

TEST_F(BookingStoreTest, NoteKeepsTheExportersLatestAnswerOnABatchThatStaysWhereItIs) {
  ASSERT_TRUE(record_batch(regular_batch("datev"), record_payments(1)));
  step(*store_, [&](Transaction& tx) {
    EXPECT_EQ(tx.note_export_batch("datev-000001", "SFTP refused the login").value(),
              Change::updated);
    EXPECT_EQ(tx.note_export_batch("datev-000001", "SFTP refused the login").value(),
              Change::unchanged);
    EXPECT_FALSE(tx.note_export_batch("datev-000404", "no such batch"));
  });
  const std::optional<ExportBatchRecord> stored = batch("datev-000001");
  EXPECT_EQ(stored->detail, "SFTP refused the login");
  EXPECT_EQ(stored->state, ExportBatchState::recorded);
  EXPECT_EQ(stored->staged_at, "");
  EXPECT_EQ(events().back().kind, "export_batch.noted");
}

}  // namespace
}  // namespace kontor::store
