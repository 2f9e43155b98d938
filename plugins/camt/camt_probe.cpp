#include "camt_probe.hpp"

#include <string_view>

#include "camt_message.hpp"

namespace kontor::plugins::camt {

int probe_camt(std::span<const std::uint8_t> prefix) {
  std::string_view text(reinterpret_cast<const char*>(prefix.data()), prefix.size());
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || text[first] != '<') return 0;

  const std::string namespace_start = std::string(kNamespacePrefix) + "camt.05";
  for (std::size_t at = text.find(namespace_start); at != std::string_view::npos;
       at = text.find(namespace_start, at + 1)) {
    const std::size_t digit = at + namespace_start.size();
    if (digit < text.size() && text[digit] >= '2' && text[digit] <= '4') return 95;
  }
  for (std::string_view element : {"BkToCstmrStmt", "BkToCstmrAcctRpt", "BkToCstmrDbtCdtNtfctn"}) {
    for (std::size_t at = text.find(element); at != std::string_view::npos;
         at = text.find(element, at + 1)) {
      if (at > 0 && (text[at - 1] == '<' || text[at - 1] == ':')) return 60;
    }
  }
  return 0;
}

}  // namespace kontor::plugins::camt
