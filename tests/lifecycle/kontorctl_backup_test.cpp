// `kontorctl backup` beside a running kontord, as a nightly timer would call it: the store is
// open in WAL mode by the daemon, the copy is taken anyway, verified, private, and never written
// over an earlier backup by accident.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>

#include "support/child_process.hpp"
#include "support/notify_socket.hpp"
#include "support/temp_dir.hpp"

namespace kontor::testing {
namespace {

using ::testing::HasSubstr;

class KontorctlBackup : public ::testing::Test {
 protected:
  void SetUp() override {
    ChildOptions options;
    options.argv = {(binary_dir() / "daemon/kontord").string(), "--config", config_.string()};
    options.output_dir = dir_ / "kontord";
    std::filesystem::create_directories(options.output_dir);
    options.set_env = {{"NOTIFY_SOCKET", notify_.path().string()}};
    options.unset_env = {"JOURNAL_STREAM", "WATCHDOG_USEC", "WATCHDOG_PID"};
    daemon_ = std::make_unique<ChildProcess>(std::move(options));
    ASSERT_TRUE(notify_.wait_for("READY=1")) << daemon_->err();
  }

  void TearDown() override {
    daemon_->signal(SIGTERM);
    EXPECT_EQ(daemon_->wait(), 0) << daemon_->err();
  }

  Completed backup(std::vector<std::string> args) {
    ChildOptions options;
    options.argv = {(binary_dir() / "daemon/kontorctl").string(), "--config", config_.string(),
                    "backup"};
    options.argv.insert(options.argv.end(), args.begin(), args.end());
    options.output_dir = dir_ / ("kontorctl-" + std::to_string(++calls_));
    std::filesystem::create_directories(options.output_dir);
    return run_to_end(std::move(options));
  }

  TempDir dir_;
  std::filesystem::path config_ =
      dir_.write("kontor.yaml", "daemon:\n  state_dir: " + (dir_ / "state").string() +
                                    "\n  plugin_dir: " + (binary_dir() / "plugins").string() +
                                    "\ncompany:\n  legal_name: Muster GmbH\n  address: {street: "
                                    "Hauptstr. 1, postcode: '50667', city: Köln, country: DE}\n"
                                    "  timezone: Europe/Berlin\n");
  NotifySocket notify_{dir_ / "notify.sock"};
  std::unique_ptr<ChildProcess> daemon_;
  int calls_ = 0;
};

TEST_F(KontorctlBackup, CopiesTheStoreOfARunningKontordIntoAPrivateVerifiedFile) {
  const std::string dest = (dir_ / "kontor-backup.db").string();
  const Completed done = backup({dest});
  ASSERT_EQ(done.status, 0) << done.err;
  EXPECT_THAT(done.out, HasSubstr(dest + ": "));
  EXPECT_THAT(done.out, HasSubstr("integrity check ok"));
  EXPECT_THAT(done.out, HasSubstr("copy of " + (dir_ / "state/kontor.db").string()));
  struct stat status {};
  ASSERT_EQ(::stat(dest.c_str(), &status), 0);
  EXPECT_EQ(status.st_mode & 0777, 0600);
  EXPECT_FALSE(std::filesystem::exists(dest + ".partial"));
}

TEST_F(KontorctlBackup, KeepsAnEarlierBackupUnlessForced) {
  const std::string dest = (dir_ / "kontor-backup.db").string();
  ASSERT_EQ(backup({dest}).status, 0);
  const Completed again = backup({dest});
  EXPECT_EQ(again.status, 1);
  EXPECT_THAT(again.err, HasSubstr("exists (--force replaces it)"));
  const Completed forced = backup({dest, "--force"});
  EXPECT_EQ(forced.status, 0) << forced.err;
}

}  // namespace
}  // namespace kontor::testing
