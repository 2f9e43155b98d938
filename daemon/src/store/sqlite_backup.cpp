#include "store/sqlite_backup.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <system_error>

namespace kontor::store {
namespace {

namespace fs = std::filesystem;

struct CloseDatabase {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Database = std::unique_ptr<sqlite3, CloseDatabase>;

// kontord holds its write lock only for one short transaction; waiting this long for it means
// something else is wrong, and the operator should hear about it rather than wait.
constexpr int kBusyTimeoutMs = 5000;
constexpr int kBusyRetries = 100;
constexpr int kBusyPauseMs = 50;

Result<Database> open_database(const std::string& path, int flags) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Database db(raw);
  if (rc != SQLITE_OK) {
    return Error{path + ": " + (raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc))};
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);
  return db;
}

// The first column of the first row of `sql` as text ("" without a row), or SQLite's complaint.
Result<std::string> first_text(sqlite3* db, const char* sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
    return Error{sqlite3_errmsg(db)};
  }
  const int rc = sqlite3_step(stmt);
  std::string text;
  if (rc == SQLITE_ROW && sqlite3_column_text(stmt, 0) != nullptr) {
    text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  }
  sqlite3_finalize(stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return Error{sqlite3_errstr(rc)};
  return text;
}

Result<std::int64_t> schema_version(sqlite3* db, const std::string& which) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", -1, &stmt,
                         nullptr) != SQLITE_OK) {
    return Error{which + " has no schema version: " + sqlite3_errmsg(db)};
  }
  const int rc = sqlite3_step(stmt);
  const std::int64_t version = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
  sqlite3_finalize(stmt);
  if (rc != SQLITE_ROW) return Error{which + " has no schema version: " + sqlite3_errstr(rc)};
  return version;
}

std::string system_error(const fs::path& path) {
  return path.string() + ": " + std::strerror(errno);
}

// The empty file SQLite then writes into: created by us so its mode is 0600, not SQLite's 0644.
Status create_private_file(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return Error{system_error(path)};
  ::close(fd);
  return {};
}

// fsync of a file, or of a directory so that a rename in it survives a crash.
Status sync_path(const fs::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return Error{system_error(path)};
  const bool synced = ::fsync(fd) == 0;
  const std::string failure = synced ? std::string() : system_error(path);
  ::close(fd);
  if (!synced) return Error{failure};
  return {};
}

// A leftover of an interrupted backup is ours to remove: nobody else writes DEST.partial.
void remove_partial(const fs::path& partial) {
  std::error_code ignored;
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) {
    fs::remove(partial.string() + suffix, ignored);
  }
}

Result<std::int64_t> copy_pages(sqlite3* from, sqlite3* to, const BackupOptions& options) {
  sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
  if (backup == nullptr) return Error{sqlite3_errmsg(to)};
  int rc = SQLITE_OK;
  int busy = 0;
  while (true) {
    rc = sqlite3_backup_step(backup, options.pages_per_step);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
      if (++busy > kBusyRetries) break;
      sqlite3_sleep(kBusyPauseMs);
      continue;
    }
    if (rc != SQLITE_OK) break;
    if (options.between_steps) options.between_steps();
  }
  const std::int64_t pages = sqlite3_backup_pagecount(backup);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) return Error{std::string("copying pages: ") + sqlite3_errstr(rc)};
  return pages;
}

// Copies into `partial` and checks the copy; on success `partial` is complete and synced.
Result<BackupFacts> copy_and_verify(const std::string& source, const fs::path& partial,
                                    const BackupOptions& options) {
  if (Status created = create_private_file(partial); !created) return created.error();
  auto from = open_database(source, SQLITE_OPEN_READONLY);
  if (!from) return from.error();
  auto to = open_database(partial.string(), SQLITE_OPEN_READWRITE);
  if (!to) return to.error();
  auto pages = copy_pages(from->get(), to->get(), options);
  if (!pages) return Error{source + ": " + pages.error().message};
  auto source_version = schema_version(from->get(), source);
  if (!source_version) return source_version.error();

  // One self-contained file: a WAL-mode copy would need -wal and -shm beside it to be read, and
  // write access to create them. kontord switches a restored store back to WAL when it opens it.
  auto journal = first_text(to->get(), "PRAGMA journal_mode = DELETE");
  if (!journal || *journal != "delete") {
    return Error{partial.string() + ": cannot leave WAL mode" +
                 (journal ? "" : ": " + journal.error().message)};
  }
  auto integrity = first_text(to->get(), "PRAGMA integrity_check");
  if (!integrity || *integrity != "ok") {
    return Error{partial.string() + ": integrity check failed: " +
                 (integrity ? *integrity : integrity.error().message)};
  }
  auto copy_version = schema_version(to->get(), partial.string());
  if (!copy_version) return copy_version.error();
  if (*copy_version != *source_version) {
    return Error{partial.string() + ": schema version " + std::to_string(*copy_version) +
                 ", the store's is " + std::to_string(*source_version)};
  }
  to = Database();  // closed before the sync, so every page SQLite buffered is in the file
  if (Status synced = sync_path(partial, O_RDONLY); !synced) return synced.error();
  return BackupFacts{.bytes = 0, .schema_version = *copy_version, .pages = *pages};
}

// Moves the checked copy into place. Without force, link() refuses an existing DEST atomically,
// so a file that appeared since the first check is not overwritten either.
Status publish(const fs::path& partial, const fs::path& dest, bool force) {
  if (force) {
    if (::rename(partial.c_str(), dest.c_str()) != 0) return Error{system_error(dest)};
  } else {
    if (::link(partial.c_str(), dest.c_str()) != 0) {
      return Error{errno == EEXIST ? dest.string() + " exists (--force replaces it)"
                                   : system_error(dest)};
    }
    ::unlink(partial.c_str());
  }
  const fs::path directory = dest.has_parent_path() ? dest.parent_path() : fs::path(".");
  return sync_path(directory, O_RDONLY | O_DIRECTORY);
}

}  // namespace

Result<BackupFacts> backup_database(const std::string& source, const fs::path& dest,
                                    const BackupOptions& options) {
  if (source.empty() || source == ":memory:") {
    return Error{"the store is in memory; there is no file to back up"};
  }
  std::error_code error;
  if (!fs::is_regular_file(source, error)) return Error{"no store at " + source};
  if (!options.force && fs::exists(dest, error)) {
    return Error{dest.string() + " exists (--force replaces it)"};
  }
  const fs::path partial = dest.string() + ".partial";
  remove_partial(partial);
  Result<BackupFacts> facts = copy_and_verify(source, partial, options);
  if (facts) {
    if (Status published = publish(partial, dest, options.force); !published) {
      facts = published.error();
    }
  }
  remove_partial(partial);
  if (!facts) return facts;
  BackupFacts written = *facts;
  written.bytes = fs::file_size(dest, error);
  return written;
}

}  // namespace kontor::store
