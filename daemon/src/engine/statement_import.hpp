// StatementFileImport: applies one bank file's statements to the store, inside the file's store
// step (DocumentIntake), with the rules of DESIGN.md §4:
//
// - a statement already known by (account, id, sequence) and its closing balance (else its
//   opening) adds nothing; one that reuses the numbers of another (Volksbanken write
//   :20:STARTUMS :28C:0 on every statement) is another statement, told apart by its closing
//   date; a transaction whose identity is known (an overlapping statement) adds nothing, two
//   equal payments of one statement stay two;
// - a batch entry (several TxDtls) becomes one transaction per detail, the entry's total kept
//   for the balance chain and for pairing;
// - a camt.054 is a notification: its details replace the plain booked entry it belongs to
//   (same account and total, and the same bank reference, else the same booking date and number
//   of transactions) — whichever of the two arrives first; an entry with allocations is not
//   split (warning). Unpaired, its details stay provisional;
// - intraday reports (camt.052, MT942) and entries with a status other than BOOK are
//   provisional; a booked statement supersedes the provisional transactions of its account on
//   the days it covers (kept for the audit trail, not counted);
// - statements of accounts not in `company.bank_accounts` are warned about and skipped;
// - the balance chain is checked (balance_chain.hpp) and returns are marked (is_return);
// - the parser's warnings become the run's, with the file name and line.
// Statements are applied one by one as the parser finishes each; nothing is written before the
// parser returned OK (the step rolls back otherwise).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/document_intake.hpp"
#include "engine/engine.hpp"

namespace kontor::engine {

// What a run counts over all its files.
struct StatementCounts {
  int statements_new = 0;
  int statements_known = 0;
  int statements_skipped = 0;     // accounts not the company's
  int statements_told_apart = 0;  // new ones whose bank numbers another statement has (in new)
  int transactions_new = 0;
  int transactions_known = 0;
  int provisional = 0;
  int superseded = 0;  // provisional ones replaced by booked ones, plain ones split by a camt.054
  int returns = 0;
  int warnings = 0;
};

// The company's accounts: how a statement may name one (the IBAN in electronic form, or the
// German "BLZ/account" of an MT940 :25:; "" for files that name no account) → the account as
// stored (the IBAN).
using CompanyAccounts = std::map<std::string, std::string>;

class StatementFileImport final : public DocumentImport, public sdk::ParseSink {
 public:
  StatementFileImport(store::Transaction& tx, const IncomingDocument& document,
                      const CompanyAccounts& accounts, RunReport& report, StatementCounts& totals);

  sdk::ParseSink& sink() override { return *this; }
  sdk::Status finish() override;

  sdk::Status statement(const sdk::StatementInfo& statement) override;
  sdk::Status entry(const sdk::StatementEntry& entry) override;
  sdk::Status detail(const sdk::EntryDetail& detail) override;
  sdk::Status customer(const sdk::ImportedCustomer& customer) override;
  sdk::Status open_item(const sdk::ImportedOpenItem& item) override;
  void warning(std::int64_t line, std::string_view code, std::string_view message) override;

 private:
  struct ParsedEntry {
    sdk::StatementEntry entry;
    std::vector<sdk::EntryDetail> details;
  };
  struct ParsedStatement {
    sdk::StatementInfo info;
    std::vector<ParsedEntry> entries;
    bool parser_found_mismatch = false;
  };

  sdk::Status apply(ParsedStatement& parsed);
  Result<bool> known_before(BankStatement& statement);
  sdk::Status pair_notification(const BankStatement& notification, const ParsedStatement& parsed);
  sdk::Status pair_booked(const BankStatement& booked);
  // `booked`: the sum of the statement's booked entries (none when it has none).
  sdk::Status check_balances(const BankStatement& statement, const std::optional<Money>& booked,
                             const ParsedStatement& parsed);
  std::optional<std::string> company_account(const sdk::StatementInfo& info) const;
  void warn(const std::string& where, std::string_view code, const std::string& message);
  sdk::Status store_failed(const Error& error);

  store::Transaction& tx_;
  const IncomingDocument& document_;
  const CompanyAccounts& accounts_;
  RunReport& report_;
  StatementCounts& totals_;
  StatementCounts counts_;
  std::optional<ParsedStatement> current_;
  int statements_in_file_ = 0;
};

}  // namespace kontor::engine
