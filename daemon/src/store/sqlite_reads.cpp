// The queries of the SQLite unit of work, and the loaders its writes share.
#include <fmt/format.h>

#include "store/sqlite_unit_of_work.hpp"
#include "store/stored_values.hpp"

namespace kontor::store::sqlite {
namespace {

std::optional<DunningBlock> stored_block(const Statement& row, int reason_column) {
  if (row.is_null(reason_column)) return std::nullopt;
  return DunningBlock{row.text(reason_column),
                      stored_optional_date(row.optional_text(reason_column + 1))};
}

constexpr std::string_view kItemColumns =
    "number, customer_number, type, issue_date, due_date, due_date_agreed, "
    "dunning_notice_on_invoice, currency, gross_minor, open_minor, rf_reference, "
    "skonto_percent, skonto_until, dunning_level, dunning_block_reason, dunning_block_until, "
    "refers_to, notice_number, debtor_account, document_path, settled_externally";

OpenItem item_from_row(const Statement& row) {
  OpenItem item;
  item.number = row.text(0);
  item.customer_number = row.text(1);
  item.type = stored(parse_open_item_type(row.text(2)), "item type");
  item.issue_date = stored_optional_date(row.optional_text(3));
  item.due_date = stored_date(row.text(4));
  item.due_date_agreed = row.int64(5) != 0;
  item.dunning_notice_on_invoice = row.int64(6) != 0;
  item.gross = stored_money(row, 7, 8);
  item.open = stored_money(row, 7, 9);
  if (!row.is_null(10)) item.rf_reference = stored(CreditorReference::parse(row.text(10)), "RF");
  if (!row.is_null(11)) {
    item.skonto =
        SkontoTerms{stored(Decimal::parse(row.text(11)), "Skonto rate"), stored_date(row.text(12))};
  }
  item.dunning_level = static_cast<int>(row.int64(13));
  item.dunning_block = stored_block(row, 14);
  item.refers_to = row.text(16);
  item.notice_number = row.text(17);
  item.debtor_account = row.text(18);
  item.document_path = row.text(19);
  item.settled_externally = row.int64(20) != 0;
  return item;
}

constexpr std::string_view kTransactionColumns =
    "SELECT b.identity, b.account, s.statement_id, s.sequence, b.booking_date, b.value_date, "
    "b.currency, b.amount_minor, b.counterparty_name, b.counterparty_account, "
    "b.counterparty_bic, b.remittance, b.end_to_end_id, b.mandate_id, b.creditor_id, "
    "b.bank_reference, b.bank_transaction_code, b.return_reason, b.status, b.provisional, "
    "b.batch_position, b.entry_amount_minor, b.entry_transactions, b.is_return, "
    "b.superseded_by IS NOT NULL, b.entry, b.statement "
    "FROM bank_transactions b JOIN statements s ON s.id = b.statement ";

BankTransaction transaction_from_row(const Statement& row) {
  BankTransaction t;
  t.identity = row.text(0);
  t.account = row.text(1);
  t.statement_id = row.text(2);
  t.statement_sequence = row.text(3);
  t.booking_date = stored_date(row.text(4));
  t.value_date = stored_optional_date(row.optional_text(5));
  t.amount = stored_money(row, 6, 7);
  t.counterparty_name = row.text(8);
  t.counterparty_account = row.text(9);
  t.counterparty_bic = row.text(10);
  t.remittance = row.text(11);
  t.end_to_end_id = row.text(12);
  t.mandate_id = row.text(13);
  t.creditor_id = row.text(14);
  t.bank_reference = row.text(15);
  t.bank_transaction_code = row.text(16);
  t.return_reason = row.text(17);
  t.status = stored(parse_entry_status(row.text(18)), "entry status");
  t.provisional = row.int64(19) != 0;
  t.batch_position = static_cast<int>(row.int64(20));
  if (row.int64(21) != t.amount.minor_units())
    t.entry_amount = Money(row.int64(21), t.amount.currency());
  t.entry_transactions = static_cast<int>(row.int64(22));
  t.is_return = row.int64(23) != 0;
  t.superseded = row.int64(24) != 0;
  return t;
}

std::optional<StatementBalance> stored_balance(const Statement& row, int currency_column) {
  if (row.is_null(currency_column)) return std::nullopt;
  return StatementBalance{.amount = stored_money(row, currency_column, currency_column + 1),
                          .date = stored_date(row.text(currency_column + 2))};
}

constexpr std::string_view kCustomerColumns =
    "SELECT number, name, street, postcode, city, country, email, language, kind, "
    "preferred_delivery, dunning_block_reason, dunning_block_until FROM customers ";

// A customer from a row of kCustomerColumns, without its IBANs (they are another table).
Customer customer_from_row(const Statement& row) {
  Customer c;
  c.number = row.text(0);
  c.name = row.text(1);
  c.address = {row.text(2), row.text(3), row.text(4), row.text(5)};
  c.email = row.text(6);
  c.language = row.text(7);
  c.kind = stored(parse_customer_kind(row.text(8)), "customer type");
  if (!row.is_null(9)) c.preferred_delivery = stored(parse_delivery(row.text(9)), "delivery");
  c.dunning_block = stored_block(row, 10);
  return c;
}

}  // namespace

const std::string_view kAllocationColumns =
    "SELECT id, transaction_identity, item_number, currency, amount_minor, method, "
    "confidence_permille, evidence, reverses FROM allocations ";

Allocation allocation_from_row(const Statement& row) {
  Allocation a;
  a.id = row.int64(0);
  a.transaction = row.optional_text(1).value_or("");
  a.item_number = row.text(2);
  a.amount = stored_money(row, 3, 4);
  a.method = stored(parse_allocation_method(row.text(5)), "allocation method");
  a.confidence_permille = static_cast<int>(row.int64(6));
  a.evidence = row.text(7);
  if (!row.is_null(8)) a.reverses = row.int64(8);
  return a;
}

std::optional<Customer> UnitOfWork::load_customer(std::string_view number) {
  static const std::string kSql = std::string(kCustomerColumns) + "WHERE number = ?";
  Query row(db_, kSql, number);
  if (!row.step()) return std::nullopt;
  Customer c = customer_from_row(row.statement());
  Query ibans(db_, "SELECT iban FROM customer_ibans WHERE customer_number = ? ORDER BY position",
              number);
  while (ibans.step()) c.ibans.push_back(stored(Iban::parse(ibans->text(0)), "IBAN"));
  return c;
}

bool UnitOfWork::customer_exists(std::string_view number) {
  return Query(db_, "SELECT 1 FROM customers WHERE number = ?", number).step();
}

std::optional<OpenItem> UnitOfWork::load_open_item(std::string_view number) {
  static const std::string kSql =
      fmt::format("SELECT {} FROM open_items WHERE number = ?", kItemColumns);
  std::optional<OpenItem> item;
  {
    Query row(db_, kSql, number);
    if (!row.step()) return std::nullopt;
    item = item_from_row(row.statement());
  }
  Query lines(db_,
              "SELECT rate, net_minor, tax_minor, gross_minor FROM tax_lines "
              "WHERE item_number = ? ORDER BY position",
              number);
  const Currency currency = item->gross.currency();
  while (lines.step()) {
    item->tax_lines.push_back({stored(Decimal::parse(lines->text(0)), "tax rate"),
                               Money(lines->int64(1), currency), Money(lines->int64(2), currency),
                               Money(lines->int64(3), currency)});
  }
  return item;
}

std::vector<OpenItem> UnitOfWork::load_open_items(const ItemQuery& query) {
  static const std::string kAll = fmt::format(
      "SELECT {} FROM open_items WHERE (?1 = 0 OR open_minor <> 0) "
      "ORDER BY customer_number, number",
      kItemColumns);
  static const std::string kOfCustomer = fmt::format(
      "SELECT {} FROM open_items WHERE customer_number = ?2 AND (?1 = 0 OR open_minor <> 0) "
      "ORDER BY number",
      kItemColumns);
  std::vector<std::string> numbers;
  {
    Query rows = query.customer_number.empty()
                     ? Query(db_, kAll, query.only_open)
                     : Query(db_, kOfCustomer, query.only_open, query.customer_number);
    while (rows.step()) numbers.push_back(rows->text(0));
  }
  std::vector<OpenItem> items;
  items.reserve(numbers.size());
  for (const std::string& number : numbers) {
    if (std::optional<OpenItem> item = load_open_item(number)) items.push_back(std::move(*item));
  }
  return items;
}

std::optional<Allocation> UnitOfWork::load_allocation(std::int64_t id) {
  static const std::string kSql = std::string(kAllocationColumns) + "WHERE id = ?";
  Query row(db_, kSql, id);
  if (!row.step()) return std::nullopt;
  return allocation_from_row(row.statement());
}

Result<std::optional<Customer>> UnitOfWork::customer(std::string_view number) {
  return read<std::optional<Customer>>("customer", [&] { return load_customer(number); });
}

Result<std::vector<Customer>> UnitOfWork::customers() {
  return read<std::vector<Customer>>("customers", [&] {
    std::vector<Customer> all;
    {
      static const std::string kSql = std::string(kCustomerColumns) + "ORDER BY number";
      Query rows(db_, kSql);
      while (rows.step()) all.push_back(customer_from_row(rows.statement()));
    }
    // One pass over all IBANs instead of one query per customer.
    Query ibans(db_,
                "SELECT customer_number, iban FROM customer_ibans "
                "ORDER BY customer_number, position");
    auto customer = all.begin();
    while (ibans.step()) {
      const std::string number = ibans->text(0);
      while (customer != all.end() && customer->number < number) ++customer;
      if (customer != all.end() && customer->number == number) {
        customer->ibans.push_back(stored(Iban::parse(ibans->text(1)), "IBAN"));
      }
    }
    return all;
  });
}

Result<std::optional<OpenItem>> UnitOfWork::open_item(std::string_view number) {
  return read<std::optional<OpenItem>>("open item", [&] { return load_open_item(number); });
}

Result<std::vector<OpenItem>> UnitOfWork::open_items(const ItemQuery& query) {
  return read<std::vector<OpenItem>>("open items", [&] { return load_open_items(query); });
}

Result<std::optional<Money>> UnitOfWork::open_amount(std::string_view item_number) {
  return read<std::optional<Money>>("open amount", [&]() -> std::optional<Money> {
    Query row(db_, "SELECT currency, open_minor FROM open_items WHERE number = ?", item_number);
    if (!row.step()) return std::nullopt;
    return stored_money(row.statement(), 0, 1);
  });
}

Result<bool> UnitOfWork::file_known(std::string_view sha256) {
  return read<bool>("file known", [&] {
    return Query(db_, "SELECT 1 FROM files WHERE sha256 = ?", sha256).step();
  });
}

Result<bool> UnitOfWork::statement_known(std::string_view account, std::string_view id,
                                         std::string_view sequence) {
  return read<bool>("statement known", [&] {
    return Query(db_,
                 "SELECT 1 FROM statements WHERE account = ? AND statement_id = ? AND sequence = ?",
                 account, id, sequence)
        .step();
  });
}

Result<std::optional<StatementBalances>> UnitOfWork::statement_balances(std::string_view account,
                                                                        std::string_view id,
                                                                        std::string_view sequence) {
  return read<std::optional<StatementBalances>>(
      "statement balances", [&]() -> std::optional<StatementBalances> {
        Query row(db_,
                  "SELECT opening_currency, opening_minor, opening_date, closing_currency, "
                  "closing_minor, closing_date FROM statements "
                  "WHERE account = ? AND statement_id = ? AND sequence = ?",
                  account, id, sequence);
        if (!row.step()) return std::nullopt;
        return StatementBalances{.statement = {.account = std::string(account),
                                               .id = std::string(id),
                                               .sequence = std::string(sequence)},
                                 .opening = stored_balance(row.statement(), 0),
                                 .closing = stored_balance(row.statement(), 3)};
      });
}

Result<std::optional<BankTransaction>> UnitOfWork::bank_transaction(std::string_view identity) {
  static const std::string kSql = std::string(kTransactionColumns) + "WHERE b.identity = ?";
  return read<std::optional<BankTransaction>>("bank transaction",
                                              [&]() -> std::optional<BankTransaction> {
                                                Query row(db_, kSql, identity);
                                                if (!row.step()) return std::nullopt;
                                                return transaction_from_row(row.statement());
                                              });
}

Result<std::vector<BankTransaction>> UnitOfWork::bank_transactions(const TransactionQuery& query) {
  static const std::string kSql =
      std::string(kTransactionColumns) +
      "WHERE (?1 = '' OR b.account = ?1) AND b.booking_date >= ?2 AND b.booking_date <= ?3 "
      "AND (?4 OR b.superseded_by IS NULL) "
      "ORDER BY b.booking_date, b.statement, b.position";
  return read<std::vector<BankTransaction>>("bank transactions", [&] {
    std::vector<BankTransaction> out;
    Query rows(db_, kSql, query.account, query.from ? query.from->to_iso() : "0000-00-00",
               query.to ? query.to->to_iso() : "9999-99-99", query.include_superseded);
    while (rows.step()) out.push_back(transaction_from_row(rows.statement()));
    return out;
  });
}

std::vector<BankTransaction> UnitOfWork::load_statement_transactions(std::int64_t statement_row) {
  static const std::string kSql =
      std::string(kTransactionColumns) + "WHERE b.statement = ? ORDER BY b.position";
  std::vector<BankTransaction> out;
  Query rows(db_, kSql, statement_row);
  while (rows.step()) out.push_back(transaction_from_row(rows.statement()));
  return out;
}

Result<std::vector<StoredEntry>> UnitOfWork::entries_with_amount(std::string_view account,
                                                                 const Money& amount) {
  // The rows of every entry with that total, then whole entries only: an entry one of whose
  // rows is superseded no longer counts as it stands.
  static const std::string kSql =
      std::string(kTransactionColumns) +
      "WHERE (b.statement, b.entry) IN (SELECT statement, entry FROM bank_transactions "
      "WHERE account = ?1 AND entry_amount_minor = ?2 AND currency = ?3 "
      "AND superseded_by IS NULL) "
      "ORDER BY b.statement, b.position";
  return read<std::vector<StoredEntry>>("entries with amount", [&] {
    std::vector<StoredEntry> out;
    std::int64_t current_statement = -1, current_entry = -1;
    bool skip = false;
    Query rows(db_, kSql, account, amount.minor_units(), amount.currency().code());
    while (rows.step()) {
      const Statement& row = rows.statement();
      BankTransaction t = transaction_from_row(row);
      const std::int64_t entry = row.int64(25), statement = row.int64(26);
      if (statement != current_statement || entry != current_entry) {
        if (!out.empty() && skip) out.pop_back();
        current_statement = statement;
        current_entry = entry;
        skip = false;
        StoredEntry stored_entry;
        Query header(db_,
                     "SELECT account, statement_id, sequence, kind FROM statements WHERE id = ?",
                     statement);
        header.step();
        stored_entry.statement = {
            .account = header->text(0), .id = header->text(1), .sequence = header->text(2)};
        stored_entry.kind = stored(parse_statement_kind(header->text(3)), "statement kind");
        stored_entry.amount = amount;
        stored_entry.stated_transactions = t.entry_transactions;
        out.push_back(std::move(stored_entry));
      }
      if (t.superseded) skip = true;
      Query allocated(db_, "SELECT 1 FROM allocations WHERE transaction_identity = ?", t.identity);
      if (allocated.step()) out.back().has_allocations = true;
      out.back().transactions.push_back(std::move(t));
    }
    if (!out.empty() && skip) out.pop_back();
    return out;
  });
}

Result<std::optional<StatementBalances>> UnitOfWork::booked_statement_before(
    std::string_view account, const Date& day, const StatementKey& except) {
  return read<std::optional<StatementBalances>>(
      "previous statement", [&]() -> std::optional<StatementBalances> {
        Query row(db_,
                  "SELECT statement_id, sequence, opening_currency, opening_minor, opening_date, "
                  "closing_currency, closing_minor, closing_date FROM statements "
                  "WHERE account = ?1 AND kind = 'statement' AND closing_date IS NOT NULL "
                  "AND closing_date <= ?2 AND NOT (statement_id = ?3 AND sequence = ?4) "
                  "ORDER BY closing_date DESC, id DESC LIMIT 1",
                  account, day.to_iso(), except.id, except.sequence);
        if (!row.step()) return std::nullopt;
        StatementBalances balances;
        balances.statement = {
            .account = std::string(account), .id = row->text(0), .sequence = row->text(1)};
        balances.opening = stored_balance(row.statement(), 2);
        balances.closing = stored_balance(row.statement(), 5);
        return balances;
      });
}

Result<std::optional<StatementKey>> UnitOfWork::booked_statement_covering(std::string_view account,
                                                                          const Date& day) {
  return read<std::optional<StatementKey>>(
      "booked statement covering", [&]() -> std::optional<StatementKey> {
        const std::string iso = day.to_iso();
        Query row(db_,
                  "SELECT statement_id, sequence FROM statements WHERE account = ?1 AND "
                  "kind = 'statement' AND (closing_date = ?2 OR id IN (SELECT b.statement FROM "
                  "bank_transactions b WHERE b.account = ?1 AND b.booking_date = ?2)) "
                  "ORDER BY id LIMIT 1",
                  account, iso);
        if (!row.step()) return std::nullopt;
        return StatementKey{
            .account = std::string(account), .id = row->text(0), .sequence = row->text(1)};
      });
}

Result<std::vector<Money>> UnitOfWork::pending_notification_amounts(std::string_view account) {
  return read<std::vector<Money>>("pending notifications", [&] {
    std::vector<Money> out;
    Query rows(db_,
               "SELECT DISTINCT b.currency, b.entry_amount_minor FROM bank_transactions b "
               "JOIN statements s ON s.id = b.statement WHERE b.account = ? AND "
               "s.kind = 'notification' AND b.provisional = 1 AND b.superseded_by IS NULL",
               account);
    while (rows.step()) out.push_back(stored_money(rows.statement(), 0, 1));
    return out;
  });
}

Result<std::vector<AccountSummary>> UnitOfWork::account_summaries() {
  return read<std::vector<AccountSummary>>("account summaries", [&] {
    std::vector<AccountSummary> out;
    Query rows(db_,
               "SELECT s.account, "
               "(SELECT count(*) FROM statements x WHERE x.account = s.account "
               " AND x.kind = 'statement'), "
               "(SELECT max(b.booking_date) FROM bank_transactions b JOIN statements y "
               " ON y.id = b.statement WHERE b.account = s.account AND y.kind = 'statement' "
               " AND b.superseded_by IS NULL AND b.status = 'BOOK'), "
               "(SELECT closing_currency FROM statements z WHERE z.account = s.account AND "
               " z.kind = 'statement' AND z.closing_date IS NOT NULL "
               " ORDER BY z.closing_date DESC, z.id DESC LIMIT 1), "
               "(SELECT closing_minor FROM statements z WHERE z.account = s.account AND "
               " z.kind = 'statement' AND z.closing_date IS NOT NULL "
               " ORDER BY z.closing_date DESC, z.id DESC LIMIT 1), "
               "(SELECT closing_date FROM statements z WHERE z.account = s.account AND "
               " z.kind = 'statement' AND z.closing_date IS NOT NULL "
               " ORDER BY z.closing_date DESC, z.id DESC LIMIT 1) "
               "FROM statements s GROUP BY s.account ORDER BY s.account");
    while (rows.step()) {
      const Statement& row = rows.statement();
      AccountSummary summary;
      summary.account = row.text(0);
      summary.statements = static_cast<int>(row.int64(1));
      summary.last_booking_date = stored_optional_date(row.optional_text(2));
      summary.last_closing = stored_balance(row, 3);
      out.push_back(std::move(summary));
    }
    return out;
  });
}

Result<std::vector<RefusedFile>> UnitOfWork::refused_files(std::int64_t limit) {
  return read<std::vector<RefusedFile>>("refused files", [&] {
    std::vector<RefusedFile> out;
    Query rows(db_,
               "SELECT sha256, name, size, source, reason, refused_at FROM refused_files "
               "ORDER BY refused_at DESC, name LIMIT ?",
               limit);
    while (rows.step()) {
      const Statement& row = rows.statement();
      out.push_back(RefusedFile{.file = {.sha256 = row.text(0),
                                         .name = row.text(1),
                                         .size = row.int64(2),
                                         .source = row.text(3)},
                                .reason = row.text(4),
                                .refused_at = row.text(5)});
    }
    return out;
  });
}

Result<std::vector<Allocation>> UnitOfWork::allocations_of_item(std::string_view item_number) {
  static const std::string kSql =
      std::string(kAllocationColumns) + "WHERE item_number = ? ORDER BY id";
  return read<std::vector<Allocation>>("allocations", [&] {
    std::vector<Allocation> out;
    Query rows(db_, kSql, item_number);
    while (rows.step()) out.push_back(allocation_from_row(rows.statement()));
    return out;
  });
}

Result<std::vector<Note>> UnitOfWork::notes(const NoteQuery& query) {
  return read<std::vector<Note>>("notes", [&] {
    std::vector<Note> out;
    Query rows(db_,
               "SELECT id, kind, customer_number, item_number, text, status FROM notes "
               "WHERE (?1 = '' OR customer_number = ?1) AND (?2 = '' OR item_number = ?2) "
               "AND (?3 = 0 OR status = 'open') ORDER BY id",
               query.customer_number, query.item_number, query.only_open);
    while (rows.step()) {
      Note note;
      note.id = rows->int64(0);
      note.kind = stored(parse_note_kind(rows->text(1)), "note kind");
      note.customer_number = rows->text(2);
      note.item_number = rows->optional_text(3).value_or("");
      note.text = rows->text(4);
      note.status = stored(parse_note_status(rows->text(5)), "note status");
      out.push_back(std::move(note));
    }
    return out;
  });
}

Result<std::vector<Event>> UnitOfWork::events(std::int64_t after_id, std::int64_t limit) {
  return read<std::vector<Event>>("events", [&] {
    std::vector<Event> out;
    Query rows(db_,
               "SELECT id, at, actor, kind, entity_key, payload, why FROM events "
               "WHERE id > ? ORDER BY id LIMIT ?",
               after_id, limit);
    while (rows.step()) {
      out.push_back({rows->int64(0), rows->text(1), rows->text(2), rows->text(3), rows->text(4),
                     rows->text(5), rows->text(6)});
    }
    return out;
  });
}

Result<std::optional<std::string>> UnitOfWork::state_get(std::string_view instance,
                                                         std::string_view key) {
  return read<std::optional<std::string>>("plugin state", [&]() -> std::optional<std::string> {
    Query row(db_, "SELECT value FROM plugin_state WHERE instance = ? AND key = ?", instance, key);
    if (!row.step()) return std::nullopt;
    return row->blob(0);
  });
}

// --- Payment matching --------------------------------------------------------------------------

Result<std::vector<BankTransaction>> UnitOfWork::transactions_to_reconcile() {
  static const std::string kSql =
      std::string(kTransactionColumns) +
      "LEFT JOIN reconciliations r ON r.transaction_identity = b.identity "
      "WHERE b.status = 'BOOK' AND b.provisional = 0 AND b.superseded_by IS NULL "
      "AND (r.state IS NULL OR r.state = 'unmatched') "
      "ORDER BY b.booking_date, b.statement, b.position";
  return read<std::vector<BankTransaction>>("transactions to reconcile", [&] {
    std::vector<BankTransaction> out;
    Query rows(db_, kSql);
    while (rows.step()) out.push_back(transaction_from_row(rows.statement()));
    return out;
  });
}

Result<std::map<std::string, std::vector<std::string>>> UnitOfWork::statement_sources() {
  return read<std::map<std::string, std::vector<std::string>>>("statement sources", [&] {
    std::map<std::string, std::vector<std::string>> sources;
    Query rows(db_,
               "SELECT DISTINCT s.account, f.source FROM statements s "
               "JOIN files f ON f.sha256 = s.file_sha256 ORDER BY s.account, f.source");
    while (rows.step()) sources[rows->text(0)].push_back(rows->text(1));
    return sources;
  });
}

Result<std::vector<BankTransaction>> UnitOfWork::pending_credits() {
  static const std::string kSql = std::string(kTransactionColumns) +
                                  "WHERE b.provisional = 1 AND b.superseded_by IS NULL "
                                  "AND b.amount_minor > 0 AND b.is_return = 0 "
                                  "ORDER BY b.booking_date, b.statement, b.position";
  return read<std::vector<BankTransaction>>("pending credits", [&] {
    std::vector<BankTransaction> out;
    Query rows(db_, kSql);
    while (rows.step()) out.push_back(transaction_from_row(rows.statement()));
    return out;
  });
}

Result<std::vector<ReconciliationEntry>> UnitOfWork::reconciliations(
    const ReconciliationQuery& query) {
  static const std::string kSql =
      std::string(kTransactionColumns) +
      "JOIN reconciliations r ON r.transaction_identity = b.identity "
      "WHERE (?1 = '' OR r.state = ?1) ORDER BY b.booking_date, b.statement, b.position LIMIT ?2";
  return read<std::vector<ReconciliationEntry>>("reconciliations", [&] {
    std::vector<ReconciliationEntry> out;
    Query rows(db_, kSql, query.state ? std::string(to_string(*query.state)) : std::string(),
               query.limit);
    while (rows.step()) {
      BankTransaction transaction = transaction_from_row(rows.statement());
      std::optional<Reconciliation> decision = load_reconciliation(transaction.identity);
      if (decision) {
        out.push_back(ReconciliationEntry{.reconciliation = std::move(*decision),
                                          .transaction = std::move(transaction)});
      }
    }
    return out;
  });
}

Result<std::vector<BankTransaction>> UnitOfWork::payments_returned_by(
    const BankTransaction& returned) {
  // Two queries, each on its own index: an OR of both, or the account's date index (which the
  // planner would pick without statistics; the unary + keeps it from doing so), would read the
  // account's whole history for every return.
  static const std::string kCommon =
      std::string(kTransactionColumns) +
      "JOIN reconciliations r ON r.transaction_identity = b.identity "
      "WHERE r.state IN ('posted', 'review', 'unmatched') AND +b.account = ?1 "
      "AND +b.booking_date <= ?2 AND b.currency = ?3 AND +b.amount_minor > 0 "
      "AND b.superseded_by IS NULL ";
  static const std::string kByEndToEnd =
      kCommon + "AND b.end_to_end_id = ?4 " +
      "ORDER BY b.booking_date DESC, b.statement DESC, b.position DESC";
  static const std::string kByPayerAndAmount =
      kCommon + "AND b.counterparty_account = ?4 AND b.amount_minor = ?5 " +
      "ORDER BY b.booking_date DESC, b.statement DESC, b.position DESC";
  return read<std::vector<BankTransaction>>("payments a return returns", [&] {
    // SEPA's filler for a missing end-to-end id names no payment.
    const std::string end_to_end =
        returned.end_to_end_id == "NOTPROVIDED" ? std::string() : returned.end_to_end_id;
    std::vector<BankTransaction> out;
    if (!end_to_end.empty()) {
      Query rows(db_, kByEndToEnd, returned.account, returned.booking_date.to_iso(),
                 returned.amount.currency().code(), end_to_end);
      while (rows.step()) out.push_back(transaction_from_row(rows.statement()));
    } else if (!returned.counterparty_account.empty()) {
      Query rows(db_, kByPayerAndAmount, returned.account, returned.booking_date.to_iso(),
                 returned.amount.currency().code(), returned.counterparty_account,
                 -returned.amount.minor_units());
      while (rows.step()) out.push_back(transaction_from_row(rows.statement()));
    }
    return out;
  });
}

Result<std::vector<Allocation>> UnitOfWork::allocations_of_transaction(
    std::string_view transaction) {
  static const std::string kSql =
      std::string(kAllocationColumns) +
      "WHERE id IN (SELECT allocation_id FROM reconciliation_allocations "
      "             WHERE transaction_identity = ?1) "
      "OR reverses IN (SELECT allocation_id FROM reconciliation_allocations "
      "                WHERE transaction_identity = ?1) ORDER BY id";
  return read<std::vector<Allocation>>("allocations of a transaction", [&] {
    std::vector<Allocation> out;
    Query rows(db_, kSql, transaction);
    while (rows.step()) out.push_back(allocation_from_row(rows.statement()));
    return out;
  });
}

}  // namespace kontor::store::sqlite
