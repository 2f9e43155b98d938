#include "service/service_notifier.hpp"

#include <systemd/sd-daemon.h>
#include <time.h>

namespace kontor::service {
namespace {

// systemd parses STATUS= up to the newline; keep it one line.
std::string one_line(const std::string& text) {
  std::string line;
  for (char c : text) line += (c == '\n' || c == '\r') ? ' ' : c;
  return line;
}

}  // namespace

void ServiceNotifier::send(const std::string& message) {
  (void)sd_notify(0, message.c_str());
}

void ServiceNotifier::ready(const std::string& status) {
  send("READY=1\nSTATUS=" + one_line(status));
}

void ServiceNotifier::reloading(const std::string& status) {
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  const long long usec = static_cast<long long>(now.tv_sec) * 1'000'000 + now.tv_nsec / 1'000;
  send("RELOADING=1\nMONOTONIC_USEC=" + std::to_string(usec) + "\nSTATUS=" + one_line(status));
}

void ServiceNotifier::stopping(const std::string& status) {
  send("STOPPING=1\nSTATUS=" + one_line(status));
}

void ServiceNotifier::status(const std::string& status) {
  send("STATUS=" + one_line(status));
}

void ServiceNotifier::watchdog() {
  send("WATCHDOG=1");
}

std::optional<std::chrono::microseconds> ServiceNotifier::watchdog_period() const {
  uint64_t usec = 0;
  if (sd_watchdog_enabled(0, &usec) <= 0 || usec == 0) return std::nullopt;
  return std::chrono::microseconds(usec / 2);
}

}  // namespace kontor::service
