#include "kontor/sdk/config.hpp"

#include <charconv>
#include <limits>
#include <stdexcept>

#include "kontor/sdk/views.hpp"

namespace kontor::sdk {
namespace {

[[noreturn]] void misuse(const std::string& key, const char* what) {
  throw std::logic_error("configuration key '" + key + "': " + what);
}

}  // namespace

std::optional<std::chrono::milliseconds> parse_duration_text(std::string_view text) {
  struct Unit {
    std::string_view suffix;
    std::int64_t milliseconds;
  };
  // Longest suffix first so "ms" is not read as "m" followed by garbage.
  static constexpr Unit kUnits[] = {{"ms", 1},        {"w", 7 * 86'400'000}, {"d", 86'400'000},
                                    {"h", 3'600'000}, {"m", 60'000},         {"s", 1'000}};
  if (text.empty()) return {};
  std::int64_t total = 0;
  std::int64_t previous_unit = std::numeric_limits<std::int64_t>::max();
  while (!text.empty()) {
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
    if (digits == 0 || digits > 9) return {};
    std::int64_t number = 0;
    std::from_chars(text.data(), text.data() + digits, number);
    text.remove_prefix(digits);
    const Unit* unit = nullptr;
    for (const auto& candidate : kUnits) {
      if (text.starts_with(candidate.suffix)) {
        unit = &candidate;
        break;
      }
    }
    // Units must fall (1h30m, not 30m1h) and each appear once.
    if (unit == nullptr || unit->milliseconds >= previous_unit) return {};
    previous_unit = unit->milliseconds;
    text.remove_prefix(unit->suffix.size());
    if (number > std::numeric_limits<std::int64_t>::max() / unit->milliseconds - total) return {};
    total += number * unit->milliseconds;
  }
  return std::chrono::milliseconds(total);
}

Config Config::read(const kontor_host_api& api, const kontor_config* config,
                    const std::vector<ConfigField>& schema) {
  Config result;
  for (const auto& field : schema) {
    const kontor_str key = view(field.key());
    if (field.type() == KONTOR_CONFIG_SECRET) {  // the value only through Host::secret
      if (api.config_size(config, key) > 0) result.secrets_.insert(field.key());
      continue;
    }
    if (field.type() == KONTOR_CONFIG_LIST || field.type() == KONTOR_CONFIG_MAP) {
      const std::uint32_t size = api.config_size(config, key);
      std::vector<std::string> items;
      std::map<std::string, std::string> entries;
      for (std::uint32_t i = 0; i < size; ++i) {
        kontor_str name{}, value{};
        if (api.config_item(config, key, i, &name, &value) != KONTOR_OK) continue;
        if (field.type() == KONTOR_CONFIG_LIST) {
          items.push_back(copy(value));
        } else {
          entries[copy(name)] = copy(value);
        }
      }
      if (field.type() == KONTOR_CONFIG_LIST) {
        result.lists_[field.key()] = std::move(items);
      } else {
        result.maps_[field.key()] = std::move(entries);
      }
      continue;
    }
    kontor_str value{};
    if (api.config_get(config, key, &value) == KONTOR_OK)
      result.scalars_[field.key()] = copy(value);
  }
  return result;
}

bool Config::has(const std::string& key) const {
  return scalars_.count(key) != 0 || lists_.count(key) != 0 || maps_.count(key) != 0 ||
         secrets_.count(key) != 0;
}

const std::string& Config::text(const std::string& key) const {
  auto it = scalars_.find(key);
  if (it == scalars_.end()) misuse(key, "not set; declare it required or give it a default");
  return it->second;
}

std::optional<std::string> Config::optional_text(const std::string& key) const {
  auto it = scalars_.find(key);
  if (it == scalars_.end()) return std::nullopt;
  return it->second;
}

std::int64_t Config::integer(const std::string& key) const {
  const std::string& value = text(key);
  std::int64_t number = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (error != std::errc() || end != value.data() + value.size()) misuse(key, "not an integer");
  return number;
}

bool Config::flag(const std::string& key) const {
  const std::string& value = text(key);
  if (value == "true") return true;
  if (value == "false") return false;
  misuse(key, "not true or false");
}

std::chrono::milliseconds Config::duration(const std::string& key) const {
  auto value = parse_duration_text(text(key));
  if (!value) misuse(key, "not a duration");
  return *value;
}

Decimal Config::decimal(const std::string& key) const {
  auto value = Decimal::parse(text(key));
  if (!value) misuse(key, "not a decimal");
  return *value;
}

Money Config::money(const std::string& key) const {
  const std::string& value = text(key);
  const auto space = value.rfind(' ');
  if (space == std::string::npos) misuse(key, "not an amount with currency");
  auto currency = Currency::from_code(value.substr(space + 1));
  if (!currency) misuse(key, "unknown currency");
  auto money = Money::parse(value.substr(0, space), *currency, Notation::point());
  if (!money) misuse(key, "not an amount");
  return *money;
}

const std::vector<std::string>& Config::list(const std::string& key) const {
  static const std::vector<std::string> kEmpty;
  auto it = lists_.find(key);
  return it == lists_.end() ? kEmpty : it->second;
}

const std::map<std::string, std::string>& Config::map(const std::string& key) const {
  static const std::map<std::string, std::string> kEmpty;
  auto it = maps_.find(key);
  return it == maps_.end() ? kEmpty : it->second;
}

}  // namespace kontor::sdk
