// kontord as systemd runs it: a process with $NOTIFY_SOCKET, started, reloaded and stopped by
// signals. The test plays systemd's part with a datagram socket of its own.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>

#include <fstream>

#include "support/child_process.hpp"
#include "support/notify_socket.hpp"
#include "support/temp_dir.hpp"

namespace kontor::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

std::string config_text(const TempDir& dir, const std::string& log_level = "info") {
  return "daemon:\n"
         "  state_dir: " +
         dir.path().string() +
         "/state\n"
         "  plugin_dir: " +
         (binary_dir() / "plugins").string() +
         "\n"
         "  log_level: " +
         log_level +
         "\n"
         "company:\n"
         "  legal_name: Muster GmbH\n"
         "  address: {street: Hauptstr. 1, postcode: '50667', city: Köln, country: DE}\n"
         "  timezone: Europe/Berlin\n";
}

class DaemonLifecycle : public ::testing::Test {
 protected:
  std::unique_ptr<ChildProcess> start(std::vector<std::string> extra_args = {},
                                      std::map<std::string, std::string> env = {}) {
    std::vector<std::string> argv = {(binary_dir() / "daemon/kontord").string(), "--config",
                                     config_.string()};
    argv.insert(argv.end(), extra_args.begin(), extra_args.end());
    env["NOTIFY_SOCKET"] = notify_.path().string();
    ChildOptions options;
    options.argv = std::move(argv);
    options.output_dir = dir_.path();
    options.set_env = std::move(env);
    options.unset_env = {"JOURNAL_STREAM", "WATCHDOG_USEC", "WATCHDOG_PID"};
    return std::make_unique<ChildProcess>(std::move(options));
  }

  // Runs kontord or kontorctl with `args` to the end.
  Completed run(const std::string& tool, std::vector<std::string> args) {
    ChildOptions options;
    options.argv = {(binary_dir() / "daemon" / tool).string()};
    options.argv.insert(options.argv.end(), args.begin(), args.end());
    options.output_dir = dir_.path();
    return run_to_end(std::move(options));
  }

  TempDir dir_;
  std::filesystem::path config_ = dir_.write("kontor.yaml", config_text(dir_));
  NotifySocket notify_{dir_ / "notify.sock"};
};

TEST_F(DaemonLifecycle, AnnouncesReadyWithAStatusLineAndStopsCleanlyOnSigterm) {
  auto daemon = start();
  auto ready = notify_.wait_for("READY=1");
  ASSERT_TRUE(ready) << daemon->err();
  EXPECT_THAT(*ready, HasSubstr("STATUS=ready: 0 jobs (0 scheduled), 0 instances; configuration "));
  daemon->signal(SIGTERM);
  auto stopping = notify_.wait_for("STOPPING=1");
  ASSERT_TRUE(stopping);
  EXPECT_THAT(*stopping, HasSubstr("STATUS=stopping on SIGTERM"));
  EXPECT_EQ(daemon->wait(), 0) << daemon->err();
  EXPECT_THAT(daemon->err(), HasSubstr("kontord stopped"));
}

TEST_F(DaemonLifecycle, SigintStopsLikeSigterm) {
  auto daemon = start();
  ASSERT_TRUE(notify_.wait_for("READY=1"));
  daemon->signal(SIGINT);
  ASSERT_TRUE(notify_.wait_for("STOPPING=1"));
  EXPECT_EQ(daemon->wait(), 0);
}

TEST_F(DaemonLifecycle, SighupWithAGoodFileSwitchesToIt) {
  auto daemon = start();
  ASSERT_TRUE(notify_.wait_for("READY=1"));
  dir_.write("kontor.yaml", config_text(dir_, "debug") +
                                "jobs: {}\ninstances:\n  drop: {plugin: folder-source, path: " +
                                dir_.path().string() + "}\n");
  daemon->signal(SIGHUP);
  auto reloading = notify_.wait_for("RELOADING=1");
  ASSERT_TRUE(reloading);
  EXPECT_THAT(*reloading, HasSubstr("MONOTONIC_USEC="));
  auto ready = notify_.wait_for("READY=1");
  ASSERT_TRUE(ready);
  EXPECT_THAT(*ready, HasSubstr("STATUS=ready (reloaded): 0 jobs (0 scheduled), 1 instance;"));
  daemon->signal(SIGTERM);
  EXPECT_EQ(daemon->wait(), 0);
  EXPECT_THAT(daemon->err(), HasSubstr("configuration reloaded"));
}

TEST_F(DaemonLifecycle, SighupWithABadFileKeepsTheRunningConfiguration) {
  auto daemon = start();
  ASSERT_TRUE(notify_.wait_for("READY=1"));
  dir_.write("kontor.yaml", config_text(dir_) + "daemon_typo: 1\njobs:\n  x: {engine: nope}\n");
  daemon->signal(SIGHUP);
  ASSERT_TRUE(notify_.wait_for("RELOADING=1"));
  auto ready = notify_.wait_for("READY=1");
  ASSERT_TRUE(ready);
  EXPECT_THAT(*ready, HasSubstr("STATUS=reload rejected (2 errors in "));
  EXPECT_THAT(*ready, HasSubstr("running previous configuration: 0 jobs"));
  // Still alive and still answering signals with the old configuration.
  dir_.write("kontor.yaml", config_text(dir_));
  daemon->signal(SIGHUP);
  ASSERT_TRUE(notify_.wait_for("STATUS=ready (reloaded)"));
  daemon->signal(SIGTERM);
  EXPECT_EQ(daemon->wait(), 0);
  const std::string log = daemon->err();
  EXPECT_THAT(log, HasSubstr(config_.string() + ":9:1: unknown key 'daemon_typo'"));
  EXPECT_THAT(log, HasSubstr(config_.string() + ":11:15: 'jobs.x.engine': expected one of"));
}

TEST_F(DaemonLifecycle, PingsTheWatchdogAtHalfItsInterval) {
  auto daemon = start({}, {{"WATCHDOG_USEC", "200000"}});
  ASSERT_TRUE(notify_.wait_for("READY=1"));
  ASSERT_TRUE(notify_.wait_for("WATCHDOG=1"));
  ASSERT_TRUE(notify_.wait_for("WATCHDOG=1"));
  daemon->signal(SIGTERM);
  EXPECT_EQ(daemon->wait(), 0);
}

TEST_F(DaemonLifecycle, UnderJournaldLinesCarryPriorityAndNoTimestamp) {
  // journald hands the service a stream whose device:inode is in $JOURNAL_STREAM; here the
  // "stream" is the file the child's stderr goes to, created before the child starts.
  const auto log_file = dir_.write("stderr.txt", "");
  struct stat st {};
  ASSERT_EQ(::stat(log_file.c_str(), &st), 0);
  auto daemon =
      start({}, {{"JOURNAL_STREAM", std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino)}});
  ASSERT_TRUE(notify_.wait_for("READY=1"));
  daemon->signal(SIGTERM);
  ASSERT_EQ(daemon->wait(), 0);
  std::istringstream lines(daemon->err());
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    ++count;
    EXPECT_THAT(line, StartsWith("<6>[daemon] "));
  }
  EXPECT_GE(count, 2);
}

TEST_F(DaemonLifecycle, WithoutJournaldLinesCarryTimeLevelAndComponent) {
  auto daemon = start();
  ASSERT_TRUE(notify_.wait_for("READY=1"));
  daemon->signal(SIGTERM);
  ASSERT_EQ(daemon->wait(), 0);
  EXPECT_THAT(daemon->err(),
              ::testing::ContainsRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:.]+ info  \\[daemon\\] "
                                       "kontord [0-9.]+ ready"));
}

TEST_F(DaemonLifecycle, InvalidConfigurationStopsStartWithEveryErrorAndExit78) {
  dir_.write("kontor.yaml", "daemon:\n  log_level: loud\n  stat_dir: /x\n");
  auto daemon = start();
  EXPECT_EQ(daemon->wait(), 78);
  const std::string file = config_.string();
  EXPECT_EQ(daemon->err(),
            file + ":3:3: unknown key 'stat_dir' in 'daemon' (did you mean 'state_dir'?)\n" + file +
                ":2:14: 'daemon.log_level': expected one of trace, debug, info, warn, "
                "error, found 'loud'\n" +
                file + ":1:1: missing required key 'company'\n3 errors in configuration\n");
  EXPECT_FALSE(notify_.next(std::chrono::milliseconds(0)));  // never READY
}

TEST_F(DaemonLifecycle, CheckConfigValidatesWithoutStarting) {
  auto good = run("kontord", {"--check-config", "--config", config_.string()});
  EXPECT_EQ(good.status, 0) << good.err;
  EXPECT_THAT(good.out, HasSubstr("configuration is valid"));
  dir_.write("bad.yaml", "company: {}\n");
  auto bad = run("kontord", {"--check-config", "--config", (dir_ / "bad.yaml").string()});
  EXPECT_EQ(bad.status, 78);
  EXPECT_THAT(bad.err, HasSubstr("missing required key 'legal_name' in 'company'"));
}

TEST_F(DaemonLifecycle, CheckConfigValidatesEveryPluginInstanceAgainstItsSchema) {
  dir_.write("bad.yaml", config_text(dir_) +
                             "instances:\n"
                             "  erp: {plugin: folder-source, settle: soon, colour: red}\n"
                             "  bank: {plugin: folder-sorce, path: /srv}\n");
  auto bad = run("kontord", {"--check-config", "--config", (dir_ / "bad.yaml").string()});
  EXPECT_EQ(bad.status, 78);
  const std::string file = (dir_ / "bad.yaml").string();
  EXPECT_EQ(bad.err,
            file + ":10:46: unknown key 'colour' in 'instances.erp'\n" + file +
                ":10:8: missing required key 'path' in 'instances.erp'\n" + file +
                ":10:40: 'instances.erp.settle': expected a duration such as 90s, 5m, 2h, 1d or "
                "1h30m, found 'soon'\n" +
                file + ":11:18: 'instances.bank.plugin': no plugin named 'folder-sorce' in " +
                (binary_dir() / "plugins").string() +
                " (did you mean 'folder-source'?)\n4 errors in configuration\n");
}

TEST_F(DaemonLifecycle, KontorctlChecksConfigurationOffline) {
  dir_.write("bad.yaml", config_text(dir_) + "store: {backend: mysql}\n");
  auto bad = run("kontorctl", {"check-config", (dir_ / "bad.yaml").string()});
  EXPECT_EQ(bad.status, 78);
  EXPECT_THAT(bad.err, HasSubstr("bad.yaml:9:18: 'store.backend': expected one of sqlite, "
                                 "found 'mysql'\n1 error in configuration\n"));
  auto good = run("kontorctl", {"check-config", config_.string()});
  EXPECT_EQ(good.status, 0) << good.err;
}

TEST_F(DaemonLifecycle, OnceWithUnknownJobFailsNamingIt) {
  auto result = run("kontord", {"--config", config_.string(), "--once", "import"});
  EXPECT_EQ(result.status, 1);
  EXPECT_THAT(result.err,
              HasSubstr("no job named 'import' in " + config_.string() + " (jobs: none)"));
}

TEST_F(DaemonLifecycle, OnceWithoutJobNamesRunsWhatIsEnabledAndExits) {
  auto result = run("kontord", {"--config", config_.string(), "--once"});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_THAT(result.err, HasSubstr("no enabled jobs in " + config_.string()));
}

TEST_F(DaemonLifecycle, BadNowIsRefused) {
  auto result = run("kontord", {"--config", config_.string(), "--once", "--now=yesterday"});
  EXPECT_EQ(result.status, 78);
  EXPECT_THAT(result.err, HasSubstr("--now: expected an ISO 8601 time"));
}

TEST_F(DaemonLifecycle, VersionAndHelpAnswerWithoutAConfiguration) {
  auto version = run("kontord", {"--version"});
  EXPECT_EQ(version.status, 0);
  EXPECT_THAT(version.out, StartsWith("kontord "));
  auto help = run("kontord", {"--help"});
  EXPECT_EQ(help.status, 0);
  EXPECT_THAT(help.out, HasSubstr("78 invalid configuration"));
  auto wrong = run("kontord", {"--bogus"});
  EXPECT_EQ(wrong.status, 2);
}

}  // namespace
}  // namespace kontor::testing
