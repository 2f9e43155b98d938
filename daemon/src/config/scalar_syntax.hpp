// Reading the scalar types of a configuration: whole numbers, booleans and durations.
//
// Each function accepts exactly one spelling (no "yes"/"on", no floating point) so that a
// configuration means the same thing to every reader.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

namespace kontor::config {

std::optional<std::int64_t> parse_int(std::string_view text);
std::optional<bool> parse_bool(std::string_view text);
// 500ms, 30s, 5m, 2h, 1d, 1w and combinations in falling order such as 1h30m.
std::optional<std::chrono::milliseconds> parse_duration(std::string_view text);

}  // namespace kontor::config
