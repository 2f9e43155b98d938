// Which of a transaction's parties is the counterparty — the other side of the account holder.
//
// camt names both sides of a payment: the debtor (Dbtr, DbtrAcct, DbtrAgt) and the creditor
// (Cdtr, CdtrAcct, CdtrAgt); one of them is the account holder. In order:
// 1. a side whose account is the statement's own account is the holder, so the other one is
//    the counterparty;
// 2. otherwise money in (CRDT) comes from the debtor and money out (DBIT) goes to the
//    creditor — unless the entry is a reversal (RvslInd) or a return (RtrInf): banks keep the
//    parties of the original payment, so the roles are the other way round (a returned direct
//    debit is a debit whose debtor is the customer who refused it);
// 3. a chosen side that names nobody gives way to the other side (PostFinance reports a
//    returned transfer with the returning party as debtor only).
#pragma once

#include <string>

namespace kontor::plugins::camt {

struct PartySide {
  std::string name;
  std::string account;  // IBAN or other identification
  std::string bic;

  // Neither a name nor an account: an agent's BIC alone does not say who paid.
  bool names_nobody() const { return name.empty() && account.empty(); }
};

PartySide counterparty_of(const PartySide& debtor, const PartySide& creditor, bool credit,
                          bool reversed_or_returned, const std::string& own_account);

// An account as compared: blanks removed, letters upper-cased.
std::string compact_account(const std::string& account);

}  // namespace kontor::plugins::camt
