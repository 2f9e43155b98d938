// Schema: a declaration of what a configuration section may contain.
//
// Every section of kontor.yaml, every job's `with:` block and every plugin instance is checked
// against a Schema before any code that uses it runs. A new section is a declaration, not new
// parsing code: list its fields with a type, whether they are required, a default and one line
// of documentation (the same text feeds `kontorctl` help and the README reference).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/config_node.hpp"

namespace kontor::config {

enum class ValueType {
  kString,    // any text; optionally restricted to `choices`
  kInt,       // signed 64-bit, optionally within [min, max]
  kBool,      // true or false
  kDuration,  // 500ms, 30s, 5m, 2h, 1d, or combined such as 1h30m
  kDecimal,   // exact decimal such as 8.5 or -0.25 (never a floating-point number)
  kMoney,     // amount and ISO 4217 currency: "5.00 EUR"
  kSecret,    // exactly one of {env: NAME}, {file: PATH}, {credential: NAME}
  kList,      // a list of `element`
  kMap,       // name -> `element`, names checked by `key_check`
  kSection,   // a map with declared `fields`; unknown keys are errors
};

struct FieldSpec;

// How a secret may be written; every message about a secret says it the same way.
inline constexpr const char* kSecretShapes =
    "exactly one of {env: NAME}, {file: PATH}, {credential: NAME}";

// Extra check run on a value that already has the right type. Returns an error message, or an
// empty string when the value is fine.
using ValueCheck = std::function<std::string(const ConfigNode&)>;

struct ValueSpec {
  ValueType type = ValueType::kString;
  std::vector<std::string> choices;          // kString: allowed values, if not empty
  std::optional<std::int64_t> min, max;      // kInt
  std::shared_ptr<const ValueSpec> element;  // kList, kMap
  std::vector<FieldSpec> fields;             // kSection
  // kSection: keys not declared are kept untouched for a later check instead of being errors
  // (a plugin instance: `plugin:` is declared here, the rest by the plugin's own schema).
  bool defer_unknown_keys = false;
  ValueCheck check;      // any type
  ValueCheck key_check;  // kMap: checks each name
  std::string what;      // how messages name the expected value
};

struct FieldSpec {
  std::string key;
  ValueSpec value;
  bool required = false;
  std::optional<std::string> default_text;  // scalar default, filled in when the key is absent
  std::string description;
};

// --- Declaration helpers, so a section reads like a table. ---------------------------------
ValueSpec string_value(std::vector<std::string> choices = {});
ValueSpec int_value(std::optional<std::int64_t> min = {}, std::optional<std::int64_t> max = {});
ValueSpec bool_value();
ValueSpec duration_value();
ValueSpec decimal_value();
ValueSpec money_value();
ValueSpec secret_value();
ValueSpec list_of(ValueSpec element);
ValueSpec map_of(ValueSpec element, ValueCheck key_check = {});
ValueSpec section(std::vector<FieldSpec> fields);
// A map whose keys another schema checks later (a job's `with:` before its engine is known).
ValueSpec open_section();
ValueSpec value_of_type(ValueType type);
ValueSpec with_check(ValueSpec spec, ValueCheck check, std::string what = {});

FieldSpec required(std::string key, ValueSpec value, std::string description);
FieldSpec optional(std::string key, ValueSpec value, std::string description);
FieldSpec defaulted(std::string key, ValueSpec value, std::string default_text,
                    std::string description);

// Name used for this type in messages: "a duration such as 30s, 5m or 2h".
std::string expected_text(const ValueSpec& spec);

}  // namespace kontor::config
