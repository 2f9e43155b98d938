#include "service/configuration.hpp"

#include <cstdio>

#include "host/instance_validation.hpp"

namespace kontor::service {

Configuration load_configuration(const std::string& path, const engine::EngineCatalog& engines,
                                 std::shared_ptr<const host::PluginCatalog> catalog) {
  Configuration configuration;
  configuration.loaded = config::load_config(path, engines.declarations());
  // Plugins are loaded from the file's plugin_dir: with a broken file there is no telling which.
  if (!configuration.loaded.config || !configuration.loaded.errors.empty()) return configuration;
  config::KontorConfig& config = *configuration.loaded.config;
  if (!catalog) {
    auto loaded = std::make_shared<host::PluginCatalog>(
        host::PluginCatalog::load(config.daemon.plugin_dir, configuration.plugin_errors));
    catalog = std::move(loaded);
  }
  configuration.catalog = catalog;
  host::validate_instances(config, *catalog, config::process_environment(),
                           configuration.loaded.errors);
  return configuration;
}

int report_errors(const Configuration& configuration) {
  for (const auto& error : configuration.plugin_errors) {
    std::fprintf(stderr, "%s\n", error.c_str());
  }
  const auto& errors = configuration.loaded.errors;
  for (const auto& error : errors) std::fprintf(stderr, "%s\n", to_string(error).c_str());
  if (!errors.empty()) {
    std::fprintf(stderr, "%zu error%s in configuration\n", errors.size(),
                 errors.size() == 1 ? "" : "s");
  }
  if (!configuration.plugin_errors.empty()) {
    std::fprintf(stderr, "%zu plugin%s could not be loaded\n", configuration.plugin_errors.size(),
                 configuration.plugin_errors.size() == 1 ? "" : "s");
  }
  // Plugins first: a broken plugin directory also makes every instance of its plugins unknown.
  if (!configuration.plugin_errors.empty()) return 3;
  return errors.empty() ? 0 : config::kExitInvalidConfig;
}

}  // namespace kontor::service
