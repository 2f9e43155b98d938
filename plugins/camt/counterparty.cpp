#include "counterparty.hpp"

namespace kontor::plugins::camt {

std::string compact_account(const std::string& account) {
  std::string out;
  out.reserve(account.size());
  for (char c : account) {
    if (c == ' ') continue;
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

PartySide counterparty_of(const PartySide& debtor, const PartySide& creditor, bool credit,
                          bool reversed_or_returned, const std::string& own_account) {
  const std::string own = compact_account(own_account);
  if (!own.empty()) {
    const bool debtor_is_holder = compact_account(debtor.account) == own;
    const bool creditor_is_holder = compact_account(creditor.account) == own;
    if (debtor_is_holder && !creditor_is_holder) return creditor;
    if (creditor_is_holder && !debtor_is_holder) return debtor;
  }
  const bool from_debtor = credit != reversed_or_returned;
  const PartySide& chosen = from_debtor ? debtor : creditor;
  const PartySide& other = from_debtor ? creditor : debtor;
  return chosen.names_nobody() ? other : chosen;
}

}  // namespace kontor::plugins::camt
