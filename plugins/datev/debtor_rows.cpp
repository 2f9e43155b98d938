#include "debtor_rows.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>

#include "extf_fields.hpp"

namespace kontor::plugins::datev {
namespace {

std::string customer_name(const sdk::ExportDebtor& debtor) {
  return fmt::format("customer {} on account {}", debtor.customer.number, debtor.account);
}

// A valid account of at most SKL digits. An account DATEV would refuse altogether stays in, so
// that the writer names it with its record.
bool is_general_ledger_account(std::string_view account, int account_length) {
  Result<AccountKind> kind = account_kind(account, account_length, FieldPlace{});
  return kind.ok() && *kind == AccountKind::general_ledger;
}

}  // namespace

ExtfDebtor debtor_record_of(const sdk::ExportDebtor& debtor, std::vector<std::string>& notes) {
  const Customer& customer = debtor.customer;
  ExtfDebtor record{
      .account = debtor.account,
      .addressee_type = customer.kind == CustomerKind::business ? AddresseeType::company
                                                                : AddresseeType::unspecified,
      .name = customer.name,
      .first_name = "",
      .short_name = "",
      .vat_id = std::nullopt,
      .address = customer.address,
      .email = customer.email,
      .bank_accounts = {},
      .customer_number = customer.number,
      .language = customer.language,
  };
  const std::size_t banks =
      std::min(customer.ibans.size(), static_cast<std::size_t>(kMaxBankAccountsPerDebtor));
  for (std::size_t i = 0; i < banks; ++i) {
    record.bank_accounts.push_back(ExtfBankAccount{.iban = customer.ibans[i], .bic = std::nullopt});
  }
  if (customer.ibans.size() > banks) {
    notes.push_back(fmt::format("{}: {} IBANs, DATEV holds {}; the first {} are written",
                                customer_name(debtor), customer.ibans.size(),
                                kMaxBankAccountsPerDebtor, kMaxBankAccountsPerDebtor));
  }
  return record;
}

DebtorPlan plan_debtors(std::span<const sdk::ExportDebtor> debtors, int account_length) {
  DebtorPlan plan;
  // Per account: the customer numbers given for it, in the batch's order.
  std::map<std::string, std::vector<std::string>, std::less<>> customers_of;
  std::vector<const sdk::ExportDebtor*> first_of_account;
  for (const sdk::ExportDebtor& debtor : debtors) {
    if (is_general_ledger_account(debtor.account, account_length)) {
      plan.notes.push_back(fmt::format("{}: a Sachkonto, not a Debitor; no master data written",
                                       customer_name(debtor)));
      continue;
    }
    auto [entry, inserted] = customers_of.try_emplace(debtor.account);
    if (inserted) first_of_account.push_back(&debtor);
    if (std::find(entry->second.begin(), entry->second.end(), debtor.customer.number) ==
        entry->second.end()) {
      entry->second.push_back(debtor.customer.number);
    }
  }
  for (const sdk::ExportDebtor* debtor : first_of_account) {
    const std::vector<std::string>& numbers = customers_of.find(debtor->account)->second;
    if (numbers.size() > 1) {
      plan.notes.push_back(fmt::format(
          "account {} is shared by customers {} (a collective debtor); no master data written "
          "for it",
          debtor->account, fmt::join(numbers, ", ")));
      continue;
    }
    plan.debtors.push_back(debtor_record_of(*debtor, plan.notes));
  }
  return plan;
}

}  // namespace kontor::plugins::datev
