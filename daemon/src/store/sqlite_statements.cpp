// Importing a bank statement into the SQLite unit of work: once per (account, id, sequence),
// each transaction once per identity (DESIGN.md §4), every new one with its event.
#include <fmt/format.h>

#include "store/entity_fields.hpp"
#include "store/sqlite_unit_of_work.hpp"

namespace kontor::store::sqlite {
namespace {

std::optional<std::string> optional_date_text(const std::optional<Date>& date) {
  if (!date) return std::nullopt;
  return date->to_iso();
}

}  // namespace

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
    assign_identities(transactions);

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

    for (std::size_t k = 0; k < transactions.size(); ++k) {
      const BankTransaction& t = transactions[k];
      Query(db_,
            "INSERT INTO bank_transactions (identity, statement, position, account, "
            "booking_date, value_date, currency, amount_minor, counterparty_name, "
            "counterparty_account, counterparty_bic, remittance, end_to_end_id, mandate_id, "
            "creditor_id, bank_reference, bank_transaction_code, return_reason, status, "
            "provisional, batch_position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?, ?, ?, ?) ON CONFLICT (identity) DO NOTHING",
            t.identity, statement_row, static_cast<std::int64_t>(k), t.account,
            t.booking_date.to_iso(), optional_date_text(t.value_date), t.amount.currency().code(),
            t.amount.minor_units(), t.counterparty_name, t.counterparty_account, t.counterparty_bic,
            t.remittance, t.end_to_end_id, t.mandate_id, t.creditor_id, t.bank_reference,
            t.bank_transaction_code, t.return_reason, to_string(t.status), t.provisional,
            t.batch_position)
          .run();
      if (db_.changes() == 0) {
        ++result.transactions_already_there;
        continue;
      }
      ++result.transactions_inserted;
      append_event("bank_transaction.inserted", t.identity,
                   JsonObject().add_fields(bank_transaction_fields(t)).str());
    }
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

}  // namespace kontor::store::sqlite
