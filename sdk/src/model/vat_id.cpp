#include "kontor/model/vat_id.hpp"

#include <algorithm>

#include "kontor/model/identifier_text.hpp"

namespace kontor {
namespace {

// Pattern characters: 'd' a digit, 'b' the digit 0 or 1, 'l' a letter, 'a' a letter or digit,
// 'i' a letter, '+' or '*' (old Irish numbers); anything else stands for itself.
struct MemberState {
  std::string_view prefix;
  std::string_view patterns;  // alternatives separated by '|'
  std::string_view description;
};

constexpr MemberState kMemberStates[] = {
    {"AT", "Udddddddd", "'U' and 8 digits"},
    {"BE", "bddddddddd", "10 digits starting with 0 or 1"},
    {"BG", "ddddddddd|dddddddddd", "9 or 10 digits"},
    {"CY", "ddddddddl", "8 digits and a letter"},
    {"CZ", "dddddddd|ddddddddd|dddddddddd", "8, 9 or 10 digits"},
    {"DE", "ddddddddd", "9 digits"},
    {"DK", "dddddddd", "8 digits"},
    {"EE", "ddddddddd", "9 digits"},
    {"EL", "ddddddddd", "9 digits"},
    {"ES", "addddddda", "a letter or digit, 7 digits, a letter or digit"},
    {"FI", "dddddddd", "8 digits"},
    {"FR", "aaddddddddd", "2 letters or digits and 9 digits"},
    {"HR", "ddddddddddd", "11 digits"},
    {"HU", "dddddddd", "8 digits"},
    {"IE", "dddddddl|dddddddll|didddddl",
     "7 digits and 1 or 2 letters, or digit, letter, 5 digits, letter"},
    {"IT", "ddddddddddd", "11 digits"},
    {"LT", "ddddddddd|dddddddddddd", "9 or 12 digits"},
    {"LU", "dddddddd", "8 digits"},
    {"LV", "ddddddddddd", "11 digits"},
    {"MT", "dddddddd", "8 digits"},
    {"NL", "dddddddddBdd", "9 digits, 'B' and 2 digits"},
    {"PL", "dddddddddd", "10 digits"},
    {"PT", "ddddddddd", "9 digits"},
    {"RO", "dd|ddd|dddd|ddddd|dddddd|ddddddd|dddddddd|ddddddddd|dddddddddd", "2 to 10 digits"},
    {"SE", "dddddddddd01", "12 digits ending in 01"},
    {"SI", "dddddddd", "8 digits"},
    {"SK", "dddddddddd", "10 digits"},
    {"XI", "ddddddddd|dddddddddddd|GDddd|HAddd", "9 or 12 digits, or 'GD' or 'HA' and 3 digits"},
};

bool matches_class(char pattern, char c) {
  switch (pattern) {
    case 'd':
      return is_ascii_digit(c);
    case 'b':
      return c == '0' || c == '1';
    case 'l':
      return is_ascii_upper(c);
    case 'a':
      return is_ascii_alnum_upper(c);
    case 'i':
      return is_ascii_upper(c) || c == '+' || c == '*';
    default:
      return c == pattern;
  }
}

// How many leading characters of `number` fit `pattern`; pattern.size() + 1 for a full match.
std::size_t matched_prefix(std::string_view pattern, std::string_view number) {
  std::size_t k = 0;
  while (k < pattern.size() && k < number.size() && matches_class(pattern[k], number[k])) ++k;
  if (k == pattern.size() && k == number.size()) return k + 1;
  return k;
}

}  // namespace

Result<VatId> VatId::parse(std::string_view text) {
  const CompactIdentifier vat = compact_identifier(text, " .-");
  const std::string& s = vat.text;
  const std::string prefix = "VAT ID '" + std::string(text) + "': ";
  if (s.size() < 2 || !is_ascii_upper(s[0]) || !is_ascii_upper(s[1])) {
    return Error{prefix + "expected a two-letter country prefix (e.g. DE)", 1};
  }
  const std::string_view country = std::string_view(s).substr(0, 2);
  if (country == "GR") return Error{prefix + "Greek VAT IDs start with EL, not GR", 1};
  const auto* state = std::find_if(std::begin(kMemberStates), std::end(kMemberStates),
                                   [&](const MemberState& m) { return m.prefix == country; });
  if (state == std::end(kMemberStates)) {
    return Error{prefix + "'" + std::string(country) +
                     "' is not the prefix of an EU member state or of Northern Ireland (XI)",
                 1};
  }
  const std::string_view number = std::string_view(s).substr(2);
  std::size_t best = 0;
  std::string_view patterns = state->patterns;
  while (!patterns.empty()) {
    const std::size_t bar = patterns.find('|');
    const std::string_view pattern = patterns.substr(0, bar);
    patterns = bar == std::string_view::npos ? std::string_view() : patterns.substr(bar + 1);
    const std::size_t matched = matched_prefix(pattern, number);
    if (matched > pattern.size()) return VatId(s);
    best = std::max(best, matched);
  }
  return Error{prefix + "expected " + std::string(country) + " followed by " +
                   std::string(state->description),
               vat.position(2 + best)};
}

}  // namespace kontor
