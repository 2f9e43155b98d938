// ConfigField: how a plugin declares one key of its configuration section.
//
//   static std::vector<kontor::sdk::ConfigField> schema() {
//     using kontor::sdk::ConfigField;
//     return {
//         ConfigField::text("path", "Folder to watch").required(),
//         ConfigField::duration("settle", "Unchanged this long before pickup").defaults("5s"),
//         ConfigField::text("mode", "How to ack").choices({"move", "delete"}).defaults("move"),
//     };
//   }
//
// The host validates each instance's section against it before any plugin code runs, and the
// same declaration documents the plugin.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kontor/plugin_abi.h"

namespace kontor::sdk {

class ConfigField {
 public:
  static ConfigField text(std::string key, std::string description);
  static ConfigField integer(std::string key, std::string description);
  static ConfigField flag(std::string key, std::string description);
  static ConfigField duration(std::string key, std::string description);
  static ConfigField decimal(std::string key, std::string description);
  static ConfigField money(std::string key, std::string description);
  static ConfigField list(std::string key, std::string description);
  static ConfigField map(std::string key, std::string description);
  static ConfigField secret(std::string key, std::string description);

  ConfigField required() &&;
  ConfigField defaults(std::string value) &&;
  ConfigField choices(std::vector<std::string> allowed) &&;
  ConfigField range(std::int64_t min, std::int64_t max) &&;

  const std::string& key() const { return key_; }
  std::int32_t type() const { return type_; }
  bool is_required() const { return required_; }
  const std::optional<std::string>& default_value() const { return default_; }
  const std::string& description() const { return description_; }
  const std::vector<std::string>& allowed() const { return choices_; }
  const std::optional<std::int64_t>& min() const { return min_; }
  const std::optional<std::int64_t>& max() const { return max_; }

 private:
  ConfigField(std::string key, std::int32_t type, std::string description)
      : key_(std::move(key)), type_(type), description_(std::move(description)) {}

  std::string key_;
  std::int32_t type_;
  std::string description_;
  bool required_ = false;
  std::optional<std::string> default_;
  std::vector<std::string> choices_;
  std::optional<std::int64_t> min_, max_;
};

// The C view of a schema, kept alive for the life of the process (the descriptor points at it).
struct CSchema {
  std::vector<ConfigField> fields;
  std::vector<std::vector<const char*>> choice_pointers;
  std::vector<kontor_config_field> c_fields;
};
const CSchema& make_c_schema(std::vector<ConfigField> fields);

}  // namespace kontor::sdk
