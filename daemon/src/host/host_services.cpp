#include "host/host_services.hpp"

#include <spdlog/logger.h>

#include "host/transfer_service.hpp"
#include "kontor/sdk/views.hpp"
#include "kontor/version.hpp"

namespace kontor::host {
namespace {

using sdk::copy;
using sdk::view;

HostInstance& self(kontor_host_instance* host) {
  return *reinterpret_cast<HostInstance*>(host);
}
const config::ConfigNode& settings(const kontor_config* config) {
  return *reinterpret_cast<const config::ConfigNode*>(config);
}

void log(kontor_host_instance* host, int32_t level, kontor_str message) {
  HostInstance& instance = self(host);
  const std::string text = copy(message);
  switch (level) {
    case KONTOR_LOG_DEBUG:
      instance.log->debug("{}", text);
      break;
    case KONTOR_LOG_WARNING:
      instance.log->warn("{}", text);
      break;
    case KONTOR_LOG_ERROR:
      instance.log->error("{}", text);
      break;
    default:
      instance.log->info("{}", text);
      break;
  }
}

void set_error(kontor_host_instance* host, kontor_str message) {
  self(host).last_error = copy(message);
}

void metric_add(kontor_host_instance* host, kontor_str name, int64_t delta) {
  HostInstance& instance = self(host);
  if (instance.context->metrics)
    instance.context->metrics->add(instance.name + ":" + copy(name), delta);
}

void gauge_set(kontor_host_instance* host, kontor_str name, int64_t value) {
  HostInstance& instance = self(host);
  if (instance.context->metrics)
    instance.context->metrics->set(instance.name + ":" + copy(name), value);
}

int64_t now_utc_us(kontor_host_instance* host) {
  return self(host).context->clock->now().time_since_epoch().count();
}

int32_t cancelled(kontor_host_instance* host) {
  const std::atomic<bool>* flag = self(host).cancelled;
  return flag != nullptr && flag->load() ? 1 : 0;
}

// State lives in the store; a call made inside a store step cannot reach it.
bool state_reachable(HostInstance& instance) {
  if (instance.context->state == nullptr) return false;
  if (instance.inside_store_step) {
    instance.log->error("plugin state is not available inside an import step (parsers keep none)");
    return false;
  }
  return true;
}

kontor_status state_get(kontor_host_instance* host, kontor_str key, const kontor_bytes_sink* sink) {
  HostInstance& instance = self(host);
  if (!state_reachable(instance)) return KONTOR_UNSUPPORTED;
  auto value = instance.context->state->get(instance.name, copy(key));
  if (!value) {
    instance.log->error("cannot read state '{}': {}", copy(key), value.error().message);
    return KONTOR_RETRY;
  }
  if (!*value) return KONTOR_NOT_FOUND;
  return sink->write(sink->context, sdk::bytes_view(**value));
}

kontor_status state_put(kontor_host_instance* host, kontor_str key, kontor_bytes value) {
  HostInstance& instance = self(host);
  if (!state_reachable(instance)) return KONTOR_UNSUPPORTED;
  auto stored = instance.context->state->put(instance.name, copy(key), copy(value));
  if (!stored) {
    instance.log->error("cannot store state '{}': {}", copy(key), stored.error().message);
    return KONTOR_RETRY;
  }
  return KONTOR_OK;
}

kontor_status state_delete(kontor_host_instance* host, kontor_str key) {
  HostInstance& instance = self(host);
  if (!state_reachable(instance)) return KONTOR_UNSUPPORTED;
  auto erased = instance.context->state->erase(instance.name, copy(key));
  if (!erased) {
    instance.log->error("cannot erase state '{}': {}", copy(key), erased.error().message);
    return KONTOR_RETRY;
  }
  return KONTOR_OK;
}

kontor_status secret_get(kontor_host_instance* host, kontor_str key,
                         const kontor_bytes_sink* sink) {
  HostInstance& instance = self(host);
  auto it = instance.secrets.find(copy(key));
  if (it == instance.secrets.end()) {
    instance.log->error("asked for secret '{}', which is not a configured secret key", copy(key));
    return KONTOR_NOT_FOUND;
  }
  auto value = config::resolve_secret(it->second, instance.context->secrets);
  if (!value) {
    // The message names the reference, never a value.
    instance.log->error("{}", value.error().message);
    return KONTOR_FAILED;
  }
  std::string secret = std::move(value).value();
  const kontor_status status = sink->write(sink->context, sdk::bytes_view(secret));
  std::fill(secret.begin(), secret.end(), '\0');  // do not leave it lying in freed memory
  return status;
}

kontor_status config_get(const kontor_config* config, kontor_str key, kontor_str* value) {
  const config::ConfigNode* node = settings(config).find(copy(key));
  if (node == nullptr || !node->is_scalar()) return KONTOR_NOT_FOUND;
  *value = view(node->text());
  return KONTOR_OK;
}

uint32_t config_size(const kontor_config* config, kontor_str key) {
  const config::ConfigNode* node = settings(config).find(copy(key));
  if (node == nullptr) return 0;
  if (node->is_sequence()) return static_cast<uint32_t>(node->items().size());
  if (node->is_map()) return static_cast<uint32_t>(node->entries().size());
  return 0;
}

kontor_status config_item(const kontor_config* config, kontor_str key, uint32_t index,
                          kontor_str* name, kontor_str* value) {
  const config::ConfigNode* node = settings(config).find(copy(key));
  if (node == nullptr) return KONTOR_NOT_FOUND;
  if (node->is_sequence() && index < node->items().size()) {
    *name = view("");
    *value = view(node->items()[index].text());
    return KONTOR_OK;
  }
  if (node->is_map() && index < node->entries().size()) {
    *name = view(node->entries()[index].key);
    *value = view(node->entries()[index].value.text());
    return KONTOR_OK;
  }
  return KONTOR_NOT_FOUND;
}

kontor_status transfer(kontor_host_instance* host, const kontor_transfer_request* request,
                       const kontor_bytes_sink* response, kontor_transfer_result* result) {
  HostInstance& instance = self(host);
  if (instance.context->transfer == nullptr) return KONTOR_UNSUPPORTED;
  return instance.context->transfer->perform(instance, *request, *response, *result);
}

}  // namespace

void PluginMetrics::add(const std::string& name, std::int64_t delta) {
  std::lock_guard lock(mutex_);
  values_[name] += delta;
  gauges_[name] = false;
}

void PluginMetrics::set(const std::string& name, std::int64_t value) {
  std::lock_guard lock(mutex_);
  values_[name] = value;
  gauges_[name] = true;
}

std::map<std::string, std::int64_t> PluginMetrics::snapshot() const {
  std::lock_guard lock(mutex_);
  return values_;
}

std::map<std::string, PluginMetrics::Sample> PluginMetrics::samples() const {
  std::lock_guard lock(mutex_);
  std::map<std::string, Sample> samples;
  for (const auto& [name, value] : values_) samples[name] = {value, gauges_.at(name)};
  return samples;
}

const kontor_host_api& host_api() {
  static const std::string version = kontor::kVersion;
  static const kontor_host_api api = [] {
    kontor_host_api table{};
    table.struct_size = sizeof(table);
    table.abi_major = KONTOR_ABI_MAJOR;
    table.abi_minor = KONTOR_ABI_MINOR;
    table.host_version = view(version);
    table.log = &log;
    table.set_error = &set_error;
    table.metric_add = &metric_add;
    table.gauge_set = &gauge_set;
    table.now_utc_us = &now_utc_us;
    table.cancelled = &cancelled;
    table.state_get = &state_get;
    table.state_put = &state_put;
    table.state_delete = &state_delete;
    table.secret_get = &secret_get;
    table.config_get = &config_get;
    table.config_size = &config_size;
    table.config_item = &config_item;
    table.transfer = &transfer;
    return table;
  }();
  return api;
}

}  // namespace kontor::host
