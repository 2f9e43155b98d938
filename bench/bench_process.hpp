// What the benchmarks measure with: wall time, peak RSS, file sizes, and phases run in a child
// process so that each phase's peak RSS is its own. Timing and sizes only — never an amount.
#pragma once

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <system_error>
#include <type_traits>

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

}  // namespace kontor::bench
