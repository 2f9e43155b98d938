// PluginInstances: the configured plugin instances of one configuration, created together.
//
// Created all at once from a validated configuration; if any instance refuses its configuration
// none is kept (a reload never half-applies). Every call into an instance runs on the blocking
// pool, one at a time per instance, with the caller's cancellation flag visible to the plugin
// as host->cancelled(). An exception or error from a plugin becomes a Status naming the
// instance; the daemon goes on.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "config/kontor_config.hpp"
#include "host/blocking_pool.hpp"
#include "host/host_services.hpp"
#include "host/plugin_catalog.hpp"
#include "kontor/sdk/host_side.hpp"

namespace kontor::host {

class PluginInstance {
 public:
  PluginInstance(const PluginLibrary& plugin, std::unique_ptr<HostInstance> host,
                 BlockingPool& pool);
  ~PluginInstance();
  PluginInstance(const PluginInstance&) = delete;
  PluginInstance& operator=(const PluginInstance&) = delete;

  // Calls the plugin's create(); an error says what the plugin said.
  Result<void> create(const config::ConfigNode& settings);

  const std::string& name() const { return host_->name; }
  const PluginLibrary& plugin() const { return plugin_; }
  bool has_role(std::uint32_t role) const { return (plugin_.descriptor.roles & role) != 0; }

  // Runs `call` against the instance on the pool. A non-OK status gets the instance's name in
  // front of its message ("instance 'bank' (plugin sftp-source): ...").
  // `inside_store_step`: the caller holds a store step during the call (see HostInstance).
  sdk::Status call(const std::atomic<bool>& cancelled,
                   const std::function<sdk::Status(const sdk::InstanceProxy&)>& call,
                   bool inside_store_step = false);

 private:
  const PluginLibrary& plugin_;
  std::unique_ptr<HostInstance> host_;
  BlockingPool& pool_;
  kontor_plugin_instance* instance_ = nullptr;
  std::unique_ptr<sdk::InstanceProxy> proxy_;
  std::mutex one_call_at_a_time_;
};

class PluginInstances {
 public:
  // Creates every instance of `config`; on any error returns them all as messages.
  static Result<std::unique_ptr<PluginInstances>> create(const config::KontorConfig& config,
                                                         const PluginCatalog& catalog,
                                                         HostContext& context, BlockingPool& pool);

  PluginInstance* find(const std::string& name) const;
  std::size_t size() const { return instances_.size(); }

 private:
  std::map<std::string, std::unique_ptr<PluginInstance>> instances_;
};

}  // namespace kontor::host
