// A plugin's entry function from its .so, for the benchmarks that call a real plugin in-process
// through the SDK's fake host (as kontord's host would call it).
#pragma once

#include <dlfcn.h>

#include <filesystem>

#include "bench_process.hpp"
#include "kontor/plugin_abi.h"

namespace kontor::bench {

// The entry of the plugin at `path` (dlopen'ed for the rest of the process), or nullptr with
// `error` set.
inline kontor_plugin_entry_fn plugin_entry(const std::filesystem::path& path, ChildError& error) {
  void* library = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (library == nullptr) {
    error.set("dlopen", dlerror());
    return nullptr;
  }
  // The exported symbol is a pointer variable holding the entry function (plugin_abi.h).
  const auto* slot =
      static_cast<const kontor_plugin_entry_fn*>(dlsym(library, KONTOR_PLUGIN_ENTRY_NAME));
  if (slot == nullptr || *slot == nullptr) {
    error.set("dlsym", KONTOR_PLUGIN_ENTRY_NAME " not found");
    return nullptr;
  }
  return *slot;
}

}  // namespace kontor::bench
