// ConfigError: one problem in a configuration, with the place it was found.
//
// Loading collects every error before it reports, so an operator fixes a file in one pass.
#pragma once

#include <string>
#include <vector>

#include "config/config_node.hpp"

namespace kontor::config {

struct ConfigError {
  SourcePosition position;
  std::string message;
};

// "FILE:LINE:COLUMN: message"
std::string to_string(const ConfigError& error);

using ConfigErrors = std::vector<ConfigError>;

// Exit status of kontord and kontorctl when a configuration is invalid (sysexits EX_CONFIG).
// The systemd unit lists it in RestartPreventExitStatus so a bad file is not restarted in a loop.
inline constexpr int kExitInvalidConfig = 78;

}  // namespace kontor::config
