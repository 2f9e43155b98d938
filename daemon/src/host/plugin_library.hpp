// PluginLibrary: one plugin file, loaded and checked.
//
// Loading follows Kea's discipline: RTLD_NOW (a missing symbol fails here, not in the middle of
// a job), RTLD_LOCAL, one mandatory handshake (the entry point returns a descriptor for this
// host's ABI version), and the library is never unloaded while kontord runs. Every way a file
// can fail to be a usable plugin is a clear error naming the file.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "kontor/plugin_abi.h"
#include "kontor/result.hpp"

namespace kontor::host {

struct PluginLibrary {
  std::filesystem::path path;
  std::shared_ptr<void> handle;           // keeps the library loaded; never released early
  kontor_plugin_descriptor descriptor{};  // copied; fields beyond the plugin's size stay zero
  std::string name, version, summary, build_info;
};

// Refuses a file (or its directory) that others than its owner may write: whoever can write it
// can run code as kontord.
Result<void> check_not_writable_by_others(const std::filesystem::path& path);

Result<PluginLibrary> load_plugin_library(const std::filesystem::path& path);

}  // namespace kontor::host
