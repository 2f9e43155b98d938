#include "kontor/model/bic.hpp"

#include "kontor/model/identifier_text.hpp"

namespace kontor {

Result<Bic> Bic::parse(std::string_view text) {
  const CompactIdentifier bic = compact_identifier(text, " ");
  const std::string& s = bic.text;
  const std::string prefix = "BIC '" + std::string(text) + "': ";
  if (s.size() != 8 && s.size() != 11) {
    return Error{prefix + "expected 8 or 11 letters and digits, found " + std::to_string(s.size()),
                 bic.position(s.size() < 8 ? s.size() : (s.size() < 11 ? 8 : 11))};
  }
  for (std::size_t k = 0; k < s.size(); ++k) {
    const bool country = k == 4 || k == 5;
    const bool ok = country ? is_ascii_upper(s[k]) : is_ascii_alnum_upper(s[k]);
    if (!ok) {
      const char* part = k < 4     ? "a letter or digit of the party prefix"
                         : country ? "a letter of the country code"
                         : k < 8   ? "a letter or digit of the location code"
                                   : "a letter or digit of the branch code";
      return Error{prefix + "expected " + part + " at position " + std::to_string(bic.position(k)) +
                       ", found " + describe_character(s[k]),
                   bic.position(k)};
    }
  }
  return Bic(s);
}

}  // namespace kontor
