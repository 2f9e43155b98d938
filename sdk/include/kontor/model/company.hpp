// Company: the business whose receivables Kontor manages — what German law requires on its
// business letters and e-mails (§35a GmbHG, §37a HGB) and the bank accounts whose statements
// Kontor imports. Filled from the `company:` configuration section (DESIGN.md §4); the field
// names follow its keys.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kontor/model/bic.hpp"
#include "kontor/model/iban.hpp"
#include "kontor/model/postal_address.hpp"
#include "kontor/model/vat_id.hpp"

namespace kontor {

struct CompanyContact {
  std::string phone;
  std::string email;
  std::string web;
};

struct CompanyBankAccount {
  Iban iban;
  std::optional<Bic> bic;
  std::string ledger_account;  // general ledger account of the bank, e.g. "1200" (SKR03)
};

struct Company {
  std::string legal_name;
  PostalAddress address;
  std::string commercial_register;  // key `register`: "HRB 12345, AG Köln"
  std::vector<std::string> managing_directors;
  std::optional<VatId> vat_id;
  CompanyContact contact;
  std::string timezone;  // IANA name, e.g. "Europe/Berlin": the zone of "today"
  std::vector<CompanyBankAccount> bank_accounts;

  // The company's account with this IBAN (electronic form), or nullptr: statements of other
  // accounts are warned about, not imported.
  const CompanyBankAccount* bank_account(std::string_view iban) const {
    for (const CompanyBankAccount& account : bank_accounts) {
      if (account.iban.electronic() == iban) return &account;
    }
    return nullptr;
  }
};

}  // namespace kontor
