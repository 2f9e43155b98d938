#include "config/value_checks.hpp"

#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace kontor::config {

std::string check_name(const ConfigNode& name) {
  const std::string& text = name.text();
  auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  const bool ok =
      !text.empty() && text.size() <= 63 && lower_or_digit(text[0]) &&
      std::all_of(text.begin(), text.end(), [&](char c) { return lower_or_digit(c) || c == '-'; });
  if (ok) return {};
  return "a name uses only a-z, 0-9 and '-' (starting with a letter or digit), at most 63 "
         "characters";
}

std::string check_timezone(const ConfigNode& zone) {
  try {
    (void)date::locate_zone(zone.text());
    return {};
  } catch (const std::exception&) {
    return fmt::format("'{}' is not an IANA time zone such as Europe/Berlin", zone.text());
  }
}

std::string check_country(const ConfigNode& country) {
  const std::string& text = country.text();
  if (text.size() == 2 && std::isupper(static_cast<unsigned char>(text[0])) &&
      std::isupper(static_cast<unsigned char>(text[1]))) {
    return {};
  }
  return fmt::format("expected an ISO 3166 country code such as DE, found '{}'", country.text());
}

}  // namespace kontor::config
