// NotifySocket: plays systemd's side of sd_notify for a test. Bound to a datagram socket in the
// test's temp dir; give path() to the child as $NOTIFY_SOCKET and read what it announces.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace kontor::testing {

class NotifySocket {
 public:
  explicit NotifySocket(const std::filesystem::path& path);
  ~NotifySocket();

  const std::filesystem::path& path() const { return path_; }

  // The next datagram, or nullopt if none arrives within `limit` (a guard against a hung
  // test, not an assertion on speed).
  std::optional<std::string> next(std::chrono::milliseconds limit = std::chrono::seconds(30));

  // Reads datagrams until one contains `needle`; returns it. Skips WATCHDOG=1 pings unless
  // the needle asks for them.
  std::optional<std::string> wait_for(const std::string& needle,
                                      std::chrono::milliseconds limit = std::chrono::seconds(30));

 private:
  int fd_ = -1;
  std::filesystem::path path_;
};

}  // namespace kontor::testing
