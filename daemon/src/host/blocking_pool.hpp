// BlockingPool: the bounded set of threads that run plugin calls (daemon.workers of them), so a
// slow bank server or a large file never blocks the daemon's event loop.
#pragma once

#include <functional>
#include <memory>

namespace kontor::host {

class BlockingPool {
 public:
  explicit BlockingPool(int threads);
  ~BlockingPool();  // waits for calls in progress
  BlockingPool(const BlockingPool&) = delete;
  BlockingPool& operator=(const BlockingPool&) = delete;

  // Runs `work` on a pool thread and waits for it. Exceptions come back to the caller.
  void run(const std::function<void()>& work);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kontor::host
