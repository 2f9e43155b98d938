#include "config/schema.hpp"

#include <fmt/format.h>

namespace kontor::config {

ValueSpec string_value(std::vector<std::string> choices) {
  ValueSpec spec;
  spec.type = ValueType::kString;
  spec.choices = std::move(choices);
  return spec;
}

ValueSpec int_value(std::optional<std::int64_t> min, std::optional<std::int64_t> max) {
  ValueSpec spec;
  spec.type = ValueType::kInt;
  spec.min = min;
  spec.max = max;
  return spec;
}

ValueSpec value_of_type(ValueType type) {
  ValueSpec spec;
  spec.type = type;
  return spec;
}

ValueSpec bool_value() {
  return value_of_type(ValueType::kBool);
}
ValueSpec duration_value() {
  return value_of_type(ValueType::kDuration);
}
ValueSpec decimal_value() {
  return value_of_type(ValueType::kDecimal);
}
ValueSpec money_value() {
  return value_of_type(ValueType::kMoney);
}
ValueSpec secret_value() {
  return value_of_type(ValueType::kSecret);
}

ValueSpec open_section() {
  ValueSpec spec = section({});
  spec.defer_unknown_keys = true;
  return spec;
}

ValueSpec list_of(ValueSpec element) {
  ValueSpec spec;
  spec.type = ValueType::kList;
  spec.element = std::make_shared<const ValueSpec>(std::move(element));
  return spec;
}

ValueSpec map_of(ValueSpec element, ValueCheck key_check) {
  ValueSpec spec;
  spec.type = ValueType::kMap;
  spec.element = std::make_shared<const ValueSpec>(std::move(element));
  spec.key_check = std::move(key_check);
  return spec;
}

ValueSpec section(std::vector<FieldSpec> fields) {
  ValueSpec spec;
  spec.type = ValueType::kSection;
  spec.fields = std::move(fields);
  return spec;
}

ValueSpec with_check(ValueSpec spec, ValueCheck check, std::string what) {
  spec.check = std::move(check);
  if (!what.empty()) spec.what = std::move(what);
  return spec;
}

FieldSpec required(std::string key, ValueSpec value, std::string description) {
  return FieldSpec{std::move(key), std::move(value), true, std::nullopt, std::move(description)};
}

FieldSpec optional(std::string key, ValueSpec value, std::string description) {
  return FieldSpec{std::move(key), std::move(value), false, std::nullopt, std::move(description)};
}

FieldSpec defaulted(std::string key, ValueSpec value, std::string default_text,
                    std::string description) {
  return FieldSpec{std::move(key), std::move(value), false, std::move(default_text),
                   std::move(description)};
}

std::string expected_text(const ValueSpec& spec) {
  if (!spec.what.empty()) return spec.what;
  switch (spec.type) {
    case ValueType::kString:
      if (!spec.choices.empty()) return fmt::format("one of {}", fmt::join(spec.choices, ", "));
      return "a text";
    case ValueType::kInt:
      if (spec.min && spec.max)
        return fmt::format("a whole number from {} to {}", *spec.min, *spec.max);
      if (spec.min) return fmt::format("a whole number of at least {}", *spec.min);
      return "a whole number";
    case ValueType::kBool:
      return "true or false";
    case ValueType::kDuration:
      return "a duration such as 90s, 5m, 2h, 1d or 1h30m";
    case ValueType::kDecimal:
      return "an exact decimal number such as 8.5";
    case ValueType::kMoney:
      return "an amount with its currency such as 5.00 EUR";
    case ValueType::kSecret:
      return std::string("a secret reference: ") + kSecretShapes;
    case ValueType::kList:
      return "a list";
    case ValueType::kMap:
      return "a map of names";
    case ValueType::kSection:
      return "a map";
  }
  return "a value";
}

}  // namespace kontor::config
