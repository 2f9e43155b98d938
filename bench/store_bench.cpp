// store_bench: how fast the SQLite store takes in open items and bank transactions, measured
// against the floor of the same machine in the same run — the sqlite3 shell's `.import` of
// the same rows as CSV into equivalent bare tables (no keys, no indexes, no events).
//
//   store_bench [--rows N] [--dir DIR] [--statement-size K]
//
// Writes DIR/store.db, DIR/floor.db and two CSV files (DIR defaults to a fresh directory under
// /tmp, removed afterwards unless --dir is given). Data is generated deterministically, one
// row at a time, so the process holds no more than one statement of rows. See README.md.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "kontor/model/creditor_reference.hpp"
#include "store/sqlite_store.hpp"

namespace {

using kontor::BankStatement;
using kontor::BankTransaction;
using kontor::Currency;
using kontor::Customer;
using kontor::Date;
using kontor::Money;
using kontor::OpenItem;
using kontor::Status;
using kontor::store::SqliteOptions;
using kontor::store::SqliteStore;
using kontor::store::Transaction;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

constexpr std::string_view kAccount = "DE02120300000000202051";

struct Options {
  std::int64_t rows = 1000000;
  std::int64_t statement_size = 10000;
  std::string dir;
};

// A stable pseudo-random number for row `i` (splitmix64), so every run sees the same data.
std::uint64_t mix(std::uint64_t i) {
  std::uint64_t z = i + 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::int64_t customer_count(const Options& o) {
  return std::max<std::int64_t>(1, o.rows / 10);
}

std::string customer_number(std::int64_t c) {
  return fmt::format("K-{:06}", c);
}

Date base_date() {
  return *Date::parse_iso("2026-01-01");
}

Customer make_customer(std::int64_t c) {
  Customer customer;
  customer.number = customer_number(c);
  customer.name = fmt::format("Kunde {} GmbH", c);
  customer.address = {fmt::format("Hauptstr. {}", c % 200 + 1), "50667", "Köln", "DE"};
  customer.email = fmt::format("buchhaltung@kunde{}.example", c);
  customer.language = "de";
  customer.kind = kontor::CustomerKind::business;
  return customer;
}

OpenItem make_item(const Options& o, std::int64_t i) {
  OpenItem item;
  item.number = fmt::format("RE-{:08}", i);
  item.customer_number = customer_number(i % customer_count(o));
  item.issue_date = *base_date().add_days(i % 300);
  item.due_date = *item.issue_date->add_days(14);
  item.gross = Money(static_cast<std::int64_t>(1000 + mix(i) % 1000000), Currency::eur());
  item.open = item.gross;
  item.rf_reference = *kontor::CreditorReference::from_number(item.number);
  item.debtor_account = fmt::format("1{:05}", i % customer_count(o) % 100000);
  return item;
}

BankTransaction make_transaction(std::int64_t j, std::int64_t statement_size) {
  BankTransaction t;
  t.account = std::string(kAccount);
  t.booking_date = *base_date().add_days(j / statement_size % 3000);
  t.value_date = t.booking_date;
  t.amount = Money(static_cast<std::int64_t>(100 + mix(j + 7) % 500000), Currency::eur());
  t.counterparty_name = fmt::format("Kunde {} GmbH", j % 100000);
  t.counterparty_account = fmt::format("DE{:020}", mix(j) % 10000000000000000000ULL);
  t.remittance = fmt::format("RE-{:08} Rechnung vom {}", j, t.booking_date.to_iso());
  t.end_to_end_id = fmt::format("E2E-{:010}", j);
  t.bank_reference = fmt::format("REF{:012}", j);
  t.bank_transaction_code = "PMNT/RCDT/ESCT";
  return t;
}

BankStatement make_statement(const Options& o, std::int64_t s) {
  BankStatement statement;
  statement.account = std::string(kAccount);
  statement.id = fmt::format("STMT-{:06}", s);
  statement.sequence = std::to_string(s + 1);
  const std::int64_t first = s * o.statement_size;
  const std::int64_t last = std::min(o.rows, first + o.statement_size);
  for (std::int64_t j = first; j < last; ++j) {
    statement.transactions.push_back(make_transaction(j, o.statement_size));
  }
  return statement;
}

std::int64_t statement_count(const Options& o) {
  return (o.rows + o.statement_size - 1) / o.statement_size;
}

std::int64_t micros_since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start).count();
}

std::int64_t peak_rss_kib(int who) {
  rusage usage{};
  getrusage(who, &usage);
  return usage.ru_maxrss;
}

std::uintmax_t size_of(const fs::path& path) {
  std::error_code ignored;
  const std::uintmax_t size = fs::file_size(path, ignored);
  return ignored ? 0 : size;
}

// "1.234" for 1234 thousandths, without floating point.
std::string thousandths(std::int64_t value) {
  return fmt::format("{}.{:03}", value / 1000, value % 1000);
}

struct Measurement {
  std::string what;
  std::int64_t rows = 0;
  std::int64_t micros = 0;
  std::int64_t rows_per_second() const { return micros > 0 ? rows * 1000000 / micros : 0; }
};

void print(const Measurement& m) {
  fmt::print("  {:<52} {:>9} rows {:>9} s {:>10} rows/s\n", m.what, m.rows,
             thousandths(m.micros / 1000), m.rows_per_second());
}

std::string csv_field(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// The same rows as the store's open_items table holds, one CSV line each.
void write_items_csv(const Options& o, const fs::path& path) {
  std::ofstream out(path);
  for (std::int64_t i = 0; i < o.rows; ++i) {
    const OpenItem item = make_item(o, i);
    out << fmt::format("{},{},invoice,{},{},0,0,EUR,{},{},{},,,0,,,\"\",\"\",{},\"\",0\n",
                       csv_field(item.number), csv_field(item.customer_number),
                       item.issue_date->to_iso(), item.due_date.to_iso(), item.gross.minor_units(),
                       item.gross.minor_units(), item.rf_reference->electronic(),
                       csv_field(item.debtor_account));
  }
}

// The same rows as the store's bank_transactions table holds (identities as the store computes
// them), one CSV line each.
void write_transactions_csv(const Options& o, const fs::path& path) {
  std::ofstream out(path);
  std::int64_t id = 0;
  for (std::int64_t s = 0; s < statement_count(o); ++s) {
    BankStatement statement = make_statement(o, s);
    kontor::assign_identities(statement.transactions);
    for (std::size_t k = 0; k < statement.transactions.size(); ++k) {
      const BankTransaction& t = statement.transactions[k];
      out << fmt::format(
          "{},{},{},{},{},{},{},EUR,{},{},{},\"\",{},{},\"\",\"\",{},{},\"\",BOOK,0,0\n", ++id,
          t.identity, s + 1, k, t.account, t.booking_date.to_iso(), t.value_date->to_iso(),
          t.amount.minor_units(), csv_field(t.counterparty_name), csv_field(t.counterparty_account),
          csv_field(t.remittance), csv_field(t.end_to_end_id), csv_field(t.bank_reference),
          csv_field(t.bank_transaction_code));
    }
  }
}

constexpr std::string_view kFloorSchema = R"sql(
PRAGMA journal_mode = WAL;
CREATE TABLE open_items (number TEXT, customer_number TEXT, type TEXT, issue_date TEXT,
  due_date TEXT, due_date_agreed INTEGER, dunning_notice_on_invoice INTEGER, currency TEXT,
  gross_minor INTEGER, open_minor INTEGER, rf_reference TEXT, skonto_percent TEXT,
  skonto_until TEXT, dunning_level INTEGER, dunning_block_reason TEXT,
  dunning_block_until TEXT, refers_to TEXT, notice_number TEXT, debtor_account TEXT,
  document_path TEXT, settled_externally INTEGER);
CREATE TABLE bank_transactions (id INTEGER, identity TEXT, statement INTEGER,
  position INTEGER, account TEXT, booking_date TEXT, value_date TEXT, currency TEXT,
  amount_minor INTEGER, counterparty_name TEXT, counterparty_account TEXT,
  counterparty_bic TEXT, remittance TEXT, end_to_end_id TEXT, mandate_id TEXT,
  creditor_id TEXT, bank_reference TEXT, bank_transaction_code TEXT, return_reason TEXT,
  status TEXT, provisional INTEGER, batch_position INTEGER);
)sql";

struct ChildRun {
  bool ok = false;
  std::int64_t micros = 0;
  std::int64_t peak_rss_kib = 0;
};

// Runs `sqlite3 DB` with `script` on its standard input; the time includes starting it.
ChildRun run_sqlite3(const fs::path& db, std::string_view script) {
  int input[2];
  if (pipe(input) != 0) return {};
  const Clock::time_point start = Clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(input[0], STDIN_FILENO);
    const int null = open("/dev/null", O_WRONLY);
    if (null >= 0) dup2(null, STDOUT_FILENO);  // PRAGMA answers; errors still go to stderr
    close(input[0]);
    close(input[1]);
    execlp("sqlite3", "sqlite3", "-batch", db.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close(input[0]);
  std::string_view rest = script;
  while (!rest.empty()) {
    const ssize_t written = write(input[1], rest.data(), rest.size());
    if (written <= 0) break;
    rest.remove_prefix(static_cast<std::size_t>(written));
  }
  close(input[1]);
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  return {WIFEXITED(status) && WEXITSTATUS(status) == 0, micros_since(start), usage.ru_maxrss};
}

int fail(const std::string& message) {
  fmt::print(stderr, "store_bench: {}\n", message);
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int k = 1; k + 1 < argc; k += 2) {
    const std::string flag = argv[k];
    if (flag == "--rows") {
      o.rows = std::strtoll(argv[k + 1], nullptr, 10);
    } else if (flag == "--statement-size") {
      o.statement_size = std::strtoll(argv[k + 1], nullptr, 10);
    } else if (flag == "--dir") {
      o.dir = argv[k + 1];
    } else {
      return fail("unknown option " + flag + " (use --rows N, --statement-size K, --dir DIR)");
    }
  }
  if (o.rows <= 0 || o.statement_size <= 0) return fail("--rows and --statement-size must be > 0");
  const bool scratch = o.dir.empty();
  if (scratch) {
    std::string pattern = (fs::temp_directory_path() / "kontor-store-bench-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) return fail("cannot create a scratch directory");
    o.dir = pattern;
  }
  const fs::path dir = o.dir;
  fs::create_directories(dir);
  for (const char* name :
       {"store.db", "store.db-wal", "store.db-shm", "floor.db", "floor.db-wal", "floor.db-shm"}) {
    fs::remove(dir / name);
  }
  fmt::print(
      "Kontor store benchmark: {} open items and {} bank transactions ({} per statement)\n"
      "in {}\n\n",
      o.rows, o.rows, o.statement_size, dir.string());
  std::vector<Measurement> results;

  // What generating the rows alone costs, to tell it apart from the store's work.
  {
    const Clock::time_point start = Clock::now();
    std::int64_t checksum = 0;
    for (std::int64_t i = 0; i < o.rows; ++i) checksum += make_item(o, i).gross.minor_units();
    for (std::int64_t s = 0; s < statement_count(o); ++s) {
      checksum += static_cast<std::int64_t>(make_statement(o, s).transactions.size());
    }
    results.push_back({"generating items + transactions (no store)", 2 * o.rows,
                       micros_since(start) + (checksum == 0 ? 1 : 0)});
  }

  // The floor first, while this process is still small: a forked child's peak RSS counts the
  // parent's resident memory at the fork. The same rows through the sqlite3 shell into bare
  // tables.
  write_items_csv(o, dir / "items.csv");
  write_transactions_csv(o, dir / "transactions.csv");
  const ChildRun schema = run_sqlite3(dir / "floor.db", kFloorSchema);
  const ChildRun items =
      run_sqlite3(dir / "floor.db",
                  fmt::format(".mode csv\n.import {} open_items\n", (dir / "items.csv").string()));
  const ChildRun transactions =
      run_sqlite3(dir / "floor.db", fmt::format(".mode csv\n.import {} bank_transactions\n",
                                                (dir / "transactions.csv").string()));
  const bool floor_ok = schema.ok && items.ok && transactions.ok;
  if (floor_ok) {
    results.push_back({"floor: sqlite3 .import open items", o.rows, items.micros});
    results.push_back({"floor: sqlite3 .import bank transactions", o.rows, transactions.micros});
  }
  const std::uintmax_t floor_bytes = size_of(dir / "floor.db") + size_of(dir / "floor.db-wal");

  SqliteOptions options;
  options.path = (dir / "store.db").string();
  auto opened = SqliteStore::open(options);
  if (!opened) return fail(opened.error().message);
  std::unique_ptr<SqliteStore> owned = std::move(opened).value();
  SqliteStore& store = *owned;

  auto timed_step = [&](std::string what, std::int64_t rows,
                        const std::function<Status(Transaction&)>& body) -> bool {
    const Clock::time_point start = Clock::now();
    Status status = store.transact("engine:bench", what, body);
    if (!status) {
      fail(what + ": " + status.error().message);
      return false;
    }
    results.push_back({std::move(what), rows, micros_since(start)});
    return true;
  };

  if (!timed_step("store: customers (one step)", customer_count(o), [&](Transaction& tx) -> Status {
        for (std::int64_t c = 0; c < customer_count(o); ++c) {
          if (auto r = tx.upsert_customer(make_customer(c)); !r) return r.error();
        }
        return {};
      })) {
    return 1;
  }
  if (!timed_step("store: open items (one step)", o.rows, [&](Transaction& tx) -> Status {
        for (std::int64_t i = 0; i < o.rows; ++i) {
          if (auto r = tx.upsert_open_item(make_item(o, i)); !r) return r.error();
        }
        return {};
      })) {
    return 1;
  }
  const Measurement store_items = results.back();
  const std::int64_t rss_after_items = peak_rss_kib(RUSAGE_SELF);
  Measurement store_transactions;
  {
    Measurement m{fmt::format("store: bank transactions ({} steps)", statement_count(o)), o.rows,
                  0};
    for (std::int64_t s = 0; s < statement_count(o); ++s) {
      const BankStatement statement = make_statement(o, s);
      const Clock::time_point start = Clock::now();
      Status status = store.transact("engine:bench", statement.id, [&](Transaction& tx) -> Status {
        auto imported = tx.insert_statement(statement);
        if (!imported) return imported.error();
        return {};
      });
      m.micros += micros_since(start);
      if (!status) return fail(status.error().message);
    }
    results.push_back(m);
    store_transactions = m;
  }
  {
    // The same transactions again, in statements of other ids (an MT940 export of the days
    // a camt.053 already brought): every identity is looked up and found, nothing is added.
    Measurement m{"store: same transactions again (all already there)", o.rows, 0};
    for (std::int64_t s = 0; s < statement_count(o); ++s) {
      BankStatement statement = make_statement(o, s);
      statement.id = "AGAIN-" + statement.id;
      const Clock::time_point start = Clock::now();
      std::int64_t inserted = 0;
      Status status = store.transact("engine:bench", statement.id, [&](Transaction& tx) -> Status {
        auto imported = tx.insert_statement(statement);
        if (!imported) return imported.error();
        inserted += imported->transactions_inserted;
        return {};
      });
      m.micros += micros_since(start);
      if (!status) return fail(status.error().message);
      if (inserted != 0) return fail("re-import inserted transactions");
    }
    results.push_back(m);
  }
  const std::int64_t rss_store = peak_rss_kib(RUSAGE_SELF);
  owned.reset();  // closes the database, checkpointing the WAL into the file
  const std::uintmax_t store_bytes = size_of(dir / "store.db") + size_of(dir / "store.db-wal");

  for (const Measurement& m : results) print(m);
  fmt::print("\n");
  if (floor_ok) {
    auto ratio = [&](const Measurement& store_m, const ChildRun& floor) {
      return thousandths(store_m.micros > 0 ? floor.micros * 1000 / store_m.micros : 0);
    };
    fmt::print("  store speed as a share of the floor: open items {}, bank transactions {}\n",
               ratio(store_items, items), ratio(store_transactions, transactions));
  } else {
    fmt::print("  floor skipped: the sqlite3 shell is missing or failed (apt install sqlite3)\n");
  }
  fmt::print("  database size: store {} MiB (with events and indexes), floor {} MiB\n",
             store_bytes >> 20, floor_bytes >> 20);
  fmt::print(
      "  peak RSS: store process {} MiB after the items, {} MiB at the end; "
      "sqlite3 .import {} MiB\n",
      rss_after_items >> 10, rss_store >> 10,
      std::max(items.peak_rss_kib, transactions.peak_rss_kib) >> 10);
  if (scratch) fs::remove_all(dir);
  return 0;
}
