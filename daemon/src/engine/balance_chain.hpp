// The balance chain of an account's booked statements: each opens where the previous one closed,
// and its opening balance plus its booked entries is its closing balance. What does not fit is
// a warning with a code, never a refusal: banks do send such files (DESIGN.md §10).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kontor/model/bank_statement.hpp"
#include "store/store.hpp"

namespace kontor::engine {

// A statement whose bank numbers (id, sequence) another stored statement already has is stored
// under the bank's sequence, this mark and what tells it apart ("0@2020-02-19", see
// statement_import.cpp); the chain reads the bank's sequence before the mark.
inline constexpr char kToldApartMark = '@';

struct ChainWarning {
  std::string code;  // balance_gap, sequence_gap, balance_mismatch
  std::string message;
};

// `previous`: the account's last booked statement before `statement`, if any; `booked_total`:
// the sum of the statement's booked entry totals; `within_checked`: the parser already
// compared opening + entries with closing (its warning stands for ours).
std::vector<ChainWarning> check_balance_chain(
    const std::optional<store::StatementBalances>& previous, const BankStatement& statement,
    const Money& booked_total, bool within_checked);

}  // namespace kontor::engine
