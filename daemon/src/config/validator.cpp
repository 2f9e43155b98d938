#include "config/validator.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "config/did_you_mean.hpp"
#include "config/scalar_syntax.hpp"
#include "config/value_checks.hpp"

namespace kontor::config {
namespace {

// A short quote of what was found, so a message shows the mistake without flooding the log.
std::string quote_found(const ConfigNode& node) {
  if (!node.is_scalar()) return std::string(describe(node.kind()));
  std::string text = node.text();
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return "'" + text + "'";
}

}  // namespace

std::string join_path(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}

void Validator::error(const SourcePosition& position, const std::string& path,
                      const std::string& what) {
  errors_.push_back({position, path.empty() ? what : fmt::format("'{}': {}", path, what)});
}

ConfigNode Validator::validate(const ConfigNode& node, const ValueSpec& spec,
                               const std::string& path) {
  ConfigNode result;
  switch (spec.type) {
    case ValueType::kSecret:
      result = validate_secret(node, path);
      break;
    case ValueType::kList:
      result = validate_list(node, spec, path);
      break;
    case ValueType::kMap:
      result = validate_map(node, spec, path);
      break;
    case ValueType::kSection:
      result = validate_section(node, spec, path);
      break;
    default:
      result = validate_scalar(node, spec, path);
      break;
  }
  if (spec.check && !result.is_null()) {
    const std::string problem = spec.check(result);
    if (!problem.empty()) error(result.position(), path, problem);
  }
  return result;
}

bool Validator::scalar_has_type(const std::string& text, const ValueSpec& spec) const {
  switch (spec.type) {
    case ValueType::kString:
      return spec.choices.empty() ||
             std::find(spec.choices.begin(), spec.choices.end(), text) != spec.choices.end();
    case ValueType::kInt: {
      const auto value = parse_int(text);
      return value && (!spec.min || *value >= *spec.min) && (!spec.max || *value <= *spec.max);
    }
    case ValueType::kBool:
      return parse_bool(text).has_value();
    case ValueType::kDuration:
      return parse_duration(text).has_value();
    // Decimals and amounts are checked by the model's own parsers, whose messages say more.
    case ValueType::kDecimal:
    case ValueType::kMoney:
      return true;
    default:
      return false;
  }
}

ConfigNode Validator::validate_scalar(const ConfigNode& node, const ValueSpec& spec,
                                      const std::string& path) {
  if (!node.is_scalar()) {
    error(node.position(), path,
          fmt::format("expected {}, found {}", expected_text(spec), describe(node.kind())));
    return ConfigNode::null(node.position());
  }
  auto expanded = expand_variables(node.text(), environment_);
  if (!expanded) {
    SourcePosition at = node.position();
    at.column += static_cast<int>(expanded.error().position) + (node.quoted() ? 1 : 0);
    error(at, path, expanded.error().message);
    return ConfigNode::null(node.position());
  }
  if (!scalar_has_type(*expanded, spec)) {
    error(node.position(), path,
          fmt::format("expected {}, found {}", expected_text(spec),
                      quote_found(ConfigNode::scalar(*expanded, node.position()))));
    return ConfigNode::null(node.position());
  }
  ConfigNode value = ConfigNode::scalar(std::move(expanded).value(), node.position(), node.quoted());
  if (spec.type == ValueType::kDecimal || spec.type == ValueType::kMoney) {
    const std::string problem =
        spec.type == ValueType::kDecimal ? check_decimal(value) : check_money(value);
    if (!problem.empty()) {
      error(node.position(), path, problem);
      return ConfigNode::null(node.position());
    }
  }
  return value;
}

ConfigNode Validator::validate_secret(const ConfigNode& node, const std::string& path) {
  static const std::vector<std::string> kKinds = {"env", "file", "credential"};
  const std::string shapes = kSecretShapes;
  if (node.is_scalar()) {
    // The commonest mistake is a password written inline: say why that is refused.
    error(node.position(), path,
          "a secret may not be written into the configuration; expected " + shapes);
    return ConfigNode::null(node.position());
  }
  if (!node.is_map() || node.entries().size() != 1) {
    error(node.position(), path, "expected " + shapes);
    return ConfigNode::null(node.position());
  }
  const auto& entry = node.entries().front();
  if (std::find(kKinds.begin(), kKinds.end(), entry.key) == kKinds.end()) {
    const auto hint = did_you_mean(entry.key, kKinds);
    error(entry.key_position, path,
          fmt::format("unknown secret source '{}'{}; expected {}", entry.key,
                      hint ? " (did you mean '" + *hint + "'?)" : "", shapes));
    return ConfigNode::null(node.position());
  }
  if (!entry.value.is_scalar() || entry.value.text().empty()) {
    error(entry.value.position(), join_path(path, entry.key),
          entry.key == "file" ? "expected a file path" : "expected a name");
    return ConfigNode::null(node.position());
  }
  // No ${VAR} expansion here: a secret reference is taken literally.
  return node;
}

ConfigNode Validator::validate_list(const ConfigNode& node, const ValueSpec& spec,
                                    const std::string& path) {
  if (!node.is_sequence()) {
    error(node.position(), path,
          fmt::format("expected a list of {}, found {}", expected_text(*spec.element),
                      quote_found(node)));
    return ConfigNode::null(node.position());
  }
  std::vector<ConfigNode> items;
  for (std::size_t i = 0; i < node.items().size(); ++i) {
    items.push_back(validate(node.items()[i], *spec.element, fmt::format("{}[{}]", path, i)));
  }
  return ConfigNode::sequence(std::move(items), node.position());
}

ConfigNode Validator::validate_map(const ConfigNode& node, const ValueSpec& spec,
                                   const std::string& path) {
  if (node.is_null()) return ConfigNode::map({}, node.position());  // "jobs:" with nothing yet
  if (!node.is_map()) {
    error(node.position(), path,
          fmt::format("expected a map of names, found {}", quote_found(node)));
    return ConfigNode::null(node.position());
  }
  std::vector<ConfigNode::Entry> entries;
  for (const auto& entry : node.entries()) {
    const std::string entry_path = join_path(path, entry.key);
    if (spec.key_check) {
      const std::string problem = spec.key_check(ConfigNode::scalar(entry.key, entry.key_position));
      if (!problem.empty()) error(entry.key_position, entry_path, problem);
    }
    entries.push_back(
        {entry.key, entry.key_position, validate(entry.value, *spec.element, entry_path)});
  }
  return ConfigNode::map(std::move(entries), node.position());
}

ConfigNode Validator::validate_section(const ConfigNode& node, const ValueSpec& spec,
                                       const std::string& path) {
  const ConfigNode empty = ConfigNode::map({}, node.position());
  const ConfigNode* source = &node;
  if (node.is_null()) {
    source = &empty;  // "daemon:" with nothing below it: every default applies
  } else if (!node.is_map()) {
    error(node.position(), path, fmt::format("expected a map, found {}", quote_found(node)));
    return ConfigNode::null(node.position());
  }
  std::vector<std::string> known;
  for (const auto& field : spec.fields) known.push_back(field.key);

  std::vector<ConfigNode::Entry> entries;
  for (const auto& entry : source->entries()) {
    const auto field = std::find_if(spec.fields.begin(), spec.fields.end(),
                                    [&](const FieldSpec& f) { return f.key == entry.key; });
    if (field != spec.fields.end()) continue;  // validated below, in declaration order
    if (spec.defer_unknown_keys) {
      entries.push_back(entry);
      continue;
    }
    const auto hint = did_you_mean(entry.key, known);
    errors_.push_back(
        {entry.key_position,
         fmt::format("unknown key '{}'{}{}", entry.key, path.empty() ? "" : " in '" + path + "'",
                     hint ? " (did you mean '" + *hint + "'?)" : "")});
  }
  for (const auto& field : spec.fields) {
    const std::string field_path = join_path(path, field.key);
    const ConfigNode* value = source->find(field.key);
    const auto key_entry = std::find_if(source->entries().begin(), source->entries().end(),
                                        [&](const auto& e) { return e.key == field.key; });
    if (value != nullptr && !(value->is_null() && field.value.type != ValueType::kSection &&
                              field.value.type != ValueType::kMap)) {
      entries.push_back(
          {field.key, key_entry->key_position, validate(*value, field.value, field_path)});
    } else if (field.default_text) {
      entries.push_back({field.key, node.position(),
                         validate(ConfigNode::scalar(*field.default_text, node.position()),
                                  field.value, field_path)});
    } else if (field.value.type == ValueType::kSection && !field.required &&
               std::none_of(field.value.fields.begin(), field.value.fields.end(),
                            [](const FieldSpec& f) { return f.required; })) {
      // An optional section that is absent still gets its defaults (unless it has required
      // keys: then absent means "not used").
      entries.push_back({field.key, node.position(),
                         validate(ConfigNode::null(value ? value->position() : node.position()),
                                  field.value, field_path)});
    } else if (field.required) {
      const SourcePosition& at = value ? value->position() : node.position();
      errors_.push_back({at, value ? fmt::format("'{}': expected {}, found nothing", field_path,
                                                 expected_text(field.value))
                                   : fmt::format("missing required key '{}'{}", field.key,
                                                 path.empty() ? "" : " in '" + path + "'")});
    }
  }
  return ConfigNode::map(std::move(entries), node.position());
}

}  // namespace kontor::config
