// FakeHost: kontord's side of the plugin ABI, in-process, for a plugin's own tests.
//
//   kontor::testing::FakeHost host(&kontor_plugin_entry_impl_v1);
//   host.set("path", dir.string());
//   auto folder = host.create();             // validates required keys, applies defaults
//   ASSERT_TRUE(folder) << folder.error().message;
//   std::vector<kontor::sdk::DocumentInfo> documents;
//   ... folder->proxy().list(...) ...
//
// It keeps state and secrets in memory, records log lines and metrics, and has a clock and a
// cancellation flag the test sets. Transfers are refused unless the test installs a handler
// (a plugin that talks to a server is tested against kontord's real host and a real server).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "kontor/plugin_abi.h"
#include "kontor/result.hpp"
#include "kontor/sdk/host_side.hpp"

namespace kontor::testing {

class FakeHost;

// One created instance; destroyed with this object.
class FakeInstance {
 public:
  ~FakeInstance();
  FakeInstance(const FakeInstance&) = delete;
  FakeInstance& operator=(const FakeInstance&) = delete;

  const sdk::InstanceProxy& proxy() const { return *proxy_; }

  // The plugin's own descriptor and instance, for a test that calls it in C the way another
  // host would (one built against an older ABI, sending smaller structs).
  const kontor_plugin_descriptor* descriptor() const { return descriptor_; }
  kontor_plugin_instance* instance() const { return instance_; }

 private:
  friend class FakeHost;
  FakeInstance() = default;
  const kontor_plugin_descriptor* descriptor_ = nullptr;
  kontor_plugin_instance* instance_ = nullptr;
  std::unique_ptr<sdk::InstanceProxy> proxy_;
};

class FakeHost {
 public:
  explicit FakeHost(kontor_plugin_entry_fn entry);
  ~FakeHost();
  FakeHost(const FakeHost&) = delete;
  FakeHost& operator=(const FakeHost&) = delete;

  // The descriptor the plugin returned (null if it refused this host).
  const kontor_plugin_descriptor* descriptor() const { return descriptor_; }

  // Configuration of the next create(), as validated text.
  void set(const std::string& key, std::string value) { scalars_[key] = std::move(value); }
  void set_list(const std::string& key, std::vector<std::string> items) {
    lists_[key] = std::move(items);
  }
  void set_map(const std::string& key, std::map<std::string, std::string> entries) {
    maps_[key] = std::move(entries);
  }
  void set_secret(const std::string& key, std::string value) { secrets_[key] = std::move(value); }

  // Checks keys against the plugin's schema (unknown, required), fills defaults, creates.
  Result<std::unique_ptr<FakeInstance>> create();

  // What the plugin did through the host.
  const std::vector<std::string>& log_lines() const { return log_lines_; }
  const std::map<std::string, std::int64_t>& metrics() const { return metrics_; }
  std::map<std::string, std::string>& state() { return state_; }

  std::int64_t now_utc_us = 0;
  bool cancelled = false;
  std::function<kontor_status(const kontor_transfer_request&, const kontor_bytes_sink*,
                              kontor_transfer_result*)>
      transfer_handler;

  // Internal: the C table calls back into these.
  struct Access;

 private:
  const kontor_plugin_descriptor* descriptor_ = nullptr;
  kontor_host_api api_{};
  std::map<std::string, std::string> scalars_;
  std::map<std::string, std::vector<std::string>> lists_;
  std::map<std::string, std::map<std::string, std::string>> maps_;
  std::map<std::string, std::string> secrets_;
  std::map<std::string, std::string> state_;
  std::map<std::string, std::int64_t> metrics_;
  std::vector<std::string> log_lines_;
  std::string last_error_;
};

}  // namespace kontor::testing
