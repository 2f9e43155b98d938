#include "support/loopback.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>
#include <thread>

#include "support/child_process.hpp"

namespace kontor::testing {
namespace {

sockaddr_in loopback(int port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  return address;
}

// A socket bound to 127.0.0.1 on a port the kernel picked; the port through `port`.
int bind_any_port(int& port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address = loopback(0);
  socklen_t size = sizeof(address);
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), size) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
    if (fd >= 0) ::close(fd);
    throw std::runtime_error("cannot bind a port on 127.0.0.1");
  }
  port = ntohs(address.sin_port);
  return fd;
}

}  // namespace

int free_loopback_port() {
  int port = 0;
  ::close(bind_any_port(port));
  return port;
}

RefusingPort::RefusingPort() {
  fd_ = bind_any_port(port_);
}

RefusingPort::~RefusingPort() {
  ::close(fd_);
}

bool accepts_connections(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  const sockaddr_in address = loopback(port);
  const bool connected =
      ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) == 0;
  ::close(fd);
  return connected;
}

std::string wait_until_listening(ChildProcess& server, int port, std::chrono::seconds limit) {
  const auto give_up = std::chrono::steady_clock::now() + limit;
  while (!accepts_connections(port)) {
    if (auto status = server.wait(std::chrono::milliseconds(0))) {
      return "exited with status " + std::to_string(*status) + ": " + server.err();
    }
    if (std::chrono::steady_clock::now() >= give_up) return "never listened: " + server.err();
    std::this_thread::sleep_for(std::chrono::milliseconds(10));  // polling the server
  }
  return "";
}

}  // namespace kontor::testing
