#include "store/sqlite_connection.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

namespace kontor::store::sqlite {

SqliteError::SqliteError(int code, const std::string& message)
    : std::runtime_error(message), code_(code) {}

bool SqliteError::is_constraint() const {
  return (code_ & 0xff) == SQLITE_CONSTRAINT;
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db), sql_(sql) {
  const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
  if (rc != SQLITE_OK) fail(rc);
}

Statement::~Statement() {
  sqlite3_finalize(stmt_);
}

void Statement::fail(int code) const {
  const int extended = sqlite3_extended_errcode(db_);
  throw SqliteError(extended != 0 ? extended : code,
                    fmt::format("SQLite error {} ({}) in \"{}\"", sqlite3_errmsg(db_),
                                sqlite3_errstr(code), sql_.substr(0, 120)));
}

void Statement::bind_value(int index, std::int64_t value) {
  if (const int rc = sqlite3_bind_int64(stmt_, index, value); rc != SQLITE_OK) fail(rc);
}

void Statement::bind_value(int index, std::string_view value) {
  const int rc =
      sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK) fail(rc);
}

void Statement::bind_value(int index, std::nullopt_t) {
  if (const int rc = sqlite3_bind_null(stmt_, index); rc != SQLITE_OK) fail(rc);
}

void Statement::bind_value(int index, Blob blob) {
  const std::string_view bytes = blob.bytes;
  // A zero-length blob with a null pointer would bind NULL; keep an empty value a value.
  static const char kEmpty = 0;
  const int rc = sqlite3_bind_blob64(stmt_, index, bytes.empty() ? &kEmpty : bytes.data(),
                                     bytes.size(), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) fail(rc);
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(rc);
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

std::string Statement::text(int column) const {
  const auto* data = sqlite3_column_text(stmt_, column);
  const int size = sqlite3_column_bytes(stmt_, column);
  return data == nullptr
             ? std::string()
             : std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size));
}

std::optional<std::string> Statement::optional_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

std::string Statement::blob(int column) const {
  const void* data = sqlite3_column_blob(stmt_, column);
  const int size = sqlite3_column_bytes(stmt_, column);
  return data == nullptr
             ? std::string()
             : std::string(static_cast<const char*>(data), static_cast<std::size_t>(size));
}

Connection::Connection(const std::string& path) {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    const std::string message =
        fmt::format("cannot open database {}: {}", path,
                    db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw SqliteError(rc, message);
  }
  sqlite3_extended_result_codes(db_, 1);
}

Connection::~Connection() {
  cache_.clear();  // statements are finalised before the connection closes
  sqlite3_close_v2(db_);
}

Statement& Connection::cached(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    it = cache_.emplace(std::string(sql), std::make_unique<Statement>(db_, sql)).first;
  }
  return *it->second;
}

void Connection::run_script(std::string_view script) {
  const char* next = script.data();
  const char* end = script.data() + script.size();
  while (next < end) {
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v2(db_, next, static_cast<int>(end - next), &stmt, &tail);
    if (rc != SQLITE_OK) {
      throw SqliteError(sqlite3_extended_errcode(db_),
                        fmt::format("SQLite error {} in migration script", sqlite3_errmsg(db_)));
    }
    next = tail;
    if (stmt == nullptr) continue;  // whitespace or a comment
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) {
      const SqliteError error(sqlite3_extended_errcode(db_),
                              fmt::format("SQLite error {} in migration script at \"{}\"",
                                          sqlite3_errmsg(db_), sqlite3_sql(stmt)));
      sqlite3_finalize(stmt);
      throw error;
    }
    sqlite3_finalize(stmt);
  }
}

std::int64_t Connection::changes() const {
  return sqlite3_changes64(db_);
}

std::int64_t Connection::last_insert_rowid() const {
  return sqlite3_last_insert_rowid(db_);
}

bool Connection::autocommit() const {
  return sqlite3_get_autocommit(db_) != 0;
}

}  // namespace kontor::store::sqlite
