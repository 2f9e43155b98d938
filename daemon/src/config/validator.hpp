// Checks a ConfigNode tree against a Schema and produces the validated tree.
//
// The validated tree has every ${VAR} expanded (outside secrets) and every declared default
// filled in, so readers never re-apply defaults. All problems are collected, never only the
// first, each as "FILE:LINE:COLUMN: 'dotted.path': what was expected, what was found".
#pragma once

#include <string>

#include "config/config_error.hpp"
#include "config/config_node.hpp"
#include "config/env_expansion.hpp"
#include "config/schema.hpp"

namespace kontor::config {

class Validator {
 public:
  Validator(EnvironmentLookup environment, ConfigErrors& errors)
      : environment_(std::move(environment)), errors_(errors) {}

  // `path` names the node in messages ("daemon", "jobs.import"); empty for the root.
  ConfigNode validate(const ConfigNode& node, const ValueSpec& spec, const std::string& path);

  void error(const SourcePosition& position, const std::string& path, const std::string& what);

 private:
  ConfigNode validate_scalar(const ConfigNode& node, const ValueSpec& spec,
                             const std::string& path);
  ConfigNode validate_secret(const ConfigNode& node, const std::string& path);
  ConfigNode validate_list(const ConfigNode& node, const ValueSpec& spec, const std::string& path);
  ConfigNode validate_map(const ConfigNode& node, const ValueSpec& spec, const std::string& path);
  ConfigNode validate_section(const ConfigNode& node, const ValueSpec& spec,
                              const std::string& path);
  bool scalar_has_type(const std::string& text, const ValueSpec& spec) const;

  EnvironmentLookup environment_;
  ConfigErrors& errors_;
};

// "a.b" from "a" and "b"; just "b" when the parent is the root.
std::string join_path(const std::string& parent, const std::string& key);

}  // namespace kontor::config
