// Loading the whole configuration the one way kontord start-up, SIGHUP, `kontord
// --check-config` and `kontorctl check-config` all share: the file, the engines' sections and
// every plugin instance's own keys, with all errors at once.
#pragma once

#include <string>

#include "config/kontor_config.hpp"
#include "engine/engine.hpp"

namespace kontor::service {

config::LoadedConfig load_configuration(const std::string& path,
                                        const engine::EngineCatalog& engines);

// Writes each error as one "FILE:LINE:COLUMN: message" line to stderr, then a count.
void print_errors(const config::ConfigErrors& errors);

}  // namespace kontor::service
