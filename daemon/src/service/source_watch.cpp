#include "service/source_watch.hpp"

#include <spdlog/logger.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>

#include "host/plugin_instances.hpp"
#include "log/logging.hpp"

namespace kontor::service {

struct SourceWatch::Watch {
  Watch(boost::asio::io_context& io, int fd) : descriptor(io, fd) {}
  std::string source;
  std::vector<std::string> jobs;                     // enabled jobs reading the source
  std::set<std::string> waiting;                     // runs asked for that have not returned yet
  boost::asio::posix::stream_descriptor descriptor;  // a duplicate; closing it is ours
};

SourceWatch::SourceWatch(boost::asio::io_context& io, const Runtime& runtime, JobService& jobs)
    : jobs_(jobs) {
  auto log = kontor::log::get("scheduler");
  const std::atomic<bool> not_cancelled{false};
  for (const auto& instance : runtime.config->instances) {
    std::vector<std::string> readers;
    for (const auto& job : runtime.config->jobs) {
      if (job.enabled &&
          std::find(job.inputs.begin(), job.inputs.end(), instance.name) != job.inputs.end()) {
        readers.push_back(job.name);
      }
    }
    host::PluginInstance* source = runtime.plugins->find(instance.name);
    if (readers.empty() || source == nullptr || !source->has_role(KONTOR_ROLE_SOURCE)) continue;
    std::optional<int> fd;
    (void)source->call(not_cancelled, [&](const sdk::InstanceProxy& proxy) {
      fd = proxy.wake_descriptor();
      return sdk::Status::ok();
    });
    if (!fd) continue;
    const int copy = ::dup(*fd);  // the plugin keeps its own; this one is the watch's to close
    if (copy < 0) continue;
    auto watch = std::make_unique<Watch>(io, copy);
    watch->source = instance.name;
    watch->jobs = readers;
    log->debug("watching source {} for jobs {}", instance.name, fmt::join(readers, ", "));
    arm(*watch);
    watches_.push_back(std::move(watch));
  }
}

SourceWatch::~SourceWatch() {
  for (auto& watch : watches_) {
    boost::system::error_code ignored;
    watch->descriptor.cancel(ignored);
    watch->descriptor.close(ignored);
  }
}

void SourceWatch::arm(Watch& watch) {
  watch.descriptor.async_wait(boost::asio::posix::stream_descriptor::wait_read,
                              [this, &watch](const boost::system::error_code& error) {
                                if (!error) woke(watch);
                              });
}

void SourceWatch::woke(Watch& watch) {
  auto log = kontor::log::get("scheduler");
  for (const auto& job : watch.jobs) {
    if (jobs_.is_running(job)) {
      watch.waiting.insert(job);  // it may have listed before the news: look again after it
      continue;
    }
    auto planned = jobs_.run_now(job);
    if (planned) {
      log->info("source {} has news: running {} now", watch.source, job);
      watch.waiting.insert(job);
    }
  }
  // Nothing could be asked for (every job queued already): look again when one of them runs.
  if (watch.waiting.empty()) watch.waiting.insert(watch.jobs.begin(), watch.jobs.end());
}

void SourceWatch::run_finished(const std::string& job) {
  for (auto& watch : watches_) {
    if (watch->waiting.erase(job) != 0 && watch->waiting.empty()) arm(*watch);
  }
}

}  // namespace kontor::service
