// The Transaction (and Reader) of the SQLite store: one engine step inside one SQLite
// transaction that SqliteStore opened. Each operation runs in a savepoint, so a refused
// operation leaves nothing behind; every change appends its event row in the same savepoint.
#pragma once

#include <optional>
#include <string>

#include "store/sqlite_connection.hpp"
#include "store/store.hpp"

namespace kontor::store::sqlite {

class UnitOfWork final : public Transaction {
 public:
  // `now_utc` is the time of the step, recorded on every event and row it writes. A unit of
  // work that is not `writable` refuses every change (SqliteStore::read).
  UnitOfWork(Connection& db, std::string actor, std::string why, std::string now_utc,
             bool writable);

  // Set when the database itself failed during the step; the step must not commit.
  const std::optional<Error>& failure() const { return failure_; }

  // Reader
  Result<std::vector<Customer>> customers() override;
  Result<std::optional<Customer>> customer(std::string_view number) override;
  Result<std::optional<OpenItem>> open_item(std::string_view number) override;
  Result<std::vector<OpenItem>> open_items(const ItemQuery& query) override;
  Result<std::optional<Money>> open_amount(std::string_view item_number) override;
  Result<bool> file_known(std::string_view sha256) override;
  Result<bool> statement_known(std::string_view account, std::string_view id,
                               std::string_view sequence) override;
  Result<std::optional<StatementBalances>> statement_balances(std::string_view account,
                                                              std::string_view id,
                                                              std::string_view sequence) override;
  Result<std::optional<BankTransaction>> bank_transaction(std::string_view identity) override;
  Result<std::vector<BankTransaction>> bank_transactions(const TransactionQuery& query) override;
  Result<std::vector<StoredEntry>> entries_with_amount(std::string_view account,
                                                       const Money& amount) override;
  Result<std::optional<StatementBalances>> booked_statement_before(
      std::string_view account, const Date& day, const StatementKey& except) override;
  Result<std::optional<StatementKey>> booked_statement_covering(std::string_view account,
                                                                const Date& day) override;
  Result<std::vector<Money>> pending_notification_amounts(std::string_view account) override;
  Result<std::vector<AccountSummary>> account_summaries() override;
  Result<std::vector<RefusedFile>> refused_files(std::int64_t limit) override;
  Result<std::map<std::string, std::vector<std::string>>> statement_sources() override;
  Result<std::vector<BankTransaction>> transactions_to_reconcile() override;
  Result<std::optional<Reconciliation>> reconciliation(std::string_view transaction) override;
  Result<std::vector<ReconciliationEntry>> reconciliations(
      const ReconciliationQuery& query) override;
  Result<std::map<std::string, std::int64_t>> reconciliation_counts() override;
  Result<std::vector<BankTransaction>> payments_returned_by(
      const BankTransaction& returned) override;
  Result<std::vector<std::string>> transaction_identities(std::string_view prefix,
                                                          std::int64_t limit) override;
  Result<std::map<std::string, std::vector<std::string>>> learned_ibans() override;
  Result<std::vector<Allocation>> allocations_of_transaction(std::string_view transaction) override;
  Result<std::vector<Allocation>> allocations_of_item(std::string_view item_number) override;
  Result<std::vector<ItemDunning>> item_dunning_records() override;
  Result<std::optional<ItemDunning>> item_dunning(std::string_view item_number) override;
  Result<std::vector<ManualDunningBlock>> manual_dunning_blocks() override;
  Result<std::vector<BankTransaction>> pending_credits() override;
  Result<std::optional<StoredNotice>> notice(std::string_view number) override;
  Result<std::vector<StoredNotice>> notices(const NoticeQuery& query) override;
  Result<std::vector<std::string>> notices_to_deliver() override;
  Result<std::map<std::string, std::vector<std::string>>> notice_references() override;
  Result<std::map<std::string, std::int64_t>> notice_counts() override;
  Result<std::map<std::string, std::string>> notice_numbers_by_customer(
      std::string_view prefix) override;
  Result<AccountHistory> account_history(std::string_view customer_number) override;
  Result<std::optional<std::string>> last_notice_number(std::string_view prefix) override;
  Result<std::vector<Note>> notes(const NoteQuery& query) override;
  Result<std::vector<Event>> events(std::int64_t after_id, std::int64_t limit) override;
  Result<std::vector<StoredBooking>> bookings_of_customer(
      std::string_view customer_number) override;
  Result<std::optional<StoredBooking>> booking(std::int64_t id) override;
  Result<std::vector<StoredBooking>> bookings_after(std::int64_t after_id,
                                                    std::int64_t limit) override;
  Result<std::vector<std::int64_t>> booking_ids_after(std::int64_t after_id,
                                                      std::int64_t limit) override;
  Result<std::vector<StoredBooking>> bookings_of_batch(std::string_view batch_id) override;
  Result<std::vector<StoredBooking>> bookings_dated(const Date& from, const Date& to,
                                                    std::int64_t up_to_id) override;
  Result<std::vector<AccountTotal>> booking_totals() override;
  Result<std::int64_t> export_watermark(std::string_view target) override;
  Result<std::optional<ExportBatchRecord>> export_batch(std::string_view id) override;
  Result<std::vector<ExportBatchRecord>> export_batches(const ExportBatchQuery& query) override;
  Result<std::vector<ExportBatchRecord>> unfinished_export_batches(
      std::string_view target) override;
  Result<std::optional<WriteOff>> write_off(std::int64_t allocation_id) override;
  Result<std::vector<WriteOff>> write_offs_of_item(std::string_view item_number) override;
  Result<std::vector<WriteOff>> write_offs_dated(const Date& from, const Date& to) override;
  Result<std::optional<std::string>> state_get(std::string_view instance,
                                               std::string_view key) override;
  Result<std::vector<JobRun>> job_runs(std::string_view job, std::int64_t limit) override;
  Result<std::map<std::string, Instant>> last_planned_instants() override;
  Result<bool> run_key_recorded(std::string_view idempotency_key) override;
  Result<std::vector<ReceivableAsOf>> receivables_as_of(const ReceivablesQuery& query) override;
  Result<std::vector<CurrencyTally>> invoiced(const ReportPeriod& period) override;
  Result<ActivityFigures> activity(const ReportPeriod& period) override;
  Result<OperationsTotals> operations_totals() override;

  // Transaction
  void set_why(std::string why) override { why_ = std::move(why); }
  Result<Change> upsert_customer(const Customer& customer) override;
  Result<Change> upsert_open_item(const OpenItem& item) override;
  Result<Change> record_file(const FileRecord& file) override;
  Result<StatementImport> insert_statement(const BankStatement& statement) override;
  Result<int> add_entry_transactions(const StatementKey& statement,
                                     std::vector<BankTransaction> transactions) override;
  Result<int> supersede_transactions(const std::vector<std::string>& identities,
                                     const StatementKey& by) override;
  Result<int> supersede_provisional(std::string_view account, const Date& from, const Date& to,
                                    const StatementKey& by,
                                    const std::vector<std::string>& still_pending) override;
  Result<Change> record_refused_file(const FileRecord& file, std::string_view reason) override;
  Result<std::int64_t> add_allocation(const Allocation& allocation) override;
  Result<std::int64_t> reverse_allocation(std::int64_t id, std::string evidence) override;
  Result<Change> record_reconciliation(const Reconciliation& reconciliation) override;
  Result<Change> learn_iban(std::string_view customer_number, std::string_view iban,
                            std::string_view learned_from) override;
  Result<Change> record_notice(const StoredNotice& notice) override;
  Result<Change> mark_notice_delivery(std::string_view number, DeliveryState state,
                                      std::string_view detail) override;
  Result<Change> record_item_dunning(const ItemDunning& record) override;
  Result<Change> set_dunning_block(const ManualDunningBlock& block) override;
  Result<Change> lift_dunning_block(std::string_view customer_number,
                                    std::string_view item_number) override;
  Result<std::int64_t> add_note(const Note& note) override;
  Result<Change> resolve_note(std::int64_t id) override;
  Result<std::int64_t> record_booking(const StoredBooking& booking) override;
  Result<Change> amend_booking(std::int64_t id, const Booking& amended) override;
  Result<Change> retire_booking(std::int64_t id) override;
  Result<ExportBatchRecord> record_export_batch(
      const ExportBatchRecord& batch, const std::vector<std::int64_t>& booking_ids) override;
  Result<Change> mark_export_batch(std::string_view id, ExportBatchState state,
                                   std::string_view detail) override;
  Result<Change> note_export_batch(std::string_view id, std::string_view detail) override;
  Result<std::int64_t> record_write_off(const WriteOff& write_off) override;
  Result<Change> state_put(std::string_view instance, std::string_view key,
                           std::string_view bytes) override;
  Result<Change> state_erase(std::string_view instance, std::string_view key) override;
  Result<std::int64_t> record_run_start(const JobRun& run) override;
  Result<std::int64_t> record_missed_run(const JobRun& run) override;
  Result<Change> record_run_end(std::int64_t id, const JobRunEnd& end) override;
  Result<std::vector<JobRun>> fail_interrupted_runs(Instant now) override;
  Result<std::int64_t> prune_job_runs(Instant ended_before) override;

 private:
  // Runs `body` (returning Result<T>) in a savepoint: released on success, rolled back when
  // the body returns an error or throws. A database failure also poisons the step.
  template <typename T, typename Body>
  Result<T> write(std::string_view operation, Body&& body);
  // Runs a query, turning exceptions (database errors, unreadable stored values) into errors.
  template <typename T, typename Body>
  Result<T> read(std::string_view operation, Body&& body);

  void append_event(std::string_view kind, std::string_view entity_key, std::string payload);
  void undo_operation();
  Error poison(std::string_view operation, const std::string& what);

  // Loaders shared by reads and writes; they throw on database errors.
  std::optional<Customer> load_customer(std::string_view number);
  std::optional<OpenItem> load_open_item(std::string_view number);
  std::optional<Allocation> load_allocation(std::int64_t id);
  std::optional<Reconciliation> load_reconciliation(std::string_view transaction);
  std::optional<StoredNotice> load_notice(std::string_view number);
  std::vector<OpenItem> load_open_items(const ItemQuery& query);
  std::vector<BankTransaction> load_statement_transactions(std::int64_t statement_row);
  // Inserts `transactions` (identities assigned) as rows of statement row `statement_row` from
  // `position` on, the first one opening entry `entry`; returns how many were new.
  int insert_transaction_rows(std::int64_t statement_row, const std::vector<BankTransaction>& rows,
                              std::int64_t position, std::int64_t entry);
  bool customer_exists(std::string_view number);
  void insert_booking_lines(std::int64_t id, const Booking& booking);
  Result<std::int64_t> insert_allocation(const Allocation& allocation);
  std::int64_t insert_job_run(const JobRun& run, JobRunOutcome outcome);
  std::vector<JobRun> load_job_runs(Query& rows);  // with their warnings
  // Write the rows of a customer or item; `replacing` an existing one first drops its
  // dependent rows (IBANs, tax lines).
  void insert_customer_rows(const Customer& customer, bool replacing);
  void insert_item_rows(const OpenItem& item, std::int64_t open_minor, int dunning_level,
                        bool replacing);

  Connection& db_;
  std::string actor_;
  std::string why_;
  std::string now_;
  bool writable_;
  std::optional<Error> failure_;
};

template <typename T, typename Body>
Result<T> UnitOfWork::write(std::string_view operation, Body&& body) {
  if (!writable_) return Error{std::string(operation) + ": nothing can be written in a read"};
  if (failure_) {
    return Error{std::string(operation) + ": the step already failed (" + failure_->message + ")"};
  }
  try {
    Query(db_, "SAVEPOINT kontor_operation").run();
  } catch (const SqliteError& error) {
    return poison(operation, error.what());
  }
  try {
    Result<T> result = body();
    if (result.ok()) {
      Query(db_, "RELEASE kontor_operation").run();
    } else {
      undo_operation();
    }
    return result;
  } catch (const SqliteError& error) {
    undo_operation();
    if (!error.is_constraint()) return poison(operation, error.what());
    return Error{std::string(operation) + ": " + error.what()};
  } catch (const std::exception& error) {
    undo_operation();
    return Error{std::string(operation) + ": " + error.what()};
  }
}

template <typename T, typename Body>
Result<T> UnitOfWork::read(std::string_view operation, Body&& body) {
  try {
    return body();
  } catch (const SqliteError& error) {
    if (!error.is_constraint()) return poison(operation, error.what());
    return Error{std::string(operation) + ": " + error.what()};
  } catch (const std::exception& error) {
    return Error{std::string(operation) + ": " + error.what()};
  }
}

}  // namespace kontor::store::sqlite
