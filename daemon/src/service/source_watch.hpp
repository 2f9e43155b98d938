// SourceWatch: turns a source's wake descriptor (plugin_abi.h: readable when a list() may find
// something new, e.g. folder-source's inotify watch) into an extra run of the jobs that read the
// source — so a file is imported when it arrives, not at the next scheduled time.
//
// The descriptor is watched from the io_context (never read: that is the plugin's list()).
// Once it is readable, each enabled job reading the source is asked to run now (a job already
// running or queued is left as it is), and the watch waits until those runs have returned
// before it looks again — whatever arrived meanwhile makes it readable again at once.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "service/job_service.hpp"

namespace boost::asio {
class io_context;
}

namespace kontor::service {

class SourceWatch {
 public:
  // Asks every source instance of `runtime` that some enabled job reads for its descriptor.
  SourceWatch(boost::asio::io_context& io, const Runtime& runtime, JobService& jobs);
  ~SourceWatch();  // stops watching (the descriptors stay the plugins')
  SourceWatch(const SourceWatch&) = delete;
  SourceWatch& operator=(const SourceWatch&) = delete;

  // A run of `job` returned (JobService tells): a watch waiting for it looks again.
  void run_finished(const std::string& job);

 private:
  struct Watch;
  void arm(Watch& watch);
  void woke(Watch& watch);

  JobService& jobs_;
  std::vector<std::unique_ptr<Watch>> watches_;
};

}  // namespace kontor::service
