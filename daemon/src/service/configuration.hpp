// Loading the whole configuration the one way kontord start-up, SIGHUP, `kontord
// --check-config` and `kontorctl check-config` all share: the file, the engines' sections, the
// plugin directory, and every plugin instance's own keys against its plugin's schema.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "config/kontor_config.hpp"
#include "engine/engine.hpp"
#include "host/plugin_catalog.hpp"

namespace kontor::service {

struct Configuration {
  config::LoadedConfig loaded;             // configuration errors: exit 78
  std::vector<std::string> plugin_errors;  // plugins that could not be loaded: exit 3
  std::shared_ptr<const host::PluginCatalog> catalog;

  bool ok() const { return loaded.config && loaded.errors.empty() && plugin_errors.empty(); }
};

// `catalog`: the plugins already loaded (reload); when null they are loaded from the file's
// daemon.plugin_dir.
Configuration load_configuration(const std::string& path, const engine::EngineCatalog& engines,
                                 std::shared_ptr<const host::PluginCatalog> catalog = nullptr);

// Writes every error to stderr, one per line, then a count; returns the exit status to use.
int report_errors(const Configuration& configuration);

}  // namespace kontor::service
