// Store: where the account model lives — customers, open items, bank statements and their
// transactions, allocations, notes, the per-plugin-instance state, and the audit trail of
// every change. Engines see only this interface; it exposes no database type, so SQLite
// (sqlite_store.hpp) can be joined by PostgreSQL later.
//
// Every engine step is ONE transaction: `transact(actor, why, step)` runs `step` with a
// Transaction and commits when it returns OK, rolls back when it returns an error or throws
// (the exception does not escape; it becomes the returned error). Every change made through a
// Transaction appends an event (event.hpp) in the same transaction, with the actor, the
// transaction's `why` and the time the step began; events cannot be changed or deleted.
//
// Re-imports are no-ops: inserting a customer, open item, file, statement or bank transaction
// that is already there reports Change::unchanged and writes nothing (no event either). Each
// operation is atomic on its own: when it fails, none of its writes remain, and the caller may
// go on with the step or give up; a failure of the database itself (disk full, I/O error)
// poisons the step, which then cannot commit.
//
// Threads: a Store may be used from any thread; steps are serialised (one runs at a time).
// A Transaction or Reader is valid only inside its step. The step's thread may hand it to one
// other thread while it waits for that thread (a parser plugin's sink runs on the plugin pool),
// never to two at once. Calling transact() or read() from inside a step on the step's own
// thread is an error, not a deadlock.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/job_run.hpp"
#include "kontor/model/allocation.hpp"
#include "kontor/model/bank_statement.hpp"
#include "kontor/model/bank_transaction.hpp"
#include "kontor/model/booking.hpp"
#include "kontor/model/customer.hpp"
#include "kontor/model/date.hpp"
#include "kontor/model/event.hpp"
#include "kontor/model/money.hpp"
#include "kontor/model/note.hpp"
#include "kontor/model/notice.hpp"
#include "kontor/model/open_item.hpp"
#include "kontor/result.hpp"
#include "store/operations_totals.hpp"

namespace kontor::store {

// What a write did. `unchanged` is "already there": a re-import.
enum class Change { inserted, updated, unchanged };

std::string_view to_string(Change change);

// A file Kontor has read, known by the SHA-256 of its bytes (lower-case hex).
struct FileRecord {
  std::string sha256;
  std::string name;  // as the source named it
  std::int64_t size = 0;
  std::string source;  // the source instance it came from
};

struct StatementImport {
  Change statement = Change::unchanged;  // inserted, or unchanged when already known
  int transactions_inserted = 0;
  int transactions_already_there = 0;  // overlaps with earlier statements
  // The identities of the statement's provisional transactions, new or already there: what it
  // reports as still pending.
  std::vector<std::string> provisional_identities;
};

// A statement as the store knows it: (account, id, sequence).
struct StatementKey {
  std::string account;
  std::string id;
  std::string sequence;
};

// One entry of a statement as stored: the counted transactions of one bank entry (one for a
// plain entry, one per detail of a batch entry), for pairing a camt.054 notification with the
// booked entry it details.
struct StoredEntry {
  StatementKey statement;
  StatementKind kind = StatementKind::statement;
  Money amount;                 // the entry's total
  int stated_transactions = 0;  // camt NbOfTxs; 0 when not stated
  std::vector<BankTransaction> transactions;
  bool has_allocations = false;
};

// The last booked statement of an account before another: where the balance chain continues.
struct StatementBalances {
  StatementKey statement;
  std::optional<StatementBalance> opening;
  std::optional<StatementBalance> closing;
};

// Per account, what the store holds of its booked statements (the admin API's `GET /accounts`).
struct AccountSummary {
  std::string account;
  int statements = 0;                            // booked statements (camt.053, MT940, bank CSV)
  std::optional<Date> last_booking_date;         // of its counted booked transactions
  std::optional<StatementBalance> last_closing;  // of its latest booked statement
};

// A file the intake refused (no parser, or unreadable): what an operator finds in quarantine.
struct RefusedFile {
  FileRecord file;
  std::string reason;
  std::string refused_at;  // UTC, as the events' `at`
};

// What the reconcile engine, or a person, decided about one bank transaction (table
// reconciliations; the allocations it made are in `allocations`).
enum class ReconciliationState {
  posted,          // allocated to open items (automatically, or by hand when `by_hand`)
  review,          // waits for a person, with candidates
  unmatched,       // nothing pointed to an item; looked at again on every run
  ignored,         // a debit or a credit an ignore rule names
  returned,        // a payment whose allocations a return reversed
  return_applied,  // a return that reversed the payment it returns
};

std::string_view to_string(ReconciliationState state);
Result<ReconciliationState> parse_reconciliation_state(std::string_view text);

struct ReconciliationCandidate {
  std::string item_number;
  std::string customer_number;
  int score_permille = 0;
  std::string evidence;

  bool operator==(const ReconciliationCandidate&) const = default;
};

struct Reconciliation {
  std::string transaction;  // BankTransaction::identity
  ReconciliationState state = ReconciliationState::unmatched;
  bool by_hand = false;         // decided by a person: final, the engine never revisits it
  std::string customer_number;  // whose items it pays or may pay; empty when unknown
  int confidence_permille = 0;  // of the posting, or of the best candidate
  std::string reason;           // the evidence, or why it was not posted
  Money unapplied;              // posted: left over, a credit on the customer's account
  std::vector<ReconciliationCandidate> candidates;  // review: best first
  // The allocations made for this transaction, those without money (Skonto, bank charges)
  // included: what an undo reverses. Added to, never replaced.
  std::vector<std::int64_t> allocation_ids;
  std::string decided_at;  // set by the store: UTC, as the events' `at`
  std::string decided_by;  // set by the store: the step's actor

  bool operator==(const Reconciliation&) const = default;
};

// A decision with the transaction it is about (the review queue, the unmatched list).
struct ReconciliationEntry {
  Reconciliation reconciliation;
  BankTransaction transaction;
};

struct ReconciliationQuery {
  std::optional<ReconciliationState> state;  // none: every state
  std::int64_t limit = 100;
};

struct ItemQuery {
  std::string customer_number;  // empty: every customer
  bool only_open = false;       // open amount not zero
};

struct TransactionQuery {
  std::string account;  // empty: every account
  std::optional<Date> from;
  std::optional<Date> to;  // inclusive
  // Superseded transactions (replaced by a booked entry) are kept for the audit trail but are
  // not counted: only an audit asks for them.
  bool include_superseded = false;
};

struct NoteQuery {
  std::string customer_number;  // empty: every customer
  std::string item_number;      // empty: notes about the customer and all its items
  bool only_open = false;
};

// --- Dunning (issue 10) ----------------------------------------------------------------------

// Per invoice, what the dunning engine has done so far (table item_dunning): the level reached,
// when it was first and last reminded, and which fees and interest days are charged already,
// so that no notice charges a day or the €40 twice.
struct ItemDunning {
  std::string item_number;
  int level = 0;
  std::string last_notice;
  std::optional<Date> first_reminded_on;  // the day the first notice listing it was decided
  bool first_by_letter = false;           // whether that notice went by letter
  std::optional<Date> last_reminded_on;
  std::optional<Date> interest_through;  // the last day a notice charged interest for
  bool flat_fee_charged = false;         // §288 (5) BGB: once per invoice, ever

  bool operator==(const ItemDunning&) const = default;
};

// A dunning block an account manager set (table dunning_blocks), on a customer or one item;
// kept apart from the ERP's blocks, which every ERP import replaces.
struct ManualDunningBlock {
  std::string customer_number;
  std::string item_number;  // empty: the whole customer
  std::string reason;
  std::optional<Date> until;  // inclusive; none = until lifted
  std::string set_by;         // set by the store: the step's actor
  std::string set_at;         // set by the store: UTC

  bool operator==(const ManualDunningBlock&) const = default;
};

// What a notice charged for one invoice: a level fee, the flat fee, or interest for some days.
// Each became an open item of type fee or interest (`charge_item`).
struct NoticeCharge {
  std::string item_number;  // the invoice charged for
  std::string kind;         // "level_fee", "flat_fee", "interest"
  std::string charge_item;  // the fee or interest item it created
  Money amount;
  std::optional<Date> first_day;  // interest: the days charged (inclusive)
  std::optional<Date> last_day;
  std::string detail;  // interest: the spans (days, principal, rate), for people

  bool operator==(const NoticeCharge&) const = default;
};

// A notice in the outbox: the decision, what it charged, the rendering that is delivered (so a
// repeated delivery sends the same bytes) and where its delivery stands.
struct StoredNotice {
  Notice notice;
  std::string template_name;
  std::string language;
  Date notice_date;  // the company's day it was decided
  Money total;       // what it asks for: open items + fees + interest
  std::vector<NoticeCharge> charges;
  std::string recipient;  // the e-mail address, or the postal address on one line
  std::string subject;
  std::string text;
  std::string html;
  std::string pdf;           // the letter's PDF (bytes), for letters; read by notice() only
  std::string run_key;       // the run that decided it
  std::string decided_at;    // set by the store: UTC
  std::string delivered_at;  // set by the store when delivered
  int attempts = 0;          // deliveries tried (set by the store)
};

struct NoticeQuery {
  std::string customer_number;         // empty: every customer
  std::optional<DeliveryState> state;  // none: every state
  std::int64_t limit = 100;
};

// --- Statements of account (issue 13) -------------------------------------------------------

// An allocation of one of a customer's items, with what dates it on the customer's account.
struct AccountAllocation {
  Allocation allocation;
  // The booking day of the bank transaction whose decision made it (a return's for the
  // reversals a return made, the payment's for Skonto and bank charges), else of its own
  // transaction; none for a credit note's allocation or an undo without a transaction.
  std::optional<Date> booked_on;
  // The transaction booked_on is of (empty when none): one payment's allocations form one line.
  std::string booked_by;
  std::string recorded_at;  // UTC, as the events' `at`
};

// Money a customer paid beyond the items it was applied to: a posted payment's rest, a credit
// on the customer's account.
struct UnappliedPayment {
  std::string transaction;
  Date booked_on;
  Money amount;  // positive
};

// What a statement of account is computed from, for one customer: every item (settled or not),
// every allocation of them and what their payments left unapplied.
struct AccountHistory {
  std::vector<OpenItem> items;  // by number
  // Items the ERP's snapshot no longer lists (settled_externally): when the store marked them.
  std::map<std::string, std::string> settled_externally_at;  // item number → UTC
  std::vector<AccountAllocation> allocations;                // by id
  std::vector<UnappliedPayment> unapplied;                   // by booking day
};

// --- Bookings and their export (issue 14) ---------------------------------------------------

// A booking as the store keeps it: the business event it books and whether it still stands.
// Bookings are never deleted. One in no batch yet may be amended; once a batch carries it, a
// change is its reversal (Generalumkehr) plus a new booking for the same source.
struct StoredBooking {
  Booking booking;  // id assigned by the store; exported_in = the first batch that carried it
  // The event it books: "allocation:<id>" for a payment, Skonto, bank charges or an undone
  // allocation, "item:<number>" for a fee, interest, invoice or credit note; a reversal of a
  // replaced booking carries its source too.
  std::string source;
  std::string kind;             // the booking rule: payment, skonto, fee, reversal, ...
  std::string customer_number;  // whose account it touches: the debtor's customer
  bool current = true;          // false once replaced, or when it is a replacement's reversal
  std::string recorded_at;      // UTC
};

enum class ExportBatchState { recorded, staged, published, discarded };

std::string_view to_string(ExportBatchState state);
Result<ExportBatchState> parse_export_batch_state(std::string_view text);

// A batch of bookings for one target (an exporter instance), recorded before the exporter
// stages it, marked staged and published as the exporter confirms (DESIGN.md §8).
struct ExportBatchRecord {
  std::string id;      // "<target>-<nnnnnn>": unique, and the exporter's idempotency key
  std::string target;  // the exporter instance
  ExportBatchState state = ExportBatchState::recorded;
  // A repeat carries bookings the target had already, on an operator's request; it does not
  // move the target's watermark.
  bool repeat = false;
  std::optional<Date> period_from, period_to;  // the bookings' first and last day
  std::int64_t booking_count = 0;
  std::int64_t first_booking = 0, last_booking = 0;  // ids
  std::string requested_by;                          // the run key or the operator that recorded it
  std::string detail;  // the exporter's last answer (an error while it is not published)
  std::string recorded_at, staged_at, published_at;  // UTC; empty until then
};

struct ExportBatchQuery {
  std::string target;  // empty: every target
  std::int64_t limit = 100;
};

// Debit and credit of one account over the bookings: what the bookkeeping must show.
struct AccountTotal {
  std::string account;
  Money debit;
  Money credit;
};

// One attempt of a job run (the scheduler's record, table job_runs). Instants are UTC and kept
// to the millisecond.
using Instant = std::chrono::sys_time<std::chrono::microseconds>;

struct JobRun {
  std::int64_t id = 0;  // assigned by the store
  std::string job;
  Instant planned_at{};
  int attempt = 0;              // 0 for the first attempt, n for the n-th retry
  std::string idempotency_key;  // "<job>@<planned UTC ISO>", the same for every attempt
  JobRunTrigger trigger = JobRunTrigger::schedule;
  std::optional<Instant> started_at;  // none for a missed run
  std::optional<Instant> ended_at;    // none while running; when it was given up for a missed one
  JobRunOutcome outcome = JobRunOutcome::running;
  std::string error;                           // why it failed, or why it was missed
  std::vector<std::string> warnings;           // what the run reported that an operator should see
  std::map<std::string, std::int64_t> counts;  // what it counted: "files_imported" -> 2, ...
};

// How a run ended.
struct JobRunEnd {
  Instant ended_at{};
  JobRunOutcome outcome = JobRunOutcome::succeeded;  // not running, not missed
  std::string error;
  std::vector<std::string> warnings;
  std::map<std::string, std::int64_t> counts;
};

// --- Reports (issue 16) ----------------------------------------------------------------------

// A day a report stands at, in the company's calendar. What the store dates by a day (bookings,
// issue and due dates) counts when it is on or before `day`; what it knows only by the instant
// it was recorded (a credit note's clearing, an import) counts when recorded before `ends`, the
// first instant of the next company day.
struct ReportDay {
  Date day;
  Instant ends{};
};

// Days `first`..`last` (inclusive) in the company's calendar; `starts` and `ends` are the
// instants they span, for what is dated by when it was recorded.
struct ReportPeriod {
  Date first;
  Date last;
  Instant starts{};
  Instant ends{};
};

struct ReceivablesQuery {
  ReportDay as_of;
  std::string customer_number;  // empty: every customer
};

// An item as it stood at the end of a day: its amount less every allocation dated on or before
// that day. An allocation is dated by the booking day of the bank transaction behind it (the
// decision that made it — a payment's for its Skonto and bank charges, a return's for the
// reversals it made — else its own transaction, which an undo's reversal shares); one without
// any (a credit note's clearing, a write-off) by the instant it was recorded.
struct ReceivableAsOf {
  std::string item_number;
  std::string customer_number;
  std::string customer_name;
  OpenItemType type = OpenItemType::invoice;
  std::optional<Date> issue_date;
  Date due_date;
  Money gross;
  Money open;
};

// How many and how much, in one currency.
struct CurrencyTally {
  Money amount;
  std::int64_t count = 0;

  bool operator==(const CurrencyTally&) const = default;
};

// Notices of one kind, level and channel decided in a period, and how many were delivered.
struct NoticeTally {
  std::string kind;  // reminder, statement, invoice
  int level = 0;
  std::string channel;
  std::int64_t decided = 0;
  std::int64_t delivered = 0;

  bool operator==(const NoticeTally&) const = default;
};

// What happened on the accounts in a period (the monthly activity report).
struct ActivityFigures {
  // Payments posted to items (decision `posted`), booked in the period, by currency.
  std::vector<CurrencyTally> payments_posted;
  // By kind, level and channel, decided in the period (notice date).
  std::vector<NoticeTally> notices;
  // Calls and complaints recorded in the period, by kind.
  std::map<std::string, std::int64_t> notes_opened;
  // Write-offs dated in the period (recoveries left out), by currency.
  std::vector<CurrencyTally> write_offs;
};

// --- Write-offs (issue 16) ----------------------------------------------------------------

// Why an item is written off, which decides the VAT (§17 (2) Nr. 1 UStG): only an invoice that
// is finally uncollectible corrects it; a doubtful one (not final) and fee or interest items
// do not.
enum class WriteOffKind { uncollectible, doubtful };

std::string_view to_string(WriteOffKind kind);  // "uncollectible", "doubtful"
Result<WriteOffKind> parse_write_off_kind(std::string_view text);

// A write-off of (part of) an item, or a recovery: a payment that came in on a written-off item
// afterwards. Each is one allocation (method write_off: positive, no transaction; method
// write_off_recovery: negative, taking back part of the write-off it `recovers`).
struct WriteOff {
  std::int64_t allocation_id = 0;  // assigned by the store
  std::string item_number;
  Money amount;  // the allocation's: positive for a write-off, negative for a recovery
  WriteOffKind kind = WriteOffKind::uncollectible;
  std::string reason;  // the account manager's words; a recovery's: the payment
  Date dated;          // the write-off's day; a recovery's: the payment's booking day
  std::optional<std::int64_t> recovers;  // a recovery: the write-off allocation it recovers
  std::string recorded_at;               // UTC

  bool operator==(const WriteOff&) const = default;
};

class Reader {
 public:
  virtual ~Reader() = default;

  virtual Result<std::optional<Customer>> customer(std::string_view number) = 0;
  // Every customer, ordered by number (onboarding checks look across all of them).
  virtual Result<std::vector<Customer>> customers() = 0;
  virtual Result<std::optional<OpenItem>> open_item(std::string_view number) = 0;
  // Ordered by customer number, then item number.
  virtual Result<std::vector<OpenItem>> open_items(const ItemQuery& query) = 0;
  virtual Result<std::optional<Money>> open_amount(std::string_view item_number) = 0;

  virtual Result<bool> file_known(std::string_view sha256) = 0;
  virtual Result<bool> statement_known(std::string_view account, std::string_view id,
                                       std::string_view sequence) = 0;
  // The balances of the statement stored under (account, id, sequence), if there is one: whether
  // a statement with the same numbers is that statement or another one that reuses them.
  virtual Result<std::optional<StatementBalances>> statement_balances(
      std::string_view account, std::string_view id, std::string_view sequence) = 0;
  virtual Result<std::optional<BankTransaction>> bank_transaction(std::string_view identity) = 0;
  // Ordered by booking date, then as they appeared in their statements.
  virtual Result<std::vector<BankTransaction>> bank_transactions(const TransactionQuery& query) = 0;
  // The entries of `account` whose total is `amount` and that still count (none of their
  // transactions superseded), oldest first.
  virtual Result<std::vector<StoredEntry>> entries_with_amount(std::string_view account,
                                                               const Money& amount) = 0;
  // The latest booked statement of `account` that closed on or before `day`, not counting
  // `except` (the statement being checked); by closing date, then as recorded.
  virtual Result<std::optional<StatementBalances>> booked_statement_before(
      std::string_view account, const Date& day, const StatementKey& except) = 0;
  // A booked statement of `account` that has an entry booked on `day` or closes on it, if any:
  // what a provisional entry of that day is superseded by.
  virtual Result<std::optional<StatementKey>> booked_statement_covering(std::string_view account,
                                                                        const Date& day) = 0;
  // The totals of the entries of `account` that camt.054 notifications reported and that still
  // wait for their booked entry (provisional, counted).
  virtual Result<std::vector<Money>> pending_notification_amounts(std::string_view account) = 0;
  // Every account with statements, ordered by account.
  virtual Result<std::vector<AccountSummary>> account_summaries() = 0;
  // Per account, the source instances its statement files came from: which import jobs deliver
  // an account's statements.
  virtual Result<std::map<std::string, std::vector<std::string>>> statement_sources() = 0;
  // Refused files, newest first, at most `limit`.
  virtual Result<std::vector<RefusedFile>> refused_files(std::int64_t limit) = 0;

  // The transactions the reconcile engine looks at: postable (booked, final, not superseded)
  // ones without a decision, and those left unmatched before. By booking date, then as they
  // appeared in their statements.
  virtual Result<std::vector<BankTransaction>> transactions_to_reconcile() = 0;
  virtual Result<std::optional<Reconciliation>> reconciliation(std::string_view transaction) = 0;
  // Decisions with their transactions, by booking date (oldest first), at most `limit`.
  virtual Result<std::vector<ReconciliationEntry>> reconciliations(
      const ReconciliationQuery& query) = 0;
  // How many decisions are in each state (states without any are left out).
  virtual Result<std::map<std::string, std::int64_t>> reconciliation_counts() = 0;
  // The payments `returned` may return — posted, in review or unmatched: credits of its account
  // booked on or before it, with the same end-to-end id (when it has one) or from the same
  // account for exactly the amount returned. Newest first.
  virtual Result<std::vector<BankTransaction>> payments_returned_by(
      const BankTransaction& returned) = 0;
  // The identities starting with `prefix`, at most `limit` (kontorctl's short entry ids).
  virtual Result<std::vector<std::string>> transaction_identities(std::string_view prefix,
                                                                  std::int64_t limit) = 0;
  // The allocations recorded for `transaction`'s decisions (reconciliation.allocation_ids,
  // Skonto and bank charges included) and the reversals of any of them, oldest first: what is
  // still in force is every one that is neither a reversal nor reversed.
  virtual Result<std::vector<Allocation>> allocations_of_transaction(
      std::string_view transaction) = 0;
  // IBANs learned from manual allocations: customer number → IBANs, for matching beside the
  // ERP's (which an ERP import replaces).
  virtual Result<std::map<std::string, std::vector<std::string>>> learned_ibans() = 0;

  // Dunning: every invoice's dunning record (those never reminded have none).
  virtual Result<std::vector<ItemDunning>> item_dunning_records() = 0;
  virtual Result<std::optional<ItemDunning>> item_dunning(std::string_view item_number) = 0;
  // Blocks set by account managers that are not lifted (those past `until` included).
  virtual Result<std::vector<ManualDunningBlock>> manual_dunning_blocks() = 0;
  // Credits from customers the bank reported but has not booked yet (provisional, not
  // superseded): they hold dunning.
  virtual Result<std::vector<BankTransaction>> pending_credits() = 0;
  virtual Result<std::optional<StoredNotice>> notice(std::string_view number) = 0;
  // Newest first, at most `limit`.
  virtual Result<std::vector<StoredNotice>> notices(const NoticeQuery& query) = 0;
  // The numbers of notices waiting for delivery (pending or retrying), oldest first.
  virtual Result<std::vector<std::string>> notices_to_deliver() = 0;
  // How many notices are in each delivery state (states without any are left out): what an
  // operator watches, without reading every notice.
  virtual Result<std::map<std::string, std::int64_t>> notice_counts() = 0;
  // Every notice's RF reference (electronic form) with the items it listed: a payment quoting
  // it pays those items (matching).
  virtual Result<std::map<std::string, std::vector<std::string>>> notice_references() = 0;
  // Per customer, the number of a notice whose number starts with `prefix` (a statement
  // period's "S-2026-10-"): who has their statement of that period already.
  virtual Result<std::map<std::string, std::string>> notice_numbers_by_customer(
      std::string_view prefix) = 0;
  // Everything a statement of account of `customer_number` is computed from.
  virtual Result<AccountHistory> account_history(std::string_view customer_number) = 0;
  // The highest notice number starting with `prefix` (numbers are zero-padded), if any.
  virtual Result<std::optional<std::string>> last_notice_number(std::string_view prefix) = 0;

  // Oldest first, reversals included.
  virtual Result<std::vector<Allocation>> allocations_of_item(std::string_view item_number) = 0;
  virtual Result<std::vector<Note>> notes(const NoteQuery& query) = 0;

  // Events with id > after_id, oldest first, at most `limit`.
  virtual Result<std::vector<Event>> events(std::int64_t after_id, std::int64_t limit) = 0;

  // The bytes a plugin instance stored under `key`, if any.
  // Bookings (issue 14). A customer's bookings, current and replaced, by id.
  virtual Result<std::vector<StoredBooking>> bookings_of_customer(
      std::string_view customer_number) = 0;
  virtual Result<std::optional<StoredBooking>> booking(std::int64_t id) = 0;
  // Up to `limit` bookings with an id above `after_id`, by id.
  virtual Result<std::vector<StoredBooking>> bookings_after(std::int64_t after_id,
                                                            std::int64_t limit) = 0;
  // Only their ids: what a batch is recorded with (the exporter reads the bookings once, later).
  virtual Result<std::vector<std::int64_t>> booking_ids_after(std::int64_t after_id,
                                                              std::int64_t limit) = 0;
  // The bookings of batch `batch_id`, by id.
  virtual Result<std::vector<StoredBooking>> bookings_of_batch(std::string_view batch_id) = 0;
  // Bookings dated `from`..`to` with an id up to `up_to_id`, by id (a repeat's bookings).
  virtual Result<std::vector<StoredBooking>> bookings_dated(const Date& from, const Date& to,
                                                            std::int64_t up_to_id) = 0;
  // Debit and credit per account over every booking (reversals included), by account.
  virtual Result<std::vector<AccountTotal>> booking_totals() = 0;
  // The highest booking id a non-repeat batch of `target` carried; 0 before the first.
  virtual Result<std::int64_t> export_watermark(std::string_view target) = 0;
  virtual Result<std::optional<ExportBatchRecord>> export_batch(std::string_view id) = 0;
  // Newest first.
  virtual Result<std::vector<ExportBatchRecord>> export_batches(const ExportBatchQuery& query) = 0;
  // Batches of `target` recorded or staged but not yet published or discarded, oldest first.
  virtual Result<std::vector<ExportBatchRecord>> unfinished_export_batches(
      std::string_view target) = 0;

  // The write-off (or recovery) that allocation `allocation_id` is; none for other allocations.
  virtual Result<std::optional<WriteOff>> write_off(std::int64_t allocation_id) = 0;
  // Every write-off and recovery of an item, by allocation id.
  virtual Result<std::vector<WriteOff>> write_offs_of_item(std::string_view item_number) = 0;
  // Every write-off and recovery dated `from`..`to`, by date and id (the activity report).
  virtual Result<std::vector<WriteOff>> write_offs_dated(const Date& from, const Date& to) = 0;

  virtual Result<std::optional<std::string>> state_get(std::string_view instance,
                                                       std::string_view key) = 0;

  // Runs of `job`, newest first, at most `limit`.
  virtual Result<std::vector<JobRun>> job_runs(std::string_view job, std::int64_t limit) = 0;
  // Per job, the latest planned instant of a run by its schedule (started, caught up or
  // missed): the scheduler catches up from there after downtime.
  virtual Result<std::map<std::string, Instant>> last_planned_instants() = 0;
  // Whether a run with this idempotency key (any attempt) is recorded.
  virtual Result<bool> run_key_recorded(std::string_view idempotency_key) = 0;
  // Everything recorded, added up for the admin API's /metrics (operations_totals.hpp).
  virtual Result<OperationsTotals> operations_totals() = 0;

  // Reports (issue 16). Every item of `query` as it stood at the end of `as_of` with something
  // open then, by customer and number. Left out: items issued after the day, imported (first
  // recorded) after it, or settled outside Kontor (gone from the ERP's snapshot) by then.
  virtual Result<std::vector<ReceivableAsOf>> receivables_as_of(const ReceivablesQuery& query) = 0;
  // Sales of the period for DSO: invoices less credit notes and cancellations issued in it
  // (gross, fees and interest left out), imported by its end; by currency.
  virtual Result<std::vector<CurrencyTally>> invoiced(const ReportPeriod& period) = 0;
  virtual Result<ActivityFigures> activity(const ReportPeriod& period) = 0;
};

class Transaction : public Reader {
 public:
  // The reason recorded with the following changes (initially the `why` of transact()).
  virtual void set_why(std::string why) = 0;

  // Inserts, or updates the master data of an existing customer (IBANs included).
  virtual Result<Change> upsert_customer(const Customer& customer) = 0;

  // Inserts an item (open = gross) of a known customer, or updates an existing one. `open` is
  // ignored (the store maintains it) and so is `dunning_level` of an existing item (the dunning
  // engine maintains it). The amount of an item that has allocations cannot change: that is
  // an error, never a silent overwrite.
  virtual Result<Change> upsert_open_item(const OpenItem& item) = 0;

  virtual Result<Change> record_file(const FileRecord& file) = 0;

  // Inserts a statement not known by (account, id, sequence) and those of its transactions
  // whose identity is new; computes the identities (assign_identities) itself. Transactions
  // take account and statement id/sequence from the statement.
  virtual Result<StatementImport> insert_statement(const BankStatement& statement) = 0;
  // Adds the transactions of one entry to known statement `statement` (a camt.054's details of
  // a booked entry), their identities counted within that statement. Returns how many were new.
  virtual Result<int> add_entry_transactions(const StatementKey& statement,
                                             std::vector<BankTransaction> transactions) = 0;
  // Marks the counted transactions with these identities superseded by statement `by` (kept,
  // never counted again). Returns how many it marked.
  virtual Result<int> supersede_transactions(const std::vector<std::string>& identities,
                                             const StatementKey& by) = 0;
  // Marks every counted provisional transaction of `account` booked from `from` to `to`
  // (inclusive) superseded by booked statement `by`, except those `by` reports as still pending
  // (`still_pending`: their identities). Returns how many it marked.
  virtual Result<int> supersede_provisional(std::string_view account, const Date& from,
                                            const Date& to, const StatementKey& by,
                                            const std::vector<std::string>& still_pending) = 0;
  // Records a file the intake refused, with the reason (again: unchanged).
  virtual Result<Change> record_refused_file(const FileRecord& file, std::string_view reason) = 0;

  // Applies `allocation` (its id and `reverses` are ignored) and lowers the item's open
  // amount. Refused when the item or transaction is unknown, the currencies differ, the open
  // amount would leave the range between zero and the gross amount, or the allocations of a
  // transaction would exceed its amount. Returns the new allocation's id.
  virtual Result<std::int64_t> add_allocation(const Allocation& allocation) = 0;
  // Undo: a reversing allocation of allocation `id` (at most once; not of a reversal).
  virtual Result<std::int64_t> reverse_allocation(std::int64_t id, std::string evidence) = 0;

  // Records (or replaces) the decision about a transaction; `allocation_ids` are added to those
  // recorded before. Unchanged when state, reason, candidates and allocations are as recorded.
  virtual Result<Change> record_reconciliation(const Reconciliation& reconciliation) = 0;
  // Remembers that `customer_number` pays from `iban` (taught by a manual allocation of
  // transaction `learned_from`); unchanged when known.
  virtual Result<Change> learn_iban(std::string_view customer_number, std::string_view iban,
                                    std::string_view learned_from) = 0;

  // Records a decided notice (delivery pending) with its lines and charges; refused when the
  // number or idempotency key is known. The fee and interest items it charged are upserted by
  // the caller in the same step.
  virtual Result<Change> record_notice(const StoredNotice& notice) = 0;
  // Where a notice's delivery stands now; counts an attempt unless the state is pending.
  virtual Result<Change> mark_notice_delivery(std::string_view number, DeliveryState state,
                                              std::string_view detail) = 0;
  // Inserts or replaces an invoice's dunning record and sets the item's dunning level.
  virtual Result<Change> record_item_dunning(const ItemDunning& record) = 0;
  // Sets (or replaces) a block on a customer or item; lifts it again (unchanged when none).
  virtual Result<Change> set_dunning_block(const ManualDunningBlock& block) = 0;
  virtual Result<Change> lift_dunning_block(std::string_view customer_number,
                                            std::string_view item_number) = 0;

  // A note about a customer or one of its items (the customer is taken from the item).
  virtual Result<std::int64_t> add_note(const Note& note) = 0;
  virtual Result<Change> resolve_note(std::int64_t id) = 0;

  // Bookings (issue 14). Records a balanced booking; returns its id.
  virtual Result<std::int64_t> record_booking(const StoredBooking& booking) = 0;
  // Replaces the lines, date and texts of booking `id` by `amended`'s; refused once a batch
  // carries it (kontor::check_amendable) or when `amended` does not balance.
  virtual Result<Change> amend_booking(std::int64_t id, const Booking& amended) = 0;
  // Booking `id` no longer stands (its reversal and successor are recorded in the same step).
  virtual Result<Change> retire_booking(std::int64_t id) = 0;
  // Records `batch` (state recorded) carrying `booking_ids`; a batch that is not a repeat moves
  // its target's watermark to the highest of them. Refused when the id is taken, when a
  // non-repeat batch would carry a booking at or below the watermark, or when it is empty.
  // Returns the record as stored (counts, period, first and last booking filled in).
  virtual Result<ExportBatchRecord> record_export_batch(
      const ExportBatchRecord& batch, const std::vector<std::int64_t>& booking_ids) = 0;
  // Moves batch `id` on: recorded → staged → published, or recorded/staged → discarded.
  // `detail` is the exporter's answer. Marking the state it has is unchanged; going back is an
  // error. Discarding the target's newest non-repeat batch puts the watermark back before it
  // (its bookings are exported again); discarding an older one is refused.
  virtual Result<Change> mark_export_batch(std::string_view id, ExportBatchState state,
                                           std::string_view detail) = 0;
  // Keeps the exporter's latest answer on a batch that stays where it is (a failed stage).
  virtual Result<Change> note_export_batch(std::string_view id, std::string_view detail) = 0;

  // Records a write-off (amount positive, no `recovers`: allocation method write_off) or a
  // recovery (amount negative, `recovers` a write-off allocation of the same item: method
  // write_off_recovery, never more than is still written off of it) and its allocation, which
  // moves the item's open amount as every allocation does. Returns the allocation's id.
  virtual Result<std::int64_t> record_write_off(const WriteOff& write_off) = 0;

  virtual Result<Change> state_put(std::string_view instance, std::string_view key,
                                   std::string_view bytes) = 0;
  // Forgets `key` of `instance`; unchanged when it was not there.
  virtual Result<Change> state_erase(std::string_view instance, std::string_view key) = 0;

  // A run that starts now (`started_at` set; outcome and end are ignored: it is running).
  // Refused when the same key and attempt is already recorded. Returns the run's id.
  virtual Result<std::int64_t> record_run_start(const JobRun& run) = 0;
  // A run that never started (outcome missed; `error` says why, `ended_at` when it was given
  // up). Returns the run's id.
  virtual Result<std::int64_t> record_missed_run(const JobRun& run) = 0;
  // The end of running run `id`; refused when it is unknown or already ended.
  virtual Result<Change> record_run_end(std::int64_t id, const JobRunEnd& end) = 0;
  // At start-up: every run still `running` was cut off by a crash or a kill; each is marked
  // failed, ended at `now`, with the error "kontord stopped during the run". Returns them.
  virtual Result<std::vector<JobRun>> fail_interrupted_runs(Instant now) = 0;
  // Housekeeping: removes the runs that ended before `ended_before` — never one still running,
  // and never, per job, its newest run of each outcome (the newest run, the last that ended and
  // the last that succeeded: `kontorctl jobs`, /metrics and the bank-freshness check read them)
  // nor its latest scheduled run (the scheduler catches up from it). What the removed runs
  // added to operations_totals is carried forward first, so no total goes down. Returns how
  // many runs were removed.
  virtual Result<std::int64_t> prune_job_runs(Instant ended_before) = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // `actor`: "engine:<job>" or "user:<name>"; must not be empty. `why` is recorded with each
  // event of the step (a file name, "manual allocation requested by …").
  virtual Status transact(std::string_view actor, std::string_view why,
                          const std::function<Status(Transaction&)>& step) = 0;

  // A consistent snapshot for queries; nothing can be written.
  virtual Status read(const std::function<Status(Reader&)>& query) = 0;
};

}  // namespace kontor::store
