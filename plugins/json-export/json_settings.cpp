#include "json_settings.hpp"

#include <string>

namespace kontor::plugins::json_export {
namespace {

constexpr int kPrettyIndent = 2;

}  // namespace

std::vector<sdk::ConfigField> json_config_schema() {
  using sdk::ConfigField;
  return {
      ConfigField::text("path",
                        "Absolute folder the JSON documents are published to, the one a program "
                        "or a sync takes them from")
          .required(),
      ConfigField::flag("pretty",
                        "Indent the document by two blanks for people to read; otherwise it is "
                        "one line")
          .defaults("false"),
  };
}

Result<JsonSettings> read_json_settings(const sdk::Config& config) {
  JsonSettings settings;
  settings.path = config.text("path");
  // kontord runs as a service; a relative folder would depend on its working directory.
  if (!settings.path.is_absolute()) {
    return Error{"json-export configuration: path '" + settings.path.string() +
                 "' is not an absolute path"};
  }
  settings.indent = config.flag("pretty") ? kPrettyIndent : -1;
  return settings;
}

}  // namespace kontor::plugins::json_export
