// Reads YAML text into a ConfigNode tree. The only file that includes yaml-cpp.
//
// Duplicate keys (which YAML forbids but yaml-cpp tolerates) and syntax errors are reported as
// ConfigErrors with their position; the tree is then empty.
#pragma once

#include <string>
#include <string_view>

#include "config/config_error.hpp"
#include "config/config_node.hpp"

namespace kontor::config {

struct YamlDocument {
  ConfigNode root;
  ConfigErrors errors;
};

// `file_name` is only used for positions in messages.
YamlDocument read_yaml(std::string_view text, const std::string& file_name);

// Reads the file; an unreadable file is one error at the file's name.
YamlDocument read_yaml_file(const std::string& path);

}  // namespace kontor::config
