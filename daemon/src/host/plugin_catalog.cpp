#include "host/plugin_catalog.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace kontor::host {

PluginCatalog PluginCatalog::load(const std::filesystem::path& directory,
                                  std::vector<std::string>& errors) {
  PluginCatalog catalog;
  catalog.directory_ = directory;
  std::error_code error;
  if (!std::filesystem::is_directory(directory, error)) {
    errors.push_back(fmt::format("{}: plugin directory does not exist", directory.string()));
    return catalog;
  }
  if (auto ok = check_not_writable_by_others(directory); !ok) {
    errors.push_back(ok.error().message);
    return catalog;
  }
  std::vector<std::filesystem::path> files;
  std::filesystem::directory_iterator listing(directory, error);
  for (; !error && listing != std::filesystem::directory_iterator(); listing.increment(error)) {
    const std::string name = listing->path().filename().string();
    if (name.starts_with("kontor-") && name.ends_with(".so")) files.push_back(listing->path());
  }
  if (error) {
    // An unreadable directory must not look like an empty one.
    errors.push_back(fmt::format("{}: cannot list plugins: {}", directory.string(), error.message()));
    return catalog;
  }
  std::sort(files.begin(), files.end());  // the same order, and so the same errors, every time
  for (const auto& file : files) {
    auto plugin = load_plugin_library(file);
    if (!plugin) {
      errors.push_back(plugin.error().message);
      continue;
    }
    if (const PluginLibrary* first = catalog.find(plugin->name)) {
      errors.push_back(fmt::format("{}: plugin name '{}' is already taken by {}", file.string(),
                                   plugin->name, first->path.string()));
      continue;
    }
    catalog.plugins_.push_back(std::move(plugin).value());
  }
  return catalog;
}

const PluginLibrary* PluginCatalog::find(const std::string& name) const {
  for (const auto& plugin : plugins_) {
    if (plugin.name == name) return &plugin;
  }
  return nullptr;
}

std::vector<std::string> PluginCatalog::names() const {
  std::vector<std::string> names;
  for (const auto& plugin : plugins_) names.push_back(plugin.name);
  return names;
}

}  // namespace kontor::host
