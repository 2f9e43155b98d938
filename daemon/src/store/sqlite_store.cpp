#include "store/sqlite_store.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "store/event_payload.hpp"
#include "store/migrations.hpp"
#include "store/sqlite_connection.hpp"
#include "store/sqlite_unit_of_work.hpp"

namespace kontor::store {

using sqlite::Connection;
using sqlite::Query;
using sqlite::SqliteError;
using sqlite::UnitOfWork;

std::string_view to_string(Change change) {
  switch (change) {
    case Change::inserted:
      return "inserted";
    case Change::updated:
      return "updated";
    case Change::unchanged:
      return "unchanged";
  }
  return "?";
}

struct SqliteStore::Impl {
  SqliteOptions options;
  std::unique_ptr<Connection> db;
  int schema_version = 0;
  std::mutex mutex;
  // The thread inside a step, so that a nested call is refused instead of deadlocking.
  std::atomic<std::thread::id> step_thread{};

  std::string now() const {
    if (options.clock) return utc_timestamp(options.clock());
    return utc_timestamp(
        std::chrono::floor<std::chrono::microseconds>(std::chrono::system_clock::now()));
  }

  Status run(bool writable, std::string_view actor, std::string_view why,
             const std::function<Status(UnitOfWork&)>& step);
};

namespace {

std::string pragma_text(Connection& db, const char* sql) {
  Query row(db, sql);
  return row.step() ? row->text(0) : std::string();
}

// Clears the step's thread on every way out of a step.
struct StepThread {
  std::atomic<std::thread::id>& slot;
  explicit StepThread(std::atomic<std::thread::id>& s) : slot(s) {
    slot = std::this_thread::get_id();
  }
  ~StepThread() { slot = std::thread::id(); }
};

}  // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(SqliteOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->options = std::move(options);
  const std::string& path = impl->options.path;
  try {
    impl->db = std::make_unique<Connection>(path);
    Connection& db = *impl->db;
    sqlite3_busy_timeout(db.handle(), static_cast<int>(impl->options.busy_timeout.count()));
    const std::string journal = pragma_text(db, "PRAGMA journal_mode = WAL");
    // An in-memory database has no file to keep a write-ahead log in.
    if (journal != "wal" && !(path == ":memory:" && journal == "memory")) {
      return Error{
          fmt::format("database {}: cannot switch to WAL (journal mode is '{}')", path, journal)};
    }
    Query(db, "PRAGMA foreign_keys = ON").run();
    if (pragma_text(db, "PRAGMA foreign_keys") != "1") {
      return Error{fmt::format("database {}: SQLite refuses to enforce foreign keys", path)};
    }
    Query(db, "PRAGMA synchronous = FULL").run();
    Query(db, fmt::format("PRAGMA cache_size = -{}", impl->options.cache_kib)).run();
  } catch (const SqliteError& error) {
    return Error{fmt::format("database {}: {}", path, error.what())};
  }
  Result<int> version = sqlite::migrate(*impl->db, impl->now());
  if (!version) return Error{fmt::format("database {}: {}", path, version.error().message)};
  impl->schema_version = *version;
  return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(impl)));
}

SqliteStore::SqliteStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

SqliteStore::~SqliteStore() = default;

int SqliteStore::schema_version() const {
  return impl_->schema_version;
}

Status SqliteStore::Impl::run(bool writable, std::string_view actor, std::string_view why,
                              const std::function<Status(UnitOfWork&)>& step) {
  if (step_thread.load() == std::this_thread::get_id()) {
    return Error{"a store step cannot start another step: do all of it in one transaction"};
  }
  std::lock_guard<std::mutex> lock(mutex);
  StepThread inside(step_thread);
  try {
    Query(*db, writable ? "BEGIN IMMEDIATE" : "BEGIN").run();
  } catch (const SqliteError& error) {
    return Error{std::string("cannot begin a transaction: ") + error.what()};
  }
  UnitOfWork work(*db, std::string(actor), std::string(why), now(), writable);
  Status result;
  try {
    result = step(work);
  } catch (const std::exception& error) {
    result = Error{std::string("the step failed with an exception: ") + error.what()};
  } catch (...) {
    result = Error{"the step failed with an unknown exception"};
  }
  if (result.ok() && work.failure()) result = *work.failure();
  if (result.ok()) {
    try {
      Query(*db, "COMMIT").run();
      return result;
    } catch (const SqliteError& error) {
      result = Error{std::string("cannot commit the step: ") + error.what()};
    }
  }
  try {
    if (!db->autocommit()) Query(*db, "ROLLBACK").run();
  } catch (const SqliteError& error) {
    return Error{result.error().message + "; rolling back failed too: " + error.what()};
  }
  return result;
}

Status SqliteStore::transact(std::string_view actor, std::string_view why,
                             const std::function<Status(Transaction&)>& step) {
  if (actor.empty()) return Error{"every change needs an actor (engine:<job> or a user name)"};
  return impl_->run(true, actor, why, [&](UnitOfWork& work) { return step(work); });
}

Status SqliteStore::read(const std::function<Status(Reader&)>& query) {
  return impl_->run(false, "reader", "", [&](UnitOfWork& work) { return query(work); });
}

}  // namespace kontor::store
