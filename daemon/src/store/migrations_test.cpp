#include "store/migrations.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/store_test_support.hpp"

namespace kontor::store {
namespace {

using testing::open_store;
using testing::options_for;
using testing::ScratchDirectory;

std::string query_text(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  std::string out;
  if (sqlite3_step(stmt) == SQLITE_ROW) {
    out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

// "1,2,...": every version this build knows, as schema_migrations lists them.
std::string known_versions() {
  std::string versions;
  for (const sqlite::Migration& migration : sqlite::migrations()) {
    versions += (versions.empty() ? "" : ",") + std::to_string(migration.version);
  }
  return versions;
}

TEST(Migrations, AreNumberedInOrderWithoutGaps) {
  int expected = 1;
  for (const sqlite::Migration& migration : sqlite::migrations()) {
    EXPECT_EQ(migration.version, expected++);
    EXPECT_FALSE(migration.name.empty());
  }
}

TEST(Migrations, AppliedAtOpenAndRecorded) {
  ScratchDirectory dir;
  const std::string path = dir.file("kontor.db");
  {
    auto store = open_store(path);
    ASSERT_TRUE(store);
    EXPECT_EQ(store->schema_version(), static_cast<int>(sqlite::migrations().size()));
  }
  EXPECT_EQ(query_text(path, "SELECT group_concat(version) FROM schema_migrations"),
            known_versions());
  EXPECT_EQ(query_text(path, "SELECT applied_at FROM schema_migrations"),
            "2026-11-28T09:30:00.000Z");
}

TEST(Migrations, ReopeningAppliesNothingTwiceAndKeepsData) {
  ScratchDirectory dir;
  const std::string path = dir.file("kontor.db");
  {
    auto store = open_store(path);
    ASSERT_TRUE(store);
    testing::step(
        *store, [](Transaction& tx) { EXPECT_TRUE(tx.upsert_customer(testing::customer("K-1"))); });
  }
  auto store = open_store(path);
  ASSERT_TRUE(store);
  EXPECT_EQ(query_text(path, "SELECT COUNT(*) FROM schema_migrations"),
            std::to_string(sqlite::migrations().size()));
  Status read = store->read([](Reader& reader) -> Status {
    EXPECT_TRUE(reader.customer("K-1")->has_value());
    return {};
  });
  EXPECT_TRUE(read);
}

TEST(SqliteStore, FileDatabaseRunsInWalMode) {
  ScratchDirectory dir;
  const std::string path = dir.file("kontor.db");
  auto store = open_store(path);
  ASSERT_TRUE(store);
  EXPECT_EQ(query_text(path, "PRAGMA journal_mode"), "wal");
}

TEST(MigrationsRefuse, DatabaseOfANewerKontor) {
  ScratchDirectory dir;
  const std::string path = dir.file("kontor.db");
  { ASSERT_TRUE(open_store(path)); }
  query_text(path, "INSERT INTO schema_migrations VALUES (99, 'from the future', 'x')");
  Result<std::unique_ptr<SqliteStore>> store = SqliteStore::open(options_for(path));
  ASSERT_FALSE(store);
  const std::string expected = "schema version 99, newer than this Kontor knows (" +
                               std::to_string(sqlite::migrations().back().version) + ")";
  EXPECT_NE(store.error().message.find(expected), std::string::npos) << store.error().message;
}

TEST(SqliteStoreRefuses, FileItCannotOpen) {
  Result<std::unique_ptr<SqliteStore>> store =
      SqliteStore::open(options_for("/nonexistent-directory/kontor.db"));
  ASSERT_FALSE(store);
  EXPECT_NE(store.error().message.find("/nonexistent-directory/kontor.db"), std::string::npos);
}

}  // namespace
}  // namespace kontor::store
