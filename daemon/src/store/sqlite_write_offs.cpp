// Write-offs in the SQLite unit of work (issue 16): an item written off by an account manager —
// finally uncollectible, or doubtful — and a payment that comes in on it afterwards (a
// recovery). Each is an allocation (so the item's open amount moves as with any other) plus a
// write_offs row with what the bookkeeping needs: the kind that decides the VAT correction, the
// day, and for a recovery the write-off it takes back.
#include <fmt/format.h>

#include "store/event_payload.hpp"
#include "store/sqlite_unit_of_work.hpp"
#include "store/stored_values.hpp"

namespace kontor::store {

std::string_view to_string(WriteOffKind kind) {
  return kind == WriteOffKind::doubtful ? "doubtful" : "uncollectible";
}

Result<WriteOffKind> parse_write_off_kind(std::string_view text) {
  if (text == "uncollectible") return WriteOffKind::uncollectible;
  if (text == "doubtful") return WriteOffKind::doubtful;
  return Error{fmt::format("'{}' is not a write-off kind (uncollectible, doubtful)", text)};
}

}  // namespace kontor::store

namespace kontor::store::sqlite {
namespace {

constexpr std::string_view kWriteOffColumns =
    "SELECT w.allocation_id, w.item_number, a.amount_minor, a.currency, w.kind, w.reason, "
    "w.dated, w.recovers, w.recorded_at FROM write_offs w "
    "JOIN allocations a ON a.id = w.allocation_id ";

WriteOff write_off_from_row(const Statement& row) {
  const Currency currency = stored(Currency::from_code(row.text(3)), "currency");
  WriteOff write_off{.allocation_id = row.int64(0),
                     .item_number = row.text(1),
                     .amount = Money(row.int64(2), currency),
                     .kind = stored(parse_write_off_kind(row.text(4)), "write-off kind"),
                     .reason = row.text(5),
                     .dated = stored(Date::parse_iso(row.text(6)), "write-off day"),
                     .recovers = std::nullopt,
                     .recorded_at = row.text(8)};
  if (!row.is_null(7)) write_off.recovers = row.int64(7);
  return write_off;
}

}  // namespace

Result<std::optional<WriteOff>> UnitOfWork::write_off(std::int64_t allocation_id) {
  return read<std::optional<WriteOff>>("write-off", [&]() -> std::optional<WriteOff> {
    Query row(db_, std::string(kWriteOffColumns) + "WHERE w.allocation_id = ?", allocation_id);
    if (!row.step()) return std::nullopt;
    return write_off_from_row(row.statement());
  });
}

Result<std::vector<WriteOff>> UnitOfWork::write_offs_of_item(std::string_view item_number) {
  return read<std::vector<WriteOff>>("write-offs of item", [&] {
    std::vector<WriteOff> found;
    Query rows(db_,
               std::string(kWriteOffColumns) + "WHERE w.item_number = ? ORDER BY w.allocation_id",
               item_number);
    while (rows.step()) found.push_back(write_off_from_row(rows.statement()));
    return found;
  });
}

Result<std::vector<WriteOff>> UnitOfWork::write_offs_dated(const Date& from, const Date& to) {
  return read<std::vector<WriteOff>>("write-offs by day", [&] {
    std::vector<WriteOff> found;
    Query rows(db_,
               std::string(kWriteOffColumns) +
                   "WHERE w.dated BETWEEN ? AND ? ORDER BY w.dated, w.allocation_id",
               from.to_iso(), to.to_iso());
    while (rows.step()) found.push_back(write_off_from_row(rows.statement()));
    return found;
  });
}

Result<std::int64_t> UnitOfWork::record_write_off(const WriteOff& write_off) {
  return write<std::int64_t>(
      "write-off of '" + write_off.item_number + "'", [&]() -> Result<std::int64_t> {
        Allocation allocation{.id = 0,
                              .transaction = "",
                              .item_number = write_off.item_number,
                              .amount = write_off.amount,
                              .method = AllocationMethod::write_off,
                              .confidence_permille = 1000,
                              .evidence = write_off.reason,
                              .reverses = std::nullopt};
        if (write_off.recovers) {
          if (!write_off.amount.is_negative()) {
            return Error{"a recovery takes back part of a write-off: its amount is negative"};
          }
          Query recovered(db_,
                          "SELECT w.item_number, w.kind, a.amount_minor, w.recovers, "
                          "(SELECT COALESCE(SUM(r.amount_minor), 0) FROM write_offs x "
                          " JOIN allocations r ON r.id = x.allocation_id "
                          " WHERE x.recovers = w.allocation_id), "
                          "(SELECT 1 FROM allocations u WHERE u.reverses = w.allocation_id) "
                          "FROM write_offs w JOIN allocations a ON a.id = w.allocation_id "
                          "WHERE w.allocation_id = ?",
                          *write_off.recovers);
          if (!recovered.step() || !recovered->is_null(3)) {
            return Error{
                fmt::format("allocation {} is no write-off to recover from", *write_off.recovers)};
          }
          if (recovered->text(0) != write_off.item_number) {
            return Error{fmt::format("write-off {} is of item '{}', not '{}'", *write_off.recovers,
                                     recovered->text(0), write_off.item_number)};
          }
          if (!recovered->is_null(5)) {
            return Error{fmt::format("write-off {} was undone", *write_off.recovers)};
          }
          if (recovered->text(1) != to_string(write_off.kind)) {
            return Error{fmt::format("a recovery keeps the kind of write-off {} ({})",
                                     *write_off.recovers, recovered->text(1))};
          }
          const std::int64_t still = recovered->int64(2) + recovered->int64(4);
          if (-write_off.amount.minor_units() > still) {
            return Error{fmt::format(
                "write-off {} has {} still written off; {} cannot be recovered from it",
                *write_off.recovers, Money(still, write_off.amount.currency()).to_string(),
                write_off.amount.negated().value().to_string())};
          }
          allocation.method = AllocationMethod::write_off_recovery;
        } else if (!write_off.amount.is_positive()) {
          return Error{"a write-off's amount is positive"};
        }
        if (write_off.reason.empty()) return Error{"a write-off needs its reason"};
        Result<std::int64_t> id = insert_allocation(allocation);
        if (!id) return id.error();
        Query(db_,
              "INSERT INTO write_offs (allocation_id, item_number, kind, reason, dated, "
              "recovers, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
              *id, write_off.item_number, to_string(write_off.kind), write_off.reason,
              write_off.dated.to_iso(), write_off.recovers, now_)
            .run();
        JsonObject payload;
        payload.add_number("allocation", *id)
            .add_text("kind", to_string(write_off.kind))
            .add_text("amount", write_off.amount.format())
            .add_text("dated", write_off.dated.to_iso())
            .add_text("reason", write_off.reason);
        if (write_off.recovers) payload.add_number("recovers", *write_off.recovers);
        append_event(write_off.recovers ? "write_off.recovered" : "write_off.recorded",
                     write_off.item_number, payload.str());
        return *id;
      });
}

}  // namespace kontor::store::sqlite
