// Reads YAML text into a ConfigNode tree. The only file that includes yaml-cpp.
//
// Duplicate keys (which YAML forbids but yaml-cpp tolerates) and syntax errors are reported as
// ConfigErrors with their position; the tree is then empty.
#pragma once

#include <string>
#include <string_view>

#include "config/config_error.hpp"
#include "config/config_node.hpp"
#include "kontor/result.hpp"

namespace kontor::config {

struct YamlDocument {
  ConfigNode root;
  ConfigErrors errors;
};

// `file_name` is only used for positions in messages.
YamlDocument read_yaml(std::string_view text, const std::string& file_name);

// The text of a configuration file, or why it cannot be read (missing, unreadable, too big).
Result<std::string> read_config_file(const std::string& path);

}  // namespace kontor::config
