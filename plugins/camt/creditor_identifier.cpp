#include "creditor_identifier.hpp"

#include "kontor/model/identifier_text.hpp"

namespace kontor::plugins::camt {

bool looks_like_creditor_identifier(std::string_view text) {
  if (text.size() < 8 || text.size() > 35) return false;
  if (!is_ascii_upper(text[0]) || !is_ascii_upper(text[1]) || !is_ascii_digit(text[2]) ||
      !is_ascii_digit(text[3])) {
    return false;
  }
  for (char c : text.substr(4)) {
    if (!is_ascii_alnum_upper(c)) return false;
  }
  return true;
}

}  // namespace kontor::plugins::camt
