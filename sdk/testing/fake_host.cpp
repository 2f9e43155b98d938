#include "kontor/testing/fake_host.hpp"

#include "kontor/sdk/views.hpp"
#include "kontor/version.hpp"

namespace kontor::testing {

using sdk::copy;
using sdk::view;

// The fake host is its own kontor_host_instance and kontor_config.
struct FakeHost::Access {
  static FakeHost& of(kontor_host_instance* host) { return *reinterpret_cast<FakeHost*>(host); }
  static const FakeHost& of(const kontor_config* config) {
    return *reinterpret_cast<const FakeHost*>(config);
  }

  static void log(kontor_host_instance* host, int32_t level, kontor_str message) {
    static const char* kLevels[] = {"?", "debug", "info", "warning", "error"};
    of(host).log_lines_.push_back(std::string(level >= 1 && level <= 4 ? kLevels[level] : "?") +
                                  ": " + copy(message));
  }
  static void set_error(kontor_host_instance* host, kontor_str message) {
    of(host).last_error_ = copy(message);
  }
  static void metric_add(kontor_host_instance* host, kontor_str name, int64_t delta) {
    of(host).metrics_[copy(name)] += delta;
  }
  static void gauge_set(kontor_host_instance* host, kontor_str name, int64_t value) {
    of(host).metrics_[copy(name)] = value;
  }
  static int64_t now_utc_us(kontor_host_instance* host) { return of(host).now_utc_us; }
  static int32_t cancelled(kontor_host_instance* host) { return of(host).cancelled ? 1 : 0; }

  static kontor_status state_get(kontor_host_instance* host, kontor_str key,
                                 const kontor_bytes_sink* sink) {
    auto& state = of(host).state_;
    auto it = state.find(copy(key));
    if (it == state.end()) return KONTOR_NOT_FOUND;
    return sink->write(sink->context, sdk::bytes_view(it->second));
  }
  static kontor_status state_put(kontor_host_instance* host, kontor_str key, kontor_bytes value) {
    of(host).state_[copy(key)] = copy(value);
    return KONTOR_OK;
  }
  static kontor_status state_delete(kontor_host_instance* host, kontor_str key) {
    return of(host).state_.erase(copy(key)) ? KONTOR_OK : KONTOR_NOT_FOUND;
  }
  static kontor_status secret_get(kontor_host_instance* host, kontor_str key,
                                  const kontor_bytes_sink* sink) {
    auto& secrets = of(host).secrets_;
    auto it = secrets.find(copy(key));
    if (it == secrets.end()) return KONTOR_NOT_FOUND;
    return sink->write(sink->context, sdk::bytes_view(it->second));
  }
  static kontor_status config_get(const kontor_config* config, kontor_str key, kontor_str* value) {
    const auto& scalars = of(config).scalars_;
    auto it = scalars.find(copy(key));
    if (it == scalars.end()) return KONTOR_NOT_FOUND;
    *value = view(it->second);
    return KONTOR_OK;
  }
  static uint32_t config_size(const kontor_config* config, kontor_str key) {
    const FakeHost& host = of(config);
    if (auto it = host.lists_.find(copy(key)); it != host.lists_.end()) {
      return static_cast<uint32_t>(it->second.size());
    }
    if (auto it = host.maps_.find(copy(key)); it != host.maps_.end()) {
      return static_cast<uint32_t>(it->second.size());
    }
    // A secret is a reference of one entry ({env: NAME}) in kontord's configuration.
    return host.secrets_.count(copy(key)) != 0 ? 1 : 0;
  }
  static kontor_status config_item(const kontor_config* config, kontor_str key, uint32_t index,
                                   kontor_str* name, kontor_str* value) {
    const FakeHost& host = of(config);
    if (auto it = host.lists_.find(copy(key)); it != host.lists_.end()) {
      if (index >= it->second.size()) return KONTOR_NOT_FOUND;
      *name = view("");
      *value = view(it->second[index]);
      return KONTOR_OK;
    }
    if (auto it = host.maps_.find(copy(key)); it != host.maps_.end()) {
      if (index >= it->second.size()) return KONTOR_NOT_FOUND;
      auto entry = std::next(it->second.begin(), index);
      *name = view(entry->first);
      *value = view(entry->second);
      return KONTOR_OK;
    }
    return KONTOR_NOT_FOUND;
  }
  static kontor_status transfer(kontor_host_instance* host, const kontor_transfer_request* request,
                                const kontor_bytes_sink* response, kontor_transfer_result* result) {
    FakeHost& self = of(host);
    if (!self.transfer_handler) {
      static const char kRefused[] = "the fake host makes no transfers";
      result->message = {kRefused, sizeof(kRefused) - 1};
      return KONTOR_UNSUPPORTED;
    }
    return self.transfer_handler(*request, response, result);
  }
};

FakeHost::FakeHost(kontor_plugin_entry_fn entry) {
  api_.struct_size = sizeof(api_);
  api_.abi_major = KONTOR_ABI_MAJOR;
  api_.abi_minor = KONTOR_ABI_MINOR;
  api_.host_version = view(kontor::kVersion);
  api_.log = &Access::log;
  api_.set_error = &Access::set_error;
  api_.metric_add = &Access::metric_add;
  api_.gauge_set = &Access::gauge_set;
  api_.now_utc_us = &Access::now_utc_us;
  api_.cancelled = &Access::cancelled;
  api_.state_get = &Access::state_get;
  api_.state_put = &Access::state_put;
  api_.state_delete = &Access::state_delete;
  api_.secret_get = &Access::secret_get;
  api_.config_get = &Access::config_get;
  api_.config_size = &Access::config_size;
  api_.config_item = &Access::config_item;
  api_.transfer = &Access::transfer;
  const kontor_host_info info{sizeof(kontor_host_info), KONTOR_ABI_MAJOR, KONTOR_ABI_MINOR,
                              view(kontor::kVersion)};
  descriptor_ = entry(&info);
}

FakeHost::~FakeHost() = default;

FakeInstance::~FakeInstance() {
  if (descriptor_ != nullptr && instance_ != nullptr) descriptor_->destroy(instance_);
}

Result<std::unique_ptr<FakeInstance>> FakeHost::create() {
  if (descriptor_ == nullptr) return Error{"the plugin refused this host (null descriptor)"};
  // The schema check kontord does, reduced to what a plugin's own test needs.
  std::map<std::string, const kontor_config_field*> fields;
  for (uint32_t i = 0; i < descriptor_->config_field_count; ++i) {
    const auto* field = sdk::element(descriptor_->config_fields, descriptor_->config_field_size, i);
    fields[field->key] = field;
  }
  auto declared = [&](const std::string& key) { return fields.count(key) != 0; };
  for (const auto& [key, value] : scalars_) {
    if (!declared(key)) return Error{"unknown key '" + key + "'"};
  }
  for (const auto& [key, value] : lists_) {
    if (!declared(key)) return Error{"unknown key '" + key + "'"};
  }
  for (const auto& [key, value] : maps_) {
    if (!declared(key)) return Error{"unknown key '" + key + "'"};
  }
  for (const auto& [key, field] : fields) {
    const bool given =
        scalars_.count(key) || lists_.count(key) || maps_.count(key) || secrets_.count(key);
    if (!given && field->default_value != nullptr) scalars_[key] = field->default_value;
    if (!given && field->required && field->default_value == nullptr) {
      return Error{"missing required key '" + key + "'"};
    }
  }
  auto instance = std::unique_ptr<FakeInstance>(new FakeInstance());
  instance->descriptor_ = descriptor_;
  last_error_.clear();
  const kontor_status status =
      descriptor_->create(&api_, reinterpret_cast<kontor_host_instance*>(this),
                          reinterpret_cast<const kontor_config*>(this), &instance->instance_);
  if (status != KONTOR_OK) {
    return Error{std::string(sdk::to_string(static_cast<sdk::Code>(status))) + ": " + last_error_};
  }
  instance->proxy_ = std::make_unique<sdk::InstanceProxy>(
      descriptor_, instance->instance_, [this] { return std::exchange(last_error_, {}); });
  return instance;
}

}  // namespace kontor::testing
