// Parser plugins for kontorctl's offline verbs (`parse`, `match`): loaded from the plugin
// directory, created with settings given on the command line, asked how sure they are about a
// file, and run on it with any sink — the same plugins and calls kontord uses.
//
// Plugins are looked for in the given directory, $KONTOR_PLUGIN_DIR, the build tree beside
// kontorctl (../plugins), then the installed plugin directory.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "host/blocking_pool.hpp"
#include "host/plugin_catalog.hpp"
#include "host/plugin_instances.hpp"
#include "kontor/result.hpp"
#include "kontor/sdk/roles.hpp"

namespace kontor::ctl {

std::filesystem::path plugin_directory(const std::string& given);

class OfflineParsers {
 public:
  // Creates an instance of each plugin of `plugins` that the directory has (`settings`: keys
  // per plugin name, checked against its schema). An error names the plugin and the problem;
  // a plugin that is not there is an error only when `all_required`.
  static Result<std::unique_ptr<OfflineParsers>> load(
      const std::filesystem::path& directory, const std::vector<std::string>& plugins,
      const std::map<std::string, std::vector<std::pair<std::string, std::string>>>& settings,
      bool all_required);

  ~OfflineParsers();
  const std::vector<std::string>& names() const { return names_; }

  // The parser most sure about `file` (probe on its first 4 KiB), or the one named `forced`.
  // Null when none is.
  host::PluginInstance* choose(const std::string& file, const std::string& forced = {});

  // Runs `parser` on `file` into `sink`; the error is the parser's message without the host's
  // "instance 'x' (plugin x): " in front (it may start with "LINE:COLUMN: ").
  Status parse(host::PluginInstance& parser, const std::string& file, sdk::ParseSink& sink);

 private:
  OfflineParsers();
  std::optional<host::PluginCatalog> catalog_;
  host::HostContext context_;
  host::BlockingPool pool_{1};
  std::vector<std::string> names_;
  std::vector<std::unique_ptr<host::PluginInstance>> instances_;
};

}  // namespace kontor::ctl
