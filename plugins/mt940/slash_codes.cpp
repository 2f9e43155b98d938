#include "slash_codes.hpp"

namespace kontor::plugins::mt940 {
namespace {

// The codes of the Dutch/SEPA convention (Betaalvereniging "MT940 structured") and the ones
// other banks add; anything else between slashes is text.
constexpr std::string_view kCodes[] = {
    "TRTP", "EREF", "MARF", "CSID", "CNTP", "REMI", "IBAN", "BIC",  "NAME", "ADDR", "BENM",
    "ORDP", "ID",   "ISDT", "RTRN", "PURP", "ULTC", "ULTD", "SVCL", "OCMT", "ATOM", "EXCH",
    "CHGS", "PREF", "NRTX", "RETR", "OGB",  "OSDR", "BUSP", "ORIG", "FX"};

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '/')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '/')) text.remove_suffix(1);
  return text;
}

// The length of the known code "/CODE/" at text[at], 0 when none stands there.
std::size_t code_at(std::string_view text, std::size_t at) {
  if (text[at] != '/') return 0;
  for (std::string_view code : kCodes) {
    if (at + code.size() + 1 < text.size() && text.compare(at + 1, code.size(), code) == 0 &&
        text[at + code.size() + 1] == '/') {
      return code.size() + 2;
    }
  }
  return 0;
}

}  // namespace

bool SlashCodes::split(std::string_view text) {
  codes_.clear();
  if (text.empty() || code_at(text, 0) == 0) return false;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t length = code_at(text, at);
    const std::string_view code = text.substr(at + 1, length - 2);
    const std::size_t value_start = at + length;
    // "/BENM//NAME/": the code's closing slash opens the next code.
    if (code_at(text, value_start - 1) != 0) {
      codes_.emplace_back(code, std::string_view());
      at = value_start - 1;
      continue;
    }
    std::size_t end = value_start;
    while (end < text.size() && code_at(text, end) == 0) ++end;
    codes_.emplace_back(code, text.substr(value_start, end - value_start));
    at = end;
  }
  return true;
}

std::string_view SlashCodes::value(std::string_view code) const {
  for (const auto& [name, value] : codes_) {
    if (name == code) return trim(value);
  }
  return {};
}

bool SlashCodes::has(std::string_view code) const {
  for (const auto& entry : codes_) {
    if (entry.first == code) return true;
  }
  return false;
}

}  // namespace kontor::plugins::mt940
