// reports_bench: how long the account manager's reports (issue 16) take on a store of about
// 1,000,000 items — aging as of a past day, the year-end open-items list as CSV, a month's
// activity and DSO — against floors measured in the same run on the same database.
//
//   reports_bench [--items 1000000] [--customers N] [--seed 1] [--dir /var/tmp] [--keep]
//                 [--read-cache-mib 8] [--store PATH]
//
// --store measures a store kept by an earlier run (--keep) instead of generating one;
// --read-cache-mib sets the page cache of the store's read connection (and the floors'), 8 MiB
// by default as kontord's (SqliteOptions::read_cache_kib).
//
// The store (export_book.hpp, written through the Store's Transaction API as kontord's imports
// and the reconcile engine write it): two years of it, 2025 and 2026, each a call of
// generate_export_book — customers K10001… (by default about one per 20 items, at most 60,000),
// invoices spread over the year with due dates, dunning fee and interest items, the payments as
// daily bank statements with their allocations and posted reconciliations; about six invoices in
// seven are settled (most in full, some in two parts), the rest and the fee and interest items
// stay open. The events are dated at the start of each year by an injected clock, so that a
// report as of a day of the book sees what was imported by then (items count from their import,
// see Reader::receivables_as_of).
//
// Phases, each in a child process that opens the store afresh (its peak RSS is its own) and runs
// the phase three times; the median is reported, so the page cache is warm for it:
//   floor    `SELECT COUNT(*), SUM(open_minor) FROM open_items WHERE open_minor <> 0` through the
//            sqlite3 C API on a read-only connection of the same page cache size as the store's
//            read connection;
//   peer     every row of open_items read through the C API, every column fetched;
//   aging    as of 30 June 2026: Reader::receivables_as_of + reports::age_receivables;
//   year-end the open-items list as of 31 December 2026 as CSV (receivables_as_of,
//            age_receivables, open_items_csv), written to a file in the scratch directory;
//            its total must equal the floor's sum (every allocation of the book is dated by then),
//            else the run fails;
//   activity November 2026: Reader::activity;
//   DSO      November 2026: receivables_as_of at its end + Reader::invoiced +
//            reports::days_sales_outstanding.
// Days are Europe/Berlin's. Timed with steady_clock and reported, never asserted; beside the
// wall time the CPU time (user + system) and the blocks read from disk of each run, and peak RSS,
// by getrusage. Amounts are exact (minor units); only times, rates and sizes are floating point.
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bench_process.hpp"
#include "export_book.hpp"
#include "reports/aging.hpp"
#include "reports/dso.hpp"
#include "reports/open_items_csv.hpp"
#include "reports/report_calendar.hpp"
#include "store/sqlite_store.hpp"

namespace {

using namespace kontor;
namespace fs = std::filesystem;
using bench::ChildError;
using bench::in_child;
using bench::load_average;
using bench::mib;
using bench::peak_rss_mib;
using bench::seconds_since;
using Steady = bench::Steady;

constexpr const char* kCompanyIban = "DE02370502990000684712";
constexpr const char* kZone = "Europe/Berlin";
constexpr int kFirstYear = 2025;
constexpr int kYears = 2;
constexpr int kRuns = 3;
// Items per invoice in the book: dunning fee and interest items come on top (measured on the
// export benchmark's book: 988,350 items for 900,393 invoices).
constexpr double kItemsPerInvoice = 1.0977;
// The store's read connection's page cache (SqliteOptions::read_cache_kib), for the floors too.
std::int64_t read_cache_kib = 8192;

// --- The book ------------------------------------------------------------------------------------

// generate_export_book's invoices per customer for `mean` (its Planner: half the mean, plus 0 to
// the mean).
double invoices_per_customer(std::uint64_t mean) {
  return static_cast<double>(std::max<std::uint64_t>(1, mean / 2)) +
         static_cast<double>(mean) / 2.0;
}

struct BookPlan {
  std::size_t customers = 0;
  std::size_t bookings_per_year = 0;  // generate_export_book's `bookings`
};

// Customers and a mean of invoices per customer and year that make about `items` items in
// kYears years. Without `customers`, one customer per 20 items (at most 50,000), moved so that
// the (whole) mean lands near `items`.
BookPlan plan_book(std::size_t items, std::size_t customers) {
  const bool chosen = customers != 0;
  if (!chosen) customers = std::clamp<std::size_t>(items / 20, 1, 50'000);
  const double per_customer_year =
      static_cast<double>(items) / kYears / static_cast<double>(customers) / kItemsPerInvoice;
  std::uint64_t mean = 2;
  for (std::uint64_t m = 2; m < 10'000; ++m) {
    if (std::abs(invoices_per_customer(m) - per_customer_year) <
        std::abs(invoices_per_customer(mean) - per_customer_year)) {
      mean = m;
    }
  }
  if (!chosen) {
    customers = static_cast<std::size_t>(std::llround(
        static_cast<double>(items) / kYears / (invoices_per_customer(mean) * kItemsPerInvoice)));
    customers = std::clamp<std::size_t>(customers, 1, bench::kMaxExportBookCustomers);
  }
  // The Planner's mean is bookings × 10 / 11 / customers (integer division): round up.
  const std::size_t bookings = (mean * customers * 11 + 9) / 10;
  return BookPlan{.customers = customers, .bookings_per_year = bookings};
}

struct GenerateOutcome {
  ChildError error;
  double seconds = 0;
  double rss_mib = 0;
};

GenerateOutcome generate(const fs::path& path, const BookPlan& plan, std::uint64_t seed) {
  GenerateOutcome out;
  const Steady::time_point start = Steady::now();
  // Each year's import and reconciliation are recorded from 06:00 UTC on its 1 January on, a
  // microsecond apart: the book's items count from then on, and nothing waits for the wall clock.
  std::chrono::sys_time<std::chrono::microseconds> now;
  store::SqliteOptions options;
  options.path = path.string();
  options.clock = [&now] {
    now += std::chrono::microseconds(1);
    return now;
  };
  auto opened = store::SqliteStore::open(std::move(options));
  if (!opened) {
    out.error.set("open store", opened.error().message);
    return out;
  }
  std::unique_ptr<store::SqliteStore> owned = std::move(opened).value();
  for (int year = 0; year < kYears; ++year) {
    now =
        std::chrono::sys_days(std::chrono::year(kFirstYear + year) / 1 / 1) + std::chrono::hours(6);
    const Result<bench::ExportBookFacts> facts =
        bench::generate_export_book(*owned, {.customers = plan.customers,
                                             .bookings = plan.bookings_per_year,
                                             .seed = seed + static_cast<std::uint64_t>(year),
                                             .year = kFirstYear + year,
                                             .account = kCompanyIban,
                                             .customers_per_step = 2'000});
    if (!facts) {
      out.error.set("generate", facts.error().message);
      return out;
    }
  }
  owned.reset();  // closed before the child leaves: the log is checkpointed
  out.seconds = seconds_since(start);
  out.rss_mib = peak_rss_mib();
  return out;
}

// --- Plain SQLite ------------------------------------------------------------------------------

class Database {
 public:
  explicit Database(const fs::path& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
      error_ = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
      return;
    }
    exec(fmt::format("PRAGMA cache_size = -{}", read_cache_kib));
  }
  ~Database() { sqlite3_close(db_); }
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  const std::string& error() const { return error_; }

  // Runs `sql`, calling `row` for each row; false (and error()) when SQLite fails.
  bool query(const std::string& sql, const std::function<void(sqlite3_stmt*)>& row = {}) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
      error_ = sqlite3_errmsg(db_);
      return false;
    }
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
      if (row) row(statement);
    }
    sqlite3_finalize(statement);
    if (step != SQLITE_DONE) {
      error_ = sqlite3_errmsg(db_);
      return false;
    }
    return true;
  }

  bool exec(const std::string& sql) { return query(sql); }

  std::int64_t number(const std::string& sql) {
    std::int64_t value = -1;
    query(sql, [&](sqlite3_stmt* statement) { value = sqlite3_column_int64(statement, 0); });
    return value;
  }

 private:
  sqlite3* db_ = nullptr;
  std::string error_;
};

// --- Phases ------------------------------------------------------------------------------------

// What one run of a phase found; the same in every run.
struct RunResult {
  std::int64_t rows = 0;         // items listed, rows read
  std::int64_t total_minor = 0;  // the sum it found, where it has one
  std::int64_t bytes = 0;        // CSV written
  double split_seconds = 0;      // the store read's part of the run, where it has one
  std::string summary;
};

struct PhaseOutcome {
  ChildError error;
  double seconds[kRuns] = {};
  double cpu_seconds[kRuns] = {};
  std::int64_t blocks_read[kRuns] = {};  // from disk, 512 bytes each
  double split_seconds[kRuns] = {};
  std::int64_t rows = 0;
  std::int64_t total_minor = 0;
  std::int64_t bytes = 0;
  char summary[512] = {};
  double rss_mib = 0;

  // The run of the median wall time.
  int median_run() const {
    int order[kRuns];
    for (int i = 0; i < kRuns; ++i) order[i] = i;
    std::sort(std::begin(order), std::end(order),
              [this](int a, int b) { return seconds[a] < seconds[b]; });
    return order[kRuns / 2];
  }
  double median() const { return seconds[median_run()]; }
};

double cpu_seconds(const rusage& usage) {
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// Runs `run` kRuns times in a child process, timing each.
PhaseOutcome measure(const std::function<Result<RunResult>()>& run) {
  const std::optional<PhaseOutcome> outcome = in_child<PhaseOutcome>([&] {
    PhaseOutcome out;
    for (int i = 0; i < kRuns; ++i) {
      rusage before{};
      getrusage(RUSAGE_SELF, &before);
      const Steady::time_point start = Steady::now();
      Result<RunResult> result = run();
      out.seconds[i] = seconds_since(start);
      rusage after{};
      getrusage(RUSAGE_SELF, &after);
      out.cpu_seconds[i] = cpu_seconds(after) - cpu_seconds(before);
      out.blocks_read[i] = after.ru_inblock - before.ru_inblock;
      if (!result) {
        out.error.set("run", result.error().message);
        return out;
      }
      if (i > 0 && (result->rows != out.rows || result->total_minor != out.total_minor)) {
        out.error.set("run", "a run found other rows than the first");
        return out;
      }
      out.split_seconds[i] = result->split_seconds;
      out.rows = result->rows;
      out.total_minor = result->total_minor;
      out.bytes = result->bytes;
      std::snprintf(out.summary, sizeof out.summary, "%s", result->summary.c_str());
    }
    out.rss_mib = peak_rss_mib();
    return out;
  });
  if (!outcome) {
    PhaseOutcome failed;
    failed.error.set("phase", "the child process failed");
    return failed;
  }
  return *outcome;
}

Result<std::unique_ptr<store::SqliteStore>> open_store(const fs::path& path) {
  store::SqliteOptions options;
  options.path = path.string();
  options.read_cache_kib = read_cache_kib;
  return store::SqliteStore::open(std::move(options));
}

std::string euros(std::int64_t minor) {
  return Money(minor, Currency::eur()).format(Notation::point());
}

Result<std::vector<store::ReceivableAsOf>> receivables(store::Store& store,
                                                       const store::ReportDay& day) {
  std::vector<store::ReceivableAsOf> items;
  const Status read = store.read([&](store::Reader& reader) -> Status {
    auto found =
        reader.receivables_as_of(store::ReceivablesQuery{.as_of = day, .customer_number = ""});
    if (!found) return found.error();
    items = std::move(found).value();
    return {};
  });
  if (!read) return read.error();
  return items;
}

// The EUR totals of an aging report: its items and every bucket.
RunResult aging_result(const reports::AgingReport& report) {
  RunResult result;
  result.rows = static_cast<std::int64_t>(report.items.size());
  for (const reports::AgingTotals& totals : report.totals) {
    if (totals.currency != Currency::eur()) continue;
    result.total_minor = totals.total.minor_units();
    result.summary = fmt::format(
        "{} customers; not due {}, 1–30 {}, 31–60 {}, 61–90 {}, over 90 {}, credits {}, total {}",
        report.customers.size(), euros(totals.buckets[0].minor_units()),
        euros(totals.buckets[1].minor_units()), euros(totals.buckets[2].minor_units()),
        euros(totals.buckets[3].minor_units()), euros(totals.buckets[4].minor_units()),
        euros(totals.credits.minor_units()), euros(totals.total.minor_units()));
  }
  return result;
}

// The aging report as of the end of `day`, and how long reading the store took of it.
struct AgedReport {
  reports::AgingReport report;
  double read_seconds = 0;
};

Result<AgedReport> aged_report(store::Store& store, const Date& day) {
  Result<store::ReportDay> report_day = reports::report_day(day, kZone);
  if (!report_day) return report_day.error();
  const Steady::time_point start = Steady::now();
  auto items = receivables(store, *report_day);
  if (!items) return items.error();
  const double read_seconds = seconds_since(start);
  Result<reports::AgingReport> report = reports::age_receivables(day, std::move(items).value());
  if (!report) return report.error();
  return AgedReport{.report = std::move(report).value(), .read_seconds = read_seconds};
}

Result<RunResult> aging_run(store::Store& store, const Date& day) {
  Result<AgedReport> aged = aged_report(store, day);
  if (!aged) return aged.error();
  RunResult result = aging_result(aged->report);
  result.split_seconds = aged->read_seconds;
  return result;
}

Result<RunResult> year_end_run(store::Store& store, const Date& day, const fs::path& csv_path) {
  Result<AgedReport> aged = aged_report(store, day);
  if (!aged) return aged.error();
  const std::string csv = reports::open_items_csv(aged->report);
  std::ofstream out(csv_path, std::ios::binary | std::ios::trunc);
  out.write(csv.data(), static_cast<std::streamsize>(csv.size()));
  out.close();
  if (!out) return Error{"could not write " + csv_path.string()};
  RunResult result = aging_result(aged->report);
  result.bytes = static_cast<std::int64_t>(csv.size());
  result.split_seconds = aged->read_seconds;
  return result;
}

Result<RunResult> activity_run(store::Store& store, const store::ReportPeriod& period) {
  store::ActivityFigures figures;
  const Status read = store.read([&](store::Reader& reader) -> Status {
    auto found = reader.activity(period);
    if (!found) return found.error();
    figures = std::move(found).value();
    return {};
  });
  if (!read) return read.error();
  RunResult result;
  for (const store::CurrencyTally& tally : figures.payments_posted) {
    result.rows += tally.count;
    result.total_minor += tally.amount.minor_units();
  }
  result.summary =
      fmt::format("{} payments posted, {}; {} notice tallies, {} write-off tallies", result.rows,
                  euros(result.total_minor), figures.notices.size(), figures.write_offs.size());
  return result;
}

Result<RunResult> dso_run(store::Store& store, const store::ReportPeriod& period) {
  const Steady::time_point start = Steady::now();
  std::vector<store::ReceivableAsOf> open;
  std::vector<store::CurrencyTally> sales;
  double read_seconds = 0;
  const Status read = store.read([&](store::Reader& reader) -> Status {
    auto found = reader.receivables_as_of(store::ReceivablesQuery{
        .as_of = store::ReportDay{.day = period.last, .ends = period.ends}, .customer_number = ""});
    if (!found) return found.error();
    open = std::move(found).value();
    read_seconds = seconds_since(start);
    auto invoiced = reader.invoiced(period);
    if (!invoiced) return invoiced.error();
    sales = std::move(invoiced).value();
    return {};
  });
  if (!read) return read.error();
  RunResult result;
  result.rows = static_cast<std::int64_t>(open.size());
  result.split_seconds = read_seconds;
  for (const reports::DsoFigure& figure :
       reports::days_sales_outstanding(open, sales, reports::days_in(period))) {
    result.total_minor += figure.receivables.minor_units();
    result.summary += fmt::format(
        "{}{}: receivables {}, sales {} ({} invoices), DSO {} days",
        result.summary.empty() ? "" : "; ", figure.currency.code(),
        euros(figure.receivables.minor_units()), euros(figure.sales.minor_units()), figure.invoices,
        figure.tenths ? reports::tenths_text(*figure.tenths) : std::string("none"));
  }
  return result;
}

int usage() {
  std::fprintf(stderr,
               "usage: reports_bench [--items N] [--customers N] [--seed S] [--dir DIR] "
               "[--keep] [--read-cache-mib M] [--store PATH]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t item_count = 1'000'000;
  std::size_t customer_count = 0;
  std::uint64_t seed = 1;
  fs::path parent = "/var/tmp";
  fs::path kept_store;
  bool keep = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--keep") {
      keep = true;
    } else if (arg == "--items" && i + 1 < argc) {
      item_count = std::strtoull(argv[++i], nullptr, 10);
    } else if (arg == "--customers" && i + 1 < argc) {
      customer_count = std::strtoull(argv[++i], nullptr, 10);
    } else if (arg == "--seed" && i + 1 < argc) {
      seed = std::strtoull(argv[++i], nullptr, 10);
    } else if (arg == "--dir" && i + 1 < argc) {
      parent = argv[++i];
    } else if (arg == "--store" && i + 1 < argc) {
      kept_store = argv[++i];
    } else if (arg == "--read-cache-mib" && i + 1 < argc) {
      read_cache_kib = std::strtoll(argv[++i], nullptr, 10) * 1024;
    } else {
      return usage();
    }
  }
  if (item_count < 100 || customer_count > bench::kMaxExportBookCustomers || read_cache_kib <= 0) {
    std::fprintf(stderr, "reports_bench: at least 100 items, at most %zu customers\n",
                 bench::kMaxExportBookCustomers);
    return usage();
  }

  // A scratch directory, removed at the end unless --keep.
  fs::create_directories(parent);
  std::string pattern = (fs::absolute(parent) / "kontor-reports-XXXXXX").string();
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
  const fs::path book = kept_store.empty() ? dir / "kontor.db" : kept_store;
  const fs::path csv_path = dir / "open-items-2026-12-31.csv";
  const std::string load_at_start = load_average();

  // --- The store, generated in a child process --------------------------------------------------
  if (kept_store.empty()) {
    const BookPlan plan = plan_book(item_count, customer_count);
    const std::optional<GenerateOutcome> generated =
        in_child<GenerateOutcome>([&] { return generate(book, plan, seed); });
    if (!generated || generated->error.failed) {
      std::fprintf(stderr, "%s\n", generated ? generated->error.message : "generator failed");
      return 1;
    }
    std::printf("generated %zu customers over %d–%d in %.1f s (peak RSS %.1f MiB), seed %llu\n",
                plan.customers, kFirstYear, kFirstYear + kYears - 1, generated->seconds,
                generated->rss_mib, static_cast<unsigned long long>(seed));
  } else if (!fs::exists(book)) {
    std::fprintf(stderr, "reports_bench: no store %s\n", book.c_str());
    return 1;
  }
  std::int64_t items = 0;
  {
    Database db(book);
    items = db.number("SELECT COUNT(*) FROM open_items");
    const std::string counts = fmt::format(
        "{} customers; {} items ({} invoices, {} dunning fee and {} interest items), {} of them "
        "open now; {} bank transactions, {} allocations, {} events",
        db.number("SELECT COUNT(*) FROM customers"), items,
        db.number("SELECT COUNT(*) FROM open_items WHERE type = 'invoice'"),
        db.number("SELECT COUNT(*) FROM open_items WHERE type = 'fee'"),
        db.number("SELECT COUNT(*) FROM open_items WHERE type = 'interest'"),
        db.number("SELECT COUNT(*) FROM open_items WHERE open_minor <> 0"),
        db.number("SELECT COUNT(*) FROM bank_transactions"),
        db.number("SELECT COUNT(*) FROM allocations"), db.number("SELECT COUNT(*) FROM events"));
    if (!db.error().empty()) {
      std::fprintf(stderr, "counting: %s\n", db.error().c_str());
      return 1;
    }
    std::printf("reports_bench: %s; database %.1f MiB (%s); read cache %lld MiB\n", counts.c_str(),
                mib(bench::database_bytes(book)), book.c_str(),
                static_cast<long long>(read_cache_kib / 1024));
  }

  const Date past_day = Date::from_ymd(2026, 6, 30).value();
  const Date year_end = Date::from_ymd(2026, 12, 31).value();
  Result<store::ReportPeriod> month = reports::month_period("2026-11", kZone);
  if (!month) {
    std::fprintf(stderr, "month: %s\n", month.error().message.c_str());
    return 1;
  }

  // --- The phases
  // ---------------------------------------------------------------------------------
  struct Phase {
    const char* name;
    PhaseOutcome outcome;
  };
  std::vector<Phase> phases;
  // Each child opens the store once and runs the phase kRuns times on it.
  auto store_phase = [&](const char* name, auto&& run) {
    std::unique_ptr<store::SqliteStore> held;
    phases.push_back({name, measure([&]() -> Result<RunResult> {
                        if (!held) {
                          auto opened = open_store(book);
                          if (!opened) return opened.error();
                          held = std::move(opened).value();
                        }
                        return run(*held);
                      })});
  };
  // Each child opens its own connection once, as above.
  auto sql_phase = [&](const char* name, const std::string& sql, bool every_column) {
    std::unique_ptr<Database> opened;
    phases.push_back({name, measure([&]() -> Result<RunResult> {
                        if (!opened) opened = std::make_unique<Database>(book);
                        Database& db = *opened;
                        RunResult result;
                        std::int64_t bytes = 0;
                        const bool ok = db.query(sql, [&](sqlite3_stmt* row) {
                          if (!every_column) {
                            result.rows = sqlite3_column_int64(row, 0);
                            result.total_minor = sqlite3_column_int64(row, 1);
                            return;
                          }
                          ++result.rows;
                          const int columns = sqlite3_column_count(row);
                          for (int c = 0; c < columns; ++c) {
                            if (sqlite3_column_type(row, c) == SQLITE_INTEGER) {
                              result.total_minor += sqlite3_column_int64(row, c) & 1;
                            } else {
                              sqlite3_column_text(row, c);
                              bytes += sqlite3_column_bytes(row, c);
                            }
                          }
                        });
                        if (!ok) return Error{db.error()};
                        result.summary =
                            every_column ? fmt::format("{} rows, {:.1f} MiB of text", result.rows,
                                                       mib(static_cast<std::uintmax_t>(bytes)))
                                         : fmt::format("{} items open, {}", result.rows,
                                                       euros(result.total_minor));
                        return result;
                      })});
  };

  sql_phase("floor: SUM(open_minor) of open items",
            "SELECT COUNT(*), SUM(open_minor) FROM open_items WHERE open_minor <> 0", false);
  sql_phase("peer: read every items row", "SELECT * FROM open_items", true);
  store_phase("aging as of 2026-06-30",
              [&](store::Store& store) { return aging_run(store, past_day); });
  store_phase("year-end list 2026-12-31, CSV",
              [&](store::Store& store) { return year_end_run(store, year_end, csv_path); });
  store_phase("activity 2026-11", [&](store::Store& store) { return activity_run(store, *month); });
  store_phase("DSO 2026-11", [&](store::Store& store) { return dso_run(store, *month); });

  for (const Phase& phase : phases) {
    if (phase.outcome.error.failed) {
      std::fprintf(stderr, "%s: %s\n", phase.name, phase.outcome.error.message);
      return 1;
    }
  }

  // --- The table ---------------------------------------------------------------------------------
  const double floor_seconds = phases[0].outcome.median();
  std::printf(
      "\nload average at start %s, at end %s; median of %d runs each, in brackets all "
      "of them\n\n",
      load_at_start.c_str(), load_average().c_str(), kRuns);
  std::printf(
      "| phase | seconds | store items/s | × floor | CPU s | disk read | peak RSS | runs |\n");
  std::printf("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
  for (const Phase& phase : phases) {
    const PhaseOutcome& out = phase.outcome;
    const int run = out.median_run();
    const double seconds = out.seconds[run];
    std::printf("| %s | %.3f | %.0f | %.1f | %.3f | %.1f MiB | %.1f MiB | %.3f / %.3f / %.3f |\n",
                phase.name, seconds, static_cast<double>(items) / seconds, seconds / floor_seconds,
                out.cpu_seconds[run], mib(static_cast<std::uintmax_t>(out.blocks_read[run]) * 512),
                out.rss_mib, out.seconds[0], out.seconds[1], out.seconds[2]);
  }
  std::printf("\n");
  for (const Phase& phase : phases) {
    const PhaseOutcome& out = phase.outcome;
    std::printf("%s: %s", phase.name, out.summary);
    if (out.split_seconds[0] > 0) {
      std::printf("; store read %.3f s of %.3f s", out.split_seconds[out.median_run()],
                  out.median());
    }
    if (out.bytes > 0) std::printf("; CSV %.1f MiB", mib(static_cast<std::uintmax_t>(out.bytes)));
    std::printf("\n");
  }

  // Every allocation of the book is dated by 31 December 2026: the year-end list must hold every
  // item open now, and its total must be the floor's sum.
  const PhaseOutcome& floor = phases[0].outcome;
  const PhaseOutcome& listed = phases[3].outcome;
  if (listed.rows != floor.rows || listed.total_minor != floor.total_minor) {
    std::fprintf(stderr,
                 "the year-end list (%lld items, %s) differs from the items open now (%lld, %s)\n",
                 static_cast<long long>(listed.rows), euros(listed.total_minor).c_str(),
                 static_cast<long long>(floor.rows), euros(floor.total_minor).c_str());
    return 1;
  }
  std::printf("the year-end list equals the floor: %lld items, %s\n",
              static_cast<long long>(floor.rows), euros(floor.total_minor).c_str());
  if (keep && kept_store.empty()) std::printf("kept %s\n", dir.c_str());
  return 0;
}
