// Crash safety: a process killed (SIGKILL) in the middle of a large step leaves either all or
// nothing of that step, and a database that passes SQLite's integrity check.
//
// Deterministic by pipe handshakes: the child tells the parent where it is, then waits on a
// pipe the parent never writes, so the kill always lands at that point. No sleeps.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "store/sqlite_store.hpp"
#include "store/store_test_support.hpp"

namespace kontor::store {
namespace {

using namespace testing;

constexpr int kStepItems = 200000;

std::string item_number(int i) {
  return "BIG-" + std::to_string(1000000 + i);
}

std::int64_t count(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  std::int64_t value = -1;
  if (sqlite3_step(stmt) == SQLITE_ROW) value = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return value;
}

std::string integrity(const std::string& path) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, nullptr), SQLITE_OK);
  std::string result;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    result += reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return result;
}

enum class KillPoint { in_the_middle_of_the_step, after_the_commit };

// The child: opens the database, writes kStepItems items in ONE step, and at `point` tells the
// parent ("m" or "c") and blocks until it is killed. Never returns.
[[noreturn]] void run_child(const std::string& path, KillPoint point, int tell_parent,
                            int wait_for_parent) {
  auto wait_to_be_killed = [&](char where) {
    if (write(tell_parent, &where, 1) != 1) _exit(10);
    char never = 0;
    (void)!read(wait_for_parent, &never, 1);
    _exit(11);  // only if the parent died first
  };
  Result<std::unique_ptr<SqliteStore>> store = SqliteStore::open(options_for(path));
  if (!store) _exit(12);
  Status status =
      (*store)->transact("engine:crash-test", "one large step", [&](Transaction& tx) -> Status {
        for (int i = 0; i < kStepItems; ++i) {
          if (point == KillPoint::in_the_middle_of_the_step && i == kStepItems / 2) {
            wait_to_be_killed('m');
          }
          Result<Change> change = tx.upsert_open_item(invoice(item_number(i), "K-1", 100 + i));
          if (!change) return change.error();
        }
        return {};
      });
  if (!status) _exit(13);
  wait_to_be_killed('c');
  _exit(14);
}

struct KilledChild {
  char reported = 0;
  std::uintmax_t wal_bytes_at_kill = 0;
};

KilledChild run_and_kill(const std::string& path, KillPoint point) {
  int to_parent[2];
  int to_child[2];
  EXPECT_EQ(pipe(to_parent), 0);
  EXPECT_EQ(pipe(to_child), 0);
  const pid_t pid = fork();
  if (pid == 0) {
    close(to_parent[0]);
    close(to_child[1]);
    run_child(path, point, to_parent[1], to_child[0]);
  }
  close(to_parent[1]);
  close(to_child[0]);
  KilledChild killed;
  EXPECT_EQ(read(to_parent[0], &killed.reported, 1), 1) << "the child died before reporting";
  std::error_code ignored;
  killed.wal_bytes_at_kill = std::filesystem::file_size(path + "-wal", ignored);
  EXPECT_EQ(kill(pid, SIGKILL), 0);
  int wait_status = 0;
  EXPECT_EQ(waitpid(pid, &wait_status, 0), pid);
  EXPECT_TRUE(WIFSIGNALED(wait_status) && WTERMSIG(wait_status) == SIGKILL);
  close(to_parent[0]);
  close(to_child[1]);
  return killed;
}

class CrashSafety : public ::testing::Test {
 protected:
  void SetUp() override {
    // A committed step before the crash: it must survive whatever happens after it.
    auto store = open_store(path_);
    ASSERT_TRUE(store);
    step(*store, [](Transaction& tx) {
      ASSERT_TRUE(tx.upsert_customer(customer("K-1")));
      ASSERT_TRUE(tx.upsert_open_item(invoice("RE-before", "K-1", 4200)));
    });
  }  // closed again: no connection is carried across fork()

  ScratchDirectory dir_;
  std::string path_ = dir_.file("kontor.db");
};

TEST_F(CrashSafety, KilledInTheMiddleOfALargeStepLeavesNothingOfIt) {
  const KilledChild killed = run_and_kill(path_, KillPoint::in_the_middle_of_the_step);
  ASSERT_EQ(killed.reported, 'm');
  // Half the step was written, and SQLite had spilled part of it into the WAL on disk: the
  // kill hit a real half-done write, not an empty transaction.
  EXPECT_GT(killed.wal_bytes_at_kill, 1'000'000U);

  EXPECT_EQ(integrity(path_), "ok");
  EXPECT_EQ(count(path_, "SELECT COUNT(*) FROM open_items WHERE number LIKE 'BIG-%'"), 0);
  EXPECT_EQ(count(path_, "SELECT COUNT(*) FROM events WHERE actor = 'engine:crash-test'"), 0);
  auto store = open_store(path_);
  ASSERT_TRUE(store);
  Status read = store->read([](Reader& r) -> Status {
    EXPECT_EQ(r.open_amount("RE-before")->value(), eur(4200));
    return {};
  });
  EXPECT_TRUE(read);
}

TEST_F(CrashSafety, KilledAfterTheCommitKeepsAllOfTheStep) {
  const KilledChild killed = run_and_kill(path_, KillPoint::after_the_commit);
  ASSERT_EQ(killed.reported, 'c');

  EXPECT_EQ(integrity(path_), "ok");
  EXPECT_EQ(count(path_, "SELECT COUNT(*) FROM open_items WHERE number LIKE 'BIG-%'"), kStepItems);
  EXPECT_EQ(count(path_, "SELECT COUNT(*) FROM events WHERE actor = 'engine:crash-test'"),
            kStepItems);
  auto store = open_store(path_);
  ASSERT_TRUE(store);
  Status read = store->read([](Reader& r) -> Status {
    EXPECT_EQ(r.open_amount(item_number(kStepItems - 1))->value(), eur(100 + kStepItems - 1));
    EXPECT_EQ(r.open_amount("RE-before")->value(), eur(4200));
    return {};
  });
  EXPECT_TRUE(read);
}

}  // namespace
}  // namespace kontor::store
