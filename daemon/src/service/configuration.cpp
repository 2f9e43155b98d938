#include "service/configuration.hpp"

#include <cstdio>

namespace kontor::service {

config::LoadedConfig load_configuration(const std::string& path,
                                        const engine::EngineCatalog& engines) {
  return config::load_config(path, engines.declarations());
}

void print_errors(const config::ConfigErrors& errors) {
  for (const auto& error : errors) std::fprintf(stderr, "%s\n", to_string(error).c_str());
  std::fprintf(stderr, "%zu error%s in configuration\n", errors.size(),
               errors.size() == 1 ? "" : "s");
}

}  // namespace kontor::service
