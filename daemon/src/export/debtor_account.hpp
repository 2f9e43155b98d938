// Which debtor (customer) account a booking posts to: the ERP's `debtor_account` on the item
// when it sent one, else the rule `export.debtor_account` configures, else an error naming the
// customer — never a silent default, since a booking on the wrong debtor clears the wrong
// open items in the bookkeeping.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "export/chart_of_accounts.hpp"
#include "kontor/model/open_item.hpp"
#include "kontor/result.hpp"

namespace kontor::exports {

enum class DebtorAccountRuleKind {
  none,                  // the ERP must send a debtor account with every item
  fixed,                 // one account for everyone, e.g. a collective debtor "10000"
  from_customer_number,  // offset + the (numeric) customer number: customer 4711 → 14711
  receivables,           // the chart's collective account (books without personal accounts)
};

std::string_view to_string(DebtorAccountRuleKind kind);
Result<DebtorAccountRuleKind> parse_debtor_account_rule_kind(std::string_view text);

struct DebtorAccountRule {
  DebtorAccountRuleKind kind = DebtorAccountRuleKind::none;
  std::string account;      // kind fixed
  std::int64_t offset = 0;  // kind from_customer_number
  // Kind from_customer_number: taken off the front of a customer number that has it, for ERPs
  // whose numbers carry letters ("K-10001" with prefix "K-" reads 10001).
  std::string prefix;

  bool operator==(const DebtorAccountRule&) const = default;
};

// The debtor account of `item` (rule above). An ERP's account must be a valid account number
// (chart_of_accounts.hpp); a number derived from the customer number must be a DATEV personal
// account: at least five digits, the first 1 to 6 (datev-extf.md §6).
Result<std::string> debtor_account_of(const OpenItem& item, const DebtorAccountRule& rule,
                                      const ChartOfAccounts& chart);

}  // namespace kontor::exports
