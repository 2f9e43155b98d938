// The changes of the SQLite unit of work to master data, files, notes and plugin state (bank
// statements and allocations have files of their own). Each validates what it was given and what is
// stored before it writes, writes its rows, and appends the event that records the change.
#include <fmt/format.h>

#include <cctype>

#include "kontor/model/sha256.hpp"
#include "store/entity_fields.hpp"
#include "store/sqlite_unit_of_work.hpp"

namespace kontor::store::sqlite {
namespace {

std::optional<std::string> optional_date_text(const std::optional<Date>& date) {
  if (!date) return std::nullopt;
  return date->to_iso();
}

std::optional<std::string> block_reason(const std::optional<DunningBlock>& block) {
  if (!block) return std::nullopt;
  return block->reason;
}

std::optional<std::string> block_until(const std::optional<DunningBlock>& block) {
  if (!block) return std::nullopt;
  return optional_date_text(block->until);
}

bool is_sha256_hex(std::string_view text) {
  if (text.size() != 64) return false;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c)) && (c < 'a' || c > 'f')) return false;
  }
  return true;
}

}  // namespace

UnitOfWork::UnitOfWork(Connection& db, std::string actor, std::string why, std::string now_utc,
                       bool writable)
    : db_(db),
      actor_(std::move(actor)),
      why_(std::move(why)),
      now_(std::move(now_utc)),
      writable_(writable) {}

void UnitOfWork::append_event(std::string_view kind, std::string_view entity_key,
                              std::string payload) {
  Query(db_,
        "INSERT INTO events (at, actor, kind, entity_key, payload, why) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        now_, actor_, kind, entity_key, payload, why_)
      .run();
}

void UnitOfWork::undo_operation() {
  try {
    Query(db_, "ROLLBACK TO kontor_operation").run();
    Query(db_, "RELEASE kontor_operation").run();
  } catch (const SqliteError& error) {
    // SQLite may have rolled back the whole transaction already (disk full, I/O error).
    poison("undoing an operation", error.what());
  }
}

Error UnitOfWork::poison(std::string_view operation, const std::string& what) {
  Error error{std::string(operation) + ": " + what};
  if (!failure_) failure_ = error;
  return error;
}

void UnitOfWork::insert_customer_rows(const Customer& c, bool replacing) {
  std::optional<std::string> delivery;
  if (c.preferred_delivery) delivery = std::string(to_string(*c.preferred_delivery));
  Query(db_,
        "INSERT INTO customers (number, name, street, postcode, city, country, email, "
        "language, kind, preferred_delivery, dunning_block_reason, dunning_block_until) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
        "ON CONFLICT (number) DO UPDATE SET name = ?2, street = ?3, postcode = ?4, city = ?5, "
        "country = ?6, email = ?7, language = ?8, kind = ?9, preferred_delivery = ?10, "
        "dunning_block_reason = ?11, dunning_block_until = ?12",
        c.number, c.name, c.address.street, c.address.postcode, c.address.city, c.address.country,
        c.email, c.language, to_string(c.kind), delivery, block_reason(c.dunning_block),
        block_until(c.dunning_block))
      .run();
  if (replacing) {
    Query(db_, "DELETE FROM customer_ibans WHERE customer_number = ?", c.number).run();
  }
  for (std::size_t k = 0; k < c.ibans.size(); ++k) {
    Query(db_, "INSERT INTO customer_ibans (customer_number, position, iban) VALUES (?, ?, ?)",
          c.number, static_cast<std::int64_t>(k), c.ibans[k].electronic())
        .run();
  }
}

Result<Change> UnitOfWork::upsert_customer(const Customer& c) {
  return write<Change>("customer '" + c.number + "'", [&]() -> Result<Change> {
    if (c.number.empty()) return Error{"a customer needs a number"};
    const std::optional<Customer> existing = load_customer(c.number);
    const Fields after = customer_fields(c);
    if (!existing) {
      insert_customer_rows(c, false);
      append_event("customer.inserted", c.number, JsonObject().add_fields(after).str());
      return Change::inserted;
    }
    const std::string changes = changed_fields_json(customer_fields(*existing), after);
    if (changes.empty()) return Change::unchanged;
    insert_customer_rows(c, true);
    append_event("customer.updated", c.number,
                 JsonObject().add_text("number", c.number).add_json("changes", changes).str());
    return Change::updated;
  });
}

void UnitOfWork::insert_item_rows(const OpenItem& item, std::int64_t open_minor, int dunning_level,
                                  bool replacing) {
  std::optional<std::string> rf;
  if (item.rf_reference) rf = item.rf_reference->electronic();
  std::optional<std::string> skonto_percent;
  std::optional<std::string> skonto_until;
  if (item.skonto) {
    skonto_percent = item.skonto->percent.to_string();
    skonto_until = item.skonto->until.to_iso();
  }
  Query(db_,
        "INSERT INTO open_items (number, customer_number, type, issue_date, due_date, "
        "due_date_agreed, dunning_notice_on_invoice, currency, gross_minor, open_minor, "
        "rf_reference, skonto_percent, skonto_until, dunning_level, dunning_block_reason, "
        "dunning_block_until, refers_to, notice_number, debtor_account, document_path, "
        "settled_externally, settled_externally_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
        "?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, CASE WHEN ?21 THEN ?22 END) "
        "ON CONFLICT (number) DO UPDATE SET customer_number = ?2, type = ?3, issue_date = ?4, "
        "due_date = ?5, due_date_agreed = ?6, dunning_notice_on_invoice = ?7, currency = ?8, "
        "gross_minor = ?9, open_minor = ?10, rf_reference = ?11, skonto_percent = ?12, "
        "skonto_until = ?13, dunning_level = ?14, dunning_block_reason = ?15, "
        "dunning_block_until = ?16, refers_to = ?17, notice_number = ?18, "
        "debtor_account = ?19, document_path = ?20, settled_externally = ?21, "
        // The day it was marked stays when an update finds it marked already.
        "settled_externally_at = CASE WHEN NOT ?21 THEN NULL "
        "WHEN settled_externally THEN settled_externally_at ELSE ?22 END",
        item.number, item.customer_number, to_string(item.type),
        optional_date_text(item.issue_date), item.due_date.to_iso(), item.due_date_agreed,
        item.dunning_notice_on_invoice, item.gross.currency().code(), item.gross.minor_units(),
        open_minor, rf, skonto_percent, skonto_until, dunning_level,
        block_reason(item.dunning_block), block_until(item.dunning_block), item.refers_to,
        item.notice_number, item.debtor_account, item.document_path, item.settled_externally, now_)
      .run();
  if (replacing) Query(db_, "DELETE FROM tax_lines WHERE item_number = ?", item.number).run();
  for (std::size_t k = 0; k < item.tax_lines.size(); ++k) {
    const TaxLine& line = item.tax_lines[k];
    Query(db_,
          "INSERT INTO tax_lines (item_number, position, rate, net_minor, tax_minor, "
          "gross_minor) VALUES (?, ?, ?, ?, ?, ?)",
          item.number, static_cast<std::int64_t>(k), line.rate.to_string(), line.net.minor_units(),
          line.tax.minor_units(), line.gross.minor_units())
        .run();
  }
}

Result<Change> UnitOfWork::upsert_open_item(const OpenItem& item) {
  return write<Change>("open item '" + item.number + "'", [&]() -> Result<Change> {
    if (Status valid = check(item); !valid) return valid.error();
    const std::optional<OpenItem> existing = load_open_item(item.number);
    if (!existing || existing->customer_number != item.customer_number) {
      if (!customer_exists(item.customer_number)) {
        return Error{fmt::format("customer '{}' is not in the store; import the customer first",
                                 item.customer_number)};
      }
    }
    const Fields after = open_item_fields(item);
    if (!existing) {
      insert_item_rows(item, item.gross.minor_units(), item.dunning_level, false);
      append_event("open_item.inserted", item.number,
                   JsonObject()
                       .add_fields(after)
                       .add_text("open", item.gross.format())
                       .add_number("dunning_level", item.dunning_level)
                       .str());
      return Change::inserted;
    }
    const std::string changes = changed_fields_json(open_item_fields(*existing), after);
    if (changes.empty()) return Change::unchanged;

    // What allocations took off the old amount stays taken off; the amount itself may change
    // only while nothing was allocated, or the item would silently lose its history.
    Result<Money> allocated = existing->gross.minus(existing->open);
    if (!allocated) return allocated.error();
    if (existing->gross != item.gross && !allocated->is_zero()) {
      return Error{fmt::format(
          "it has allocations of {}; its amount cannot change from {} to {} (reverse the "
          "allocations first)",
          allocated->to_string(), existing->gross.to_string(), item.gross.to_string())};
    }
    const std::int64_t open_minor =
        existing->gross == item.gross ? existing->open.minor_units() : item.gross.minor_units();
    insert_item_rows(item, open_minor, existing->dunning_level, true);
    append_event("open_item.updated", item.number,
                 JsonObject().add_text("number", item.number).add_json("changes", changes).str());
    return Change::updated;
  });
}

Result<Change> UnitOfWork::record_file(const FileRecord& file) {
  return write<Change>("file '" + file.name + "'", [&]() -> Result<Change> {
    if (!is_sha256_hex(file.sha256)) {
      return Error{"expected the file's SHA-256 as 64 lower-case hex digits, found '" +
                   file.sha256 + "'"};
    }
    Query(db_,
          "INSERT INTO files (sha256, name, size, source, recorded_at) VALUES (?, ?, ?, ?, ?) "
          "ON CONFLICT (sha256) DO NOTHING",
          file.sha256, file.name, file.size, file.source, now_)
        .run();
    if (db_.changes() == 0) return Change::unchanged;
    append_event("file.recorded", file.sha256,
                 JsonObject()
                     .add_text("sha256", file.sha256)
                     .add_text("name", file.name)
                     .add_number("size", file.size)
                     .add_text("source", file.source)
                     .str());
    return Change::inserted;
  });
}

Result<std::int64_t> UnitOfWork::add_note(const Note& note) {
  return write<std::int64_t>("note", [&]() -> Result<std::int64_t> {
    std::string customer = note.customer_number;
    if (!note.item_number.empty()) {
      Query item(db_, "SELECT customer_number FROM open_items WHERE number = ?", note.item_number);
      if (!item.step()) return Error{"open item '" + note.item_number + "' is not in the store"};
      const std::string owner = item->text(0);
      if (!customer.empty() && customer != owner) {
        return Error{fmt::format("open item '{}' belongs to customer '{}', not '{}'",
                                 note.item_number, owner, customer)};
      }
      customer = owner;
    } else if (customer.empty()) {
      return Error{"a note is about a customer or an open item; neither was given"};
    } else if (!customer_exists(customer)) {
      return Error{"customer '" + customer + "' is not in the store"};
    }
    std::optional<std::string> item;
    if (!note.item_number.empty()) item = note.item_number;
    Query(db_,
          "INSERT INTO notes (kind, customer_number, item_number, text, status, recorded_at) "
          "VALUES (?, ?, ?, ?, ?, ?)",
          to_string(note.kind), customer, item, note.text, to_string(note.status), now_)
        .run();
    const std::int64_t id = db_.last_insert_rowid();
    append_event("note.added", note.item_number.empty() ? customer : note.item_number,
                 JsonObject()
                     .add_number("id", id)
                     .add_text("kind", to_string(note.kind))
                     .add_text("customer", customer)
                     .add_text("item", note.item_number)
                     .add_text("text", note.text)
                     .add_text("status", to_string(note.status))
                     .str());
    return id;
  });
}

Result<Change> UnitOfWork::resolve_note(std::int64_t id) {
  return write<Change>("note " + std::to_string(id), [&]() -> Result<Change> {
    std::string status;
    std::string subject;
    {
      Query note(
          db_, "SELECT status, COALESCE(item_number, customer_number) FROM notes WHERE id = ?", id);
      if (!note.step()) return Error{"there is no note " + std::to_string(id)};
      status = note->text(0);
      subject = note->text(1);
    }
    if (status == "resolved") return Change::unchanged;
    Query(db_, "UPDATE notes SET status = 'resolved' WHERE id = ?", id).run();
    append_event("note.resolved", subject, JsonObject().add_number("id", id).str());
    return Change::updated;
  });
}

Result<Change> UnitOfWork::state_put(std::string_view instance, std::string_view key,
                                     std::string_view bytes) {
  return write<Change>(
      fmt::format("state '{}' of plugin instance '{}'", key, instance), [&]() -> Result<Change> {
        if (instance.empty() || key.empty()) {
          return Error{"plugin state needs an instance name and a key"};
        }
        bool existed = false;
        {
          Query row(db_,
                    "SELECT value FROM plugin_state "
                    "WHERE instance = ? AND key = ?",
                    instance, key);
          if (row.step()) {
            existed = true;
            if (row->blob(0) == bytes) return Change::unchanged;
          }
        }
        Query(db_,
              "INSERT INTO plugin_state (instance, key, value, updated_at) "
              "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (instance, key) "
              "DO UPDATE SET value = ?3, updated_at = ?4",
              instance, key, Blob{bytes}, now_)
            .run();
        append_event("plugin_state.put", fmt::format("{}/{}", instance, key),
                     JsonObject()
                         .add_text("instance", instance)
                         .add_text("key", key)
                         .add_number("bytes", static_cast<std::int64_t>(bytes.size()))
                         .add_text("sha256", Sha256::hex_of(bytes))
                         .str());
        return existed ? Change::updated : Change::inserted;
      });
}

Result<Change> UnitOfWork::state_erase(std::string_view instance, std::string_view key) {
  return write<Change>(
      fmt::format("state '{}' of plugin instance '{}'", key, instance), [&]() -> Result<Change> {
        {
          Query row(db_, "SELECT 1 FROM plugin_state WHERE instance = ? AND key = ?", instance,
                    key);
          if (!row.step()) return Change::unchanged;
        }
        Query(db_, "DELETE FROM plugin_state WHERE instance = ? AND key = ?", instance, key).run();
        append_event("plugin_state.erased", fmt::format("{}/{}", instance, key),
                     JsonObject().add_text("instance", instance).add_text("key", key).str());
        return Change::updated;
      });
}

}  // namespace kontor::store::sqlite
