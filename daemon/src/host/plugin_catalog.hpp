// PluginCatalog: every plugin in kontord's plugin directory, loaded once at start-up and kept.
//
// Each kontor-*.so in the directory is loaded and checked; a directory or file writable by
// others than its owner, a broken file, or two plugins with one name stop start-up with a clear
// error each. On SIGHUP the catalog is reused: a new plugin binary takes effect on restart.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "host/plugin_library.hpp"
#include "kontor/result.hpp"

namespace kontor::host {

class PluginCatalog {
 public:
  // Loads the directory; `errors` receives one message per problem (all of them).
  static PluginCatalog load(const std::filesystem::path& directory,
                            std::vector<std::string>& errors);

  const PluginLibrary* find(const std::string& name) const;
  const std::vector<PluginLibrary>& plugins() const { return plugins_; }
  std::vector<std::string> names() const;
  const std::filesystem::path& directory() const { return directory_; }

 private:
  std::filesystem::path directory_;
  std::vector<PluginLibrary> plugins_;
};

}  // namespace kontor::host
