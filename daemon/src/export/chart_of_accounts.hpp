// ChartOfAccounts: which ledger account each booking rule posts to, from DATEV's standard
// charts SKR03 and SKR04 (datev-extf.md §6), with any account replaced by configuration.
//
// Every account and every preset number must be confirmed with the company's tax advisor
// (Steuerberater); the presets are where a new installation starts, not tax advice. An
// account is "automatic" (DATEV AM account) when DATEV computes the VAT inside its gross
// amount itself: a line on it carries no tax key. A line on a non-automatic account that
// carries VAT gets the rate's key from TaxKeys.
//
// The 0 % revenue-side accounts (revenue, revenue reductions, Skonto) have no preset: which
// one is right depends on why the sale is tax-free (export, EU delivery, §4 Nr. 8 ff. UStG …),
// and a wrong guess lands in the wrong field of the VAT return. A booking that needs one
// fails naming the key to configure.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "export/vat_rate.hpp"
#include "kontor/result.hpp"

namespace kontor::exports {

enum class ChartPreset { skr03, skr04 };

std::string_view to_string(ChartPreset preset);
Result<ChartPreset> parse_chart_preset(std::string_view text);

// What an account is for. The names (to_string) are the keys of `export.accounts`.
enum class AccountRole {
  bank,         // the bank account when the company's bank account names no ledger account
  receivables,  // Forderungen aus L+L, the debtors' collective account
  revenue_19,
  revenue_7,
  revenue_0,
  revenue_reductions_19,  // Erlösschmälerungen: credit notes, when configured so
  revenue_reductions_7,
  revenue_reductions_0,
  skonto_19,  // Gewährte Skonti
  skonto_7,
  skonto_0,
  write_offs_19,  // Forderungsverluste, with VAT correction (§17 (2) Nr. 1 UStG)
  write_offs_7,
  write_offs_0,  // Forderungsverluste without VAT: also every write-off without VAT correction
  interest,      // default interest received (Verzugszinsen), not VAT-able
  fees,          // dunning fees received (Mahngebühren), not VAT-able
  bank_charges,  // Nebenkosten des Geldverkehrs
};

inline constexpr std::size_t kAccountRoleCount = 17;

std::string_view to_string(AccountRole role);
Result<AccountRole> parse_account_role(std::string_view text);
const std::array<AccountRole, kAccountRoleCount>& all_account_roles();

// The accounts that exist once per VAT rate.
enum class RateAccount { revenue, revenue_reductions, skonto, write_offs };

AccountRole role_of(RateAccount account, VatRate rate);

struct LedgerAccount {
  std::string number;      // empty: the preset has none
  bool automatic = false;  // DATEV computes the VAT in the gross amount itself: no tax key

  bool operator==(const LedgerAccount&) const = default;
};

class ChartOfAccounts {
 public:
  // SKR03 unless told otherwise, so a default-constructed chart is a usable one.
  ChartOfAccounts() : ChartOfAccounts(of(ChartPreset::skr03)) {}
  static ChartOfAccounts of(ChartPreset preset);

  ChartPreset preset() const { return preset_; }
  const LedgerAccount& account(AccountRole role) const { return accounts_[index(role)]; }
  // The account for `role`; an error naming `export.accounts.<role>` when it has no number.
  Result<LedgerAccount> require(AccountRole role) const;

  void set_number(AccountRole role, std::string number);
  void set_automatic(AccountRole role, bool automatic);

 private:
  explicit ChartOfAccounts(ChartPreset preset) : preset_(preset) {}
  static std::size_t index(AccountRole role) { return static_cast<std::size_t>(role); }

  ChartPreset preset_;
  std::array<LedgerAccount, kAccountRoleCount> accounts_;
};

// What a ledger account number may be in DATEV (Konto, field 7): 1 to 9 digits, not all zeros.
// Returns a message, or an empty string when `number` is fine.
std::string check_account_number(std::string_view number);

}  // namespace kontor::exports
