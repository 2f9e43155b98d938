// Creditor reference search (see the header): from each "RF" at the start of a word, collect up
// to 25 letters and digits across blanks and line breaks, and try every end of a written group.
#include "matching/creditor_reference_search.hpp"

#include <algorithm>
#include <string>

namespace kontor::matching {
namespace {

// "RF", two check digits and at most 21 reference characters.
constexpr std::size_t kMaxElectronicReference = 4 + CreditorReference::kMaxReferenceLength;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alnum(char c) {
  return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
char to_upper(char c) {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

}  // namespace

std::vector<CreditorReference> find_creditor_references(std::string_view remittance) {
  std::vector<CreditorReference> found;
  for (std::size_t start = 0; start + 1 < remittance.size(); ++start) {
    if (to_upper(remittance[start]) != 'R' || to_upper(remittance[start + 1]) != 'F') continue;
    if (start > 0 && is_alnum(remittance[start - 1])) continue;  // "...XRF18" is not one
    std::string electronic;
    std::vector<std::size_t> group_ends;  // lengths of `electronic` where a written group ended
    for (std::size_t i = start; i < remittance.size(); ++i) {
      const char c = remittance[i];
      if (is_alnum(c)) {
        electronic.push_back(to_upper(c));
        const bool last_of_group = i + 1 == remittance.size() || !is_alnum(remittance[i + 1]);
        if (last_of_group || electronic.size() == kMaxElectronicReference) {
          group_ends.push_back(electronic.size());
        }
        if (electronic.size() == kMaxElectronicReference) break;
      } else if (!is_blank(c)) {
        break;
      }
    }
    if (electronic.size() < 5 || !is_digit(electronic[2]) || !is_digit(electronic[3])) continue;
    // A reference ends where a written group ends; the longest valid one comes first.
    for (auto end = group_ends.rbegin(); end != group_ends.rend(); ++end) {
      if (*end < 5) continue;
      Result<CreditorReference> reference = CreditorReference::parse(electronic.substr(0, *end));
      if (!reference.ok()) continue;
      if (std::find(found.begin(), found.end(), reference.value()) == found.end()) {
        found.push_back(std::move(reference).value());
      }
    }
  }
  return found;
}

}  // namespace kontor::matching
