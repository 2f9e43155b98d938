// Enum ↔ text for the entities' enumerations: one table per enum gives the stable names used in
// files, the store and the admin API, and the parse error lists the names that were expected.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "kontor/result.hpp"

namespace kontor {

template <typename Enum>
struct EnumName {
  Enum value;
  std::string_view name;
};

template <typename Enum, std::size_t N>
constexpr std::string_view enum_to_text(const EnumName<Enum> (&names)[N], Enum value) {
  for (const EnumName<Enum>& entry : names) {
    if (entry.value == value) return entry.name;
  }
  return "?";
}

template <typename Enum, std::size_t N>
Result<Enum> enum_from_text(const EnumName<Enum> (&names)[N], std::string_view what,
                            std::string_view text) {
  std::string expected;
  for (const EnumName<Enum>& entry : names) {
    if (entry.name == text) return entry.value;
    expected += expected.empty() ? "" : ", ";
    expected += entry.name;
  }
  return Error{
      "unknown " + std::string(what) + " '" + std::string(text) + "'; expected one of " + expected,
      1};
}

}  // namespace kontor
