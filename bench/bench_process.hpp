// What the benchmarks measure with: wall time, peak RSS, file sizes, and phases run in a child
// process so that each phase's peak RSS is its own. Timing and sizes only — never an amount.
#pragma once

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <system_error>
#include <type_traits>
#include <vector>

namespace kontor::bench {

using Steady = std::chrono::steady_clock;

inline double seconds_since(Steady::time_point start) {
  return std::chrono::duration<double>(Steady::now() - start).count();
}

inline double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // KiB on Linux
}

inline double mib(std::uintmax_t bytes) {
  return static_cast<double>(bytes) / (1024.0 * 1024.0);
}

// The machine's load average over 1, 5 and 15 minutes, as "1.20 2.37 2.88": figures taken on a
// busy machine say so.
inline std::string load_average() {
  double load[3] = {0, 0, 0};
  if (getloadavg(load, 3) != 3) return "unknown";
  char text[64];
  std::snprintf(text, sizeof text, "%.2f %.2f %.2f", load[0], load[1], load[2]);
  return text;
}

// A SQLite database with its write-ahead log.
inline std::uintmax_t database_bytes(const std::filesystem::path& path) {
  std::uintmax_t bytes = 0;
  for (const char* suffix : {"", "-wal"}) {
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(path.string() + suffix, error);
    if (!error) bytes += size;
  }
  return bytes;
}

// What went wrong in a child process, carried back through a pipe (trivially copyable).
struct ChildError {
  bool failed = false;
  char message[512] = {};
  void set(const char* what, const std::string& text) {
    failed = true;
    std::snprintf(message, sizeof message, "%s: %s", what, text.c_str());
  }
};

// Runs `work` in a child process and returns what it reported, so that the child's peak RSS is
// its own phase's (plus what the benchmark held when it forked), not the whole benchmark's. `T`
// is trivially copyable; the child leaves with _exit(), running none of the parent's destructors.
template <typename T, typename F>
std::optional<T> in_child(F&& work) {
  static_assert(std::is_trivially_copyable_v<T>);
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return std::nullopt;
  std::fflush(stdout);
  std::fflush(stderr);
  const pid_t pid = fork();
  if (pid < 0) return std::nullopt;
  if (pid == 0) {
    close(pipe_fds[0]);
    const T out = work();
    const char* bytes = reinterpret_cast<const char*>(&out);
    std::size_t written = 0;
    while (written < sizeof out) {
      const ssize_t n = write(pipe_fds[1], bytes + written, sizeof out - written);
      if (n <= 0) _exit(1);
      written += static_cast<std::size_t>(n);
    }
    _exit(0);
  }
  close(pipe_fds[1]);
  T out{};
  char* bytes = reinterpret_cast<char*>(&out);
  std::size_t read_bytes = 0;
  while (read_bytes < sizeof out) {
    const ssize_t n = read(pipe_fds[0], bytes + read_bytes, sizeof out - read_bytes);
    if (n <= 0) break;
    read_bytes += static_cast<std::size_t>(n);
  }
  close(pipe_fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (read_bytes != sizeof out || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    if (WIFSIGNALED(status)) {
      std::fprintf(stderr, "child process killed by signal %d\n", WTERMSIG(status));
    } else if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
      std::fprintf(stderr, "child process exited with %d\n", WEXITSTATUS(status));
    }
    return std::nullopt;
  }
  return out;
}

// A program run as a child process: how long it took, how it ended, its peak RSS (wait4).
struct ProcessOutcome {
  bool started = false;
  int exit_code = -1;  // -signal when killed
  double seconds = 0;
  double rss_mib = 0;
  double cpu_seconds = 0;  // user + system
};

inline ProcessOutcome run_process(const std::vector<std::string>& argv,
                                  const std::filesystem::path& out,
                                  const std::filesystem::path& err) {
  ProcessOutcome outcome;
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  std::fflush(stdout);
  std::fflush(stderr);
  const Steady::time_point start = Steady::now();
  const pid_t pid = fork();
  if (pid < 0) return outcome;
  if (pid == 0) {
    const int out_fd = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err_fd = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (out_fd < 0 || err_fd < 0 || dup2(out_fd, 1) < 0 || dup2(err_fd, 2) < 0) _exit(126);
    execvp(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  if (wait4(pid, &status, 0, &usage) != pid) return outcome;
  outcome.seconds = seconds_since(start);
  outcome.started = true;
  outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
  outcome.rss_mib = static_cast<double>(usage.ru_maxrss) / 1024.0;
  outcome.cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                        static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  return outcome;
}

}  // namespace kontor::bench
