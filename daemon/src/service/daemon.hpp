// Daemon: the kontord process — one io_context, signals, systemd notifications, reload.
//
// Lifecycle: load and validate the configuration (exit 78 on any error), open what it names,
// then either run the requested jobs once (`--once`) or serve until SIGTERM/SIGINT. SIGHUP
// validates the new file completely first and swaps only when it has no error; otherwise the
// running configuration stays and the errors are logged. SIGTERM lets the current step finish
// (up to daemon.shutdown_grace) and exits 0.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kontor::service {

struct DaemonOptions {
  std::string config_path;
  bool check_config = false;
  bool once = false;
  std::vector<std::string> once_jobs;
  std::optional<std::string> now;        // --now=ISO8601: freeze the clock
  std::optional<std::string> log_level;  // overrides daemon.log_level
};

// Exit codes (documented in the README and kontord --help).
inline constexpr int kExitOk = 0;
inline constexpr int kExitJobFailed = 1;    // --once: a job failed
inline constexpr int kExitStartFailed = 3;  // store or plugins could not be opened

int run_daemon(const DaemonOptions& options);

}  // namespace kontor::service
