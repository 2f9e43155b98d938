// ServiceNotifier: tells systemd (Type=notify) what kontord is doing.
//
// READY=1 only once configuration, plugins and store are up; RELOADING=1 (with MONOTONIC_USEC,
// so a later switch to Type=notify-reload is one line) while a SIGHUP is handled; STOPPING=1 on
// the way out; STATUS= a one-line summary; WATCHDOG=1 from the main loop. Without
// $NOTIFY_SOCKET every call does nothing.
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace kontor::service {

class ServiceNotifier {
 public:
  void ready(const std::string& status);
  void reloading(const std::string& status);
  void stopping(const std::string& status);
  void status(const std::string& status);
  void watchdog();

  // How often to ping: half of $WATCHDOG_USEC, when the unit has a watchdog for this process.
  std::optional<std::chrono::microseconds> watchdog_period() const;

 private:
  void send(const std::string& message);
};

}  // namespace kontor::service
