#include "kontor/model/iban.hpp"

#include <algorithm>

#include "kontor/model/identifier_text.hpp"

namespace kontor {
namespace {

struct RegistryEntry {
  std::string_view country;
  int length;
};

// SWIFT IBAN registry (release 98, 2024): every country code with its IBAN length, sorted.
// Territories that use another country's IBAN (e.g. Åland → FI, Guadeloupe → FR, Jersey → GB)
// have no code of their own in the registry.
constexpr RegistryEntry kRegistry[] = {
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22},
    {"BH", 22}, {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24},
    {"DE", 22}, {"DJ", 27}, {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18},
    {"FK", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27},
    {"GT", 28}, {"HN", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26},
    {"IT", 27}, {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20},
    {"LU", 20}, {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MN", 20},
    {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24},
    {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33}, {"SA", 24},
    {"SC", 31}, {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"SO", 23}, {"ST", 25},
    {"SV", 28}, {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20},
    {"YE", 30},
};

}  // namespace

std::optional<int> Iban::registry_length(std::string_view country_code) {
  const auto* end = std::end(kRegistry);
  const auto* it = std::lower_bound(
      std::begin(kRegistry), end, country_code,
      [](const RegistryEntry& entry, std::string_view wanted) { return entry.country < wanted; });
  if (it == end || it->country != country_code) return std::nullopt;
  return it->length;
}

Result<Iban> Iban::parse(std::string_view text) {
  const CompactIdentifier iban = compact_identifier(text, " ");
  const std::string& s = iban.text;
  const std::string prefix = "IBAN '" + std::string(text) + "': ";
  auto fail = [&](std::size_t k, const std::string& what) {
    return Error{prefix + what, iban.position(k)};
  };
  if (s.empty()) return fail(0, "expected an IBAN, found nothing");
  for (std::size_t k = 0; k < 2; ++k) {
    if (k >= s.size() || !is_ascii_upper(s[k])) {
      return fail(k, "expected a two-letter country code at the start");
    }
  }
  const std::string_view country = std::string_view(s).substr(0, 2);
  const std::optional<int> length = registry_length(country);
  if (!length) {
    return fail(0, "'" + std::string(country) + "' is not a country of the IBAN registry");
  }
  for (std::size_t k = 2; k < 4 && k < s.size(); ++k) {
    if (!is_ascii_digit(s[k])) {
      return fail(k, "expected two check digits after the country code");
    }
  }
  for (std::size_t k = 4; k < s.size(); ++k) {
    if (!is_ascii_alnum_upper(s[k])) {
      return fail(k, "expected letters and digits only, found " + describe_character(s[k]));
    }
  }
  if (s.size() != static_cast<std::size_t>(*length)) {
    return fail(std::min(s.size(), static_cast<std::size_t>(*length)),
                "an IBAN of " + std::string(country) + " has " + std::to_string(*length) +
                    " characters, found " + std::to_string(s.size()));
  }
  if (mod97(s.substr(4) + s.substr(0, 4)) != 1) {
    return fail(2, "check digits " + s.substr(2, 2) +
                       " do not match the account (mod-97): a typing error?");
  }
  return Iban(s);
}

std::string Iban::formatted() const {
  return in_groups_of_four(value_);
}

}  // namespace kontor
