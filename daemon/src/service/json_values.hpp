// Values as the admin API's JSON answers carry them: what is not there is null, never "".
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "kontor/model/date.hpp"

namespace kontor::service {

inline nlohmann::json optional_text(const std::string& text) {
  return text.empty() ? nlohmann::json() : nlohmann::json(text);
}

inline nlohmann::json optional_day(const std::optional<Date>& day) {
  return day ? nlohmann::json(day->to_iso()) : nlohmann::json();
}

}  // namespace kontor::service
