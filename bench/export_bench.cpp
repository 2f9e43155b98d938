// export_bench: bookings per second and peak RSS of the export to DATEV (issue 14) for about
// 1,000,000 bookings — the export engine's ledger deriving and recording them, then the real
// `kontord --once export` handing them to the real `kontor-datev.so` — against floors measured
// in the same run.
//
//   export_bench [--customers 50000] [--bookings 1000000] [--quick] [--seed 1] [--batch 50000]
//                [--dir DIR] [--keep] [--kontord PATH] [--plugin-dir DIR]
//
// --quick is 1,000 customers and 20,000 bookings, for trying it. The scratch directory is made
// under --dir (default: the system's temporary directory) and removed at the end unless --keep.
// --kontord and --plugin-dir default to this build tree's (kontord, build/…/plugins): build them
// first (`cmake --build BUILD --target export_bench kontord kontor_plugins`).
//
// The book (export_book.hpp): N customers K10001… (debtor accounts 10001…, by the rule
// from_customer_number with prefix "K"), a year of invoices (2026) with tax lines, ~1M payments
// arriving as daily bank statements of the company's account, allocated and posted as the
// reconcile engine does, Skonto, bank charges, dunning fee and interest items.
//
// Phases, in one run:
//   1. generate the store (a child process; not measured below);
//   2. the ledger: BookingLedger::book_customer over every customer, 200 customers per store
//      transaction as the export engine does (export.cpp) — derives and records the bookings —
//      in a child process (its peak RSS is its own); then the same again on the unchanged book
//      (the rerun: nothing recorded), in another child;
//   3. the export: `kontord --once export` (fork/exec; wait4 for its peak RSS) on a copy of the
//      booked store, with the datev instance and the export job of config_text(): the ledger's
//      rerun, then batches of 50,000 bookings recorded, staged (EXTF files written, synced) and
//      published. The store's own timestamps (job run, batches) split its time. Afterwards, not
//      timed, the files are read back (plugins/datev/extf_test_reader.hpp, not the writer) and
//      checked: as many records as the bookings have lines beside the debtor's, and per account
//      the debit and credit the store's booking_totals() says;
//   4. floors, in a child process on the booked store: the store read alone
//      (Reader::bookings_after in steps of a batch, as the engine reads them), the same records
//      written by a minimal writer (the 125 columns formatted into one CSV file: no checks, no
//      Windows-1252, no files per period, no sync) and by DATEV's format writer alone
//      (plan_booking_files + write_booking_file, the plugin's own code, into plain files);
//      then, in another child, the export's batches in-process, step by step as
//      export_to_target() takes them (record, batch read, the same kontor-datev.so's stage and
//      publish through the plugin ABI by the SDK's fake host, the marks), each step timed; and
//      `sqlite3`'s own read of the booking rows (SELECT … FROM bookings JOIN booking_lines).
// Timed with steady_clock and reported, never asserted; peak RSS by getrusage / wait4. The run
// fails (exit 1) only when something is wrong: the files disagree with the store, the rerun
// books again, a floor wrote other records. Amounts are exact (minor units); only times, rates
// and sizes are floating point.
#include <dlfcn.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "automatic_accounts.hpp"
#include "bench_process.hpp"
#include "booking_rows.hpp"
#include "common/clock.hpp"
#include "config/company_section.hpp"
#include "config/kontor_config.hpp"
#include "engine/booking_ledger.hpp"
#include "engine/engine.hpp"
#include "engine/export.hpp"
#include "export/booking_rules.hpp"
#include "export/export_settings.hpp"
#include "export_book.hpp"
#include "extf_booking_columns.hpp"
#include "extf_bookings.hpp"
#include "extf_test_reader.hpp"
#include "kontor/testing/fake_host.hpp"
#include "plugin_entry.hpp"
#include "store/sqlite_store.hpp"

#ifndef KONTOR_BENCH_KONTORD
#define KONTOR_BENCH_KONTORD ""
#endif
#ifndef KONTOR_BENCH_PLUGIN_DIR
#define KONTOR_BENCH_PLUGIN_DIR ""
#endif

namespace {

using namespace kontor;
namespace fs = std::filesystem;
namespace datev = kontor::plugins::datev;
using bench::ChildError;
using bench::database_bytes;
using bench::in_child;
using bench::load_average;
using bench::mib;
using bench::peak_rss_mib;
using bench::plugin_entry;
using bench::ProcessOutcome;
using bench::run_process;
using bench::seconds_since;
using Steady = bench::Steady;

constexpr std::size_t kCustomersPerStep = 200;  // export.cpp's kCustomersPerStep
constexpr const char* kCompanyIban = "DE02370502990000684712";
constexpr const char* kActor = "engine:export";
constexpr const char* kTarget = "datev";
constexpr int kYear = 2026;

// kontord's configuration: the company and its bank account (ledger account 1200), the datev
// instance, the export section (SKR03; debtor accounts from the customer numbers) and the job.
std::string config_text(const fs::path& dir, const fs::path& plugin_dir,
                        std::int64_t bookings_per_batch) {
  return fmt::format(R"(daemon:
  state_dir: {0}/state
  plugin_dir: {1}
  admin_socket: {0}/admin.sock
  log_level: warn
store:
  backend: sqlite
company:
  legal_name: Muster Maschinenbau GmbH
  address:
    street: Industriestraße 12
    postcode: "50667"
    city: Köln
    country: DE
  timezone: Europe/Berlin
  bank_accounts:
    - iban: {2}
      bic: COKSDE33XXX
      ledger_account: "1200"
instances:
  {3}:
    plugin: datev
    path: {0}/datev
    advisor_number: 29098
    client_number: 55003
    chart: skr03
export:
  chart: skr03
  debtor_account: {{rule: from_customer_number, prefix: "K"}}
jobs:
  export:
    engine: export
    outputs: [{3}]
    timeout: 12h
    with: {{bookings_per_batch: {4}}}
)",
                     dir.string(), plugin_dir.string(), kCompanyIban, kTarget, bookings_per_batch);
}

// A stopwatch that adds up the time of the calls it wraps.
struct Lap {
  double seconds = 0;
  template <typename F>
  auto operator()(F&& call) {
    const Steady::time_point start = Steady::now();
    auto result = call();
    seconds += seconds_since(start);
    return result;
  }
};

Result<std::unique_ptr<store::SqliteStore>> open_store(const fs::path& path) {
  store::SqliteOptions options;
  options.path = path.string();
  return store::SqliteStore::open(std::move(options));
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// One number from SQL on a database (counts for checks, not timed). Opened for writing, so that
// closing it checkpoints and removes the write-ahead log as the store does.
std::int64_t sql_number(const fs::path& database, const std::string& sql) {
  sqlite3* db = nullptr;
  std::int64_t value = -1;
  if (sqlite3_open_v2(database.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW) {
      value = sqlite3_column_int64(statement, 0);
    }
    sqlite3_finalize(statement);
  }
  sqlite3_close(db);
  return value;
}

// --- 1. Generate ------------------------------------------------------------------------------

struct GenerateOutcome {
  ChildError error;
  bench::ExportBookFacts facts;
  double seconds = 0;
  double rss_mib = 0;
};

// --- 2. The ledger ----------------------------------------------------------------------------

struct LedgerOutcome {
  ChildError error;
  double seconds = 0;
  double rss_mib = 0;
  long long customers = 0, steps = 0;
  long long recorded = 0, amended = 0, replaced = 0, reversed = 0, unchanged = 0, waiting = 0;
  long long problems = 0;
  char first_problem[256] = {};
};

// BookingLedger::book_customer over every customer, kCustomersPerStep a transaction, as the
// export engine runs it (export.cpp).
LedgerOutcome run_ledger(const fs::path& book, const exports::BookingRules& rules,
                         const Date& today) {
  LedgerOutcome out;
  auto opened = open_store(book);
  if (!opened) {
    out.error.set("open store", opened.error().message);
    return out;
  }
  std::unique_ptr<store::SqliteStore> owned = std::move(opened).value();
  store::SqliteStore& store = *owned;
  const engine::BookingLedger ledger(rules, today);
  const Steady::time_point start = Steady::now();
  std::vector<Customer> customers;
  if (Status read = store.read([&](store::Reader& reader) -> Status {
        Result<std::vector<Customer>> all = reader.customers();
        if (!all) return all.error();
        customers = std::move(*all);
        return {};
      });
      !read) {
    out.error.set("customers", read.error().message);
    return out;
  }
  engine::LedgerCounts booked;
  for (std::size_t first = 0; first < customers.size(); first += kCustomersPerStep) {
    const std::size_t end = std::min(customers.size(), first + kCustomersPerStep);
    engine::LedgerCounts step_counts;
    const Status step =
        store.transact(kActor, "bookings (export_bench)", [&](store::Transaction& tx) -> Status {
          step_counts = engine::LedgerCounts{};
          for (std::size_t i = first; i < end; ++i) {
            if (Status done = ledger.book_customer(tx, customers[i].number, step_counts); !done) {
              return Error{
                  fmt::format("customer {}: {}", customers[i].number, done.error().message)};
            }
          }
          return {};
        });
    if (!step) {
      out.error.set("ledger", step.error().message);
      return out;
    }
    booked.add(step_counts);
    ++out.steps;
  }
  out.seconds = seconds_since(start);
  owned.reset();  // closed: the log is checkpointed into the database
  out.rss_mib = peak_rss_mib();
  out.customers = static_cast<long long>(customers.size());
  out.recorded = booked.recorded;
  out.amended = booked.amended;
  out.replaced = booked.replaced;
  out.reversed = booked.reversed;
  out.unchanged = booked.unchanged;
  out.waiting = booked.waiting;
  out.problems = static_cast<long long>(booked.problems.size());
  if (!booked.problems.empty()) {
    std::snprintf(out.first_problem, sizeof out.first_problem, "%s",
                  booked.problems.front().c_str());
  }
  return out;
}

// --- 4. Floors ----------------------------------------------------------------------------------

// DATEV's "1234,56".
void append_amount(std::string& out, std::int64_t cents) {
  char text[32];
  const int n = std::snprintf(text, sizeof text, "%lld,%02lld", static_cast<long long>(cents / 100),
                              static_cast<long long>(cents % 100));
  out.append(text, static_cast<std::size_t>(n));
}

void append_quoted(std::string& out, std::string_view text) {
  out += '"';
  out += text;
  out += '"';
}

// The minimal writer: each line beside the debtor's as one record of the same 125 columns the
// plugin writes (empty text columns as "", as it writes them), the fields it fills, the sides as
// it turns them (S/H of the debtor against the line; a reversal turned back, with
// Generalumkehr) — no checks, UTF-8 as it is, one file.
class MinimalWriter {
 public:
  MinimalWriter() {
    for (const datev::ExtfColumn& column : datev::booking_columns(datev::BookingFormat::v13)) {
      text_.push_back(column.text);
    }
  }

  // Appends the records of `booking` to `out`; returns how many.
  std::size_t write(const Booking& booking, std::string& out) const {
    namespace col = datev::booking_column;
    std::size_t records = 0;
    const BookingLine& debtor = booking.lines.front();
    char date[8];
    std::snprintf(date, sizeof date, "%02d%02d", booking.date.day(), booking.date.month());
    char due[12] = {};
    if (booking.due_date) {
      std::snprintf(due, sizeof due, "%02d%02d%04d", booking.due_date->day(),
                    booking.due_date->month(), booking.due_date->year());
    }
    const std::string_view facts = booking.facts == BookingFacts::dunning_fee        ? "40"
                                   : booking.facts == BookingFacts::dunning_interest ? "31"
                                                                                     : "";
    for (std::size_t k = 1; k < booking.lines.size(); ++k) {
      const BookingLine& line = booking.lines[k];
      // S/H refers to Konto (the debtor): the opposite of the line's side; a reversal's turned
      // back (= its original's record, with Generalumkehr).
      bool debit = line.side == BookingSide::credit;
      if (booking.reverses) debit = !debit;
      for (int column = 1; column <= static_cast<int>(text_.size()); ++column) {
        if (column > 1) out += ';';
        switch (column) {
          case col::kUmsatz:
            append_amount(out, line.amount.minor_units());
            break;
          case col::kSollHaben:
            append_quoted(out, debit ? "S" : "H");
            break;
          case col::kWkzUmsatz:
            append_quoted(out, line.amount.currency().code());
            break;
          case col::kKonto:
            out += debtor.account;
            break;
          case col::kGegenkonto:
            out += line.account;
            break;
          case col::kBuSchluessel:
            append_quoted(out, line.tax_key);
            break;
          case col::kBelegdatum:
            out += date;
            break;
          case col::kBelegfeld1:
            append_quoted(out, booking.document_number);
            break;
          case col::kBuchungstext:
            append_quoted(out, booking.text);
            break;
          case col::kSachverhalt:
            out += facts;
            break;
          case col::kFestschreibung:
            out += '0';
            break;
          case col::kFaelligkeit:
            out += due;
            break;
          case col::kGeneralumkehr:
            append_quoted(out, booking.reverses ? "1" : "");
            break;
          default:
            if (text_[static_cast<std::size_t>(column - 1)]) out += "\"\"";
            break;
        }
      }
      out += "\r\n";
      ++records;
    }
    return records;
  }

 private:
  std::vector<bool> text_;
};

struct FloorOutcome {
  ChildError error;
  double read_seconds = 0, minimal_seconds = 0, format_seconds = 0;
  double rss_mib = 0;
  long long bookings = 0, batches = 0;
  long long minimal_records = 0, minimal_bytes = 0;
  long long format_records = 0, format_bytes = 0, format_files = 0, format_errors = 0;
};

// The store read as the engine does it (bookings_after, a batch at a time), then the batch's
// records written by the minimal writer and by DATEV's format writer (the plugin's planning and
// writer, no staging folder, no sync).
FloorOutcome run_floors(const fs::path& book, const fs::path& dir, std::int64_t per_batch) {
  FloorOutcome out;
  auto opened = open_store(book);
  if (!opened) {
    out.error.set("open store", opened.error().message);
    return out;
  }
  store::SqliteStore& store = **opened;
  const MinimalWriter minimal;
  const datev::AutomaticAccounts automatic = *datev::standard_automatic_accounts("03");
  const datev::FiscalYearStart year_start{.month = 1, .day = 1};
  const datev::ExtfTimestamp created{.date = Date::from_ymd(2027, 1, 4).value(),
                                     .hour = 18,
                                     .minute = 0,
                                     .second = 0,
                                     .millisecond = 0};
  std::FILE* csv = std::fopen((dir / "floor-minimal.csv").c_str(), "wb");
  if (csv == nullptr) {
    out.error.set("floor", "cannot write floor-minimal.csv");
    return out;
  }
  fs::create_directories(dir / "floor-datev");
  Lap reading, write_minimal, write_format;
  std::int64_t after = 0;
  std::string buffer;
  for (;;) {
    std::vector<Booking> bookings;
    const Status done = reading([&] {
      return store.read([&](store::Reader& reader) -> Status {
        Result<std::vector<store::StoredBooking>> due = reader.bookings_after(after, per_batch);
        if (!due) return due.error();
        bookings.reserve(due->size());
        for (store::StoredBooking& stored : due.value())
          bookings.push_back(std::move(stored.booking));
        return {};
      });
    });
    if (!done) {
      out.error.set("bookings_after", done.error().message);
      return out;
    }
    if (bookings.empty()) break;
    after = bookings.back().id;
    out.bookings += static_cast<long long>(bookings.size());
    ++out.batches;

    write_minimal([&] {
      buffer.clear();
      for (const Booking& booking : bookings) {
        out.minimal_records += static_cast<long long>(minimal.write(booking, buffer));
      }
      std::fwrite(buffer.data(), 1, buffer.size(), csv);
      out.minimal_bytes += static_cast<long long>(buffer.size());
      return 0;
    });

    write_format([&] {
      const datev::BookingFilePlan plan = datev::plan_booking_files(bookings, year_start, 4);
      out.format_errors += static_cast<long long>(plan.errors.size());
      for (const datev::PlannedFile& planned : plan.files) {
        const datev::BookingBatchHeader header{
            .client = {.advisor_number = 29098,
                       .client_number = 55003,
                       .fiscal_year_start = planned.period.fiscal_year_start,
                       .account_length = 4,
                       .chart = "03"},
            .format = datev::BookingFormat::v13,
            .created_at = created,
            .period_from = planned.period.from,
            .period_to = planned.period.to,
            .label = fmt::format("Kontor {:02}/{:04}", planned.period.from.month(),
                                 planned.period.from.year()),
            .dictation_initials = "",
            .kind = datev::BookingKind::financial_accounting,
            .purpose = datev::AccountingPurpose::independent,
            .locked = false,
            .currency = Currency::eur(),
            .origin = "RE",
            .exported_by = "",
            .application_info = "",
        };
        const datev::ExtfWritten written =
            datev::write_booking_file(header, planned.records, automatic);
        out.format_errors += static_cast<long long>(written.errors.size());
        if (!written.ok()) continue;
        const std::string name = fmt::format(
            "EXTF_Buchungsstapel_{:04}{:02}-{}_floor-{:06}.csv", planned.period.from.year(),
            planned.period.from.month(), planned.part, out.batches);
        std::FILE* file = std::fopen((dir / "floor-datev" / name).c_str(), "wb");
        if (file == nullptr) {
          ++out.format_errors;
          continue;
        }
        std::fwrite(written.text.data(), 1, written.text.size(), file);
        std::fclose(file);
        out.format_records += static_cast<long long>(planned.records.size());
        out.format_bytes += static_cast<long long>(written.text.size());
        ++out.format_files;
      }
      return 0;
    });
  }
  std::fclose(csv);
  out.read_seconds = reading.seconds;
  out.minimal_seconds = write_minimal.seconds;
  out.format_seconds = write_format.seconds;
  out.rss_mib = peak_rss_mib();
  return out;
}

// --- 4e. The export's steps in-process ---------------------------------------------------------

struct InProcessOutcome {
  ChildError error;
  double record_seconds = 0, batch_read_seconds = 0, stage_seconds = 0, publish_seconds = 0;
  double mark_seconds = 0;
  double rss_mib = 0;
  long long batches = 0, bookings = 0, debtors = 0;
};

// export_to_target() (engine/export_delivery.cpp) step by step, each step timed: the record
// step (the target's watermark, booking_ids_after, record_export_batch: one transaction), the batch
// read for staging (bookings_of_batch and the debtors' customers, as batch_to_stage does), the
// real kontor-datev.so's stage and publish (dlopen; called through the plugin ABI by the SDK's
// fake host, as kontord's host calls it), and marking the batch staged and published.
InProcessOutcome run_in_process(const fs::path& book, const fs::path& plugin,
                                const fs::path& folder, std::int64_t per_batch) {
  InProcessOutcome out;
  const kontor_plugin_entry_fn entry = plugin_entry(plugin, out.error);
  if (entry == nullptr) return out;
  testing::FakeHost host(entry);
  host.set("path", folder.string());
  host.set("advisor_number", "29098");
  host.set("client_number", "55003");
  host.set("chart", "skr03");
  host.now_utc_us = std::chrono::duration_cast<std::chrono::microseconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
  auto created = host.create();
  if (!created) {
    out.error.set("datev instance", created.error().message);
    return out;
  }
  const std::unique_ptr<testing::FakeInstance> exporter = std::move(created).value();
  auto opened = open_store(book);
  if (!opened) {
    out.error.set("open store", opened.error().message);
    return out;
  }
  const std::unique_ptr<store::SqliteStore> owned = std::move(opened).value();
  store::SqliteStore& store = *owned;
  Lap record, batch_read, stage, publish, mark;
  auto mark_batch = [&](const std::string& id, store::ExportBatchState state) {
    return mark([&] {
      return store.transact(kActor, "export batch " + id, [&](store::Transaction& tx) -> Status {
        Result<store::Change> marked = tx.mark_export_batch(id, state, "");
        if (!marked) return marked.error();
        return {};
      });
    });
  };
  for (;;) {
    std::optional<store::ExportBatchRecord> recorded;
    const Status step = record([&] {
      return store.transact(kActor, "export to datev", [&](store::Transaction& tx) -> Status {
        Result<std::int64_t> watermark = tx.export_watermark(kTarget);
        if (!watermark) return watermark.error();
        Result<std::vector<std::int64_t>> ids = tx.booking_ids_after(*watermark, per_batch);
        if (!ids) return ids.error();
        if (ids->empty()) return {};
        store::ExportBatchRecord wanted;
        wanted.target = kTarget;
        wanted.requested_by = "export_bench";
        Result<store::ExportBatchRecord> batch = tx.record_export_batch(wanted, *ids);
        if (!batch) return batch.error();
        recorded = std::move(batch).value();
        return {};
      });
    });
    if (!step) {
      out.error.set("record", step.error().message);
      return out;
    }
    if (!recorded) break;
    sdk::ExportBatch batch;
    const Status read = batch_read([&] {
      batch.batch_id = recorded->id;
      batch.period_from = recorded->period_from;
      batch.period_to = recorded->period_to;
      return store.read([&](store::Reader& reader) -> Status {
        Result<std::vector<store::StoredBooking>> bookings = reader.bookings_of_batch(recorded->id);
        if (!bookings) return bookings.error();
        std::set<std::pair<std::string, std::string>> debtors;  // (account, customer)
        batch.bookings.reserve(bookings->size());
        for (store::StoredBooking& stored : bookings.value()) {
          debtors.emplace(stored.booking.lines.front().account, stored.customer_number);
          batch.bookings.push_back(std::move(stored.booking));
        }
        std::map<std::string, std::optional<Customer>> customers;
        for (const auto& [account, number] : debtors) {
          auto known = customers.find(number);
          if (known == customers.end()) {
            Result<std::optional<Customer>> customer = reader.customer(number);
            if (!customer) return customer.error();
            known = customers.emplace(number, std::move(customer.value())).first;
          }
          if (known->second) {
            batch.debtors.push_back(
                sdk::ExportDebtor{.account = account, .customer = *known->second});
          }
        }
        return {};
      });
    });
    if (!read) {
      out.error.set("batch read", read.error().message);
      return out;
    }
    const sdk::Status staged = stage([&] { return exporter->proxy().stage(batch); });
    if (!staged.is_ok()) {
      out.error.set("stage", staged.message());
      return out;
    }
    if (Status marked = mark_batch(recorded->id, store::ExportBatchState::staged); !marked) {
      out.error.set("mark staged", marked.error().message);
      return out;
    }
    const sdk::Status done = publish([&] { return exporter->proxy().publish(recorded->id); });
    if (!done.is_ok()) {
      out.error.set("publish", done.message());
      return out;
    }
    if (Status marked = mark_batch(recorded->id, store::ExportBatchState::published); !marked) {
      out.error.set("mark published", marked.error().message);
      return out;
    }
    ++out.batches;
    out.bookings += static_cast<long long>(batch.bookings.size());
    out.debtors += static_cast<long long>(batch.debtors.size());
  }
  out.record_seconds = record.seconds;
  out.batch_read_seconds = batch_read.seconds;
  out.stage_seconds = stage.seconds;
  out.publish_seconds = publish.seconds;
  out.mark_seconds = mark.seconds;
  out.rss_mib = peak_rss_mib();
  return out;
}

// --- 3. Reading the DATEV files back -------------------------------------------------------

struct Sides {
  std::int64_t debit = 0;
  std::int64_t credit = 0;
};

struct ReadBack {
  std::size_t booking_files = 0, debtor_files = 0;
  std::uintmax_t booking_bytes = 0, debtor_bytes = 0;
  std::int64_t records = 0, reversals = 0, debtors = 0;
  std::map<std::string, Sides> accounts;  // Generalumkehr records count negative
  std::vector<std::string> problems;
};

// "1234,56" in cents, by string handling only; nullopt when it is no DATEV amount.
std::optional<std::int64_t> cents_of(std::string_view text) {
  const std::size_t comma = text.find(',');
  if (comma == std::string_view::npos || comma == 0 || text.size() - comma != 3)
    return std::nullopt;
  std::int64_t cents = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i == comma) continue;
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    cents = cents * 10 + (text[i] - '0');
  }
  return cents;
}

ReadBack read_datev_folder(const fs::path& folder) {
  namespace reader = datev::test_support;
  ReadBack back;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& path : files) {
    const std::string name = path.filename().string();
    const std::string bytes = read_file(path);
    const reader::ExtfLines lines = reader::split_crlf_lines(bytes);
    if (!lines.ok || lines.lines.size() < 3) {
      back.problems.push_back(name + ": not CR LF lines with a header, headings and records");
      continue;
    }
    if (name.starts_with("EXTF_DebKred_Stamm_")) {
      ++back.debtor_files;
      back.debtor_bytes += bytes.size();
      back.debtors += static_cast<std::int64_t>(lines.lines.size() - 2);
      continue;
    }
    if (!name.starts_with("EXTF_Buchungsstapel_")) continue;
    ++back.booking_files;
    back.booking_bytes += bytes.size();
    const std::size_t columns = reader::split_fields(lines.lines[1]).size();
    if (columns != 125) back.problems.push_back(fmt::format("{}: {} headings", name, columns));
    for (std::size_t i = 2; i < lines.lines.size(); ++i) {
      const std::vector<std::string> fields = reader::split_fields(lines.lines[i]);
      if (fields.size() != columns) {
        back.problems.push_back(fmt::format("{} line {}: {} fields", name, i + 1, fields.size()));
        continue;
      }
      const std::optional<std::int64_t> amount = cents_of(fields[0]);
      const std::string side = reader::unquoted(fields[1]);
      if (!amount || (side != "S" && side != "H")) {
        back.problems.push_back(
            fmt::format("{} line {}: amount {} side {}", name, i + 1, fields[0], fields[1]));
        continue;
      }
      const bool reversal = reader::unquoted(fields[117]) == "1";
      const std::int64_t cents = reversal ? -*amount : *amount;
      if (reversal) ++back.reversals;
      ++back.records;
      const bool konto_debit = side == "S";
      Sides& konto = back.accounts[fields[6]];
      Sides& contra = back.accounts[fields[7]];
      (konto_debit ? konto.debit : konto.credit) += cents;
      (konto_debit ? contra.credit : contra.debit) += cents;
    }
  }
  return back;
}

// "2027-01-04T18:00:00.123Z" in milliseconds since the epoch; nullopt when empty.
std::optional<std::int64_t> utc_ms(std::string_view text) {
  if (text.size() < 23) return std::nullopt;
  Result<Date> day = Date::parse_iso(text.substr(0, 10));
  if (!day) return std::nullopt;
  auto number = [&](std::size_t at, std::size_t length) {
    std::int64_t value = 0;
    for (std::size_t i = at; i < at + length; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  return day->days_since_epoch() * 86'400'000 + number(11, 2) * 3'600'000 + number(14, 2) * 60'000 +
         number(17, 2) * 1'000 + number(20, 3);
}

std::int64_t instant_ms(const store::Instant& instant) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(instant.time_since_epoch()).count();
}

int usage() {
  std::fprintf(stderr,
               "usage: export_bench [--customers N] [--bookings N] [--quick] [--seed S] "
               "[--batch N] [--dir DIR] [--keep] [--kontord PATH] [--plugin-dir DIR]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t customer_count = 50'000;
  std::size_t booking_count = 1'000'000;
  std::uint64_t seed = 1;
  std::int64_t per_batch = 50'000;
  std::string parent_dir;
  bool keep = false;
  fs::path kontord = KONTOR_BENCH_KONTORD;
  fs::path plugin_dir = KONTOR_BENCH_PLUGIN_DIR;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--quick") {
      customer_count = 1'000;
      booking_count = 20'000;
    } else if (arg == "--keep") {
      keep = true;
    } else if (arg == "--customers" && i + 1 < argc) {
      customer_count = std::strtoull(argv[++i], nullptr, 10);
    } else if (arg == "--bookings" && i + 1 < argc) {
      booking_count = std::strtoull(argv[++i], nullptr, 10);
    } else if (arg == "--seed" && i + 1 < argc) {
      seed = std::strtoull(argv[++i], nullptr, 10);
    } else if (arg == "--batch" && i + 1 < argc) {
      per_batch = std::strtoll(argv[++i], nullptr, 10);
    } else if (arg == "--dir" && i + 1 < argc) {
      parent_dir = argv[++i];
    } else if (arg == "--kontord" && i + 1 < argc) {
      kontord = argv[++i];
    } else if (arg == "--plugin-dir" && i + 1 < argc) {
      plugin_dir = argv[++i];
    } else {
      return usage();
    }
  }
  if (customer_count == 0 || customer_count > bench::kMaxExportBookCustomers ||
      booking_count < customer_count || per_batch <= 0) {
    std::fprintf(stderr, "export_bench: 1 to %zu customers, at least as many bookings\n",
                 bench::kMaxExportBookCustomers);
    return usage();
  }
  if (!fs::exists(kontord) || !fs::exists(plugin_dir / "kontor-datev.so")) {
    std::fprintf(stderr,
                 "export_bench: needs kontord (%s) and kontor-datev.so in %s: build the targets "
                 "kontord and kontor_plugins, or give --kontord and --plugin-dir\n",
                 kontord.c_str(), plugin_dir.c_str());
    return 1;
  }
  kontord = fs::absolute(kontord);
  plugin_dir = fs::absolute(plugin_dir);

  // A scratch directory, removed at the end unless --keep.
  const fs::path parent = parent_dir.empty() ? fs::temp_directory_path() : fs::path(parent_dir);
  fs::create_directories(parent);
  std::string pattern = (fs::absolute(parent) / "kontor-export-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    std::perror("mkdtemp");
    return 1;
  }
  const fs::path dir = pattern;
  struct Cleanup {
    fs::path dir;
    ~Cleanup() {
      if (!dir.empty()) fs::remove_all(dir);
    }
  } cleanup{keep ? fs::path() : dir};
  const fs::path book_path = dir / "book.db";
  const fs::path state = dir / "state";
  const fs::path export_path = state / "kontor.db";
  const fs::path datev_dir = dir / "datev";
  fs::create_directories(state);
  fs::create_directories(datev_dir);

  auto fail = [](const char* what, const std::string& message) {
    std::fprintf(stderr, "%s: %s\n", what, message.c_str());
    return 1;
  };

  // kontord's configuration, read as kontord reads it, and the export engine's rules from it.
  const std::string config = config_text(dir, plugin_dir, per_batch);
  { std::ofstream(dir / "kontor.yaml", std::ios::binary) << config; }
  engine::EngineCatalog catalog;
  catalog.add(engine::export_engine());
  config::ConfigDeclarations declarations = catalog.declarations();
  declarations.engine_sections.push_back(exports::export_section());
  config::LoadedConfig loaded =
      config::load_config_text(config, (dir / "kontor.yaml").string(), declarations,
                               [](const std::string&) { return std::optional<std::string>(); });
  if (!loaded.config || !loaded.errors.empty()) {
    for (const auto& error : loaded.errors) {
      std::fprintf(stderr, "config: %s\n", config::to_string(error).c_str());
    }
    return 1;
  }
  Result<exports::ExportSettings> settings =
      exports::export_settings_of(loaded.config->root.find("export"));
  if (!settings) return fail("export settings", settings.error().message);
  const Company company = config::company_of(*loaded.config->root.find("company"));
  const exports::BookingRules rules(std::move(*settings), company);
  Result<Date> today = local_date(system_clock()->now(), company.timezone);
  if (!today) return fail("today", today.error().message);

  const double rss_setup = peak_rss_mib();
  const std::string load_at_start = load_average();

  // --- 1. Generate, in a child process ---------------------------------------------------------
  const std::optional<GenerateOutcome> generated = in_child<GenerateOutcome>([&] {
    GenerateOutcome out;
    const Steady::time_point start = Steady::now();
    auto opened = open_store(book_path);
    if (!opened) {
      out.error.set("open store", opened.error().message);
      return out;
    }
    std::unique_ptr<store::SqliteStore> owned = std::move(opened).value();
    Result<bench::ExportBookFacts> facts =
        bench::generate_export_book(*owned, {.customers = customer_count,
                                             .bookings = booking_count,
                                             .seed = seed,
                                             .year = kYear,
                                             .account = kCompanyIban,
                                             .customers_per_step = 500});
    if (!facts) {
      out.error.set("generate", facts.error().message);
      return out;
    }
    out.facts = *facts;
    owned.reset();  // closed before the child leaves: the log is checkpointed
    out.seconds = seconds_since(start);
    out.rss_mib = peak_rss_mib();
    return out;
  });
  if (!generated || generated->error.failed) {
    std::fprintf(stderr, "%s\n", generated ? generated->error.message : "generator failed");
    return 1;
  }
  const bench::ExportBookFacts& facts = generated->facts;
  const std::uintmax_t generated_bytes = database_bytes(book_path);
  std::printf(
      "export_bench: %zu customers, %zu invoices (%zu at 19 %%, %zu at 7 %%, %zu at both; %zu paid "
      "in full, %zu in two parts, %zu unpaid), %zu dunning fee and %zu interest items; %zu bank "
      "statements with %zu transfers (%zu for two invoices, %zu with an unapplied rest); %zu "
      "payment allocations, %zu Skonto allowances, %zu bank charges; invoiced %s, paid %s; "
      "seed %llu\n",
      facts.customers, facts.invoices, facts.invoices_19, facts.invoices_7, facts.invoices_mixed,
      facts.paid_in_full, facts.paid_in_part, facts.unpaid, facts.fees, facts.interest,
      facts.bank_statements, facts.transfers, facts.combined, facts.overpaid, facts.payments,
      facts.skonto, facts.bank_charges,
      Money(facts.invoiced_cents, Currency::eur()).to_string().c_str(),
      Money(facts.paid_cents, Currency::eur()).to_string().c_str(),
      static_cast<unsigned long long>(seed));
  std::printf(
      "generated in %.1f s (peak RSS %.1f MiB); database %.1f MiB (%s); %zu bookings to "
      "expect\n",
      generated->seconds, generated->rss_mib, mib(generated_bytes), book_path.c_str(),
      facts.expected_bookings());

  // --- 2. The ledger, and its rerun -------------------------------------------------------------
  const std::optional<LedgerOutcome> ledger =
      in_child<LedgerOutcome>([&] { return run_ledger(book_path, rules, *today); });
  if (!ledger || ledger->error.failed) {
    std::fprintf(stderr, "%s\n", ledger ? ledger->error.message : "ledger failed");
    return 1;
  }
  const std::optional<LedgerOutcome> rerun =
      in_child<LedgerOutcome>([&] { return run_ledger(book_path, rules, *today); });
  if (!rerun || rerun->error.failed) {
    std::fprintf(stderr, "%s\n", rerun ? rerun->error.message : "rerun failed");
    return 1;
  }
  const std::uintmax_t booked_bytes = database_bytes(book_path);
  const std::int64_t bookings_stored = sql_number(book_path, "SELECT COUNT(*) FROM bookings");
  const std::int64_t contra_lines =
      sql_number(book_path, "SELECT COUNT(*) FROM booking_lines WHERE position > 1");
  std::printf(
      "ledger: %lld customers in %lld steps; %lld bookings recorded (%lld amended, %lld "
      "replaced, %lld undone, %lld unchanged, %lld waiting, %lld held back%s%s); the store holds "
      "%lld bookings with %lld lines beside the debtor's; database %.1f MiB\n",
      ledger->customers, ledger->steps, ledger->recorded, ledger->amended, ledger->replaced,
      ledger->reversed, ledger->unchanged, ledger->waiting, ledger->problems,
      ledger->problems > 0 ? ": " : "", ledger->first_problem,
      static_cast<long long>(bookings_stored), static_cast<long long>(contra_lines),
      mib(booked_bytes));
  std::printf("rerun: %lld recorded, %lld amended, %lld unchanged\n", rerun->recorded,
              rerun->amended, rerun->unchanged);

  // --- 3. kontord --once export, on a copy ------------------------------------------------------
  if (fs::exists(book_path.string() + "-wal")) {
    return fail("copy", "book.db still has a write-ahead log; the ledger did not close it");
  }
  fs::copy_file(book_path, export_path, fs::copy_options::overwrite_existing);
  const double rss_before_kontord = peak_rss_mib();
  const ProcessOutcome exported = run_process(
      {kontord.string(), "--config", (dir / "kontor.yaml").string(), "--once", "export"},
      dir / "kontord.out", dir / "kontord.log");
  if (!exported.started || exported.exit_code != 0) {
    std::fprintf(stderr, "kontord --once export ended with %d; its log (%s):\n%s\n",
                 exported.exit_code, (dir / "kontord.log").c_str(),
                 read_file(dir / "kontord.log").c_str());
    return 1;
  }
  // What the store says about the run and its batches, not timed.
  std::vector<store::ExportBatchRecord> batches;
  std::optional<store::JobRun> job_run;
  std::vector<store::AccountTotal> totals;
  {
    auto opened = open_store(export_path);
    if (!opened) return fail("open exported store", opened.error().message);
    const Status looked = (*opened)->read([&](store::Reader& reader) -> Status {
      Result<std::vector<store::ExportBatchRecord>> found =
          reader.export_batches({.target = kTarget, .limit = 1'000'000});
      if (!found) return found.error();
      batches = std::move(*found);
      Result<std::vector<store::JobRun>> runs = reader.job_runs("export", 1);
      if (!runs) return runs.error();
      if (!runs->empty()) job_run = runs->front();
      Result<std::vector<store::AccountTotal>> all = reader.booking_totals();
      if (!all) return all.error();
      totals = std::move(*all);
      return {};
    });
    if (!looked) return fail("read exported store", looked.error().message);
  }
  std::reverse(batches.begin(), batches.end());  // oldest first
  std::int64_t batch_bookings = 0;
  std::size_t published = 0;
  for (const store::ExportBatchRecord& batch : batches) {
    batch_bookings += batch.booking_count;
    if (batch.state == store::ExportBatchState::published) ++published;
  }
  auto job_count = [&](const char* name) -> long long {
    if (!job_run) return -1;
    const auto found = job_run->counts.find(name);
    return found == job_run->counts.end() ? -1 : static_cast<long long>(found->second);
  };
  // The run's time split by the store's timestamps (ms): the ledger's rerun before the first
  // batch; per batch, from recorded to staged (recording it, reading its bookings and
  // customers, the plugin's stage), from staged to published (the plugin's publish), from
  // published to the next batch recorded (marking it published, choosing the next bookings).
  double rerun_in_kontord = -1, record_to_staged = 0, staged_to_published = 0, between = 0;
  double run_seconds = -1;
  if (job_run && job_run->started_at && job_run->ended_at && !batches.empty()) {
    const std::int64_t started = instant_ms(*job_run->started_at);
    const std::int64_t ended = instant_ms(*job_run->ended_at);
    run_seconds = static_cast<double>(ended - started) / 1000.0;
    rerun_in_kontord =
        static_cast<double>(utc_ms(batches.front().recorded_at).value_or(started) - started) /
        1000.0;
    for (std::size_t i = 0; i < batches.size(); ++i) {
      const auto recorded = utc_ms(batches[i].recorded_at);
      const auto staged = utc_ms(batches[i].staged_at);
      const auto done = utc_ms(batches[i].published_at);
      if (!recorded || !staged || !done) continue;
      record_to_staged += static_cast<double>(*staged - *recorded) / 1000.0;
      staged_to_published += static_cast<double>(*done - *staged) / 1000.0;
      const std::optional<std::int64_t> next =
          i + 1 < batches.size() ? utc_ms(batches[i + 1].recorded_at) : std::optional(ended);
      if (next) between += static_cast<double>(*next - *done) / 1000.0;
    }
  }

  // The files, read back and checked against the store (not timed).
  const ReadBack back = read_datev_folder(datev_dir);
  std::map<std::string, Sides> expected;
  std::int64_t store_debit = 0, store_credit = 0;
  for (const store::AccountTotal& total : totals) {
    expected[total.account] = Sides{total.debit.minor_units(), total.credit.minor_units()};
    store_debit += total.debit.minor_units();
    store_credit += total.credit.minor_units();
  }
  std::int64_t file_debit = 0, file_credit = 0;
  for (const auto& [account, sides] : back.accounts) {
    file_debit += sides.debit;
    file_credit += sides.credit;
  }
  // Without reversals every account's debit and credit must equal the store's; with them (a
  // Generalumkehr counts negative on its original's sides) the nets.
  std::size_t accounts_equal = 0;
  std::vector<std::string> differing;
  for (const auto& [account, want] : expected) {
    const auto found = back.accounts.find(account);
    const Sides have = found == back.accounts.end() ? Sides{} : found->second;
    const bool same = back.reversals == 0 ? have.debit == want.debit && have.credit == want.credit
                                          : have.debit - have.credit == want.debit - want.credit;
    if (same) {
      ++accounts_equal;
    } else if (differing.size() < 5) {
      differing.push_back(account);
    }
  }
  const bool files_agree = back.problems.empty() && back.records == contra_lines &&
                           accounts_equal == expected.size() &&
                           back.accounts.size() == expected.size() &&
                           batch_bookings == bookings_stored && published == batches.size();

  // --- 4. Floors --------------------------------------------------------------------------------
  const std::optional<FloorOutcome> floors =
      in_child<FloorOutcome>([&] { return run_floors(book_path, dir, per_batch); });
  if (!floors || floors->error.failed) {
    std::fprintf(stderr, "%s\n", floors ? floors->error.message : "floors failed");
    return 1;
  }
  // After the floors (it records batches in the benchmark's own copy of the book).
  const std::optional<InProcessOutcome> in_process = in_child<InProcessOutcome>([&] {
    return run_in_process(book_path, plugin_dir / "kontor-datev.so", dir / "inproc-datev",
                          per_batch);
  });
  if (!in_process || in_process->error.failed) {
    std::fprintf(stderr, "%s\n",
                 in_process ? in_process->error.message : "in-process export failed");
    return 1;
  }
  const ProcessOutcome sqlite_read = run_process(
      {"sqlite3", "-readonly", book_path.string(),
       "SELECT b.id, b.booking_date, b.document_number, b.text, b.reverses, b.facts, b.due_date, "
       "l.position, l.account, l.side, l.amount_minor, l.tax_key FROM bookings b "
       "JOIN booking_lines l ON l.booking_id = b.id ORDER BY b.id, l.position"},
      dir / "sqlite3.out", dir / "sqlite3.err");
  std::uintmax_t sqlite_bytes = 0;
  {
    std::error_code error;
    sqlite_bytes = fs::file_size(dir / "sqlite3.out", error);
    fs::remove(dir / "sqlite3.out", error);
  }

  // --- Report ---------------------------------------------------------------------------------
  std::printf("\nLoad average at the start %s, at the end %s (1, 5, 15 minutes; %ld cores)\n",
              load_at_start.c_str(), load_average().c_str(), sysconf(_SC_NPROCESSORS_ONLN));
  const double recorded = static_cast<double>(ledger->recorded);
  const double exported_count = static_cast<double>(batch_bookings);
  const double floor_count = static_cast<double>(floors->bookings);
  auto rate = [](double count, double seconds) { return seconds > 0 ? count / seconds : 0.0; };
  std::printf("\n| phase | seconds | rate | µs a booking | peak RSS MiB |\n");
  std::printf("| --- | --- | --- | --- | --- |\n");
  std::printf(
      "| 1. generate the store (child; not measured below) | %.1f | %.0f bookings/s | | %.1f |\n",
      generated->seconds, rate(static_cast<double>(facts.expected_bookings()), generated->seconds),
      generated->rss_mib);
  std::printf(
      "| 2. ledger: book_customer(), bookings recorded | %.1f | %.0f bookings/s | %.1f | %.1f |\n",
      ledger->seconds, rate(recorded, ledger->seconds),
      1e6 * ledger->seconds / std::max(1.0, recorded), ledger->rss_mib);
  std::printf(
      "| 2b. ledger rerun, nothing recorded | %.1f | %.0f customers/s (%.0f bookings/s) | "
      "%.1f | %.1f |\n",
      rerun->seconds, rate(static_cast<double>(rerun->customers), rerun->seconds),
      rate(recorded, rerun->seconds), 1e6 * rerun->seconds / std::max(1.0, recorded),
      rerun->rss_mib);
  std::printf(
      "| 3. `kontord --once export` (process, wall) | %.1f | %.0f bookings/s | %.1f | %.1f |\n",
      exported.seconds, rate(exported_count, exported.seconds),
      1e6 * exported.seconds / std::max(1.0, exported_count), exported.rss_mib);
  if (run_seconds >= 0) {
    const double export_only = run_seconds - rerun_in_kontord;
    std::printf("| 3a. of it the job run (store's job_runs) | %.1f | | | |\n", run_seconds);
    std::printf("| 3b. of it the ledger's rerun before the first batch | %.1f | | | |\n",
                rerun_in_kontord);
    std::printf(
        "| 3c. of it the batches: record, stage, publish | %.1f | %.0f bookings/s | %.1f | |\n",
        export_only, rate(exported_count, export_only),
        1e6 * export_only / std::max(1.0, exported_count));
    std::printf(
        "|   recorded → staged (record, read batch, plugin stage: EXTF files written and "
        "synced) | %.1f | | %.1f | |\n",
        record_to_staged, 1e6 * record_to_staged / std::max(1.0, exported_count));
    std::printf(
        "|   staged → published (plugin publish: renames, sync, receipt) | %.1f | | %.1f | |\n",
        staged_to_published, 1e6 * staged_to_published / std::max(1.0, exported_count));
    std::printf(
        "|   published → next batch recorded (mark, choose the next bookings) | %.1f | | %.1f | "
        "|\n",
        between, 1e6 * between / std::max(1.0, exported_count));
  }
  std::printf(
      "| 4a. floor: store read, bookings_after() in batches | %.2f | %.0f bookings/s | %.2f | |\n",
      floors->read_seconds, rate(floor_count, floors->read_seconds),
      1e6 * floors->read_seconds / std::max(1.0, floor_count));
  std::printf(
      "| 4b. floor: minimal writer, 125 columns, one CSV | %.2f | %.0f bookings/s | %.2f | |\n",
      floors->minimal_seconds, rate(floor_count, floors->minimal_seconds),
      1e6 * floors->minimal_seconds / std::max(1.0, floor_count));
  std::printf(
      "| 4c. DATEV format writer alone (plan + write_booking_file, plain files) | %.2f | %.0f "
      "bookings/s | %.2f | |\n",
      floors->format_seconds, rate(floor_count, floors->format_seconds),
      1e6 * floors->format_seconds / std::max(1.0, floor_count));
  std::printf("| 4 (floors' child process) | %.2f | | | %.1f |\n",
              floors->read_seconds + floors->minimal_seconds + floors->format_seconds,
              floors->rss_mib);
  {
    const InProcessOutcome& p = *in_process;
    const double count = std::max(1.0, static_cast<double>(p.bookings));
    const double total = p.record_seconds + p.batch_read_seconds + p.stage_seconds +
                         p.publish_seconds + p.mark_seconds;
    std::printf(
        "| 4e. the export's batches in-process (export_to_target's steps, the real plugin) "
        "| %.2f | %.0f bookings/s | %.2f | %.1f |\n",
        total, rate(count, total), 1e6 * total / count, p.rss_mib);
    const std::pair<const char*, double> parts[] = {
        {"record: watermark, booking_ids_after(), record_export_batch() (one transaction)",
         p.record_seconds},
        {"batch read for staging: bookings_of_batch(), the debtors' customers",
         p.batch_read_seconds},
        {"kontor-datev.so stage() through the plugin ABI (records, EXTF, staging, sync)",
         p.stage_seconds},
        {"kontor-datev.so publish() (renames, sync, receipt)", p.publish_seconds},
        {"marking each batch staged and published (two transactions)", p.mark_seconds},
    };
    for (const auto& [what, seconds] : parts) {
      std::printf("|   %s | %.2f | %.0f bookings/s | %.2f | |\n", what, seconds,
                  rate(count, seconds), 1e6 * seconds / count);
    }
  }
  if (sqlite_read.started && sqlite_read.exit_code == 0) {
    std::printf(
        "| 4d. floor: `sqlite3` SELECT bookings JOIN booking_lines (process) | %.2f | %.0f "
        "bookings/s | %.2f | %.1f |\n",
        sqlite_read.seconds, rate(static_cast<double>(bookings_stored), sqlite_read.seconds),
        1e6 * sqlite_read.seconds / std::max<double>(1, static_cast<double>(bookings_stored)),
        sqlite_read.rss_mib);
  } else {
    std::printf("| 4d. floor: `sqlite3` (not run: exit %d; is sqlite3 on PATH?) | | | | |\n",
                sqlite_read.exit_code);
  }
  std::printf(
      "Children start from the benchmark's %.1f MiB at the fork (%.1f MiB before kontord).\n",
      rss_setup, rss_before_kontord);

  std::printf(
      "\nkontord: exit %d, %.1f s wall, %.1f s CPU; job counts: %lld recorded, %lld amended, %lld "
      "unchanged, %lld exported in %lld batches; the store has %zu batches (%zu published) "
      "carrying %lld bookings\n",
      exported.exit_code, exported.seconds, exported.cpu_seconds, job_count("bookings_recorded"),
      job_count("bookings_amended"), job_count("bookings_unchanged"),
      job_count("bookings_exported"), job_count("batches_published"), batches.size(), published,
      static_cast<long long>(batch_bookings));
  std::printf(
      "DATEV files: %zu Buchungsstapel, %.1f MiB, %lld records (%lld Generalumkehr); %zu "
      "Debitoren/Kreditoren, %.1f MiB, %lld debtor records; %.0f bytes a record\n",
      back.booking_files, mib(back.booking_bytes), static_cast<long long>(back.records),
      static_cast<long long>(back.reversals), back.debtor_files, mib(back.debtor_bytes),
      static_cast<long long>(back.debtors),
      back.records > 0 ? static_cast<double>(back.booking_bytes) / static_cast<double>(back.records)
                       : 0.0);
  std::printf(
      "Check: %lld records for %lld lines beside the debtor's; %zu of %zu accounts agree with "
      "booking_totals() (%s); debit %s / credit %s in the files, %s / %s in the store%s\n",
      static_cast<long long>(back.records), static_cast<long long>(contra_lines), accounts_equal,
      expected.size(), back.reversals == 0 ? "debit and credit" : "nets",
      Money(file_debit, Currency::eur()).to_string().c_str(),
      Money(file_credit, Currency::eur()).to_string().c_str(),
      Money(store_debit, Currency::eur()).to_string().c_str(),
      Money(store_credit, Currency::eur()).to_string().c_str(),
      files_agree ? "" : " — THE FILES DO NOT AGREE WITH THE STORE");
  for (const std::string& problem : back.problems) std::printf("  %s\n", problem.c_str());
  for (const std::string& account : differing)
    std::printf("  account %s differs\n", account.c_str());
  std::printf(
      "Floors: %lld bookings in %lld batches; minimal writer %lld records, %.1f MiB; format "
      "writer %lld records in %lld files, %.1f MiB, %lld errors; sqlite3 printed %.1f MiB\n",
      floors->bookings, floors->batches, floors->minimal_records,
      mib(static_cast<std::uintmax_t>(floors->minimal_bytes)), floors->format_records,
      floors->format_files, mib(static_cast<std::uintmax_t>(floors->format_bytes)),
      floors->format_errors, mib(sqlite_bytes));
  std::printf("Databases: generated %.1f MiB, booked %.1f MiB, after the export %.1f MiB\n",
              mib(generated_bytes), mib(booked_bytes), mib(database_bytes(export_path)));
  if (run_seconds >= 0) {
    const double export_only = run_seconds - rerun_in_kontord;
    std::printf(
        "\nThe export's batches take %.2f x the DATEV format writer alone, %.2f x the minimal "
        "writer, %.2f x store read + minimal writer; DATEV's format writer (checks, Windows-1252, "
        "a "
        "file per period) takes %.2f x the minimal writer's time.\n",
        export_only / floors->format_seconds, export_only / floors->minimal_seconds,
        export_only / (floors->read_seconds + floors->minimal_seconds),
        floors->format_seconds / floors->minimal_seconds);
  }
  std::printf(
      "In-process the plugin's stage() takes %.2f x the format writer alone; the store's part of "
      "the batches (record, batch read, marks) is %.0f %% of them.\n",
      in_process->stage_seconds / floors->format_seconds,
      100.0 *
          (in_process->record_seconds + in_process->batch_read_seconds + in_process->mark_seconds) /
          (in_process->record_seconds + in_process->batch_read_seconds + in_process->stage_seconds +
           in_process->publish_seconds + in_process->mark_seconds));
  const bool floors_agree = floors->bookings == bookings_stored &&
                            floors->minimal_records == contra_lines &&
                            floors->format_records == contra_lines && floors->format_errors == 0 &&
                            in_process->bookings == bookings_stored;
  if (!floors_agree) std::printf("THE FLOORS DID NOT WRITE THE SAME RECORDS\n");
  if (rerun->recorded != 0 || rerun->amended != 0) std::printf("THE RERUN BOOKED AGAIN\n");
  if (keep) std::printf("Kept: %s\n", dir.c_str());
  return files_agree && floors_agree && rerun->recorded == 0 && rerun->amended == 0 ? 0 : 1;
}
