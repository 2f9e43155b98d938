// Bookings and export batches in the SQLite unit of work (issue 14): balanced bookings derived
// from the account model, kept for good; batches recorded before an exporter stages them and
// marked as it stages and publishes them; each target's watermark moved in the step that
// records its batch, so a crash can neither skip a booking nor hand it over twice.
#include <fmt/format.h>

#include <algorithm>

#include "store/event_payload.hpp"
#include "store/sqlite_unit_of_work.hpp"
#include "store/stored_values.hpp"

namespace kontor::store {

std::string_view to_string(ExportBatchState state) {
  switch (state) {
    case ExportBatchState::recorded:
      return "recorded";
    case ExportBatchState::staged:
      return "staged";
    case ExportBatchState::published:
      return "published";
    case ExportBatchState::discarded:
      return "discarded";
  }
  return "recorded";
}

Result<ExportBatchState> parse_export_batch_state(std::string_view text) {
  for (ExportBatchState state : {ExportBatchState::recorded, ExportBatchState::staged,
                                 ExportBatchState::published, ExportBatchState::discarded}) {
    if (to_string(state) == text) return state;
  }
  return Error{
      fmt::format("'{}' is not an export batch state (recorded, staged, published, "
                  "discarded)",
                  text)};
}

}  // namespace kontor::store

namespace kontor::store::sqlite {
namespace {

// A booking's row joined with its lines, one result row per line, by booking and position.
constexpr std::string_view kBookingColumns =
    "SELECT b.id, b.source, b.kind, b.customer_number, b.booking_date, b.document_number, "
    "b.text, b.currency, b.reverses, b.facts, b.due_date, b.current, b.recorded_at, "
    "(SELECT x.batch_id FROM export_batch_bookings x JOIN export_batches e ON e.id = x.batch_id "
    " WHERE x.booking_id = b.id AND e.state <> 'discarded' ORDER BY e.serial LIMIT 1), "
    "l.account, l.side, l.amount_minor, l.tax_key "
    "FROM bookings b JOIN booking_lines l ON l.booking_id = b.id ";

constexpr std::string_view kBookingOrder = " ORDER BY b.id, l.position";

StoredBooking booking_head_from_row(const Statement& row) {
  StoredBooking stored_booking;
  Booking& booking = stored_booking.booking;
  booking.id = row.int64(0);
  stored_booking.source = row.text(1);
  stored_booking.kind = row.text(2);
  stored_booking.customer_number = row.text(3);
  booking.date = stored_date(row.text(4));
  booking.document_number = row.text(5);
  booking.text = row.text(6);
  if (!row.is_null(8)) booking.reverses = row.int64(8);
  booking.facts = stored(parse_booking_facts(row.text(9)), "booking facts");
  booking.due_date = stored_optional_date(row.optional_text(10));
  stored_booking.current = row.int64(11) != 0;
  stored_booking.recorded_at = row.text(12);
  booking.exported_in = row.optional_text(13).value_or("");
  return stored_booking;
}

BookingLine booking_line_from_row(const Statement& row) {
  const Currency currency = stored(Currency::from_code(row.text(7)), "currency");
  const std::string side = row.text(15);
  if (side != "debit" && side != "credit") {
    throw std::runtime_error("stored booking side cannot be read: '" + side + "'");
  }
  return BookingLine{.account = row.text(14),
                     .side = side == "debit" ? BookingSide::debit : BookingSide::credit,
                     .amount = Money(row.int64(16), currency),
                     .tax_key = row.text(17)};
}

// The bookings `rows` (a kBookingColumns query) yields, with their lines.
std::vector<StoredBooking> bookings_from_rows(Query& rows) {
  std::vector<StoredBooking> bookings;
  while (rows.step()) {
    const std::int64_t id = rows->int64(0);
    if (bookings.empty() || bookings.back().booking.id != id) {
      bookings.push_back(booking_head_from_row(rows.statement()));
    }
    bookings.back().booking.lines.push_back(booking_line_from_row(rows.statement()));
  }
  return bookings;
}

constexpr std::string_view kBatchColumns =
    "SELECT id, target, state, repeat, period_from, period_to, booking_count, first_booking, "
    "last_booking, requested_by, detail, recorded_at, staged_at, published_at "
    "FROM export_batches ";

ExportBatchRecord batch_from_row(const Statement& row) {
  return ExportBatchRecord{
      .id = row.text(0),
      .target = row.text(1),
      .state = stored(parse_export_batch_state(row.text(2)), "export batch state"),
      .repeat = row.int64(3) != 0,
      .period_from = stored_date(row.text(4)),
      .period_to = stored_date(row.text(5)),
      .booking_count = row.int64(6),
      .first_booking = row.int64(7),
      .last_booking = row.int64(8),
      .requested_by = row.text(9),
      .detail = row.text(10),
      .recorded_at = row.text(11),
      .staged_at = row.optional_text(12).value_or(""),
      .published_at = row.optional_text(13).value_or(""),
  };
}

std::string_view side_text(BookingSide side) {
  return side == BookingSide::debit ? "debit" : "credit";
}

// The watermark of `target`: 0 before its first regular batch.
std::int64_t watermark_of(Connection& db, std::string_view target) {
  Query row(db, "SELECT watermark FROM export_targets WHERE target = ?", target);
  return row.step() ? row->int64(0) : 0;
}

void set_watermark(Connection& db, std::string_view target, std::int64_t watermark,
                   const std::string& now) {
  Query(db,
        "INSERT INTO export_targets (target, watermark, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT (target) DO UPDATE SET watermark = excluded.watermark, "
        "updated_at = excluded.updated_at",
        target, watermark, now)
      .run();
}

}  // namespace

void UnitOfWork::insert_booking_lines(std::int64_t id, const Booking& booking) {
  int position = 0;
  for (const BookingLine& line : booking.lines) {
    Query(db_,
          "INSERT INTO booking_lines (booking_id, position, account, side, amount_minor, tax_key) "
          "VALUES (?, ?, ?, ?, ?, ?)",
          id, ++position, line.account, side_text(line.side), line.amount.minor_units(),
          line.tax_key)
        .run();
  }
}

// --- Reads -----------------------------------------------------------------------------------

Result<std::vector<StoredBooking>> UnitOfWork::bookings_of_customer(
    std::string_view customer_number) {
  return read<std::vector<StoredBooking>>("bookings of a customer", [&] {
    Query rows(
        db_,
        std::string(kBookingColumns) + "WHERE b.customer_number = ?" + std::string(kBookingOrder),
        customer_number);
    return bookings_from_rows(rows);
  });
}

Result<std::optional<StoredBooking>> UnitOfWork::booking(std::int64_t id) {
  return read<std::optional<StoredBooking>>("booking", [&]() -> std::optional<StoredBooking> {
    Query rows(db_, std::string(kBookingColumns) + "WHERE b.id = ?" + std::string(kBookingOrder),
               id);
    std::vector<StoredBooking> found = bookings_from_rows(rows);
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
  });
}

Result<std::vector<StoredBooking>> UnitOfWork::bookings_after(std::int64_t after_id,
                                                              std::int64_t limit) {
  return read<std::vector<StoredBooking>>("bookings to export", [&] {
    // The limit counts bookings, not lines: the ids are chosen first.
    Query rows(db_,
               std::string(kBookingColumns) +
                   "WHERE b.id IN (SELECT id FROM bookings WHERE id > ? ORDER BY id LIMIT ?)" +
                   std::string(kBookingOrder),
               after_id, limit);
    return bookings_from_rows(rows);
  });
}

Result<std::vector<std::int64_t>> UnitOfWork::booking_ids_after(std::int64_t after_id,
                                                                std::int64_t limit) {
  return read<std::vector<std::int64_t>>("bookings to export", [&] {
    std::vector<std::int64_t> ids;
    Query rows(db_, "SELECT id FROM bookings WHERE id > ? ORDER BY id LIMIT ?", after_id, limit);
    while (rows.step()) ids.push_back(rows->int64(0));
    return ids;
  });
}

Result<std::vector<StoredBooking>> UnitOfWork::bookings_of_batch(std::string_view batch_id) {
  return read<std::vector<StoredBooking>>("bookings of an export batch", [&] {
    Query rows(db_,
               std::string(kBookingColumns) +
                   "WHERE b.id IN (SELECT booking_id FROM export_batch_bookings "
                   "WHERE batch_id = ?)" +
                   std::string(kBookingOrder),
               batch_id);
    return bookings_from_rows(rows);
  });
}

Result<std::vector<StoredBooking>> UnitOfWork::bookings_dated(const Date& from, const Date& to,
                                                              std::int64_t up_to_id) {
  return read<std::vector<StoredBooking>>("bookings of a period", [&] {
    Query rows(db_,
               std::string(kBookingColumns) + "WHERE b.booking_date BETWEEN ? AND ? AND b.id <= ?" +
                   std::string(kBookingOrder),
               from.to_iso(), to.to_iso(), up_to_id);
    return bookings_from_rows(rows);
  });
}

Result<std::vector<AccountTotal>> UnitOfWork::booking_totals() {
  return read<std::vector<AccountTotal>>("booking totals", [&] {
    std::vector<AccountTotal> totals;
    Query rows(db_,
               "SELECT l.account, b.currency, "
               "SUM(CASE WHEN l.side = 'debit' THEN l.amount_minor ELSE 0 END), "
               "SUM(CASE WHEN l.side = 'credit' THEN l.amount_minor ELSE 0 END) "
               "FROM booking_lines l JOIN bookings b ON b.id = l.booking_id "
               "GROUP BY l.account, b.currency ORDER BY l.account, b.currency");
    while (rows.step()) {
      const Currency currency = stored(Currency::from_code(rows->text(1)), "currency");
      totals.push_back(AccountTotal{.account = rows->text(0),
                                    .debit = Money(rows->int64(2), currency),
                                    .credit = Money(rows->int64(3), currency)});
    }
    return totals;
  });
}

Result<std::int64_t> UnitOfWork::export_watermark(std::string_view target) {
  return read<std::int64_t>("export watermark", [&] { return watermark_of(db_, target); });
}

Result<std::optional<ExportBatchRecord>> UnitOfWork::export_batch(std::string_view id) {
  return read<std::optional<ExportBatchRecord>>(
      "export batch", [&]() -> std::optional<ExportBatchRecord> {
        Query row(db_, std::string(kBatchColumns) + "WHERE id = ?", id);
        if (!row.step()) return std::nullopt;
        return batch_from_row(row.statement());
      });
}

Result<std::vector<ExportBatchRecord>> UnitOfWork::export_batches(const ExportBatchQuery& query) {
  return read<std::vector<ExportBatchRecord>>("export batches", [&] {
    std::vector<ExportBatchRecord> batches;
    Query rows(
        db_,
        std::string(kBatchColumns) + "WHERE (? = '' OR target = ?) ORDER BY serial DESC LIMIT ?",
        query.target, query.target, query.limit);
    while (rows.step()) batches.push_back(batch_from_row(rows.statement()));
    return batches;
  });
}

Result<std::vector<ExportBatchRecord>> UnitOfWork::unfinished_export_batches(
    std::string_view target) {
  return read<std::vector<ExportBatchRecord>>("unfinished export batches", [&] {
    std::vector<ExportBatchRecord> batches;
    Query rows(db_,
               std::string(kBatchColumns) +
                   "WHERE target = ? AND state IN ('recorded', 'staged') ORDER BY sequence",
               target);
    while (rows.step()) batches.push_back(batch_from_row(rows.statement()));
    return batches;
  });
}

// --- Writes ----------------------------------------------------------------------------------

Result<std::int64_t> UnitOfWork::record_booking(const StoredBooking& stored_booking) {
  const Booking& booking = stored_booking.booking;
  return write<std::int64_t>(
      fmt::format("booking of {}", stored_booking.source), [&]() -> Result<std::int64_t> {
        if (Status balanced = check_balanced(booking); !balanced) return balanced.error();
        if (stored_booking.source.empty()) return Error{"a booking needs the event it books"};
        if (booking.reverses) {
          Query reversed(db_, "SELECT 1 FROM bookings WHERE id = ?", *booking.reverses);
          if (!reversed.step()) {
            return Error{fmt::format("there is no booking {} to reverse", *booking.reverses)};
          }
        }
        Query(db_,
              "INSERT INTO bookings (source, kind, customer_number, booking_date, "
              "document_number, text, currency, reverses, facts, due_date, current, recorded_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              stored_booking.source, stored_booking.kind, stored_booking.customer_number,
              booking.date.to_iso(), booking.document_number, booking.text,
              booking.lines.front().amount.currency().code(), booking.reverses,
              to_string(booking.facts),
              booking.due_date ? std::optional<std::string>(booking.due_date->to_iso())
                               : std::nullopt,
              stored_booking.current, now_)
            .run();
        const std::int64_t id = db_.last_insert_rowid();
        insert_booking_lines(id, booking);
        // One event per booking: the audit trail shows what was booked and from what. The lines
        // themselves stay in booking_lines, which nothing changes after export.
        append_event("booking.recorded", std::to_string(id),
                     JsonObject()
                         .add_text("source", stored_booking.source)
                         .add_text("kind", stored_booking.kind)
                         .add_text("date", booking.date.to_iso())
                         .add_text("document_number", booking.document_number)
                         .str());
        return id;
      });
}

Result<Change> UnitOfWork::amend_booking(std::int64_t id, const Booking& amended) {
  return write<Change>(fmt::format("amendment of booking {}", id), [&]() -> Result<Change> {
    Result<std::optional<StoredBooking>> found = booking(id);
    if (!found) return found.error();
    if (!*found) return Error{fmt::format("there is no booking {}", id)};
    const Booking& before = (*found)->booking;
    if (Status amendable = check_amendable(before); !amendable) return amendable.error();
    if (Status balanced = check_balanced(amended); !balanced) return balanced.error();
    if (before.date == amended.date && before.document_number == amended.document_number &&
        before.text == amended.text && before.lines == amended.lines &&
        before.facts == amended.facts && before.due_date == amended.due_date) {
      return Change::unchanged;
    }
    Query(db_,
          "UPDATE bookings SET booking_date = ?, document_number = ?, text = ?, currency = ?, "
          "facts = ?, due_date = ?, amended_at = ? WHERE id = ?",
          amended.date.to_iso(), amended.document_number, amended.text,
          amended.lines.front().amount.currency().code(), to_string(amended.facts),
          amended.due_date ? std::optional<std::string>(amended.due_date->to_iso()) : std::nullopt,
          now_, id)
        .run();
    Query(db_, "DELETE FROM booking_lines WHERE booking_id = ?", id).run();
    insert_booking_lines(id, amended);
    append_event("booking.amended", std::to_string(id),
                 JsonObject()
                     .add_text("date_before", before.date.to_iso())
                     .add_text("date", amended.date.to_iso())
                     .add_text("document_number", amended.document_number)
                     .str());
    return Change::updated;
  });
}

Result<Change> UnitOfWork::retire_booking(std::int64_t id) {
  return write<Change>(fmt::format("retirement of booking {}", id), [&]() -> Result<Change> {
    Query row(db_, "SELECT current FROM bookings WHERE id = ?", id);
    if (!row.step()) return Error{fmt::format("there is no booking {}", id)};
    if (row->int64(0) == 0) return Change::unchanged;
    Query(db_, "UPDATE bookings SET current = 0 WHERE id = ?", id).run();
    append_event("booking.retired", std::to_string(id), JsonObject().str());
    return Change::updated;
  });
}

Result<ExportBatchRecord> UnitOfWork::record_export_batch(
    const ExportBatchRecord& batch, const std::vector<std::int64_t>& booking_ids) {
  return write<ExportBatchRecord>(
      fmt::format("export batch to '{}'", batch.target), [&]() -> Result<ExportBatchRecord> {
        if (batch.target.empty()) return Error{"an export batch needs a target"};
        if (booking_ids.empty()) return Error{"an export batch carries at least one booking"};
        std::int64_t sequence = 1;
        {
          Query last(db_, "SELECT COALESCE(MAX(sequence), 0) FROM export_batches WHERE target = ?",
                     batch.target);
          if (last.step()) sequence = last->int64(0) + 1;
        }
        // The id names the target and counts its batches: the exporter's idempotency key and,
        // for DATEV, part of the file names.
        const std::string id =
            batch.id.empty() ? fmt::format("{}-{:06d}", batch.target, sequence) : batch.id;
        {
          Query taken(db_, "SELECT 1 FROM export_batches WHERE id = ?", id);
          if (taken.step()) return Error{fmt::format("export batch '{}' exists", id)};
        }
        const std::int64_t watermark = watermark_of(db_, batch.target);
        const auto [lowest, highest] = std::minmax_element(booking_ids.begin(), booking_ids.end());
        if (!batch.repeat && *lowest <= watermark) {
          return Error{fmt::format(
              "booking {} is at or below the watermark {} of target '{}': it was exported there "
              "(a repeat says so)",
              *lowest, watermark, batch.target)};
        }
        Query(db_,
              "INSERT INTO export_batches (id, target, sequence, serial, state, repeat, "
              "period_from, period_to, booking_count, first_booking, last_booking, "
              "watermark_before, requested_by, recorded_at) "
              "VALUES (?, ?, ?, (SELECT COALESCE(MAX(serial), 0) + 1 FROM export_batches), "
              "'recorded', ?, '', '', 0, ?, ?, ?, ?, ?)",
              id, batch.target, sequence, batch.repeat, *lowest, *highest, watermark,
              batch.requested_by, now_)
            .run();
        for (std::int64_t booking : booking_ids) {
          Query exists(db_, "SELECT 1 FROM bookings WHERE id = ?", booking);
          if (!exists.step()) return Error{fmt::format("there is no booking {}", booking)};
          Query(db_, "INSERT INTO export_batch_bookings (batch_id, booking_id) VALUES (?, ?)", id,
                booking)
              .run();
        }
        Query(db_,
              "UPDATE export_batches SET "
              "booking_count = (SELECT COUNT(*) FROM export_batch_bookings WHERE batch_id = ?1), "
              "period_from = (SELECT MIN(b.booking_date) FROM bookings b JOIN "
              "  export_batch_bookings x ON x.booking_id = b.id WHERE x.batch_id = ?1), "
              "period_to = (SELECT MAX(b.booking_date) FROM bookings b JOIN "
              "  export_batch_bookings x ON x.booking_id = b.id WHERE x.batch_id = ?1) "
              "WHERE id = ?1",
              id)
            .run();
        if (!batch.repeat) set_watermark(db_, batch.target, *highest, now_);
        append_event("export_batch.recorded", id,
                     JsonObject()
                         .add_text("target", batch.target)
                         .add_number("bookings", static_cast<std::int64_t>(booking_ids.size()))
                         .add_number("first_booking", *lowest)
                         .add_number("last_booking", *highest)
                         .add_text("repeat", batch.repeat ? "yes" : "no")
                         .str());
        Query row(db_, std::string(kBatchColumns) + "WHERE id = ?", id);
        row.step();
        return batch_from_row(row.statement());
      });
}

Result<Change> UnitOfWork::mark_export_batch(std::string_view id, ExportBatchState state,
                                             std::string_view detail) {
  return write<Change>(fmt::format("export batch '{}'", id), [&]() -> Result<Change> {
    Query row(db_,
              "SELECT target, state, repeat, watermark_before, last_booking FROM export_batches "
              "WHERE id = ?",
              id);
    if (!row.step()) return Error{fmt::format("there is no export batch '{}'", id)};
    const std::string target = row->text(0);
    const ExportBatchState before =
        stored(parse_export_batch_state(row->text(1)), "export batch state");
    const bool repeat = row->int64(2) != 0;
    const std::int64_t watermark_before = row->int64(3);
    const std::int64_t last_booking = row->int64(4);
    if (before == state) return Change::unchanged;
    const bool allowed =
        (before == ExportBatchState::recorded && state != ExportBatchState::published) ||
        (before == ExportBatchState::staged &&
         (state == ExportBatchState::published || state == ExportBatchState::discarded));
    if (!allowed) {
      return Error{fmt::format("export batch '{}' is {}; it cannot become {}", id,
                               to_string(before), to_string(state))};
    }
    if (state == ExportBatchState::discarded && !repeat) {
      // Its bookings must go out again: only the newest regular batch can give them back
      // without leaving a hole behind a later one.
      if (watermark_of(db_, target) != last_booking) {
        return Error{fmt::format(
            "export batch '{}' is not the newest of target '{}'; discard the later ones first", id,
            target)};
      }
      set_watermark(db_, target, watermark_before, now_);
    }
    Query(db_,
          "UPDATE export_batches SET state = ?, detail = ?, "
          "staged_at = CASE WHEN ? = 'staged' THEN ? ELSE staged_at END, "
          "published_at = CASE WHEN ? = 'published' THEN ? ELSE published_at END WHERE id = ?",
          to_string(state), detail, to_string(state), now_, to_string(state), now_, id)
        .run();
    append_event(
        "export_batch." + std::string(to_string(state)), id,
        JsonObject().add_text("state_before", to_string(before)).add_text("detail", detail).str());
    return Change::updated;
  });
}

Result<Change> UnitOfWork::note_export_batch(std::string_view id, std::string_view detail) {
  return write<Change>(fmt::format("export batch '{}'", id), [&]() -> Result<Change> {
    Query row(db_, "SELECT detail FROM export_batches WHERE id = ?", id);
    if (!row.step()) return Error{fmt::format("there is no export batch '{}'", id)};
    if (row->text(0) == detail) return Change::unchanged;
    Query(db_, "UPDATE export_batches SET detail = ? WHERE id = ?", detail, id).run();
    append_event("export_batch.noted", id, JsonObject().add_text("detail", detail).str());
    return Change::updated;
  });
}

}  // namespace kontor::store::sqlite
