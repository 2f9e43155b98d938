// Checks shared by several sections: names, time zones, country codes.
// Each returns an error message, or an empty string when the value is fine (see ValueCheck).
#pragma once

#include <string>

#include "config/config_node.hpp"

namespace kontor::config {

// Instance, job and plugin names appear in file names, URLs and metric labels: [a-z0-9-].
std::string check_name(const ConfigNode& name);
std::string check_timezone(const ConfigNode& zone);
std::string check_country(const ConfigNode& country);

}  // namespace kontor::config
