#include "config/scalar_syntax.hpp"

#include <charconv>
#include <limits>

namespace kontor::config {

std::optional<std::int64_t> parse_int(std::string_view text) {
  std::int64_t value = 0;
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return {};
  return value;
}

std::optional<bool> parse_bool(std::string_view text) {
  if (text == "true") return true;
  if (text == "false") return false;
  return {};
}

std::optional<std::chrono::milliseconds> parse_duration(std::string_view text) {
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

}  // namespace kontor::config
