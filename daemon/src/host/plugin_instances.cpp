#include "host/plugin_instances.hpp"

#include <fmt/format.h>

#include "kontor/sdk/views.hpp"
#include "log/logging.hpp"

namespace kontor::host {
namespace {

// Secret keys of the instance: key -> reference, taken from the validated settings.
std::map<std::string, config::SecretReference> secrets_of(const PluginLibrary& plugin,
                                                          const config::ConfigNode& settings) {
  std::map<std::string, config::SecretReference> secrets;
  const kontor_plugin_descriptor& d = plugin.descriptor;
  for (std::uint32_t i = 0; d.config_fields != nullptr && i < d.config_field_count; ++i) {
    const kontor_config_field& field = *sdk::element(d.config_fields, d.config_field_size, i);
    if (field.type != KONTOR_CONFIG_SECRET || field.key == nullptr) continue;
    const config::ConfigNode* node = settings.find(field.key);
    if (node == nullptr) continue;
    if (auto reference = config::secret_reference_of(*node)) secrets[field.key] = *reference;
  }
  return secrets;
}

}  // namespace

PluginInstance::PluginInstance(const PluginLibrary& plugin, std::unique_ptr<HostInstance> host,
                               BlockingPool& pool)
    : plugin_(plugin), host_(std::move(host)), pool_(pool) {}

PluginInstance::~PluginInstance() {
  if (instance_ == nullptr) return;
  std::lock_guard lock(one_call_at_a_time_);
  try {
    pool_.run([&] { plugin_.descriptor.destroy(instance_); });
  } catch (...) {
    host_->log->error("destroy threw; the instance is abandoned");
  }
}

Result<void> PluginInstance::create(const config::ConfigNode& settings) {
  host_->settings = &settings;
  host_->secrets = secrets_of(plugin_, settings);
  kontor_status status = KONTOR_INTERNAL;
  std::string thrown;
  pool_.run([&] {
    try {
      status = plugin_.descriptor.create(
          &host_api(), reinterpret_cast<kontor_host_instance*>(host_.get()),
          reinterpret_cast<const kontor_config*>(&settings), &instance_);
    } catch (const std::exception& e) {
      thrown = e.what();
    } catch (...) {
      thrown = "unknown exception";
    }
  });
  host_->settings = nullptr;  // the configuration view ends with create()
  const std::string what = fmt::format("instance '{}' (plugin {})", host_->name, plugin_.name);
  if (!thrown.empty()) {
    instance_ = nullptr;
    return Error{fmt::format("{}: create threw: {}", what, thrown)};
  }
  if (status == KONTOR_OK && instance_ == nullptr) {
    status = KONTOR_INTERNAL;  // else the error would read "...: ok"
    host_->last_error = "create returned OK but no instance";
  }
  if (status != KONTOR_OK || instance_ == nullptr) {
    instance_ = nullptr;
    const std::string message = std::exchange(host_->last_error, {});
    return Error{fmt::format("{}: {}{}", what,
                             status == KONTOR_INVALID_CONFIG
                                 ? "invalid configuration"
                                 : sdk::to_string(static_cast<sdk::Code>(status)),
                             message.empty() ? "" : ": " + message)};
  }
  proxy_ = std::make_unique<sdk::InstanceProxy>(
      &plugin_.descriptor, instance_, [this] { return std::exchange(host_->last_error, {}); });
  return {};
}

sdk::Status PluginInstance::call(const std::atomic<bool>& cancelled,
                                 const std::function<sdk::Status(const sdk::InstanceProxy&)>& call,
                                 bool inside_store_step) {
  std::lock_guard lock(one_call_at_a_time_);
  sdk::Status status;
  host_->cancelled = &cancelled;
  host_->inside_store_step = inside_store_step;
  host_->last_error.clear();  // a message left from an earlier call must not explain this one
  try {
    pool_.run([&] { status = call(*proxy_); });
  } catch (const std::exception& e) {
    status = sdk::Status::internal(std::string("threw: ") + e.what());
  } catch (...) {
    // A plugin without the SDK's guard may throw anything; it must not reach the job runner.
    status = sdk::Status::internal("threw something that is not a std::exception");
  }
  host_->cancelled = nullptr;
  host_->inside_store_step = false;
  if (status) return status;
  return sdk::Status::from_code(
      static_cast<kontor_status>(status.code()),
      fmt::format("instance '{}' (plugin {}): {}", host_->name, plugin_.name, status.message()));
}

Result<std::unique_ptr<PluginInstances>> PluginInstances::create(const config::KontorConfig& config,
                                                                 const PluginCatalog& catalog,
                                                                 HostContext& context,
                                                                 BlockingPool& pool) {
  auto instances = std::make_unique<PluginInstances>();
  std::vector<std::string> errors;
  for (const auto& settings : config.instances) {
    const PluginLibrary* plugin = catalog.find(settings.plugin);
    if (plugin == nullptr) {
      errors.push_back(
          fmt::format("instance '{}': no plugin '{}'", settings.name, settings.plugin));
      continue;
    }
    auto host = std::make_unique<HostInstance>();
    host->name = settings.name;
    host->plugin = plugin->name;
    host->context = &context;
    host->log = kontor::log::get("plugin:" + settings.name);
    auto instance = std::make_unique<PluginInstance>(*plugin, std::move(host), pool);
    if (auto created = instance->create(settings.settings); !created) {
      errors.push_back(created.error().message);
      continue;
    }
    instances->instances_[settings.name] = std::move(instance);
  }
  if (!errors.empty()) return Error{fmt::format("{}", fmt::join(errors, "\n"))};
  return instances;
}

PluginInstance* PluginInstances::find(const std::string& name) const {
  auto it = instances_.find(name);
  return it == instances_.end() ? nullptr : it->second.get();
}

}  // namespace kontor::host
