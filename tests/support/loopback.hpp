// Loopback helpers for tests that start a real server (sshd, an HTTPS server) on 127.0.0.1.
#pragma once

#include <chrono>
#include <string>

namespace kontor::testing {

class ChildProcess;

// A port on 127.0.0.1 that was free a moment ago (bound by the kernel's choice, then released
// for the server to bind; a clash shows as the server exiting).
int free_loopback_port();

// A port nobody listens on: bound, never listening, so connections to it are refused. Closed
// when the object goes.
class RefusingPort {
 public:
  RefusingPort();
  ~RefusingPort();
  RefusingPort(const RefusingPort&) = delete;
  RefusingPort& operator=(const RefusingPort&) = delete;
  int port() const { return port_; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

bool accepts_connections(int port);

// Polls until `server` accepts connections on `port`. "" when it does; otherwise why not (the
// server exited, with its stderr, or it never listened within `limit`).
std::string wait_until_listening(ChildProcess& server, int port,
                                 std::chrono::seconds limit = std::chrono::seconds(30));

}  // namespace kontor::testing
