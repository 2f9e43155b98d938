// Dunning records and blocks in the SQLite unit of work: what the dunning engine has done per
// invoice, and the blocks account managers set on customers and items.
#include <fmt/format.h>

#include "store/event_payload.hpp"
#include "store/sqlite_unit_of_work.hpp"
#include "store/stored_values.hpp"

namespace kontor::store::sqlite {
namespace {

constexpr std::string_view kItemDunningColumns =
    "SELECT item_number, level, last_notice, first_reminded_on, first_by_letter, "
    "last_reminded_on, interest_through, flat_fee_charged FROM item_dunning ";

ItemDunning item_dunning_from_row(const Statement& row) {
  return ItemDunning{.item_number = row.text(0),
                     .level = static_cast<int>(row.int64(1)),
                     .last_notice = row.text(2),
                     .first_reminded_on = stored_optional_date(row.optional_text(3)),
                     .first_by_letter = row.int64(4) != 0,
                     .last_reminded_on = stored_optional_date(row.optional_text(5)),
                     .interest_through = stored_optional_date(row.optional_text(6)),
                     .flat_fee_charged = row.int64(7) != 0};
}

std::optional<std::string> iso_of(const std::optional<Date>& day) {
  if (!day) return std::nullopt;
  return day->to_iso();
}

}  // namespace

Result<std::vector<ItemDunning>> UnitOfWork::item_dunning_records() {
  return read<std::vector<ItemDunning>>("dunning records", [&] {
    std::vector<ItemDunning> out;
    Query rows(db_, std::string(kItemDunningColumns) + "ORDER BY item_number");
    while (rows.step()) out.push_back(item_dunning_from_row(rows.statement()));
    return out;
  });
}

Result<std::optional<ItemDunning>> UnitOfWork::item_dunning(std::string_view item_number) {
  return read<std::optional<ItemDunning>>("dunning record", [&]() -> std::optional<ItemDunning> {
    Query row(db_, std::string(kItemDunningColumns) + "WHERE item_number = ?", item_number);
    if (!row.step()) return std::nullopt;
    return item_dunning_from_row(row.statement());
  });
}

Result<Change> UnitOfWork::record_item_dunning(const ItemDunning& record) {
  return write<Change>(
      fmt::format("dunning record of item '{}'", record.item_number), [&]() -> Result<Change> {
        if (record.level < 0) return Error{fmt::format("dunning level {}", record.level)};
        {
          Query item(db_, "SELECT 1 FROM open_items WHERE number = ?", record.item_number);
          if (!item.step()) {
            return Error{fmt::format("item '{}' is not in the store", record.item_number)};
          }
        }
        Query before(db_, std::string(kItemDunningColumns) + "WHERE item_number = ?",
                     record.item_number);
        const bool existed = before.step();
        if (existed && item_dunning_from_row(before.statement()) == record) {
          return Change::unchanged;
        }
        Query(db_,
              "INSERT INTO item_dunning (item_number, level, last_notice, first_reminded_on, "
              "first_by_letter, last_reminded_on, interest_through, flat_fee_charged, "
              "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
              "ON CONFLICT (item_number) DO UPDATE SET level = ?2, last_notice = ?3, "
              "first_reminded_on = ?4, first_by_letter = ?5, last_reminded_on = ?6, "
              "interest_through = ?7, flat_fee_charged = ?8, updated_at = ?9",
              record.item_number, record.level, record.last_notice,
              iso_of(record.first_reminded_on), record.first_by_letter,
              iso_of(record.last_reminded_on), iso_of(record.interest_through),
              record.flat_fee_charged, now_)
            .run();
        Query(db_, "UPDATE open_items SET dunning_level = ? WHERE number = ?", record.level,
              record.item_number)
            .run();
        JsonObject payload;
        payload.add_number("level", record.level).add_text("notice", record.last_notice);
        if (record.interest_through) {
          payload.add_text("interest_through", record.interest_through->to_iso());
        }
        payload.add_number("flat_fee_charged", record.flat_fee_charged ? 1 : 0);
        append_event("item.dunning", record.item_number, payload.str());
        return existed ? Change::updated : Change::inserted;
      });
}

Result<std::vector<ManualDunningBlock>> UnitOfWork::manual_dunning_blocks() {
  return read<std::vector<ManualDunningBlock>>("dunning blocks", [&] {
    std::vector<ManualDunningBlock> out;
    Query rows(db_,
               "SELECT customer_number, item_number, reason, until, set_by, set_at "
               "FROM dunning_blocks WHERE lifted_at IS NULL ORDER BY customer_number, "
               "item_number");
    while (rows.step()) {
      out.push_back(ManualDunningBlock{.customer_number = rows->text(0),
                                       .item_number = rows->text(1),
                                       .reason = rows->text(2),
                                       .until = stored_optional_date(rows->optional_text(3)),
                                       .set_by = rows->text(4),
                                       .set_at = rows->text(5)});
    }
    return out;
  });
}

Result<Change> UnitOfWork::set_dunning_block(const ManualDunningBlock& block) {
  const std::string subject = block.item_number.empty()
                                  ? fmt::format("customer '{}'", block.customer_number)
                                  : fmt::format("item '{}'", block.item_number);
  return write<Change>("dunning block on " + subject, [&]() -> Result<Change> {
    if (block.reason.empty()) return Error{"a dunning block needs a reason"};
    std::string customer = block.customer_number;
    if (!block.item_number.empty()) {
      Query item(db_, "SELECT customer_number FROM open_items WHERE number = ?", block.item_number);
      if (!item.step())
        return Error{fmt::format("item '{}' is not in the store", block.item_number)};
      customer = item->text(0);
      if (!block.customer_number.empty() && block.customer_number != customer) {
        return Error{fmt::format("item '{}' belongs to customer '{}', not '{}'", block.item_number,
                                 customer, block.customer_number)};
      }
    } else if (!customer_exists(customer)) {
      return Error{fmt::format("customer '{}' is not in the store", customer)};
    }
    Query existing(db_,
                   "SELECT reason, until FROM dunning_blocks WHERE customer_number = ? AND "
                   "item_number = ? AND lifted_at IS NULL",
                   customer, block.item_number);
    const bool existed = existing.step();
    if (existed && existing->text(0) == block.reason &&
        existing->optional_text(1) == iso_of(block.until)) {
      return Change::unchanged;
    }
    if (existed) {
      Query(db_,
            "UPDATE dunning_blocks SET lifted_at = ? WHERE customer_number = ? AND "
            "item_number = ? AND lifted_at IS NULL",
            now_, customer, block.item_number)
          .run();
    }
    Query(db_,
          "INSERT INTO dunning_blocks (customer_number, item_number, reason, until, set_by, "
          "set_at) VALUES (?, ?, ?, ?, ?, ?)",
          customer, block.item_number, block.reason, iso_of(block.until), actor_, now_)
        .run();
    JsonObject payload;
    payload.add_text("customer", customer).add_text("reason", block.reason);
    if (!block.item_number.empty()) payload.add_text("item", block.item_number);
    if (block.until) payload.add_text("until", block.until->to_iso());
    append_event("dunning.blocked", block.item_number.empty() ? customer : block.item_number,
                 payload.str());
    return existed ? Change::updated : Change::inserted;
  });
}

Result<Change> UnitOfWork::lift_dunning_block(std::string_view customer_number,
                                              std::string_view item_number) {
  return write<Change>(
      fmt::format("lifting the dunning block on '{}'",
                  item_number.empty() ? customer_number : item_number),
      [&]() -> Result<Change> {
        std::string customer(customer_number);
        if (!item_number.empty()) {
          Query item(db_, "SELECT customer_number FROM open_items WHERE number = ?", item_number);
          if (!item.step()) return Error{fmt::format("item '{}' is not in the store", item_number)};
          customer = item->text(0);
        }
        Query(db_,
              "UPDATE dunning_blocks SET lifted_at = ? WHERE customer_number = ? AND "
              "item_number = ? AND lifted_at IS NULL",
              now_, customer, item_number)
            .run();
        if (db_.changes() == 0) return Change::unchanged;
        JsonObject payload;
        payload.add_text("customer", customer);
        if (!item_number.empty()) payload.add_text("item", item_number);
        append_event("dunning.unblocked", item_number.empty() ? customer : std::string(item_number),
                     payload.str());
        return Change::updated;
      });
}

}  // namespace kontor::store::sqlite
