#include "config/scalar_syntax.hpp"

#include <charconv>
#include <limits>

#include "kontor/sdk/config.hpp"

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
  // One reading of durations for the daemon and for plugins' typed configuration.
  return sdk::parse_duration_text(text);
}

}  // namespace kontor::config
