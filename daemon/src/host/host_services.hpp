// The host services a plugin instance reaches through kontor_host_api: logging, metrics, the
// clock, cancellation, per-instance state, secrets, configuration and transfers.
//
// HostInstance is what kontord hands a plugin as its opaque kontor_host_instance: one per
// configured instance, living as long as the instance.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "config/config_node.hpp"
#include "config/secret_reference.hpp"
#include "kontor/plugin_abi.h"
#include "kontor/result.hpp"

namespace spdlog {
class logger;
}

namespace kontor::host {

// Where the small per-instance state of plugins is kept (the store).
class InstanceStateStore {
 public:
  virtual ~InstanceStateStore() = default;
  virtual Result<std::optional<std::string>> get(const std::string& instance,
                                                 const std::string& key) = 0;
  virtual Result<void> put(const std::string& instance, const std::string& key,
                           const std::string& value) = 0;
  virtual Result<void> erase(const std::string& instance, const std::string& key) = 0;
};

// Counters and gauges plugins report, by "instance:metric". They live as long as the process:
// a restart starts every counter from zero again (Prometheus' rate() copes with that).
class PluginMetrics {
 public:
  void add(const std::string& name, std::int64_t delta);
  void set(const std::string& name, std::int64_t value);
  std::map<std::string, std::int64_t> snapshot() const;
  struct Sample {
    std::int64_t value = 0;
    bool gauge = false;  // last set with host.gauge rather than counted with host.count
  };
  std::map<std::string, Sample> samples() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::int64_t> values_;
  std::map<std::string, bool> gauges_;
};

class TransferService;

// What all instances of one kontord share.
struct HostContext {
  std::shared_ptr<Clock> clock;
  InstanceStateStore* state = nullptr;
  config::SecretEnvironment secrets;
  PluginMetrics* metrics = nullptr;
  TransferService* transfer = nullptr;
};

struct HostInstance {
  std::string name;    // instance name from the configuration
  std::string plugin;  // plugin name
  HostContext* context = nullptr;
  const config::ConfigNode* settings = nullptr;  // during create() only
  std::map<std::string, config::SecretReference> secrets;
  std::shared_ptr<spdlog::logger> log;
  const std::atomic<bool>* cancelled = nullptr;  // of the call in progress
  // The caller holds a store step while this call runs (a parser inside an import step): the
  // store is busy, so state calls are refused instead of waiting for it forever.
  bool inside_store_step = false;
  std::string last_error;
  std::string transfer_message;  // backs kontor_transfer_result::message until the next call
  std::vector<std::string> transfer_headers;  // and ::headers
  std::vector<kontor_str> transfer_header_views;
  // A connection the transfer service keeps open for the instance's next transfer (SMTP), of a
  // type only it knows; closed with the instance.
  std::shared_ptr<void> kept_connection;
};

// The function table every instance gets; its functions cast kontor_host_instance* back to
// HostInstance*.
const kontor_host_api& host_api();

}  // namespace kontor::host
