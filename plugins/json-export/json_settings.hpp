// The configuration of a `json-export` instance: the folder the documents go to and whether they
// are indented for people or on one line for programs. Read once when the instance is made;
// problems are refused then, so that an export never fails on configuration.
#pragma once

#include <filesystem>
#include <vector>

#include "kontor/result.hpp"
#include "kontor/sdk/config.hpp"
#include "kontor/sdk/config_schema.hpp"

namespace kontor::plugins::json_export {

struct JsonSettings {
  std::filesystem::path path;  // absolute: the folder a program or a sync takes documents from
  int indent = -1;             // batch_json's indent: -1 one line, 2 with `pretty: true`
};

std::vector<sdk::ConfigField> json_config_schema();

// The settings, or one error listing every problem (each naming its key).
Result<JsonSettings> read_json_settings(const sdk::Config& config);

}  // namespace kontor::plugins::json_export
