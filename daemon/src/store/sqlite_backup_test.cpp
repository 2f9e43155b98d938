// The operator's backup: a verified, private, atomically placed copy of a store that kontord
// keeps writing to while it is taken.
#include "store/sqlite_backup.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "store/migrations.hpp"
#include "store/store_test_support.hpp"

namespace kontor::store {
namespace {

using namespace testing;

std::string query_text(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  std::string out;
  if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0) != nullptr) {
    out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

std::string contents(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

class BackupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = open_store(source_);
    ASSERT_TRUE(store_);
    // Enough customers for the database to span many pages, so the copy takes many steps.
    step(*store_, [&](Transaction& tx) {
      for (int i = 0; i < 400; ++i) {
        ASSERT_TRUE(tx.upsert_customer(customer(std::to_string(10000 + i))));
      }
    });
  }

  ScratchDirectory directory_;
  std::string source_ = directory_.file("kontor.db");
  std::string dest_ = directory_.file("backup.db");
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(BackupTest, CopiesAStoreThatKontordWritesToBetweenSteps) {
  int steps = 0;
  BackupOptions options;
  options.pages_per_step = 1;
  options.between_steps = [&] {
    if (++steps == 2) {
      step(*store_, [&](Transaction& tx) { ASSERT_TRUE(tx.upsert_customer(customer("LATE"))); });
    }
  };
  auto facts = backup_database(source_, dest_, options);
  ASSERT_TRUE(facts) << facts.error().message;

  EXPECT_GT(steps, 2);
  EXPECT_EQ(query_text(dest_, "PRAGMA integrity_check"), "ok");
  // The write between steps made SQLite start over: the copy is the store as it is now.
  EXPECT_EQ(query_text(dest_, "SELECT COUNT(*) FROM customers"), "401");
  EXPECT_EQ(query_text(dest_, "SELECT number FROM customers WHERE number = 'LATE'"), "LATE");
  EXPECT_EQ(facts->schema_version, sqlite::migrations().back().version);
  EXPECT_GT(facts->pages, 1);
  EXPECT_EQ(facts->bytes, std::filesystem::file_size(dest_));
  EXPECT_FALSE(std::filesystem::exists(dest_ + ".partial"));
}

TEST_F(BackupTest, CopyIsOnePrivateFileOutsideWalMode) {
  auto facts = backup_database(source_, dest_);
  ASSERT_TRUE(facts) << facts.error().message;
  struct stat status {};
  ASSERT_EQ(::stat(dest_.c_str(), &status), 0);
  EXPECT_EQ(status.st_mode & 0777, 0600);
  EXPECT_EQ(query_text(dest_, "PRAGMA journal_mode"), "delete");
  EXPECT_FALSE(std::filesystem::exists(dest_ + "-wal"));
}

TEST_F(BackupTest, LeavesAnExistingDestinationAloneWithoutForce) {
  std::ofstream(dest_) << "yesterday's backup";
  auto refused = backup_database(source_, dest_);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("exists"), std::string::npos);
  EXPECT_EQ(contents(dest_), "yesterday's backup");

  BackupOptions force;
  force.force = true;
  auto replaced = backup_database(source_, dest_, force);
  ASSERT_TRUE(replaced) << replaced.error().message;
  EXPECT_EQ(query_text(dest_, "SELECT COUNT(*) FROM customers"), "400");
}

TEST_F(BackupTest, NamesAStoreThatDoesNotExist) {
  auto missing = backup_database(directory_.file("nowhere.db"), dest_);
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("no store"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dest_));
}

TEST_F(BackupTest, RemovesAnInterruptedCopyLeftBehind) {
  std::ofstream(dest_ + ".partial") << "half a database";
  auto facts = backup_database(source_, dest_);
  ASSERT_TRUE(facts) << facts.error().message;
  EXPECT_FALSE(std::filesystem::exists(dest_ + ".partial"));
  EXPECT_EQ(query_text(dest_, "PRAGMA integrity_check"), "ok");
}

}  // namespace
}  // namespace kontor::store
