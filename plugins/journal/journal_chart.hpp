// What the journal needs to know about the ledger accounts Kontor books on, which DATEV knows by
// itself: a readable hledger/ledger account name for each number, and where a gross amount
// holds VAT — on an automatic account (DATEV AM account, e.g. SKR03 8400 Erlöse 19 % USt) or
// with a tax key (BU-Schlüssel 3 = 19 % USt) — at which rate and on which VAT account
// (plaintext-journals.md "Mapping a booking": DATEV computes the tax split; the journal must
// spell it out).
//
// The presets follow the booking rules' SKR03/SKR04 accounts (daemon/src/export/
// chart_of_accounts.cpp); every entry can be replaced by configuration (journal_settings.hpp).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace kontor::plugins::journal {

// VAT inside a gross amount: `percent` of the net, booked on `vat_account`.
struct VatShare {
  int percent = 0;
  std::string vat_account;

  bool operator==(const VatShare&) const = default;
};

struct JournalChart {
  // Account number → full journal account name ("Erlöse:8400 Erlöse 19% USt").
  std::map<std::string, std::string, std::less<>> account_names;
  // Automatic account → the VAT in its gross amounts.
  std::map<std::string, VatShare, std::less<>> automatic_accounts;
  // Tax key (BU-Schlüssel) → the VAT of a line carrying it.
  std::map<std::string, VatShare, std::less<>> tax_keys;
};

// The preset of "skr03" or "skr04"; nullopt for any other name.
std::optional<JournalChart> standard_journal_chart(std::string_view chart);

}  // namespace kontor::plugins::journal
