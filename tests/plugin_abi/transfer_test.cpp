// The host's HTTP transfers against a real peer: Debian's python3 -m http.server on 127.0.0.1.
// A server's answer, whatever its status, is KONTOR_OK with the code; no server at all is
// KONTOR_RETRY, and the message never repeats a password from the URL.
#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "host/transfer_service.hpp"
#include "kontor/sdk/views.hpp"
#include "log/logging.hpp"
#include "support/child_process.hpp"
#include "support/temp_dir.hpp"

namespace kontor::host {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// A TCP socket bound to 127.0.0.1 on a port the kernel picked.
class BoundPort {
 public:
  BoundPort() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof(address);
    if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&address), size) != 0 ||
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
      throw std::runtime_error("cannot bind a port on 127.0.0.1");
    }
    port_ = ntohs(address.sin_port);
  }
  ~BoundPort() { release(); }
  BoundPort(const BoundPort&) = delete;
  BoundPort& operator=(const BoundPort&) = delete;

  int port() const { return port_; }
  void release() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
  int port_ = 0;
};

bool accepts_connections(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  const bool connected = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0;
  ::close(fd);
  return connected;
}

struct Body {
  std::string text;
  static kontor_status write(void* context, kontor_bytes chunk) {
    static_cast<Body*>(context)->text += sdk::copy(chunk);
    return KONTOR_OK;
  }
};

struct Answer {
  kontor_status status = KONTOR_INTERNAL;
  int code = -1;
  std::string message;
  std::string body;
};

class HttpTransferTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // A proxy from the environment must not stand between the test and its own server.
    ::setenv("no_proxy", "127.0.0.1", 1);
  }

  void SetUp() override {
    files_.write("statement.sta", ":20:STARTUMS\n:25:DE89370400440532013000\n");
    instance_.name = "bank";
    instance_.plugin = "http-test";
    instance_.context = &context_;
    instance_.log = log::get("plugin:bank");
    context_.transfer = &transfer_;
  }

  // Starts the server on a free port and waits until it accepts connections.
  void start_server() {
    BoundPort free;
    port_ = free.port();
    free.release();  // python binds it next; a clash shows as the server exiting below
    server_ = std::make_unique<testing::ChildProcess>(
        testing::ChildOptions{{"/usr/bin/python3", "-m", "http.server", "--bind", "127.0.0.1",
                               std::to_string(port_), "--directory", files_.path().string()},
                              output_.path(),
                              {},
                              {}});
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (!accepts_connections(port_)) {
      ASSERT_FALSE(server_->wait(std::chrono::milliseconds(0)).has_value())
          << "http.server exited: " << server_->err();
      ASSERT_LT(std::chrono::steady_clock::now(), give_up) << "http.server never listened";
      std::this_thread::sleep_for(std::chrono::milliseconds(10));  // polling the server
    }
  }

  void TearDown() override { server_.reset(); }  // SIGKILL and reap

  Answer get(const std::string& url) {
    Body body;
    const kontor_bytes_sink sink{sizeof(kontor_bytes_sink), &body, &Body::write};
    kontor_transfer_request request{};
    request.struct_size = sizeof(request);
    request.url = sdk::view(url);
    request.method = sdk::view("GET");
    kontor_transfer_result result{};
    result.struct_size = sizeof(result);
    Answer answer;
    answer.status = transfer_.perform(instance_, request, sink, result);
    answer.code = result.code;
    answer.message = sdk::copy(result.message);
    answer.body = body.text;
    return answer;
  }

  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

  testing::TempDir files_, output_;
  TransferService transfer_;
  HostContext context_;
  HostInstance instance_;
  std::unique_ptr<testing::ChildProcess> server_;
  int port_ = 0;
};

TEST_F(HttpTransferTest, GetDownloadsTheFile) {
  start_server();
  const Answer answer = get(url("/statement.sta"));
  EXPECT_EQ(answer.status, KONTOR_OK) << answer.message;
  EXPECT_EQ(answer.code, 200);
  EXPECT_EQ(answer.body, ":20:STARTUMS\n:25:DE89370400440532013000\n");
  EXPECT_THAT(answer.message, HasSubstr("200"));
}

TEST_F(HttpTransferTest, NotFoundIsAnAnswerForThePluginToJudge) {
  start_server();
  const Answer answer = get(url("/no-such-statement.sta"));
  EXPECT_EQ(answer.status, KONTOR_OK) << answer.message;
  EXPECT_EQ(answer.code, 404);
}

TEST_F(HttpTransferTest, RefusedConnectionIsRetryWithoutThePassword) {
  BoundPort nobody_listens;  // bound, never listening: connections are refused
  const std::string url =
      "http://user:secret@127.0.0.1:" + std::to_string(nobody_listens.port()) + "/x";
  const Answer answer = get(url);
  EXPECT_EQ(answer.status, KONTOR_RETRY);
  EXPECT_EQ(answer.code, 0);
  EXPECT_THAT(answer.message,
              HasSubstr("GET http://127.0.0.1:" + std::to_string(nobody_listens.port()) + "/x: "));
  EXPECT_THAT(answer.message, Not(HasSubstr("secret")));
  EXPECT_THAT(answer.message, Not(HasSubstr("user")));
}

}  // namespace
}  // namespace kontor::host
