#include "config/env_expansion.hpp"

#include <cstdlib>

namespace kontor::config {
namespace {

bool is_variable_name(std::string_view name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  for (char c : name) {
    const bool ok =
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

EnvironmentLookup process_environment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

Result<std::string> expand_variables(std::string_view text, const EnvironmentLookup& lookup) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "$${") == 0) {
      out += "${";
      i += 2;
      continue;
    }
    if (text.compare(i, 2, "${") != 0) {
      out += text[i];
      continue;
    }
    const std::size_t close = text.find('}', i + 2);
    if (close == std::string_view::npos) {
      return Error{"'${' without a closing '}'", static_cast<std::int64_t>(i)};
    }
    const std::string name(text.substr(i + 2, close - i - 2));
    if (!is_variable_name(name)) {
      return Error{"'${" + name + "}' is not a variable name (letters, digits, '_')",
                   static_cast<std::int64_t>(i)};
    }
    const auto value = lookup(name);
    if (!value) {
      return Error{"environment variable '" + name + "' is not set", static_cast<std::int64_t>(i)};
    }
    out += *value;
    i = close;
  }
  return out;
}

}  // namespace kontor::config
