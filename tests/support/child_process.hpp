// ChildProcess: a program the test starts (kontord, kontorctl, a real SMTP or SFTP server),
// with its own environment and stdout/stderr captured to files, stopped and reaped when the
// test ends.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kontor::testing {

struct ChildOptions {
  std::vector<std::string> argv;
  std::filesystem::path output_dir;            // stdout.txt / stderr.txt go here
  std::map<std::string, std::string> set_env;  // added to (or replacing in) the test's env
  std::vector<std::string> unset_env;
};

class ChildProcess {
 public:
  explicit ChildProcess(ChildOptions options);
  ~ChildProcess();  // SIGKILL and reap if still running
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  void signal(int signal_number) const;

  // Waits for exit; returns the exit status (or 128+signal), or nullopt when `limit` passed.
  // The limit only guards against a hung test; no test asserts on how fast something is.
  std::optional<int> wait(std::chrono::milliseconds limit = std::chrono::seconds(30));

  std::string out() const;
  std::string err() const;
  const std::filesystem::path& stderr_path() const { return stderr_path_; }

 private:
  pid_t pid_ = -1;
  std::optional<int> status_;
  std::filesystem::path stdout_path_, stderr_path_;
};

// Runs a program to completion and returns its exit status, stdout and stderr.
struct Completed {
  int status = -1;
  std::string out, err;
};
Completed run_to_end(ChildOptions options);

}  // namespace kontor::testing
