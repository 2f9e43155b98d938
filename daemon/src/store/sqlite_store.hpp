// SqliteStore: the embedded Store — one SQLite file in the state directory, or ":memory:" for
// offline dry runs (`kontorctl match`) and tests.
//
// Opening sets journal_mode=WAL (readers never block the writer; a crash loses no committed
// step), foreign_keys=ON, synchronous=FULL (a committed step survives power loss) and a busy
// timeout for other processes (kontorctl) holding the file, then applies the schema
// migrations (migrations.hpp). All access goes through prepared statements, cached for the
// connection's lifetime.
//
// Two connections to a file, each guarded by a mutex that is held for a whole step. Every
// transact() runs on the write connection: steps from several threads run one after the other,
// which is what "one engine step, one transaction" needs anyway. Every read() runs on the read
// connection (query_only, opened after the migrations), so the admin API and other readers go
// on while a long step holds the writer; reads from several threads take turns on it. A read
// sees one WAL snapshot: every step committed before the read began, none of a step still open.
// ":memory:" has one connection for both (a second one would be another, empty database), so
// there a read waits for the step in progress, as before.
//
// A step cannot start another step of the same store on its own thread (refused, not a
// deadlock); steps of different threads may overlap, a read beside a write.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "kontor/result.hpp"
#include "store/store.hpp"

namespace kontor::store {

struct SqliteOptions {
  std::string path = ":memory:";
  std::chrono::milliseconds busy_timeout{5000};
  // SQLite's page cache. A large step (an ERP file of a million items) writes its pages to the
  // WAL early and reads them back when the cache is small; 64 MiB keeps a step in memory.
  std::int64_t cache_kib = 65536;
  // The read connection's page cache: reads are short queries, not whole imports.
  std::int64_t read_cache_kib = 8192;
  // Where event times come from; the system clock when empty. Tests and `--now` inject one.
  std::function<std::chrono::sys_time<std::chrono::microseconds>()> clock;
};

class SqliteStore final : public Store {
 public:
  static Result<std::unique_ptr<SqliteStore>> open(SqliteOptions options);
  ~SqliteStore() override;

  Status transact(std::string_view actor, std::string_view why,
                  const std::function<Status(Transaction&)>& step) override;
  Status read(const std::function<Status(Reader&)>& query) override;

  int schema_version() const;

 private:
  struct Impl;
  explicit SqliteStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kontor::store
