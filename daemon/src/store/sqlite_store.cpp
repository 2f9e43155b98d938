#include "store/sqlite_store.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <mutex>
#include <vector>

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
  // Every write; every read too when there is no `reader`.
  std::unique_ptr<Connection> db;
  std::mutex mutex;  // held for a whole step on `db`
  // Reads of a file database (query_only); null for ":memory:".
  std::unique_ptr<Connection> reader;
  std::mutex read_mutex;  // held for a whole read on `reader`
  int schema_version = 0;

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

// The stores (their Impl) this thread is inside a step of, so that a nested step is refused
// instead of deadlocking on the mutex it holds (or, on the read connection, reading beside the
// step's own uncommitted writes). Per thread: a reader and a writer may be inside at once.
thread_local std::vector<const void*> stores_in_step;

bool in_step(const void* store) {
  return std::find(stores_in_step.begin(), stores_in_step.end(), store) != stores_in_step.end();
}

// Records this thread as inside a step of `store`, until every way out of the step.
class InsideStep {
 public:
  explicit InsideStep(const void* store) : store_(store) { stores_in_step.push_back(store); }
  ~InsideStep() {
    stores_in_step.erase(std::find(stores_in_step.begin(), stores_in_step.end(), store_));
  }
  InsideStep(const InsideStep&) = delete;
  InsideStep& operator=(const InsideStep&) = delete;

 private:
  const void* store_;
};

// A second connection to the same database only when it is a file: ":memory:" (and "", a
// private temporary database) would give the reader another, empty database.
bool has_file(const std::string& path) {
  return !path.empty() && path != ":memory:";
}

// The read connection, opened after the migrations so it never sees a schema half-way.
std::unique_ptr<Connection> open_reader(const SqliteOptions& options) {
  auto reader = std::make_unique<Connection>(options.path);
  sqlite3_busy_timeout(reader->handle(), static_cast<int>(options.busy_timeout.count()));
  Query(*reader, "PRAGMA query_only = ON").run();
  if (pragma_text(*reader, "PRAGMA query_only") != "1") {
    throw SqliteError(SQLITE_ERROR, "the read connection refuses query_only");
  }
  // WAL is a property of the file, set by the write connection; without it reads would wait.
  if (const std::string journal = pragma_text(*reader, "PRAGMA journal_mode"); journal != "wal") {
    throw SqliteError(SQLITE_ERROR,
                      fmt::format("the read connection is not in WAL mode ('{}')", journal));
  }
  Query(*reader, fmt::format("PRAGMA cache_size = -{}", options.read_cache_kib)).run();
  return reader;
}

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
  if (has_file(path)) {
    try {
      impl->reader = open_reader(impl->options);
    } catch (const SqliteError& error) {
      return Error{fmt::format("database {}: {}", path, error.what())};
    }
  }
  return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(impl)));
}

SqliteStore::SqliteStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

SqliteStore::~SqliteStore() = default;

int SqliteStore::schema_version() const {
  return impl_->schema_version;
}

Status SqliteStore::Impl::run(bool writable, std::string_view actor, std::string_view why,
                              const std::function<Status(UnitOfWork&)>& step) {
  if (in_step(this)) {
    return Error{"a store step cannot start another step: do all of it in one transaction"};
  }
  const bool on_reader = !writable && reader != nullptr;
  Connection& connection = on_reader ? *reader : *db;
  std::lock_guard<std::mutex> lock(on_reader ? read_mutex : mutex);
  InsideStep inside(this);
  try {
    Query(connection, writable ? "BEGIN IMMEDIATE" : "BEGIN").run();
  } catch (const SqliteError& error) {
    return Error{std::string("cannot begin a transaction: ") + error.what()};
  }
  UnitOfWork work(connection, std::string(actor), std::string(why), now(), writable);
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
      Query(connection, "COMMIT").run();
      return result;
    } catch (const SqliteError& error) {
      result = Error{std::string("cannot commit the step: ") + error.what()};
    }
  }
  try {
    if (!connection.autocommit()) Query(connection, "ROLLBACK").run();
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
