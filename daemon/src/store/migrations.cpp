#include "store/migrations.hpp"

#include <fmt/format.h>

namespace kontor::store::sqlite {
namespace {

// Version 1: the account model and its audit trail (issue 4).
//
// Business keys (customer number, item number, transaction identity) are the keys and the
// foreign keys, so rows read like the documents they come from. Amounts are a currency code
// plus a signed count of minor units; dates are ISO text; rates are exact decimal text.
constexpr std::string_view kAccountModel = R"sql(
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL CHECK (actor <> ''),
  kind TEXT NOT NULL,
  entity_key TEXT NOT NULL,
  payload TEXT NOT NULL,
  why TEXT NOT NULL
);
CREATE TRIGGER events_cannot_change BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only: an event cannot be changed'); END;
CREATE TRIGGER events_cannot_be_deleted BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only: an event cannot be deleted'); END;

CREATE TABLE files (
  sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  name TEXT NOT NULL,
  size INTEGER NOT NULL,
  source TEXT NOT NULL,
  recorded_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE customers (
  number TEXT PRIMARY KEY CHECK (number <> ''),
  name TEXT NOT NULL,
  street TEXT NOT NULL,
  postcode TEXT NOT NULL,
  city TEXT NOT NULL,
  country TEXT NOT NULL,
  email TEXT NOT NULL,
  language TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('b2c', 'b2b')),
  preferred_delivery TEXT CHECK (preferred_delivery IN ('email', 'letter')),
  dunning_block_reason TEXT,
  dunning_block_until TEXT
) WITHOUT ROWID;

CREATE TABLE customer_ibans (
  customer_number TEXT NOT NULL REFERENCES customers(number),
  position INTEGER NOT NULL,
  iban TEXT NOT NULL,
  PRIMARY KEY (customer_number, position)
) WITHOUT ROWID;
CREATE INDEX customer_ibans_by_iban ON customer_ibans(iban);

CREATE TABLE open_items (
  number TEXT PRIMARY KEY CHECK (number <> ''),
  customer_number TEXT NOT NULL REFERENCES customers(number),
  type TEXT NOT NULL
    CHECK (type IN ('invoice', 'credit_note', 'cancellation', 'fee', 'interest')),
  issue_date TEXT,
  due_date TEXT NOT NULL,
  due_date_agreed INTEGER NOT NULL,
  dunning_notice_on_invoice INTEGER NOT NULL,
  currency TEXT NOT NULL,
  gross_minor INTEGER NOT NULL,
  open_minor INTEGER NOT NULL,
  rf_reference TEXT,
  skonto_percent TEXT,
  skonto_until TEXT,
  dunning_level INTEGER NOT NULL,
  dunning_block_reason TEXT,
  dunning_block_until TEXT,
  refers_to TEXT NOT NULL,
  notice_number TEXT NOT NULL,
  debtor_account TEXT NOT NULL,
  document_path TEXT NOT NULL,
  settled_externally INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX open_items_by_customer ON open_items(customer_number);
CREATE INDEX open_items_by_rf_reference ON open_items(rf_reference)
  WHERE rf_reference IS NOT NULL;

CREATE TABLE tax_lines (
  item_number TEXT NOT NULL REFERENCES open_items(number),
  position INTEGER NOT NULL,
  rate TEXT NOT NULL,
  net_minor INTEGER NOT NULL,
  tax_minor INTEGER NOT NULL,
  gross_minor INTEGER NOT NULL,
  PRIMARY KEY (item_number, position)
) WITHOUT ROWID;

CREATE TABLE statements (
  id INTEGER PRIMARY KEY,
  account TEXT NOT NULL,
  statement_id TEXT NOT NULL,
  sequence TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('statement', 'intraday', 'notification')),
  opening_currency TEXT,
  opening_minor INTEGER,
  opening_date TEXT,
  closing_currency TEXT,
  closing_minor INTEGER,
  closing_date TEXT,
  file_sha256 TEXT REFERENCES files(sha256),
  recorded_at TEXT NOT NULL,
  UNIQUE (account, statement_id, sequence)
);

CREATE TABLE bank_transactions (
  id INTEGER PRIMARY KEY,
  identity TEXT NOT NULL UNIQUE CHECK (length(identity) = 64),
  statement INTEGER NOT NULL REFERENCES statements(id),
  position INTEGER NOT NULL,
  account TEXT NOT NULL,
  booking_date TEXT NOT NULL,
  value_date TEXT,
  currency TEXT NOT NULL,
  amount_minor INTEGER NOT NULL,
  counterparty_name TEXT NOT NULL,
  counterparty_account TEXT NOT NULL,
  counterparty_bic TEXT NOT NULL,
  remittance TEXT NOT NULL,
  end_to_end_id TEXT NOT NULL,
  mandate_id TEXT NOT NULL,
  creditor_id TEXT NOT NULL,
  bank_reference TEXT NOT NULL,
  bank_transaction_code TEXT NOT NULL,
  return_reason TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('BOOK', 'PDNG', 'INFO', 'FUTR')),
  provisional INTEGER NOT NULL,
  batch_position INTEGER NOT NULL
);
CREATE INDEX bank_transactions_by_account_date ON bank_transactions(account, booking_date);

CREATE TABLE allocations (
  id INTEGER PRIMARY KEY,
  transaction_identity TEXT REFERENCES bank_transactions(identity),
  item_number TEXT NOT NULL REFERENCES open_items(number),
  currency TEXT NOT NULL,
  amount_minor INTEGER NOT NULL CHECK (amount_minor <> 0),
  method TEXT NOT NULL,
  confidence_permille INTEGER NOT NULL CHECK (confidence_permille BETWEEN 0 AND 1000),
  evidence TEXT NOT NULL,
  reverses INTEGER UNIQUE REFERENCES allocations(id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX allocations_by_item ON allocations(item_number);
CREATE INDEX allocations_by_transaction ON allocations(transaction_identity);
CREATE TRIGGER allocations_cannot_change BEFORE UPDATE ON allocations
BEGIN SELECT RAISE(ABORT, 'allocations are never changed: reverse one instead'); END;
CREATE TRIGGER allocations_cannot_be_deleted BEFORE DELETE ON allocations
BEGIN SELECT RAISE(ABORT, 'allocations are never deleted: reverse one instead'); END;

CREATE TABLE notes (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('call', 'complaint')),
  customer_number TEXT NOT NULL REFERENCES customers(number),
  item_number TEXT REFERENCES open_items(number),
  text TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
  recorded_at TEXT NOT NULL
);
CREATE INDEX notes_by_customer ON notes(customer_number);

CREATE TABLE plugin_state (
  instance TEXT NOT NULL,
  key TEXT NOT NULL,
  value BLOB NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (instance, key)
) WITHOUT ROWID;
)sql";

// Version 2: the runs of scheduled jobs (issue 6). One row per attempt; a retry repeats the
// idempotency key with the next attempt, so (key, attempt) is unique and one planned instant
// cannot start the same attempt twice. Instants are UTC text like the events' `at`.
constexpr std::string_view kJobRuns = R"sql(
CREATE TABLE job_runs (
  id INTEGER PRIMARY KEY,
  job TEXT NOT NULL CHECK (job <> ''),
  planned_at TEXT NOT NULL,
  attempt INTEGER NOT NULL CHECK (attempt >= 0),
  idempotency_key TEXT NOT NULL CHECK (idempotency_key <> ''),
  "trigger" TEXT NOT NULL
    CHECK ("trigger" IN ('schedule', 'catch_up', 'manual', 'retry', 'then')),
  started_at TEXT,
  ended_at TEXT,
  outcome TEXT NOT NULL
    CHECK (outcome IN ('running', 'succeeded', 'failed', 'cancelled', 'timed_out', 'missed')),
  error TEXT NOT NULL,
  warnings TEXT NOT NULL CHECK (json_valid(warnings) AND json_type(warnings) = 'array'),
  UNIQUE (idempotency_key, attempt),
  CHECK ((outcome = 'missed') = (started_at IS NULL)),
  CHECK ((outcome = 'running') = (ended_at IS NULL))
);
CREATE INDEX job_runs_by_job ON job_runs(job, id);
CREATE INDEX job_runs_running ON job_runs(outcome) WHERE outcome = 'running';
)sql";

// Version 3: importing bank statements (issue 8).
//
// - Each transaction knows its bank entry: `entry` numbers the entries of its statement (1..),
//   `entry_amount_minor` is the entry's total and `entry_transactions` the number of
//   transactions the bank states for it (0: not stated) — what pairs a camt.054 with its booked
//   entry. Rows written before keep one entry each.
// - `superseded_by` names the booked statement that replaced a provisional transaction (or the
//   camt.054 whose details replaced a plain booked one). Superseded rows stay for the audit
//   trail and are never counted; the unique identity of a counted row is not touched.
// - `is_return` marks returns, chargebacks and reversals for the matching engine.
// - `refused_files`: what the intake quarantined, with the reason, for the admin API.
constexpr std::string_view kStatementImport = R"sql(
ALTER TABLE bank_transactions ADD COLUMN entry INTEGER NOT NULL DEFAULT 0;
ALTER TABLE bank_transactions ADD COLUMN entry_amount_minor INTEGER NOT NULL DEFAULT 0;
ALTER TABLE bank_transactions ADD COLUMN entry_transactions INTEGER NOT NULL DEFAULT 0;
ALTER TABLE bank_transactions ADD COLUMN is_return INTEGER NOT NULL DEFAULT 0;
ALTER TABLE bank_transactions ADD COLUMN superseded_by INTEGER REFERENCES statements(id);
UPDATE bank_transactions SET entry = position + 1, entry_amount_minor = amount_minor;
CREATE INDEX bank_transactions_by_entry_amount
  ON bank_transactions(account, entry_amount_minor) WHERE superseded_by IS NULL;
CREATE INDEX bank_transactions_by_statement ON bank_transactions(statement, entry);
CREATE INDEX statements_by_account ON statements(account, closing_date);

CREATE TABLE refused_files (
  sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  name TEXT NOT NULL,
  size INTEGER NOT NULL,
  source TEXT NOT NULL,
  reason TEXT NOT NULL,
  refused_at TEXT NOT NULL
) WITHOUT ROWID;
)sql";

// Version 4: provisional transactions that still wait for their booked entry, found per account
// without reading the account's whole history (every booked statement asks).
constexpr std::string_view kPendingIndex = R"sql(
CREATE INDEX bank_transactions_pending ON bank_transactions(account)
  WHERE provisional = 1 AND superseded_by IS NULL;
)sql";

// What a run counted (files imported, transactions new, ...), as a JSON object of whole numbers:
// the figures an operator or a metrics scraper reads per run.
constexpr std::string_view kRunCounts = R"sql(
ALTER TABLE job_runs ADD COLUMN counts TEXT NOT NULL DEFAULT '{}'
  CHECK (json_valid(counts) AND json_type(counts) = 'object');
)sql";

// Version 6: payment matching (issue 9).
//
// - `reconciliations`: one decision per bank transaction — posted, in review, unmatched,
//   ignored, returned — with its reason; a person's decision is marked `by_hand` and is final.
//   Rows change as decisions do (review → posted by hand, posted → review by an undo); every
//   change has its event.
// - `reconciliation_candidates`: the best items a review entry offers, in order.
// - `reconciliation_allocations`: the allocations made for a transaction, Skonto and bank
//   charges (which carry no transaction) included, so that an undo reverses all of them.
// - `learned_ibans`: IBANs a manual allocation taught, kept apart from the ERP's, which each
//   ERP import replaces.
// - two indexes find the payment a return returns without reading the account's history.
constexpr std::string_view kReconciliation = R"sql(
CREATE TABLE reconciliations (
  transaction_identity TEXT PRIMARY KEY REFERENCES bank_transactions(identity),
  state TEXT NOT NULL
    CHECK (state IN ('posted', 'review', 'unmatched', 'ignored', 'returned', 'return_applied')),
  by_hand INTEGER NOT NULL,
  customer_number TEXT NOT NULL,
  confidence_permille INTEGER NOT NULL CHECK (confidence_permille BETWEEN 0 AND 1000),
  reason TEXT NOT NULL,
  unapplied_minor INTEGER NOT NULL,
  decided_at TEXT NOT NULL,
  decided_by TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX reconciliations_by_state ON reconciliations(state);

CREATE TABLE reconciliation_candidates (
  transaction_identity TEXT NOT NULL REFERENCES reconciliations(transaction_identity),
  position INTEGER NOT NULL,
  item_number TEXT NOT NULL,
  customer_number TEXT NOT NULL,
  score_permille INTEGER NOT NULL,
  evidence TEXT NOT NULL,
  PRIMARY KEY (transaction_identity, position)
) WITHOUT ROWID;

CREATE TABLE reconciliation_allocations (
  transaction_identity TEXT NOT NULL REFERENCES reconciliations(transaction_identity),
  allocation_id INTEGER NOT NULL REFERENCES allocations(id),
  PRIMARY KEY (transaction_identity, allocation_id)
) WITHOUT ROWID;

-- A return names the payment it returns by end-to-end id, else by payer and amount.
CREATE INDEX bank_transactions_by_end_to_end ON bank_transactions(end_to_end_id);
CREATE INDEX bank_transactions_by_payer_amount
  ON bank_transactions(counterparty_account, amount_minor);

CREATE TABLE learned_ibans (
  iban TEXT NOT NULL CHECK (iban <> ''),
  customer_number TEXT NOT NULL REFERENCES customers(number),
  learned_from TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (iban, customer_number)
) WITHOUT ROWID;
)sql";

// Version 7: dunning and the outbox (issue 10).
//
// - `item_dunning`: per invoice, the level reached, when it was first and last reminded (and
//   whether the first went by letter: default begins when it reached the customer), the last
//   day a notice charged interest for, and whether the §288 (5) BGB flat fee was charged — so no
//   notice charges a day or the €40 twice.
// - `notices`: the outbox. A notice is decided and stored with its rendering in one transaction,
//   then delivered and marked; `idempotency_key` lets a channel recognise a repeat.
// - `notice_lines`: the items a notice lists; `notice_charges`: the fees and interest it
//   charged, each an open item of type fee or interest (`charge_item`).
// - `dunning_blocks`: blocks set by account managers, kept apart from the ERP's, which every
//   ERP import replaces. A lifted block stays with `lifted_at` for the audit trail.
constexpr std::string_view kDunning = R"sql(
CREATE TABLE item_dunning (
  item_number TEXT PRIMARY KEY REFERENCES open_items(number),
  level INTEGER NOT NULL CHECK (level >= 0),
  last_notice TEXT NOT NULL,
  first_reminded_on TEXT,
  first_by_letter INTEGER NOT NULL,
  last_reminded_on TEXT,
  interest_through TEXT,
  flat_fee_charged INTEGER NOT NULL,
  updated_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE notices (
  number TEXT PRIMARY KEY CHECK (number <> ''),
  kind TEXT NOT NULL CHECK (kind IN ('reminder', 'statement', 'invoice')),
  customer_number TEXT NOT NULL REFERENCES customers(number),
  level INTEGER NOT NULL,
  template TEXT NOT NULL,
  language TEXT NOT NULL,
  channel TEXT NOT NULL,
  notice_date TEXT NOT NULL,
  currency TEXT NOT NULL,
  fees_minor INTEGER NOT NULL,
  interest_minor INTEGER NOT NULL,
  total_minor INTEGER NOT NULL,
  rf_reference TEXT,
  idempotency_key TEXT NOT NULL UNIQUE,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body_text TEXT NOT NULL,
  body_html TEXT NOT NULL,
  run_key TEXT NOT NULL,
  delivery_state TEXT NOT NULL
    CHECK (delivery_state IN ('pending', 'retrying', 'delivered', 'parked')),
  delivery_detail TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  decided_at TEXT NOT NULL,
  delivered_at TEXT
) WITHOUT ROWID;
CREATE INDEX notices_by_customer ON notices(customer_number, decided_at);
CREATE INDEX notices_to_deliver ON notices(decided_at)
  WHERE delivery_state IN ('pending', 'retrying');

CREATE TABLE notice_lines (
  notice_number TEXT NOT NULL REFERENCES notices(number),
  position INTEGER NOT NULL,
  item_number TEXT NOT NULL REFERENCES open_items(number),
  open_minor INTEGER NOT NULL,
  level INTEGER NOT NULL,
  PRIMARY KEY (notice_number, position)
) WITHOUT ROWID;

CREATE TABLE notice_charges (
  notice_number TEXT NOT NULL REFERENCES notices(number),
  position INTEGER NOT NULL,
  item_number TEXT NOT NULL REFERENCES open_items(number),
  kind TEXT NOT NULL CHECK (kind IN ('level_fee', 'flat_fee', 'interest')),
  charge_item TEXT NOT NULL REFERENCES open_items(number),
  amount_minor INTEGER NOT NULL,
  first_day TEXT,
  last_day TEXT,
  detail TEXT NOT NULL,
  PRIMARY KEY (notice_number, position)
) WITHOUT ROWID;

CREATE TABLE dunning_blocks (
  id INTEGER PRIMARY KEY,
  customer_number TEXT NOT NULL REFERENCES customers(number),
  item_number TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason <> ''),
  until TEXT,
  set_by TEXT NOT NULL,
  set_at TEXT NOT NULL,
  lifted_at TEXT
);
CREATE UNIQUE INDEX dunning_blocks_in_force ON dunning_blocks(customer_number, item_number)
  WHERE lifted_at IS NULL;
)sql";

// The letter a notice was decided as (issue 12): the PDF is rendered once, in the step that
// decides the notice, so every delivery attempt sends the same bytes.
constexpr std::string_view kNoticeDocuments = R"sql(
ALTER TABLE notices ADD COLUMN document_pdf BLOB;
)sql";

// Statements of account (issue 13): when an item was marked settled outside Kontor, so that a
// statement takes it off the balance on that day (those marked before: as of their latest
// event, the one that marked them); the customers' unapplied payments found by customer, and
// the decision that made an allocation found by the allocation (a statement dates it by that).
constexpr std::string_view kStatementsOfAccount = R"sql(
ALTER TABLE open_items ADD COLUMN settled_externally_at TEXT;
UPDATE open_items SET settled_externally_at =
  (SELECT MAX(at) FROM events WHERE entity_key = open_items.number AND kind LIKE 'open_item.%')
  WHERE settled_externally = 1;
CREATE INDEX reconciliations_unapplied_by_customer ON reconciliations(customer_number)
  WHERE unapplied_minor <> 0;
CREATE INDEX reconciliation_allocations_by_allocation
  ON reconciliation_allocations(allocation_id);
)sql";

// Bookings and their export (issue 14): balanced bookings derived from allocations and items,
// never deleted (a replaced one is retired and reversed); export batches per target with the
// bookings they carried; each target's watermark — the highest booking a regular batch took.
constexpr std::string_view kBookingExport = R"sql(
CREATE TABLE bookings (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  source TEXT NOT NULL CHECK (source <> ''),
  kind TEXT NOT NULL,
  customer_number TEXT NOT NULL,
  booking_date TEXT NOT NULL,
  document_number TEXT NOT NULL,
  text TEXT NOT NULL,
  currency TEXT NOT NULL,
  reverses INTEGER REFERENCES bookings(id),
  facts TEXT NOT NULL DEFAULT 'none',
  due_date TEXT,
  current INTEGER NOT NULL CHECK (current IN (0, 1)),
  recorded_at TEXT NOT NULL,
  amended_at TEXT
);
CREATE INDEX bookings_by_customer ON bookings(customer_number);
CREATE INDEX bookings_by_date ON bookings(booking_date);
CREATE UNIQUE INDEX bookings_current_source ON bookings(source) WHERE current = 1;

CREATE TABLE booking_lines (
  booking_id INTEGER NOT NULL REFERENCES bookings(id),
  position INTEGER NOT NULL,
  account TEXT NOT NULL CHECK (account <> ''),
  side TEXT NOT NULL CHECK (side IN ('debit', 'credit')),
  amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
  tax_key TEXT NOT NULL,
  PRIMARY KEY (booking_id, position)
) WITHOUT ROWID;

CREATE TABLE export_batches (
  id TEXT PRIMARY KEY,
  target TEXT NOT NULL,
  sequence INTEGER NOT NULL,
  serial INTEGER NOT NULL UNIQUE,
  state TEXT NOT NULL CHECK (state IN ('recorded', 'staged', 'published', 'discarded')),
  repeat INTEGER NOT NULL CHECK (repeat IN (0, 1)),
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  booking_count INTEGER NOT NULL,
  first_booking INTEGER NOT NULL,
  last_booking INTEGER NOT NULL,
  watermark_before INTEGER NOT NULL,
  requested_by TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  recorded_at TEXT NOT NULL,
  staged_at TEXT,
  published_at TEXT,
  UNIQUE (target, sequence)
);

CREATE TABLE export_batch_bookings (
  batch_id TEXT NOT NULL REFERENCES export_batches(id),
  booking_id INTEGER NOT NULL REFERENCES bookings(id),
  PRIMARY KEY (batch_id, booking_id)
) WITHOUT ROWID;
CREATE INDEX export_batch_bookings_by_booking ON export_batch_bookings(booking_id);

CREATE TABLE export_targets (
  target TEXT PRIMARY KEY,
  watermark INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);
)sql";

// Write-offs (issue 16): what each write_off / write_off_recovery allocation is — its kind
// (which decides the VAT correction), the account manager's reason, its day, and for a
// recovery the write-off it takes back. Never changed, like the allocations themselves.
constexpr std::string_view kWriteOffs = R"sql(
CREATE TABLE write_offs (
  allocation_id INTEGER PRIMARY KEY REFERENCES allocations(id),
  item_number TEXT NOT NULL REFERENCES open_items(number),
  kind TEXT NOT NULL CHECK (kind IN ('uncollectible', 'doubtful')),
  reason TEXT NOT NULL,
  dated TEXT NOT NULL,
  recovers INTEGER REFERENCES write_offs(allocation_id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX write_offs_by_item ON write_offs(item_number);
CREATE INDEX write_offs_by_day ON write_offs(dated);
CREATE TRIGGER write_offs_cannot_change BEFORE UPDATE ON write_offs
BEGIN SELECT RAISE(ABORT, 'write-offs are never changed'); END;
CREATE TRIGGER write_offs_cannot_go BEFORE DELETE ON write_offs
BEGIN SELECT RAISE(ABORT, 'write-offs are never deleted'); END;
)sql";

// Reports as of a past day (issue 16): when each item was first recorded, so that a report
// leaves out what was imported after its day. Partial: one small entry per item, written only
// by an item's import, and found without reading the whole audit trail.
constexpr std::string_view kReportIndexes = R"sql(
CREATE INDEX events_open_item_inserted ON events(entity_key, at)
  WHERE kind = 'open_item.inserted';
)sql";

// Retention of job runs (issue 16): the housekeeping engine removes old runs, and what they
// added to the metrics — runs and summed durations per job and outcome, what the runs counted
// per job and count — is carried forward here first, so that a Prometheus counter never goes
// down. operations_totals adds these to what job_runs still holds.
constexpr std::string_view kRunRetention = R"sql(
CREATE TABLE job_run_totals_carried (
  job TEXT NOT NULL,
  outcome TEXT NOT NULL,
  runs INTEGER NOT NULL CHECK (runs >= 0),
  duration_ms INTEGER NOT NULL,
  PRIMARY KEY (job, outcome)
) WITHOUT ROWID;
CREATE TABLE job_count_totals_carried (
  job TEXT NOT NULL,
  name TEXT NOT NULL,
  total INTEGER NOT NULL,
  PRIMARY KEY (job, name)
) WITHOUT ROWID;
)sql";

constexpr Migration kMigrations[] = {
    {1, "account model and audit trail", kAccountModel},
    {2, "job runs", kJobRuns},
    {3, "statement import", kStatementImport},
    {4, "pending provisional transactions", kPendingIndex},
    {5, "job run counts", kRunCounts},
    {6, "payment matching", kReconciliation},
    {7, "dunning and outbox", kDunning},
    {8, "notice documents", kNoticeDocuments},
    {9, "statements of account", kStatementsOfAccount},
    {10, "bookings and their export", kBookingExport},
    {11, "write-offs", kWriteOffs},
    {12, "reports as of a past day", kReportIndexes},
    {13, "retention of job runs", kRunRetention},
};

constexpr std::string_view kCreateVersionTable = R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
);
)sql";

}  // namespace

std::span<const Migration> migrations() {
  return kMigrations;
}

Result<int> migrate(Connection& connection, std::string_view now_utc) {
  try {
    connection.run_script(kCreateVersionTable);
    int current = 0;
    {
      Query query(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
      if (query.step()) current = static_cast<int>(query->int64(0));
    }
    const int known = kMigrations[std::size(kMigrations) - 1].version;
    if (current > known) {
      return Error{fmt::format(
          "the database has schema version {}, newer than this Kontor knows ({}); use the "
          "Kontor release that wrote it",
          current, known)};
    }
    for (const Migration& migration : kMigrations) {
      if (migration.version <= current) continue;
      Query(connection, "BEGIN IMMEDIATE").run();
      try {
        connection.run_script(migration.script);
        Query(connection,
              "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
              migration.version, migration.name, now_utc)
            .run();
        Query(connection, "COMMIT").run();
      } catch (...) {
        if (!connection.autocommit()) Query(connection, "ROLLBACK").run();
        throw;
      }
      current = migration.version;
    }
    return current;
  } catch (const SqliteError& error) {
    return Error{std::string("schema migration failed: ") + error.what()};
  }
}

}  // namespace kontor::store::sqlite
