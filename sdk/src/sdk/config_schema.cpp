#include "kontor/sdk/config_schema.hpp"

#include <deque>
#include <mutex>

namespace kontor::sdk {

ConfigField ConfigField::text(std::string key, std::string description) {
  return {std::move(key), KONTOR_CONFIG_STRING, std::move(description)};
}
ConfigField ConfigField::integer(std::string key, std::string description) {
  return {std::move(key), KONTOR_CONFIG_INT, std::move(description)};
}
ConfigField ConfigField::flag(std::string key, std::string description) {
  return {std::move(key), KONTOR_CONFIG_BOOL, std::move(description)};
}
ConfigField ConfigField::duration(std::string key, std::string description) {
  return {std::move(key), KONTOR_CONFIG_DURATION, std::move(description)};
}
ConfigField ConfigField::decimal(std::string key, std::string description) {
  return {std::move(key), KONTOR_CONFIG_DECIMAL, std::move(description)};
}
ConfigField ConfigField::money(std::string key, std::string description) {
  return {std::move(key), KONTOR_CONFIG_MONEY, std::move(description)};
}
ConfigField ConfigField::list(std::string key, std::string description) {
  return {std::move(key), KONTOR_CONFIG_LIST, std::move(description)};
}
ConfigField ConfigField::map(std::string key, std::string description) {
  return {std::move(key), KONTOR_CONFIG_MAP, std::move(description)};
}
ConfigField ConfigField::secret(std::string key, std::string description) {
  return {std::move(key), KONTOR_CONFIG_SECRET, std::move(description)};
}

ConfigField ConfigField::required() && {
  required_ = true;
  return std::move(*this);
}
ConfigField ConfigField::defaults(std::string value) && {
  default_ = std::move(value);
  return std::move(*this);
}
ConfigField ConfigField::choices(std::vector<std::string> allowed) && {
  choices_ = std::move(allowed);
  return std::move(*this);
}
ConfigField ConfigField::range(std::int64_t min, std::int64_t max) && {
  min_ = min;
  max_ = max;
  return std::move(*this);
}

const CSchema& make_c_schema(std::vector<ConfigField> fields) {
  // The descriptor points into these for the life of the process; a plugin builds its schema
  // once, so this grows by one entry per plugin class.
  static std::mutex mutex;
  static std::deque<CSchema> schemas;
  std::lock_guard lock(mutex);
  CSchema& schema = schemas.emplace_back();
  schema.fields = std::move(fields);
  schema.choice_pointers.resize(schema.fields.size());
  for (std::size_t i = 0; i < schema.fields.size(); ++i) {
    const ConfigField& field = schema.fields[i];
    auto& choices = schema.choice_pointers[i];
    for (const auto& choice : field.allowed()) choices.push_back(choice.c_str());
    choices.push_back(nullptr);
    kontor_config_field c{};
    c.struct_size = sizeof(c);
    c.key = field.key().c_str();
    c.type = field.type();
    c.required = field.is_required() ? 1 : 0;
    c.default_value = field.default_value() ? field.default_value()->c_str() : nullptr;
    c.description = field.description().c_str();
    c.choices = field.allowed().empty() ? nullptr : choices.data();
    c.has_min = field.min().has_value();
    c.has_max = field.max().has_value();
    c.min = field.min().value_or(0);
    c.max = field.max().value_or(0);
    schema.c_fields.push_back(c);
  }
  return schema;
}

}  // namespace kontor::sdk
