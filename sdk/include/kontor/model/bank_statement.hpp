// BankStatement: one statement of one of the company's accounts as a bank file delivers it —
// known by (account, id, sequence), with its balances and its transactions.
//
// A camt.054 is a notification, not a statement: its details complete the entries of a booked
// statement (the import engine's business). Intraday reports (camt.052, MT942) carry only
// provisional transactions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kontor/model/bank_transaction.hpp"
#include "kontor/model/date.hpp"
#include "kontor/model/money.hpp"
#include "kontor/result.hpp"

namespace kontor {

enum class StatementKind {
  statement,     // camt.053, MT940: booked
  intraday,      // camt.052, MT942: provisional
  notification,  // camt.054: details of entries
};

std::string_view to_string(StatementKind kind);
Result<StatementKind> parse_statement_kind(std::string_view text);

struct StatementBalance {
  Money amount;
  Date date;

  bool operator==(const StatementBalance&) const = default;
};

struct BankStatement {
  std::string account;   // as in BankTransaction::account
  std::string id;        // camt Stmt/Id, MT940 :20:/:28C: statement number
  std::string sequence;  // camt ElctrncSeqNb, MT940 :28C: sequence; empty when absent
  StatementKind kind = StatementKind::statement;
  std::optional<StatementBalance> opening;
  std::optional<StatementBalance> closing;
  std::string file_sha256;  // the file it came from, if recorded
  std::vector<BankTransaction> transactions;
};

}  // namespace kontor
