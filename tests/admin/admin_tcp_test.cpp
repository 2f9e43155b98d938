// The admin API's optional TCP listener as a client on the network meets it: a real kontord on
// 127.0.0.1 that answers only requests with its bearer token, keeps the token out of its log,
// enforces the same limits as the Unix socket with JSON errors, and serves /metrics that a
// strict Prometheus text parser accepts and whose counts follow the job runs.
#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "support/admin_socket.hpp"
#include "support/child_process.hpp"
#include "support/loopback.hpp"
#include "support/prometheus_lines.hpp"
#include "support/running_kontord.hpp"
#include "support/temp_dir.hpp"

namespace kontor::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kToken = "s3cr3t-t0ken-0123456789abcdef";

int connect_tcp(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// Everything the server sends until it closes, waiting at most `limit` for each piece.
std::string read_until_closed(int fd, std::chrono::milliseconds limit = std::chrono::seconds(10)) {
  std::string response;
  char buffer[4096];
  pollfd ready{fd, POLLIN, 0};
  while (::poll(&ready, 1, static_cast<int>(limit.count())) == 1) {
    const ssize_t got = ::recv(fd, buffer, sizeof(buffer), 0);
    if (got <= 0) break;
    response.append(buffer, static_cast<std::size_t>(got));
  }
  return response;
}

std::string send_tcp(int port, const std::string& request) {
  const int fd = connect_tcp(port);
  if (fd < 0) return "connect failed";
  std::size_t sent = 0;
  while (sent < request.size()) {
    const ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may stop reading an oversized request early
    sent += static_cast<std::size_t>(n);
  }
  ::shutdown(fd, SHUT_WR);
  std::string response = read_until_closed(fd);
  ::close(fd);
  return response;
}

std::string request_with(const std::string& method, const std::string& path,
                         const std::string& authorization) {
  std::string request = method + " " + path + " HTTP/1.1\r\nHost: k\r\nConnection: close\r\n";
  if (!authorization.empty()) request += "Authorization: " + authorization + "\r\n";
  return request + "\r\n";
}

class AdminTcp : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(dir_ / "inbox");
    dir_.write("token", std::string(kToken) + "\n");
    port_ = free_loopback_port();
    dir_.write("kontor.yaml", config_yaml("admin_token: {file: " + (dir_ / "token").string() +
                                          "}, admin_request_timeout: 1s"));
    daemon_ = std::make_unique<RunningKontord>(dir_ / "kontor.yaml", dir_.path());
    ASSERT_TRUE(daemon_->ready()) << daemon_->err();
  }

  std::string config_yaml(const std::string& listener_keys) {
    return "daemon: {state_dir: " + dir_.path().string() +
           "/state, plugin_dir: " + (binary_dir() / "plugins").string() +
           ", admin_socket: " + socket_.string() +
           ", admin_listen: '127.0.0.1:" + std::to_string(port_) + "', " + listener_keys + "}\n" +
           company_yaml() +
           "instances:\n  drop: {plugin: folder-source, path: " + (dir_ / "inbox").string() +
           ", settle: 0s}\n  erp: {plugin: open-items}\n"
           "jobs:\n  items: {engine: import_open_items, inputs: [drop], schedule: '0 6 1 1 *'}\n";
  }

  AdminAnswer get(const std::string& path, const std::string& token = kToken) {
    return parse_admin_answer(send_tcp(port_, request_with("GET", path, "Bearer " + token)));
  }

  std::map<std::string, std::string> metrics() {
    const auto answer = get("/metrics");
    EXPECT_EQ(answer.status, 200) << answer.raw_body;
    EXPECT_EQ(answer.content_type, "text/plain; version=0.0.4; charset=utf-8");
    auto parsed = parse_prometheus_text(answer.raw_body);
    EXPECT_TRUE(parsed.error.empty()) << parsed.error;
    return parsed.samples;
  }

  TempDir dir_;
  std::filesystem::path socket_ = dir_ / "run/admin.sock";
  int port_ = 0;
  std::unique_ptr<RunningKontord> daemon_;
};

TEST_F(AdminTcp, RequestWithoutTokenIsRefusedWithBearerChallenge) {
  const std::string response = send_tcp(port_, request_with("GET", "/health", ""));
  const auto answer = parse_admin_answer(response);
  EXPECT_EQ(answer.status, 401) << response;
  EXPECT_THAT(response, HasSubstr("WWW-Authenticate: Bearer"));
  EXPECT_EQ(answer.body["error"]["status"], 401);
  EXPECT_EQ(message_of(answer), "a valid bearer token is required");
}

TEST_F(AdminTcp, RequestWithWrongTokenIsRefused) {
  EXPECT_EQ(get("/health", "wrong-token-0123456789").status, 401);
  EXPECT_EQ(get("/health", std::string(kToken) + "x").status, 401);
  EXPECT_EQ(get("/health", std::string(kToken).substr(1)).status, 401);
  const auto basic = parse_admin_answer(
      send_tcp(port_, request_with("GET", "/health", "Basic " + std::string(kToken))));
  EXPECT_EQ(basic.status, 401);
}

TEST_F(AdminTcp, RequestWithTheTokenIsServed) {
  const auto answer = get("/health");
  EXPECT_EQ(answer.status, 200) << answer.raw_body;
  EXPECT_EQ(answer.body["status"], "ok");
  // The scheme is case-insensitive (RFC 7235).
  const auto lower = parse_admin_answer(
      send_tcp(port_, request_with("GET", "/jobs", "bearer " + std::string(kToken))));
  EXPECT_EQ(lower.status, 200);
}

TEST_F(AdminTcp, UnixSocketNeedsNoTokenItsPermissionsGuardIt) {
  EXPECT_EQ(admin_request(socket_, "GET", "/health").status, 200);
  EXPECT_EQ(admin_request(socket_, "GET", "/metrics").status, 200);
}

TEST_F(AdminTcp, TokenNeverAppearsInTheLog) {
  (void)get("/health");
  (void)get("/health", "wrong-token-0123456789");
  (void)send_tcp(port_, request_with("GET", "/health", ""));
  const std::string log = daemon_->err();
  EXPECT_THAT(log, HasSubstr("wrong bearer token"));
  EXPECT_THAT(log, HasSubstr("no bearer token"));
  EXPECT_THAT(log, Not(HasSubstr(kToken)));
  EXPECT_THAT(log, Not(HasSubstr("wrong-token-0123456789")));
}

TEST_F(AdminTcp, MetricsParseAndFollowTheJobRuns) {
  auto before = metrics();
  EXPECT_EQ(before["kontor_jobs_configured{engine=\"import_open_items\"}"], "1");
  EXPECT_EQ(before["kontor_job_running{job=\"items\"}"], "0");
  EXPECT_FALSE(before.contains("kontor_job_runs_total{job=\"items\",outcome=\"succeeded\"}"));

  dir_.write("R-1.csv",
             "invoice_no;customer_no;customer_name;amount;due_date\nR-1;K-1;Muster;10.00;"
             "2026-12-31\n");
  std::filesystem::rename(dir_ / "R-1.csv", dir_ / "inbox/R-1.csv");
  const auto started = parse_admin_answer(
      send_tcp(port_,
               "POST /jobs/items/run HTTP/1.1\r\nHost: k\r\nConnection: close\r\nAuthorization: "
               "Bearer " +
                   std::string(kToken) + "\r\nContent-Length: 0\r\n\r\n"));
  // 409 when the folder's own watch started the run first: either way the file is imported.
  ASSERT_THAT(started.status, ::testing::AnyOf(202, 409)) << started.raw_body;

  // Bounded polling of the result.
  std::map<std::string, std::string> after;
  for (int i = 0; i < 500; ++i) {
    after = metrics();
    if (after["kontor_files_imported_total{source=\"drop\"}"] == "1" &&
        after["kontor_job_running{job=\"items\"}"] == "0")
      break;
    ::usleep(20'000);
  }
  EXPECT_EQ(after["kontor_files_imported_total{source=\"drop\"}"], "1") << daemon_->err();
  EXPECT_THAT(after["kontor_job_runs_total{job=\"items\",outcome=\"succeeded\"}"],
              Not(::testing::IsEmpty()));
  EXPECT_EQ(after["kontor_job_last_run_success{job=\"items\"}"], "1");
  EXPECT_TRUE(after.contains("kontor_job_last_run_timestamp_seconds{job=\"items\"}"));
  EXPECT_TRUE(after.contains("kontor_job_run_duration_seconds_sum{job=\"items\"}"));
  EXPECT_EQ(after["kontor_job_failures_total{job=\"items\"}"], "0");
}

TEST_F(AdminTcp, OversizedBodyIsRefusedWith413Json) {
  const std::string body(70 * 1024, 'x');
  const auto answer = parse_admin_answer(send_tcp(
      port_, "POST /jobs/items/run HTTP/1.1\r\nHost: k\r\nAuthorization: Bearer " +
                 std::string(kToken) + "\r\nContent-Length: " + std::to_string(body.size()) +
                 "\r\n\r\n" + body));
  EXPECT_EQ(answer.status, 413);
  EXPECT_EQ(message_of(answer), "request body larger than 65536 bytes");
}

TEST_F(AdminTcp, TooManyHeadersAreRefusedWith431Json) {
  std::string request = "GET /health HTTP/1.1\r\nHost: k\r\n";
  for (int i = 0; i < 1000; ++i) request += "X-Filler-" + std::to_string(i) + ": yes\r\n";
  const auto answer = parse_admin_answer(send_tcp(port_, request + "\r\n"));
  EXPECT_EQ(answer.status, 431);
  EXPECT_EQ(answer.body["error"]["status"], 431);
}

TEST_F(AdminTcp, UnknownPathIs404AndWrongMethodIs405WithAllow) {
  const auto unknown = get("/nothing");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(message_of(unknown), "no endpoint /nothing");
  const std::string response =
      send_tcp(port_, request_with("DELETE", "/metrics", "Bearer " + std::string(kToken)));
  const auto method = parse_admin_answer(response);
  EXPECT_EQ(method.status, 405);
  EXPECT_EQ(message_of(method), "DELETE is not allowed on /metrics");
  EXPECT_THAT(response, HasSubstr("Allow: GET"));
}

TEST_F(AdminTcp, SlowClientIsDisconnectedAfterTheRequestTimeout) {
  const int fd = connect_tcp(port_);
  ASSERT_GE(fd, 0);
  const std::string partial = "GET /health HTTP/1.1\r\nHost: k\r\n";
  ASSERT_EQ(::send(fd, partial.data(), partial.size(), MSG_NOSIGNAL),
            static_cast<ssize_t>(partial.size()));
  // admin_request_timeout is 1s: the server closes without an answer; the bound only keeps a
  // broken server from hanging the test.
  const std::string response = read_until_closed(fd, std::chrono::seconds(20));
  char byte;
  EXPECT_EQ(::recv(fd, &byte, 1, MSG_DONTWAIT), 0) << "connection still open";
  EXPECT_EQ(response, "");
  ::close(fd);
}

TEST_F(AdminTcp, ConnectionsBeyondTheCapGet503Json) {
  std::vector<int> idle;
  for (int i = 0; i < 32; ++i) {
    const int fd = connect_tcp(port_);
    ASSERT_GE(fd, 0);
    idle.push_back(fd);
  }
  // The server counts a connection once it accepted it; one answered request makes sure all
  // of the idle ones before it were accepted.
  const int extra = connect_tcp(port_);
  ASSERT_GE(extra, 0);
  const auto answer = parse_admin_answer(read_until_closed(extra, std::chrono::seconds(5)));
  EXPECT_EQ(answer.status, 503);
  EXPECT_EQ(message_of(answer), "too many connections (at most 32)");
  ::close(extra);
  for (int fd : idle) ::close(fd);
}

TEST_F(AdminTcp, KontorctlTalksOverTcpWithTheTokenFromItsEnvironment) {
  ChildOptions options;
  options.argv = {(binary_dir() / "daemon/kontorctl").string(), "--url",
                  "http://127.0.0.1:" + std::to_string(port_), "jobs"};
  options.output_dir = dir_.path() / "ctl";
  std::filesystem::create_directories(options.output_dir);
  options.set_env = {{"KONTOR_ADMIN_TOKEN_FILE", (dir_ / "token").string()}};
  auto listed = run_to_end(options);
  EXPECT_EQ(listed.status, 0) << listed.err;
  EXPECT_THAT(listed.out, HasSubstr("import_open_items"));
  options.set_env = {{"KONTOR_ADMIN_TOKEN", "wrong-token-0123456789"}};
  auto refused = run_to_end(options);
  EXPECT_EQ(refused.status, 1);
  EXPECT_THAT(refused.err, HasSubstr("a valid bearer token is required"));
}

TEST_F(AdminTcp, ReloadRotatesTheToken) {
  dir_.write("token", "rotated-token-0123456789\n");
  daemon_->process().signal(SIGHUP);
  int status = 0;
  for (int i = 0; i < 500 && status != 200; ++i) {
    status = get("/health", "rotated-token-0123456789").status;
    if (status != 200) ::usleep(20'000);
  }
  EXPECT_EQ(status, 200) << daemon_->err();
  EXPECT_EQ(get("/health").status, 401);
}

TEST_F(AdminTcp, ListenerWithoutTokenIsAConfigurationError) {
  dir_.write("bad.yaml", config_yaml("log_level: info"));
  ChildOptions options;
  options.argv = {(binary_dir() / "daemon/kontord").string(), "--config",
                  (dir_ / "bad.yaml").string(), "--check-config"};
  options.output_dir = dir_.path() / "check";
  std::filesystem::create_directories(options.output_dir);
  auto checked = run_to_end(std::move(options));
  EXPECT_NE(checked.status, 0);
  EXPECT_THAT(checked.err, HasSubstr("bad.yaml:1:"));
  EXPECT_THAT(checked.err, HasSubstr("the TCP listener needs daemon.admin_token"));
}

}  // namespace
}  // namespace kontor::testing
