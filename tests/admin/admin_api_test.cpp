// The admin API as clients meet it: a running kontord, its Unix socket, raw HTTP requests (good
// and bad), kontorctl, and a client of another user refused by the socket's permissions.
#include <gmock/gmock.h>
#include <grp.h>
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "support/admin_socket.hpp"
#include "support/child_process.hpp"
#include "support/running_kontord.hpp"
#include "support/temp_dir.hpp"

namespace kontor::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

int status_of(const std::string& response) {
  return response.size() > 12 ? std::atoi(response.substr(9, 3).c_str()) : 0;
}

nlohmann::json body_of(const std::string& response) {
  const auto start = response.find("\r\n\r\n");
  return nlohmann::json::parse(response.substr(start + 4), nullptr, false);
}

class AdminApi : public ::testing::Test {
 protected:
  void SetUp() override {
    // A directory the unprivileged test user can traverse, so only the socket's own mode can
    // refuse it.
    std::filesystem::permissions(dir_.path(), std::filesystem::perms(0755));
    std::filesystem::create_directories(dir_ / "inbox");
    dir_.write(
        "kontor.yaml",
        "daemon: {state_dir: " + dir_.path().string() +
            "/state, plugin_dir: " + (binary_dir() / "plugins").string() +
            ", admin_socket: " + socket_.string() + "}\n" + company_yaml() +
            "instances:\n  drop: {plugin: folder-source, path: " + (dir_ / "inbox").string() +
            "}\n"
            "jobs:\n  items: {engine: import_open_items, inputs: [drop], schedule: '0 6 * * "
            "1-5'}\n");
    daemon_ = std::make_unique<RunningKontord>(dir_ / "kontor.yaml", dir_.path());
    ASSERT_TRUE(daemon_->ready()) << daemon_->err();
  }

  Completed kontorctl(std::vector<std::string> args) {
    ChildOptions options;
    options.argv = {(binary_dir() / "daemon/kontorctl").string(), "--config",
                    (dir_ / "kontor.yaml").string()};
    options.argv.insert(options.argv.end(), args.begin(), args.end());
    options.output_dir = dir_.path() / "ctl";
    std::filesystem::create_directories(options.output_dir);
    return run_to_end(std::move(options));
  }

  TempDir dir_;
  std::filesystem::path socket_ = dir_ / "run/admin.sock";
  std::unique_ptr<RunningKontord> daemon_;
};

TEST_F(AdminApi, HealthSaysWhoIsRunning) {
  const std::string response = send_raw_request(socket_, "GET /health HTTP/1.1\r\nHost: k\r\n\r\n");
  EXPECT_EQ(status_of(response), 200) << response;
  EXPECT_THAT(response, HasSubstr("Content-Type: application/json"));
  const auto body = body_of(response);
  EXPECT_EQ(body["status"], "ok");
  EXPECT_EQ(body["jobs"], 1);
  EXPECT_EQ(body["configuration"], (dir_ / "kontor.yaml").string());
}

TEST_F(AdminApi, SocketIsOwnerAndGroupOnly) {
  struct stat st {};
  ASSERT_EQ(::stat(socket_.c_str(), &st), 0);
  EXPECT_TRUE(S_ISSOCK(st.st_mode));
  EXPECT_EQ(st.st_mode & 0777, 0660u);
}

TEST_F(AdminApi, EveryErrorIsJson) {
  const auto unknown = send_raw_request(socket_, "GET /nothing HTTP/1.1\r\nHost: k\r\n\r\n");
  EXPECT_EQ(status_of(unknown), 404);
  EXPECT_EQ(body_of(unknown)["error"]["message"], "no endpoint /nothing");
  const auto method = send_raw_request(socket_, "DELETE /health HTTP/1.1\r\nHost: k\r\n\r\n");
  EXPECT_EQ(status_of(method), 405);
  EXPECT_EQ(body_of(method)["error"]["status"], 405);
  const auto no_job = send_raw_request(socket_, "POST /jobs/nope/run HTTP/1.1\r\nHost: k\r\n\r\n");
  EXPECT_EQ(status_of(no_job), 404);
  EXPECT_EQ(body_of(no_job)["error"]["message"], "no job named nope");
  const auto limit =
      send_raw_request(socket_, "GET /jobs/items/runs?limit=lots HTTP/1.1\r\nHost: k\r\n\r\n");
  EXPECT_EQ(status_of(limit), 400);
  EXPECT_EQ(body_of(limit)["error"]["message"], "limit must be a whole number from 1 to 1000");
}

TEST_F(AdminApi, MalformedRequestsAreRefusedAndTheServerGoesOn) {
  EXPECT_EQ(status_of(send_raw_request(socket_, "GARBAGE\r\n\r\n")), 400);
  EXPECT_EQ(status_of(send_raw_request(socket_, "GET health HTTP/1.1\r\nHost: k\r\n\r\n")), 400);
  EXPECT_EQ(status_of(send_raw_request(socket_, "GET /health HTTP/1.1\r\nHost: k\r\n\r\n")), 200);
}

TEST_F(AdminApi, OversizedBodiesAndHeadersAreRefused) {
  const std::string body(70 * 1024, 'x');
  const std::string big =
      send_raw_request(socket_, "POST /jobs/items/run HTTP/1.1\r\nHost: k\r\nContent-Length: " +
                                    std::to_string(body.size()) + "\r\n\r\n" + body);
  EXPECT_EQ(status_of(big), 413) << std::string(big).substr(0, 200);
  EXPECT_EQ(body_of(big)["error"]["message"], "request body larger than 65536 bytes");
  const auto headers = send_raw_request(
      socket_, "GET /health HTTP/1.1\r\nHost: k\r\nX-Long: " + std::string(9000, 'y') + "\r\n\r\n");
  EXPECT_EQ(status_of(headers), 431);
}

TEST_F(AdminApi, KontorctlRunsAJobAndShowsItsRun) {
  auto jobs = kontorctl({"jobs"});
  ASSERT_EQ(jobs.status, 0) << jobs.err;
  EXPECT_THAT(jobs.out, HasSubstr("items                import_open_items  0 6 * * 1-5"));
  auto started = kontorctl({"run", "items"});
  ASSERT_EQ(started.status, 0) << started.err;
  EXPECT_THAT(started.out, StartsWith("items queued as run items@"));
  // The run is short; poll its record (bounded), never sleep-and-hope.
  std::string outcome;
  for (int i = 0; i < 300 && outcome != "succeeded"; ++i) {
    auto runs = kontorctl({"runs", "items", "--json"});
    ASSERT_EQ(runs.status, 0) << runs.err;
    auto list = nlohmann::json::parse(runs.out);
    if (!list.empty()) outcome = list[0]["outcome"];
    if (outcome != "succeeded") ::usleep(20'000);
  }
  EXPECT_EQ(outcome, "succeeded");
  auto status = kontorctl({"status"});
  EXPECT_THAT(status.out, HasSubstr("1 jobs, 1 instances"));
}

TEST_F(AdminApi, KontorctlSaysWhenKontordIsNotRunning) {
  ChildOptions options;
  options.argv = {(binary_dir() / "daemon/kontorctl").string(), "--socket",
                  (dir_ / "nowhere.sock").string(), "status"};
  options.output_dir = dir_.path();
  auto result = run_to_end(std::move(options));
  EXPECT_EQ(result.status, 1);
  EXPECT_THAT(result.err, HasSubstr("kontord is not running (nothing listens on "));
}

// connect() as another user, from a child that gave up root: returns errno (0 on success).
int connect_as(uid_t uid, gid_t gid, const std::vector<gid_t>& groups,
               const std::filesystem::path& socket_path) {
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) return -1;
  const pid_t child = ::fork();
  if (child == 0) {
    ::close(pipe_fds[0]);
    int result = 0;
    if (::setgroups(groups.size(), groups.data()) != 0 || ::setgid(gid) != 0 ||
        ::setuid(uid) != 0) {
      result = -2;
    } else {
      const int fd = connect_admin_socket(socket_path);
      result = fd < 0 ? errno : 0;
    }
    (void)!::write(pipe_fds[1], &result, sizeof(result));
    ::_exit(0);
  }
  ::close(pipe_fds[1]);
  int result = -1;
  (void)!::read(pipe_fds[0], &result, sizeof(result));
  ::close(pipe_fds[0]);
  ::waitpid(child, nullptr, 0);
  return result;
}

TEST_F(AdminApi, AnotherUserIsRefusedUntilInTheSocketsGroup) {
  if (::geteuid() != 0) GTEST_SKIP() << "switching to another user needs root (CI runs as root)";
  struct stat st {};
  ASSERT_EQ(::stat(socket_.c_str(), &st), 0);
  std::filesystem::permissions(socket_.parent_path(), std::filesystem::perms(0755));
  const uid_t nobody = 65534;
  const gid_t nogroup = 65534;
  EXPECT_EQ(connect_as(nobody, nogroup, {}, socket_), EACCES);
  EXPECT_EQ(connect_as(nobody, nogroup, {st.st_gid}, socket_), 0);
}

}  // namespace
}  // namespace kontor::testing
