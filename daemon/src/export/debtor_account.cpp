// The debtor account of an item (see the header).
#include "export/debtor_account.hpp"

#include <fmt/format.h>

#include <charconv>

#include "kontor/model/enum_text.hpp"

namespace kontor::exports {
namespace {

constexpr EnumName<DebtorAccountRuleKind> kKinds[] = {
    {DebtorAccountRuleKind::none, "none"},
    {DebtorAccountRuleKind::fixed, "fixed"},
    {DebtorAccountRuleKind::from_customer_number, "from_customer_number"},
    {DebtorAccountRuleKind::receivables, "receivables"},
};

// Largest DATEV account number: nine digits (Konto, field 7).
constexpr std::int64_t kMaxAccount = 999'999'999;

Result<std::string> from_customer_number(const OpenItem& item, std::int64_t offset,
                                         std::string_view prefix) {
  std::string_view number = item.customer_number;
  if (!prefix.empty() && number.starts_with(prefix)) number.remove_prefix(prefix.size());
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (number.empty() || error != std::errc() || end != number.data() + number.size() || value < 0) {
    return Error{fmt::format(
        "customer '{}' has no debtor account: item {} names none and the customer number is not "
        "a number, so export.debtor_account (from_customer_number) cannot derive one",
        item.customer_number, item.number)};
  }
  // Both at most nine digits, so the sum cannot overflow.
  const std::int64_t account = value <= kMaxAccount && offset <= kMaxAccount ? offset + value : -1;
  const std::string text = std::to_string(account);
  if (account < 0 || account > kMaxAccount || text.size() < 5 || text[0] < '1' || text[0] > '6') {
    return Error{fmt::format(
        "customer {}: offset {} + customer number {} is no DATEV debtor account (five to nine "
        "digits, the first 1 to 6); check export.debtor_account.offset",
        item.customer_number, offset, number)};
  }
  return text;
}

}  // namespace

std::string_view to_string(DebtorAccountRuleKind kind) {
  return enum_to_text(kKinds, kind);
}

Result<DebtorAccountRuleKind> parse_debtor_account_rule_kind(std::string_view text) {
  return enum_from_text(kKinds, "debtor account rule", text);
}

Result<std::string> debtor_account_of(const OpenItem& item, const DebtorAccountRule& rule,
                                      const ChartOfAccounts& chart) {
  if (!item.debtor_account.empty()) {
    if (const std::string problem = check_account_number(item.debtor_account); !problem.empty()) {
      return Error{fmt::format("customer {}, item {}: the ERP's debtor account: {}",
                               item.customer_number, item.number, problem)};
    }
    return item.debtor_account;
  }
  switch (rule.kind) {
    case DebtorAccountRuleKind::fixed:
      return rule.account;
    case DebtorAccountRuleKind::from_customer_number:
      return from_customer_number(item, rule.offset, rule.prefix);
    case DebtorAccountRuleKind::receivables:
      return chart.account(AccountRole::receivables).number;
    case DebtorAccountRuleKind::none:
      break;
  }
  return Error{
      fmt::format("customer {} has no debtor account: the ERP sent none with item {} and "
                  "export.debtor_account sets no rule",
                  item.customer_number, item.number)};
}

}  // namespace kontor::exports
