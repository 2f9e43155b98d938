#include "config/config_error.hpp"

namespace kontor::config {

std::string to_string(const ConfigError& error) {
  return to_string(error.position) + ": " + error.message;
}

}  // namespace kontor::config
