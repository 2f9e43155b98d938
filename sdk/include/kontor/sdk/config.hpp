// Config: a plugin instance's validated configuration, typed.
//
// The host has already checked every key against the plugin's schema, so reading a declared key
// cannot fail for reasons of syntax: `text("path")` of a required key is simply there. Asking
// for an undeclared key or the wrong type is a programming mistake (std::logic_error). The
// object owns its values and may be kept; secrets are not in it (Host::secret).
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "kontor/model/decimal.hpp"
#include "kontor/model/money.hpp"
#include "kontor/plugin_abi.h"
#include "kontor/sdk/config_schema.hpp"

namespace kontor::sdk {

class Config {
 public:
  Config() = default;
  // Copies every declared key of `schema` out of the host's view.
  static Config read(const kontor_host_api& api, const kontor_config* config,
                     const std::vector<ConfigField>& schema);

  // The configuration gives `key` a value — for a secret key, a reference (whose value only
  // Host::secret reads), so an optional secret can be told apart from one not given.
  bool has(const std::string& key) const;
  const std::string& text(const std::string& key) const;
  std::optional<std::string> optional_text(const std::string& key) const;
  std::int64_t integer(const std::string& key) const;
  bool flag(const std::string& key) const;
  std::chrono::milliseconds duration(const std::string& key) const;
  Decimal decimal(const std::string& key) const;
  Money money(const std::string& key) const;
  const std::vector<std::string>& list(const std::string& key) const;
  const std::map<std::string, std::string>& map(const std::string& key) const;

  // For tests and the fake host: set values directly (as validated text).
  void set(const std::string& key, std::string value) { scalars_[key] = std::move(value); }
  void set_list(const std::string& key, std::vector<std::string> values) {
    lists_[key] = std::move(values);
  }
  void set_map(const std::string& key, std::map<std::string, std::string> values) {
    maps_[key] = std::move(values);
  }

 private:
  std::map<std::string, std::string> scalars_;
  std::map<std::string, std::vector<std::string>> lists_;
  std::map<std::string, std::map<std::string, std::string>> maps_;
  std::set<std::string> secrets_;  // secret keys that hold a reference
};

// "1h30m" -> 5'400'000 ms; the same reading the host's validator applies.
std::optional<std::chrono::milliseconds> parse_duration_text(std::string_view text);

}  // namespace kontor::sdk
