// ChartOfAccounts (see the header): the SKR03 and SKR04 presets.
#include "export/chart_of_accounts.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "kontor/model/enum_text.hpp"

namespace kontor::exports {
namespace {

constexpr EnumName<ChartPreset> kPresets[] = {{ChartPreset::skr03, "skr03"},
                                              {ChartPreset::skr04, "skr04"}};

constexpr EnumName<AccountRole> kRoles[] = {
    {AccountRole::bank, "bank"},
    {AccountRole::receivables, "receivables"},
    {AccountRole::revenue_19, "revenue_19"},
    {AccountRole::revenue_7, "revenue_7"},
    {AccountRole::revenue_0, "revenue_0"},
    {AccountRole::revenue_reductions_19, "revenue_reductions_19"},
    {AccountRole::revenue_reductions_7, "revenue_reductions_7"},
    {AccountRole::revenue_reductions_0, "revenue_reductions_0"},
    {AccountRole::skonto_19, "skonto_19"},
    {AccountRole::skonto_7, "skonto_7"},
    {AccountRole::skonto_0, "skonto_0"},
    {AccountRole::write_offs_19, "write_offs_19"},
    {AccountRole::write_offs_7, "write_offs_7"},
    {AccountRole::write_offs_0, "write_offs_0"},
    {AccountRole::interest, "interest"},
    {AccountRole::fees, "fees"},
    {AccountRole::bank_charges, "bank_charges"},
};
static_assert(std::size(kRoles) == kAccountRoleCount);

// Constant-initialised (no std::string), so charts built during other files' static
// initialisation already see the table.
struct PresetNumber {
  std::string_view number;
  bool automatic;
};

struct PresetAccount {
  AccountRole role;
  PresetNumber skr03;
  PresetNumber skr04;
};

constexpr bool kAutomatic = true;
constexpr bool kPlain = false;

// datev-extf.md §6 unless a comment says otherwise. Confirm every number with the tax advisor.
constexpr PresetAccount kPresetAccounts[] = {
    {AccountRole::bank, {"1200", kPlain}, {"1800", kPlain}},
    {AccountRole::receivables, {"1400", kPlain}, {"1200", kPlain}},
    {AccountRole::revenue_19, {"8400", kAutomatic}, {"4400", kAutomatic}},
    {AccountRole::revenue_7, {"8300", kAutomatic}, {"4300", kAutomatic}},
    {AccountRole::revenue_0, {"", kPlain}, {"", kPlain}},  // depends on the exemption: configure
    // Automatic per DATEV's charts (AM); §6 lists the numbers, §5 not their status: confirm.
    {AccountRole::revenue_reductions_19, {"8720", kAutomatic}, {"4720", kAutomatic}},
    {AccountRole::revenue_reductions_7, {"8710", kAutomatic}, {"4710", kAutomatic}},
    {AccountRole::revenue_reductions_0, {"", kPlain}, {"", kPlain}},
    {AccountRole::skonto_19, {"8736", kAutomatic}, {"4736", kAutomatic}},
    {AccountRole::skonto_7, {"8731", kAutomatic}, {"4731", kAutomatic}},
    {AccountRole::skonto_0, {"", kPlain}, {"", kPlain}},
    // Automatic status from one secondary source (Haufe, §6 "M"): DATEV corrects the VAT itself.
    {AccountRole::write_offs_19, {"2406", kAutomatic}, {"6936", kAutomatic}},
    {AccountRole::write_offs_7, {"2401", kAutomatic}, {"6931", kAutomatic}},
    // "Forderungsverluste (übliche Höhe)" without VAT — not in §6; from the NWB/Kiehl
    // Kontierungslexikon (SKR03 2400) and DATEV's SKR04 (6930). Confirm.
    {AccountRole::write_offs_0, {"2400", kPlain}, {"6930", kPlain}},
    {AccountRole::interest, {"2650", kPlain}, {"7100", kPlain}},
    // DATEV has no dedicated account for dunning fees (§6 "L", open question 3): these are the
    // first candidates of §6 and MUST be confirmed with the tax advisor; `export.accounts.fees`.
    {AccountRole::fees, {"8600", kPlain}, {"4830", kPlain}},
    {AccountRole::bank_charges, {"4970", kPlain}, {"6855", kPlain}},
};
static_assert(std::size(kPresetAccounts) == kAccountRoleCount);

}  // namespace

std::string_view to_string(ChartPreset preset) {
  return enum_to_text(kPresets, preset);
}

Result<ChartPreset> parse_chart_preset(std::string_view text) {
  return enum_from_text(kPresets, "chart", text);
}

std::string_view to_string(AccountRole role) {
  return enum_to_text(kRoles, role);
}

Result<AccountRole> parse_account_role(std::string_view text) {
  return enum_from_text(kRoles, "account", text);
}

const std::array<AccountRole, kAccountRoleCount>& all_account_roles() {
  static const std::array<AccountRole, kAccountRoleCount> roles = [] {
    std::array<AccountRole, kAccountRoleCount> all{};
    std::transform(std::begin(kRoles), std::end(kRoles), all.begin(),
                   [](const EnumName<AccountRole>& entry) { return entry.value; });
    return all;
  }();
  return roles;
}

AccountRole role_of(RateAccount account, VatRate rate) {
  // The roles of one family are declared 19, 7, 0 in a row, in the order of VatRate.
  AccountRole first = AccountRole::revenue_19;
  switch (account) {
    case RateAccount::revenue:
      first = AccountRole::revenue_19;
      break;
    case RateAccount::revenue_reductions:
      first = AccountRole::revenue_reductions_19;
      break;
    case RateAccount::skonto:
      first = AccountRole::skonto_19;
      break;
    case RateAccount::write_offs:
      first = AccountRole::write_offs_19;
      break;
  }
  return static_cast<AccountRole>(static_cast<int>(first) + static_cast<int>(rate));
}

ChartOfAccounts ChartOfAccounts::of(ChartPreset preset) {
  ChartOfAccounts chart(preset);
  for (const PresetAccount& entry : kPresetAccounts) {
    const PresetNumber& number = preset == ChartPreset::skr03 ? entry.skr03 : entry.skr04;
    chart.accounts_[index(entry.role)] =
        LedgerAccount{.number = std::string(number.number), .automatic = number.automatic};
  }
  return chart;
}

Result<LedgerAccount> ChartOfAccounts::require(AccountRole role) const {
  const LedgerAccount& found = account(role);
  if (!found.number.empty()) return found;
  return Error{fmt::format(
      "export.accounts.{} is not configured: {} has no preset for it (the right account "
      "depends on why the sale is tax-free; ask the tax advisor)",
      to_string(role), to_string(preset_))};
}

void ChartOfAccounts::set_number(AccountRole role, std::string number) {
  accounts_[index(role)].number = std::move(number);
}

void ChartOfAccounts::set_automatic(AccountRole role, bool automatic) {
  accounts_[index(role)].automatic = automatic;
}

std::string check_account_number(std::string_view number) {
  const bool digits =
      std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; });
  const bool all_zeros = std::all_of(number.begin(), number.end(), [](char c) { return c == '0'; });
  if (!number.empty() && number.size() <= 9 && digits && !all_zeros) return {};
  return fmt::format("an account number is 1 to 9 digits, not all zeros; found '{}'", number);
}

}  // namespace kontor::exports
