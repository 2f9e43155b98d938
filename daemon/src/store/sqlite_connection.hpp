// Thin RAII layer over the SQLite C API for the store's own use: one connection, its prepared
// statements cached for the connection's lifetime, values bound by position.
//
// Failures throw SqliteError. That exception stays inside the store: the unit of work turns it
// into an Error before anything leaves the store layer.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace kontor::store::sqlite {

class SqliteError : public std::runtime_error {
 public:
  SqliteError(int code, const std::string& message);
  int code() const { return code_; }  // extended result code
  // A constraint of the schema refused a write; the connection and transaction are intact.
  bool is_constraint() const;

 private:
  int code_;
};

// Bytes bound as a BLOB rather than as text (plugin state).
struct Blob {
  std::string_view bytes;
};

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  void bind_value(int index, std::int64_t value);
  void bind_value(int index, int value) { bind_value(index, std::int64_t{value}); }
  void bind_value(int index, bool value) { bind_value(index, std::int64_t{value ? 1 : 0}); }
  void bind_value(int index, std::string_view value);
  void bind_value(int index, const std::string& value) {
    bind_value(index, std::string_view(value));
  }
  void bind_value(int index, const char* value) { bind_value(index, std::string_view(value)); }
  void bind_value(int index, std::nullopt_t);
  template <typename T>
  void bind_value(int index, const std::optional<T>& value) {
    if (value) {
      bind_value(index, *value);
    } else {
      bind_value(index, std::nullopt);
    }
  }
  void bind_value(int index, Blob blob);

  // True when a row is available, false when done.
  bool step();
  // Ready for the next use: reset, bindings cleared.
  void reset();

  bool is_null(int column) const;
  std::int64_t int64(int column) const;
  std::string text(int column) const;
  std::optional<std::string> optional_text(int column) const;
  std::string blob(int column) const;

 private:
  [[noreturn]] void fail(int code) const;

  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string sql_;
};

class Connection {
 public:
  // Opens (creating if needed) `path`; ":memory:" is a private in-memory database.
  explicit Connection(const std::string& path);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // The prepared statement for `sql`, prepared on first use and kept. `sql` must be one
  // statement and should be a literal: the cache is keyed by its text.
  Statement& cached(std::string_view sql);
  // Runs every statement of `script` once (schema migrations), each prepared in turn.
  void run_script(std::string_view script);

  std::int64_t changes() const;
  std::int64_t last_insert_rowid() const;
  // False while a transaction is open; SQLite rolls back on some errors by itself.
  bool autocommit() const;
  sqlite3* handle() const { return db_; }

 private:
  // Looked up by string_view, so a hot path does not allocate to find its statement.
  struct SqlHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view sql) const {
      return std::hash<std::string_view>{}(sql);
    }
  };

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, std::unique_ptr<Statement>, SqlHash, std::equal_to<>> cache_;
};

// A cached statement for one use: binds its arguments, and on leaving the scope is reset so
// the next use starts clean.
class Query {
 public:
  template <typename... Args>
  Query(Connection& connection, std::string_view sql, const Args&... args)
      : statement_(connection.cached(sql)) {
    int index = 0;
    (statement_.bind_value(++index, args), ...);
  }
  ~Query() { statement_.reset(); }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;

  bool step() { return statement_.step(); }
  // Steps a statement that returns no rows.
  void run() { statement_.step(); }
  Statement* operator->() { return &statement_; }
  Statement& statement() { return statement_; }

 private:
  Statement& statement_;
};

}  // namespace kontor::store::sqlite
