// RunningKontord: a kontord started for a test in serve mode, with a notify socket the test
// owns, ready when constructed (READY=1 received) and stopped with SIGTERM (expecting exit 0)
// when destroyed. Plus the company section every test configuration needs, and the one-shot
// run the import tests start.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "support/child_process.hpp"
#include "support/notify_socket.hpp"

namespace kontor::testing {

// A valid `company:` section (Muster GmbH in Europe/Berlin), to append configurations to.
std::string company_yaml();

// `kontord --config DIR/kontor.yaml --once` on the tests' fixed day (2026-11-28 09:00), its
// output in DIR: add environment or arguments, then run_to_end().
ChildOptions kontord_once(const std::filesystem::path& dir);

class RunningKontord {
 public:
  // Starts kontord on `config` with its output in `dir`; check ready() before using it.
  RunningKontord(const std::filesystem::path& config, const std::filesystem::path& dir);
  ~RunningKontord();

  bool ready() const { return ready_; }
  std::string err() const { return process_->err(); }
  ChildProcess& process() { return *process_; }

 private:
  NotifySocket notify_;
  std::unique_ptr<ChildProcess> process_;
  bool ready_ = false;
};

}  // namespace kontor::testing
