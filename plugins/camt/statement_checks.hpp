// The checks a statement's entries must pass when it ends — against its own balances and its
// own transaction summary. A bank file whose figures disagree is still read (banks send them,
// and edited exports do); each disagreement is a warning for the person importing it:
// - `balance_mismatch`: opening balance + booked entries (BOOK only; pending and information
//   entries do not move the booked balance) != closing balance;
// - `summary_mismatch`: TxsSummry's number or sum of entries, credits, debits or net amount
//   differs from the entries'.
#pragma once

#include <cstdint>
#include <optional>

#include "kontor/model/money.hpp"
#include "kontor/sdk/values.hpp"
#include "part_context.hpp"
#include "statement_header.hpp"

namespace kontor::plugins::camt {

// What a statement's entries add up to, kept as they pass.
class StatementTally {
 public:
  void add(const sdk::StatementEntry& entry);

  std::int64_t entries() const { return entries_; }

 private:
  friend void check_statement(const sdk::StatementInfo&, const TransactionSummary&,
                              const StatementTally&, WarningSink&);
  struct Side {
    std::int64_t count = 0;
    std::optional<Money> sum;
  };
  static void add_to(std::optional<Money>& sum, const Money& amount, bool& mixed);

  std::int64_t entries_ = 0;
  Side credits_, debits_;
  std::optional<Money> net_, booked_;
  bool mixed_currencies_ = false;
};

void check_statement(const sdk::StatementInfo& statement, const TransactionSummary& summary,
                     const StatementTally& tally, WarningSink& warnings);

}  // namespace kontor::plugins::camt
