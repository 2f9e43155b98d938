#include "kontor/model/creditor_reference.hpp"

#include "kontor/model/identifier_text.hpp"

namespace kontor {
namespace {

std::string check_digits(std::string_view reference) {
  const int check = 98 - mod97(std::string(reference) + "RF00");
  return std::string(1, static_cast<char>('0' + check / 10)) + static_cast<char>('0' + check % 10);
}

}  // namespace

Result<CreditorReference> CreditorReference::parse(std::string_view text) {
  const CompactIdentifier rf = compact_identifier(text, " ");
  const std::string& s = rf.text;
  const std::string prefix = "creditor reference '" + std::string(text) + "': ";
  auto fail = [&](std::size_t k, const std::string& what) {
    return Error{prefix + what, rf.position(k)};
  };
  if (s.size() < 2 || s.compare(0, 2, "RF") != 0) return fail(0, "expected 'RF' at the start");
  for (std::size_t k = 2; k < 4; ++k) {
    if (k >= s.size() || !is_ascii_digit(s[k])) {
      return fail(k, "expected two check digits after 'RF'");
    }
  }
  if (s.size() == 4) return fail(4, "expected 1 to 21 letters or digits after the check digits");
  for (std::size_t k = 4; k < s.size(); ++k) {
    if (!is_ascii_alnum_upper(s[k])) {
      return fail(k, "expected letters and digits only, found " + describe_character(s[k]));
    }
  }
  if (s.size() - 4 > kMaxReferenceLength) {
    return fail(4 + kMaxReferenceLength, "the reference after the check digits has " +
                                             std::to_string(s.size() - 4) +
                                             " characters; at most 21 are allowed");
  }
  if (mod97(s.substr(4) + s.substr(0, 4)) != 1) {
    return fail(2, "check digits " + s.substr(2, 2) + " do not match the reference (mod-97)");
  }
  return CreditorReference(s);
}

Result<CreditorReference> CreditorReference::from_number(std::string_view number) {
  const CompactIdentifier compact = compact_identifier(number, " -/._:");
  const std::string prefix = "cannot make a creditor reference of '" + std::string(number) + "': ";
  if (compact.text.empty()) {
    return Error{prefix + "it has no letters or digits", 1};
  }
  for (std::size_t k = 0; k < compact.text.size(); ++k) {
    if (!is_ascii_alnum_upper(compact.text[k])) {
      return Error{prefix + "only letters, digits and the separators ' -/._:' are allowed, found " +
                       describe_character(compact.text[k]) + " at position " +
                       std::to_string(compact.position(k)),
                   compact.position(k)};
    }
  }
  if (compact.text.size() > kMaxReferenceLength) {
    return Error{prefix + "it has " + std::to_string(compact.text.size()) +
                     " letters and digits; a creditor reference holds at most 21",
                 compact.position(kMaxReferenceLength)};
  }
  return CreditorReference("RF" + check_digits(compact.text) + compact.text);
}

std::string CreditorReference::formatted() const {
  return in_groups_of_four(value_);
}

}  // namespace kontor
