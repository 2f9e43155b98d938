#include "host/instance_validation.hpp"

#include <fmt/format.h>

#include "config/did_you_mean.hpp"
#include "config/validator.hpp"
#include "kontor/sdk/views.hpp"

namespace kontor::host {
namespace {

config::ValueSpec value_of_field(const kontor_config_field& field) {
  using namespace kontor::config;
  switch (field.type) {
    case KONTOR_CONFIG_STRING: {
      std::vector<std::string> choices;
      for (const char* const* choice = field.choices; choice && *choice; ++choice) {
        choices.emplace_back(*choice);
      }
      return string_value(std::move(choices));
    }
    case KONTOR_CONFIG_INT:
      return int_value(field.has_min ? std::optional(field.min) : std::nullopt,
                       field.has_max ? std::optional(field.max) : std::nullopt);
    case KONTOR_CONFIG_BOOL:
      return bool_value();
    case KONTOR_CONFIG_DURATION:
      return duration_value();
    case KONTOR_CONFIG_DECIMAL:
      return decimal_value();
    case KONTOR_CONFIG_MONEY:
      return money_value();
    case KONTOR_CONFIG_LIST:
      return list_of(string_value());
    case KONTOR_CONFIG_MAP:
      return map_of(string_value());
    case KONTOR_CONFIG_SECRET:
      return secret_value();
    default:
      return string_value();
  }
}

struct RoleRule {
  const char* key;
  std::uint32_t roles;
  const char* what;
};

}  // namespace

config::ValueSpec schema_of(const PluginLibrary& plugin) {
  std::vector<config::FieldSpec> fields;
  const kontor_plugin_descriptor& d = plugin.descriptor;
  for (std::uint32_t i = 0; d.config_fields != nullptr && i < d.config_field_count; ++i) {
    const kontor_config_field& field = *sdk::element(d.config_fields, d.config_field_size, i);
    if (field.key == nullptr) continue;
    config::FieldSpec spec;
    spec.key = field.key;
    spec.value = value_of_field(field);
    spec.required = field.required != 0;
    if (field.default_value != nullptr) spec.default_text = field.default_value;
    spec.description = field.description ? field.description : "";
    fields.push_back(std::move(spec));
  }
  return config::section(std::move(fields));
}

void validate_instances(config::KontorConfig& config, const PluginCatalog& catalog,
                        const config::EnvironmentLookup& environment,
                        config::ConfigErrors& errors) {
  config::Validator validator(environment, errors);
  for (auto& instance : config.instances) {
    const config::ConfigNode* plugin_node = config.root.find("instances")->find(instance.name);
    const config::SourcePosition& at = plugin_node && plugin_node->find("plugin")
                                           ? plugin_node->find("plugin")->position()
                                           : instance.position;
    const PluginLibrary* plugin = catalog.find(instance.plugin);
    if (plugin == nullptr) {
      const auto hint = config::did_you_mean(instance.plugin, catalog.names());
      errors.push_back(
          {at, fmt::format(
                   "'instances.{}.plugin': no plugin named '{}' in {}{}", instance.name,
                   instance.plugin, catalog.directory().string(),
                   hint ? " (did you mean '" + *hint + "'?)"
                        : fmt::format(" (plugins: {})",
                                      catalog.names().empty()
                                          ? std::string("none")
                                          : fmt::format("{}", fmt::join(catalog.names(), ", "))))});
      continue;
    }
    instance.settings =
        validator.validate(instance.settings, schema_of(*plugin), "instances." + instance.name);
  }

  static const RoleRule kRules[] = {
      {"inputs", KONTOR_ROLE_SOURCE, "a source"},
      {"parsers", KONTOR_ROLE_PARSER, "a parser"},
      {"outputs", KONTOR_ROLE_CHANNEL | KONTOR_ROLE_EXPORTER, "a channel or an exporter"},
  };
  for (const auto& job : config.jobs) {
    const config::ConfigNode* node = config.root.find("jobs")->find(job.name);
    for (const auto& rule : kRules) {
      const config::ConfigNode* list = node ? node->find(rule.key) : nullptr;
      if (list == nullptr) continue;
      for (std::size_t i = 0; i < list->items().size(); ++i) {
        const config::InstanceSettings* instance = config.instance(list->items()[i].text());
        const PluginLibrary* plugin = instance ? catalog.find(instance->plugin) : nullptr;
        if (plugin == nullptr || (plugin->descriptor.roles & rule.roles) != 0) continue;
        errors.push_back(
            {list->items()[i].position(),
             fmt::format("'jobs.{}.{}[{}]': instance '{}' (plugin {}) is not {}", job.name,
                         rule.key, i, instance->name, plugin->name, rule.what)});
      }
    }
  }
}

}  // namespace kontor::host
