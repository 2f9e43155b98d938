// Where the plugin_abi tests find their plugins, and a configuration to create instances from.
//
// The fixture libraries are built by tests/plugin_abi/CMakeLists.txt, one directory per case;
// the real plugins by plugins/ into ${CMAKE_BINARY_DIR}/plugins.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "config/kontor_config.hpp"
#include "support/temp_dir.hpp"

namespace kontor::testing {

// The directory of one fixture case, holding kontor-<case>.so (duplicate-name holds two).
inline std::filesystem::path fixture_dir(const std::string& case_name) {
  return std::filesystem::path(KONTOR_PLUGIN_FIXTURE_DIR) / case_name;
}
inline std::filesystem::path fixture_file(const std::string& case_name) {
  return fixture_dir(case_name) / ("kontor-" + case_name + ".so");
}
inline std::filesystem::path real_plugin_dir() {
  return binary_dir() / "plugins";
}

// Copies plugin files into `directory` (a TempDir: mode 0700, owned by the test).
inline void copy_plugins(const std::vector<std::filesystem::path>& files,
                         const std::filesystem::path& directory) {
  for (const auto& file : files) std::filesystem::copy_file(file, directory / file.filename());
}

// Loads `kCompany` + `text` as k.yaml with one engine (import_statements) and no environment.
inline config::LoadedConfig load_test_config(const std::string& text) {
  static const char* kCompany = R"(company:
  legal_name: Muster GmbH
  address: {street: Hauptstr. 1, postcode: "50667", city: Köln, country: DE}
  timezone: Europe/Berlin
)";
  config::ConfigDeclarations declarations;
  declarations.engines.push_back(
      {"import_statements", config::section({}), "Import bank statements."});
  return config::load_config_text(
      std::string(kCompany) + text, "k.yaml", declarations,
      [](const std::string&) -> std::optional<std::string> { return std::nullopt; });
}

}  // namespace kontor::testing
