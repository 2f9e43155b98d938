// Importing a bank statement into the SQLite unit of work: once per (account, id, sequence),
// each transaction once per identity (DESIGN.md §4), every new one with its event.
#include <fmt/format.h>

#include <set>

#include "store/entity_fields.hpp"
#include "store/sqlite_unit_of_work.hpp"

namespace kontor::store::sqlite {
namespace {

std::optional<std::string> optional_date_text(const std::optional<Date>& date) {
  if (!date) return std::nullopt;
  return date->to_iso();
}

// Identities of one statement's transactions (assign_identities), except that provisional ones
// (intraday, notification, any status but BOOK) get theirs in a space of their own: the booked
// transaction of the same payment has the same identity tuple, and is stored beside the
// provisional one it supersedes, which stays for the audit trail.
void assign_statement_identities(std::vector<BankTransaction>& transactions) {
  static constexpr std::string_view kProvisional =
      "\x1f"
      "kontor-provisional\x1f";
  for (BankTransaction& t : transactions) {
    if (t.provisional) t.remittance.insert(0, kProvisional);
  }
  assign_identities(transactions);
  for (BankTransaction& t : transactions) {
    if (t.provisional) t.remittance.erase(0, kProvisional.size());
  }
}

std::string key_text(const StatementKey& key) {
  return key.account + "/" + key.id + "/" + key.sequence;
}

}  // namespace

int UnitOfWork::insert_transaction_rows(std::int64_t statement_row,
                                        const std::vector<BankTransaction>& transactions,
                                        std::int64_t position, std::int64_t entry) {
  int inserted = 0;
  for (std::size_t k = 0; k < transactions.size(); ++k) {
    const BankTransaction& t = transactions[k];
    if (k > 0 && t.batch_position <= 1) ++entry;  // a batch entry's details share its entry
    const std::int64_t entry_minor =
        t.entry_amount ? t.entry_amount->minor_units() : t.amount.minor_units();
    Query(db_,
          "INSERT INTO bank_transactions (identity, statement, position, account, "
          "booking_date, value_date, currency, amount_minor, counterparty_name, "
          "counterparty_account, counterparty_bic, remittance, end_to_end_id, mandate_id, "
          "creditor_id, bank_reference, bank_transaction_code, return_reason, status, "
          "provisional, batch_position, entry, entry_amount_minor, entry_transactions, "
          "is_return) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
          "?, ?, ?) ON CONFLICT (identity) DO NOTHING",
          t.identity, statement_row, position + static_cast<std::int64_t>(k), t.account,
          t.booking_date.to_iso(), optional_date_text(t.value_date), t.amount.currency().code(),
          t.amount.minor_units(), t.counterparty_name, t.counterparty_account, t.counterparty_bic,
          t.remittance, t.end_to_end_id, t.mandate_id, t.creditor_id, t.bank_reference,
          t.bank_transaction_code, t.return_reason, to_string(t.status), t.provisional,
          t.batch_position, entry, entry_minor, t.entry_transactions, t.is_return)
        .run();
    if (db_.changes() == 0) continue;
    ++inserted;
    append_event("bank_transaction.inserted", t.identity,
                 JsonObject().add_fields(bank_transaction_fields(t)).str());
  }
  return inserted;
}

Result<StatementImport> UnitOfWork::insert_statement(const BankStatement& statement) {
  const std::string key = statement.account + "/" + statement.id + "/" + statement.sequence;
  return write<StatementImport>("statement " + key, [&]() -> Result<StatementImport> {
    if (statement.account.empty() || statement.id.empty()) {
      return Error{"a statement needs its account and its id"};
    }
    StatementImport result;
    if (Query(db_,
              "SELECT 1 FROM statements WHERE account = ? AND statement_id = ? AND sequence = ?",
              statement.account, statement.id, statement.sequence)
            .step()) {
      result.transactions_already_there = static_cast<int>(statement.transactions.size());
      return result;
    }
    if (!statement.file_sha256.empty() &&
        !Query(db_, "SELECT 1 FROM files WHERE sha256 = ?", statement.file_sha256).step()) {
      return Error{"its file " + statement.file_sha256 + " was not recorded"};
    }
    std::vector<BankTransaction> transactions = statement.transactions;
    for (BankTransaction& t : transactions) {
      t.account = statement.account;
      t.statement_id = statement.id;
      t.statement_sequence = statement.sequence;
    }
    assign_statement_identities(transactions);

    auto balance = [](const std::optional<StatementBalance>& b) {
      struct Columns {
        std::optional<std::string> currency;
        std::optional<std::int64_t> minor;
        std::optional<std::string> date;
      } columns;
      if (b)
        columns = {std::string(b->amount.currency().code()), b->amount.minor_units(),
                   b->date.to_iso()};
      return columns;
    };
    const auto opening = balance(statement.opening);
    const auto closing = balance(statement.closing);
    std::optional<std::string> file;
    if (!statement.file_sha256.empty()) file = statement.file_sha256;
    Query(db_,
          "INSERT INTO statements (account, statement_id, sequence, kind, opening_currency, "
          "opening_minor, opening_date, closing_currency, closing_minor, closing_date, "
          "file_sha256, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          statement.account, statement.id, statement.sequence, to_string(statement.kind),
          opening.currency, opening.minor, opening.date, closing.currency, closing.minor,
          closing.date, file, now_)
        .run();
    const std::int64_t statement_row = db_.last_insert_rowid();

    result.transactions_inserted = insert_transaction_rows(statement_row, transactions, 0, 1);
    for (const BankTransaction& t : transactions) {
      if (t.provisional) result.provisional_identities.push_back(t.identity);
    }
    result.transactions_already_there =
        static_cast<int>(transactions.size()) - result.transactions_inserted;
    result.statement = Change::inserted;
    JsonObject payload;
    payload.add_text("account", statement.account)
        .add_text("id", statement.id)
        .add_text("sequence", statement.sequence)
        .add_text("kind", to_string(statement.kind))
        .add_text("file_sha256", statement.file_sha256);
    if (statement.opening) {
      payload.add_text("opening", statement.opening->amount.to_string())
          .add_text("opening_date", statement.opening->date.to_iso());
    }
    if (statement.closing) {
      payload.add_text("closing", statement.closing->amount.to_string())
          .add_text("closing_date", statement.closing->date.to_iso());
    }
    payload.add_number("transactions_inserted", result.transactions_inserted)
        .add_number("transactions_already_there", result.transactions_already_there);
    append_event("statement.inserted", key, payload.str());
    return result;
  });
}

namespace {

std::optional<std::int64_t> statement_row_of(Connection& db, const StatementKey& key) {
  Query row(db, "SELECT id FROM statements WHERE account = ? AND statement_id = ? AND sequence = ?",
            key.account, key.id, key.sequence);
  if (!row.step()) return std::nullopt;
  return row->int64(0);
}

}  // namespace

Result<int> UnitOfWork::add_entry_transactions(const StatementKey& statement,
                                               std::vector<BankTransaction> transactions) {
  return write<int>("entry of statement " + key_text(statement), [&]() -> Result<int> {
    const auto statement_row = statement_row_of(db_, statement);
    if (!statement_row) return Error{"no statement " + key_text(statement)};
    std::vector<BankTransaction> all = load_statement_transactions(*statement_row);
    const std::size_t existing = all.size();
    for (BankTransaction& t : transactions) {
      t.account = statement.account;
      t.statement_id = statement.id;
      t.statement_sequence = statement.sequence;
      all.push_back(t);
    }
    // Counted as if they had been in the statement from the start, after what it holds.
    assign_statement_identities(all);
    std::vector<BankTransaction> added(all.begin() + static_cast<std::ptrdiff_t>(existing),
                                       all.end());
    Query next(db_,
               "SELECT COALESCE(MAX(position), -1) + 1, COALESCE(MAX(entry), 0) + 1 "
               "FROM bank_transactions WHERE statement = ?",
               *statement_row);
    next.step();
    return insert_transaction_rows(*statement_row, added, next->int64(0), next->int64(1));
  });
}

Result<int> UnitOfWork::supersede_transactions(const std::vector<std::string>& identities,
                                               const StatementKey& by) {
  return write<int>("superseding by " + key_text(by), [&]() -> Result<int> {
    const auto by_row = statement_row_of(db_, by);
    if (!by_row) return Error{"no statement " + key_text(by)};
    int marked = 0;
    for (const std::string& identity : identities) {
      Query(db_,
            "UPDATE bank_transactions SET superseded_by = ? WHERE identity = ? AND "
            "superseded_by IS NULL",
            *by_row, identity)
          .run();
      if (db_.changes() == 0) continue;
      ++marked;
      append_event("bank_transaction.superseded", identity,
                   JsonObject().add_text("superseded_by", key_text(by)).str());
    }
    return marked;
  });
}

Result<int> UnitOfWork::supersede_provisional(std::string_view account, const Date& from,
                                              const Date& to, const StatementKey& by,
                                              const std::vector<std::string>& still_pending) {
  const std::set<std::string> pending(still_pending.begin(), still_pending.end());
  return write<int>("superseding provisional entries by " + key_text(by), [&]() -> Result<int> {
    const auto by_row = statement_row_of(db_, by);
    if (!by_row) return Error{"no statement " + key_text(by)};
    std::vector<std::string> identities;
    Query rows(db_,
               "SELECT identity FROM bank_transactions WHERE account = ? AND provisional = 1 AND "
               "superseded_by IS NULL AND booking_date >= ? AND booking_date <= ? "
               "AND statement <> ?",
               account, from.to_iso(), to.to_iso(), *by_row);
    while (rows.step()) {
      std::string identity = rows->text(0);
      if (pending.count(identity) == 0) identities.push_back(std::move(identity));
    }
    for (const std::string& identity : identities) {
      Query(db_, "UPDATE bank_transactions SET superseded_by = ? WHERE identity = ?", *by_row,
            identity)
          .run();
      append_event("bank_transaction.superseded", identity,
                   JsonObject().add_text("superseded_by", key_text(by)).str());
    }
    return static_cast<int>(identities.size());
  });
}

Result<Change> UnitOfWork::record_refused_file(const FileRecord& file, std::string_view reason) {
  return write<Change>("refused file '" + file.name + "'", [&]() -> Result<Change> {
    Query(db_,
          "INSERT INTO refused_files (sha256, name, size, source, reason, refused_at) "
          "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
          file.sha256, file.name, file.size, file.source, reason, now_)
        .run();
    if (db_.changes() == 0) return Change::unchanged;
    append_event("file.refused", file.sha256,
                 JsonObject()
                     .add_text("sha256", file.sha256)
                     .add_text("name", file.name)
                     .add_number("size", file.size)
                     .add_text("source", file.source)
                     .add_text("reason", reason)
                     .str());
    return Change::inserted;
  });
}

}  // namespace kontor::store::sqlite
