// statements_bench: how many monthly statements of account per second the `statements` engine
// decides (issue 13) — store read, computation, templates, PDF and the notice written — for N
// customers in a SQLite store, with the peak RSS, against floors measured in the same run.
//
//   statements_bench [--customers 10000] [--seed 1] [--dir DIR] [--no-engine] [--sql SQL]
//
// --dir keeps the databases there (else a scratch directory is removed); --no-engine leaves out
// phase 0; --sql runs SQL on the generated database before anything is measured — an experiment
// on the schema, e.g. --sql 'CREATE INDEX x ON reconciliation_allocations(allocation_id)'.
//
// The store is generated (statements_book.hpp): N customers, half with an e-mail address, half
// letter-only with a postal address, each with 3 to 8 invoices over September to November 2026,
// credit notes, payments imported as daily bank statements and posted (in full, in part, two
// invoices at once, Skonto, a rest left unapplied), unpaid and overdue invoices. The run is on
// 2026-12-01 08:00 Europe/Berlin: every statement is for November 2026.
//
// Phases, in one run:
//   0. the engine itself, in a child process on a copy of the generated store (so that its peak
//      RSS is its own): statements_engine()'s Engine::run() as kontord calls it — the decision,
//      then the outbox pass (no channel instance is configured, so each notice is parked, one
//      transaction each, as a delivered one would be marked);
//   1. store read only — Reader::account_history() for every customer, steps of 200;
//   2. computation — statement_of() (the same read, then statements::account_statement()),
//      step by step in turns with phase 1;
//   3. the engine's decision itself: engine::StatementRun::decide() (engine/statement_run.hpp,
//      what the engine runs) in steps of 200 customers, each one store transaction, as the engine
//      does — per customer statement_of(), the checks (blocked, channel), the notice (number,
//      RF reference, lines), render_statement() (subject, text and HTML from the templates, the
//      PDF letter) and Transaction::record_notice(); its notices must equal phase 0's byte for
//      byte, or the run fails;
//   4. the floor: a reminder letter per statement decided, through render::render_letter_pdf()
//      (what letter_bench measures), with as many item lines as the statement has movements and
//      open items, the same customer, company and language, and the reminder-1 letter text;
//   5. the outbox pass over phase 3's notices (deliver_outbox, every notice parked).
// Timed with steady_clock and reported, never asserted; peak RSS by getrusage after each phase.
// Amounts are exact (minor units); only times and sizes are floating point.
#include <spdlog/sinks/null_sink.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "bench_process.hpp"
#include "bench_random.hpp"
#include "common/clock.hpp"
#include "config/kontor_config.hpp"
#include "engine/engine.hpp"
#include "engine/notice_setup.hpp"
#include "engine/outbox_delivery.hpp"
#include "engine/services.hpp"
#include "engine/statement_notice.hpp"
#include "engine/statement_run.hpp"
#include "engine/statements.hpp"
#include "host/plugin_instances.hpp"
#include "kontor/model/creditor_reference.hpp"
#include "render/letter_pdf.hpp"
#include "statements/account_statement.hpp"
#include "statements_book.hpp"
#include "store/sqlite_store.hpp"

namespace {

using namespace kontor;
namespace fs = std::filesystem;
using bench::database_bytes;
using bench::in_child;
using bench::mib;
using bench::peak_rss_mib;
using bench::seconds_since;
using Steady = bench::Steady;

constexpr std::size_t kCustomersPerStep = 200;  // the engine's kCustomersPerStep
constexpr const char* kCompanyIban = "DE02370502990000684712";
constexpr const char* kRunKey = "statements@2026-12-01T07:00:00Z";
constexpr const char* kActor = "engine:statements";

// The configuration of a kontord that sends statements on the 1st: the demo's company, an e-mail
// and a letter channel (never asked: phases 0 and 5 park every notice).
std::string config_text(const fs::path& dir) {
  return fmt::format(R"(daemon:
  state_dir: {0}
store:
  backend: sqlite
  path: {0}/unused.db
company:
  legal_name: Muster Maschinenbau GmbH
  address:
    street: Industriestraße 12
    postcode: "50667"
    city: Köln
    country: DE
  register: HRB 12345, Amtsgericht Köln
  managing_directors: [Erika Mustermann]
  vat_id: DE123456789
  contact:
    phone: +49 221 123456-0
    email: buchhaltung@muster-maschinenbau.example
  timezone: Europe/Berlin
  bank_accounts:
    - iban: {1}
      bic: COKSDE33XXX
      ledger_account: "1200"
instances:
  mail-out:
    plugin: email
    mode: pickup
    pickup_dir: {0}/outbox/mail
  letter-out:
    plugin: letter
    spool_dir: {0}/outbox/letters
jobs:
  statements:
    engine: statements
    outputs: [mail-out, letter-out]
    schedule: "0 8 1 * *"
)",
                     dir.string(), kCompanyIban);
}

int pages_of(const std::string& pdf) {
  // cairo writes "/Type /Page" for every page object and "/Type /Pages" for the tree.
  int pages = 0;
  for (std::size_t at = pdf.find("/Type /Page"); at != std::string::npos;
       at = pdf.find("/Type /Page", at + 1)) {
    if (pdf.compare(at, 12, "/Type /Pages") != 0) ++pages;
  }
  return pages;
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

Result<std::unique_ptr<store::SqliteStore>> open_store(const fs::path& path, const TimePoint& now) {
  store::SqliteOptions options;
  options.path = path.string();
  options.clock = [now] { return std::chrono::sys_time<std::chrono::microseconds>(now); };
  return store::SqliteStore::open(std::move(options));
}

// A statement phase 3 decided, as the floor and the comparison need it.
struct DecidedStatement {
  std::size_t customer = 0;  // index into the customer list
  std::string number;
  std::string language;
  std::size_t rows = 0;  // movements + open items: the lines of its tables
};

// The floor's letter: a reminder to the same customer, in the same language, with `rows` items.
render::NoticeView reminder_view(const Customer& customer, const engine::NoticeSetup& setup,
                                 const std::string& language, std::size_t rows, std::size_t number,
                                 bench::Random& random) {
  render::NoticeView view;
  view.kind = "reminder";
  view.template_name = "reminder-1";
  view.language = language;
  view.level = 1;
  view.level_name = "Zahlungserinnerung";
  view.notice_number = fmt::format("M-2026-12-{:06}", number);
  view.payment_reference = CreditorReference::from_number(view.notice_number).value().formatted();
  view.date = setup.today;
  view.pay_by = setup.today.add_days(10).value();
  view.customer = customer;
  view.company = setup.company;
  std::int64_t open = 0;
  for (std::size_t i = 0; i < rows; ++i) {
    const std::int64_t gross = 5'000 + static_cast<std::int64_t>(random.below(500'000));
    open += gross;
    view.items.push_back(render::NoticeItemView{
        .number = fmt::format("RE-2026-{:06}", 1 + random.below(60'000)),
        .type = "invoice",
        .issue_date = Date::from_ymd(2026, 9, 1 + static_cast<int>(random.below(30))).value(),
        .due_date = Date::from_ymd(2026, 10, 1 + static_cast<int>(random.below(31))).value(),
        .gross = Money(gross, Currency::eur()),
        .open = Money(gross, Currency::eur()),
        .level = 1,
        .refers_to = "",
        .days_overdue = 31 + static_cast<std::int64_t>(random.below(30))});
  }
  view.total_open = Money(open, Currency::eur());
  view.total_fees = Money::zero(Currency::eur());
  view.total_interest = Money::zero(Currency::eur());
  view.total_due = view.total_open;
  return view;
}

struct ChildError {
  bool failed = false;
  char message[512] = {};
  void set(const char* what, const std::string& text) {
    failed = true;
    std::snprintf(message, sizeof message, "%s: %s", what, text.c_str());
  }
};

struct GenerateOutcome {
  ChildError error;
  bench::StatementBookFacts facts;
  double seconds = 0;
  double rss_mib = 0;
};

struct EngineOutcome {
  ChildError error;
  double seconds = 0;
  double rss_mib = 0;
  long long decided = -1, quiet = -1, skipped = -1, sent_before = -1, parked = -1;
};

long long count_of(const engine::RunReport& report, const char* name) {
  const auto found = report.counts.find(name);
  return found == report.counts.end() ? -1 : static_cast<long long>(found->second);
}

// Runs `sql` on the generated database before anything is measured: an experiment on the schema
// (an index, ANALYZE) without changing the store's migrations.
Status run_sql(const fs::path& database, const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open(database.c_str(), &db) != SQLITE_OK) {
    const std::string why = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Error{"open " + database.string() + ": " + why};
  }
  char* message = nullptr;
  const int status = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
  const std::string why = message != nullptr ? message : "";
  sqlite3_free(message);
  sqlite3_close(db);
  if (status != SQLITE_OK) return Error{"--sql: " + why};
  return {};
}

int usage() {
  std::fprintf(
      stderr,
      "usage: statements_bench [--customers N] [--seed S] [--dir DIR] [--no-engine] [--sql SQL]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t customer_count = 10'000;
  std::uint64_t seed = 1;
  std::string keep_dir;
  bool run_engine = true;
  std::string experiment;  // --sql
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--no-engine") {
      run_engine = false;
    } else if (arg == "--customers" && i + 1 < argc) {
      customer_count = std::strtoull(argv[++i], nullptr, 10);
    } else if (arg == "--seed" && i + 1 < argc) {
      seed = std::strtoull(argv[++i], nullptr, 10);
    } else if (arg == "--sql" && i + 1 < argc) {
      experiment = argv[++i];
    } else if (arg == "--dir" && i + 1 < argc) {
      keep_dir = argv[++i];
    } else if (!arg.empty() && arg[0] != '-') {
      customer_count = std::strtoull(argv[i], nullptr, 10);
    } else {
      return usage();
    }
  }
  if (customer_count == 0) return usage();

  // A scratch directory, removed at the end unless --dir names one to keep.
  fs::path dir;
  if (keep_dir.empty()) {
    std::string pattern = (fs::temp_directory_path() / "kontor-statements-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      std::perror("mkdtemp");
      return 1;
    }
    dir = pattern;
  } else {
    dir = keep_dir;
    fs::create_directories(dir);
    for (const char* name : {"statements.db", "engine.db"}) {
      for (const char* suffix : {"", "-wal", "-shm"})
        fs::remove(dir / (std::string(name) + suffix));
    }
  }
  const fs::path book_path = dir / "statements.db";
  const fs::path engine_path = dir / "engine.db";
  struct Cleanup {
    fs::path dir;
    ~Cleanup() {
      if (!dir.empty()) fs::remove_all(dir);
    }
  } cleanup{keep_dir.empty() ? dir : fs::path()};

  // kontord's configuration, notice setup and day, as the engine reads them.
  // The engine as kontord registers it (builtin_engines(), in kontor_daemon, adds the others).
  engine::EngineCatalog catalog;
  catalog.add(engine::statements_engine());
  config::LoadedConfig loaded =
      config::load_config_text(config_text(dir), "statements_bench.yaml", catalog.declarations(),
                               [](const std::string&) { return std::optional<std::string>(); });
  if (!loaded.config || !loaded.errors.empty()) {
    for (const auto& error : loaded.errors) {
      std::fprintf(stderr, "config: %s\n", config::to_string(error).c_str());
    }
    return 1;
  }
  const config::KontorConfig& config = *loaded.config;
  const config::JobSettings& job = *config.job("statements");
  const std::shared_ptr<kontor::Clock> clock =
      fixed_clock(parse_instant("2026-12-01T08:00", "Europe/Berlin").value());
  Result<engine::NoticeSetup> setup_or =
      engine::notice_setup(config, &job, clock->now(), engine::kStatementTemplate);
  if (!setup_or) {
    std::fprintf(stderr, "notice setup: %s\n", setup_or.error().message.c_str());
    return 1;
  }
  const engine::NoticeSetup& setup = *setup_or;
  const statements::StatementPeriod period = statements::StatementPeriod::month_before(setup.today);

  auto fail = [](const char* what, const Error& error) {
    std::fprintf(stderr, "%s: %s\n", what, error.message.c_str());
    return 1;
  };

  const double rss_setup = peak_rss_mib();

  // --- Generate, in a child process ------------------------------------------------------------
  const std::optional<GenerateOutcome> generated = in_child<GenerateOutcome>([&] {
    GenerateOutcome out;
    const Steady::time_point start = Steady::now();
    auto opened = open_store(book_path, clock->now());
    if (!opened) {
      out.error.set("open store", opened.error().message);
      return out;
    }
    std::unique_ptr<store::SqliteStore> store = std::move(opened).value();
    Result<bench::StatementBookFacts> facts =
        bench::generate_statement_book(*store, {.customers = customer_count,
                                                .seed = seed,
                                                .first_day = Date::from_ymd(2026, 9, 1).value(),
                                                .last_day = period.last,
                                                .account = kCompanyIban,
                                                .customers_per_step = 500});
    if (!facts) {
      out.error.set("generate", facts.error().message);
      return out;
    }
    out.facts = *facts;
    store.reset();  // closed before the child leaves: the log is checkpointed into the database
    out.seconds = seconds_since(start);
    out.rss_mib = peak_rss_mib();
    return out;
  });
  if (!generated || generated->error.failed) {
    std::fprintf(stderr, "%s\n", generated ? generated->error.message : "generator failed");
    return 1;
  }
  const bench::StatementBookFacts& facts = generated->facts;
  const double generate_seconds = generated->seconds;
  if (!experiment.empty()) {
    if (Status done = run_sql(book_path, experiment); !done) return fail("sql", done.error());
  }
  const std::uintmax_t generated_bytes = database_bytes(book_path);
  if (run_engine) fs::copy_file(book_path, engine_path);

  std::printf(
      "statements_bench: %zu customers (%zu with e-mail, %zu letter-only, %zu in English, %zu "
      "blocked), %zu invoices (%zu paid in full, %zu in part, %zu unpaid; %zu overdue on %s), "
      "%zu credit notes; %zu bank statements with %zu transfers (%zu for two invoices, %zu with an "
      "unapplied rest), %zu Skonto allowances, %zu allocations; invoiced %s, paid %s; "
      "seed %llu\n",
      facts.customers, facts.with_email, facts.letter_only, facts.english, facts.blocked,
      facts.invoices, facts.paid_in_full, facts.paid_in_part, facts.unpaid, facts.overdue,
      period.last.to_iso().c_str(), facts.credit_notes, facts.bank_statements, facts.transfers,
      facts.combined, facts.overpaid, facts.skonto, facts.allocations,
      Money(facts.invoiced_cents, Currency::eur()).to_string().c_str(),
      Money(facts.paid_cents, Currency::eur()).to_string().c_str(),
      static_cast<unsigned long long>(seed));
  if (!experiment.empty()) std::printf("--sql before measuring: %s\n", experiment.c_str());
  std::printf("generated in %.1f s; database %.1f MiB (%s); statements for %s, run on %s\n",
              generate_seconds, mib(generated_bytes), book_path.c_str(), period.text().c_str(),
              setup.today.to_iso().c_str());

  // --- The engine itself, on a copy of the generated store, in a child process ---------------
  host::PluginInstances no_channels;
  const std::atomic<bool> cancelled{false};
  std::optional<EngineOutcome> engine_run;
  if (run_engine) {
    engine_run = in_child<EngineOutcome>([&] {
      EngineOutcome out;
      auto engine_store = open_store(engine_path, clock->now());
      if (!engine_store) {
        out.error.set("open engine store", engine_store.error().message);
        return out;
      }
      spdlog::logger log("statements_bench", std::make_shared<spdlog::sinks::null_sink_mt>());
      engine::RunReport report;
      engine::Services services{.plugins = &no_channels, .store = engine_store->get()};
      engine::JobContext context{.config = config,
                                 .job = job,
                                 .clock = *clock,
                                 .cancelled = cancelled,
                                 .log = log,
                                 .report = report,
                                 .services = services,
                                 .run_key = kRunKey};
      const std::unique_ptr<engine::Engine> statements = catalog.find("statements")->create();
      const Steady::time_point start = Steady::now();
      const Status ran = statements->run(context);
      out.seconds = seconds_since(start);
      out.rss_mib = peak_rss_mib();
      if (!ran) out.error.set("engine run", ran.error().message);
      out.decided = count_of(report, "statements_decided");
      out.quiet = count_of(report, "customers_quiet");
      out.skipped = count_of(report, "statements_skipped");
      out.sent_before = count_of(report, "statements_sent_before");
      out.parked = count_of(report, "notices_parked");
      return out;
    });
    if (!engine_run || engine_run->error.failed) {
      std::fprintf(stderr, "%s\n", engine_run ? engine_run->error.message : "engine run failed");
      return 1;
    }
  }

  auto store_or = open_store(book_path, clock->now());
  if (!store_or) return fail("open store", store_or.error());
  store::SqliteStore& store = **store_or;

  // The customers, as the engine reads them before its steps.
  Steady::time_point start = Steady::now();
  std::vector<Customer> customers;
  if (Status read = store.read([&](store::Reader& reader) -> Status {
        Result<std::vector<Customer>> all = reader.customers();
        if (!all) return all.error();
        customers = std::move(*all);
        return {};
      });
      !read) {
    return fail("customers", read.error());
  }
  const double customers_seconds = seconds_since(start);
  auto chunk_of = [&](std::size_t first) {
    return std::vector<Customer>(
        customers.begin() + static_cast<std::ptrdiff_t>(first),
        customers.begin() +
            static_cast<std::ptrdiff_t>(std::min(customers.size(), first + kCustomersPerStep)));
  };
  const double n = static_cast<double>(customers.size());

  // --- 1. Store read only, and 2. computation: statement_of() --------------------------------
  // Both step by step, each step's two passes in turns first, so that neither always finds the
  // database pages the other has just read.
  std::size_t history_items = 0, history_allocations = 0;
  std::size_t active = 0, quiet = 0, movements = 0, open_items = 0;
  std::int64_t closing_cents = 0;
  std::map<std::string, std::size_t> rows;  // customer number → movements + open items
  Lap read_only, computed;
  for (std::size_t first = 0; first < customers.size(); first += kCustomersPerStep) {
    const std::vector<Customer> chunk = chunk_of(first);
    auto read_pass = [&] {
      return store.read([&](store::Reader& reader) -> Status {
        for (const Customer& customer : chunk) {
          Result<store::AccountHistory> history = reader.account_history(customer.number);
          if (!history) return history.error();
          history_items += history->items.size();
          history_allocations += history->allocations.size();
        }
        return {};
      });
    };
    auto compute_pass = [&] {
      return store.read([&](store::Reader& reader) -> Status {
        for (const Customer& customer : chunk) {
          Result<render::StatementView> statement =
              engine::statement_of(reader, customer, period, setup);
          if (!statement) return statement.error();
          if (!statements::has_activity_or_balance(*statement)) {
            ++quiet;
            continue;
          }
          ++active;
          rows[customer.number] = statement->movements.size() + statement->open_items.size();
          movements += statement->movements.size();
          open_items += statement->open_items.size();
          closing_cents += statement->closing.minor_units();
        }
        return {};
      });
    };
    const bool read_first = (first / kCustomersPerStep) % 2 == 0;
    for (int turn = 0; turn < 2; ++turn) {
      if ((turn == 0) == read_first) {
        if (Status read = read_only(read_pass); !read) return fail("account history", read.error());
      } else {
        if (Status read = computed(compute_pass); !read) return fail("statement_of", read.error());
      }
    }
  }
  const double read_seconds = read_only.seconds;
  const double compute_seconds = computed.seconds;
  const double rss_compute = peak_rss_mib();

  // --- 3. The engine's decision: StatementRun::decide() step by step -------------------------
  engine::StatementStep counts;
  engine::StatementRun run(setup, period, kRunKey);
  const std::string why = fmt::format("statements {} ({})", period.text(), kRunKey);
  start = Steady::now();
  for (std::size_t first = 0; first < customers.size(); first += kCustomersPerStep) {
    const std::vector<Customer> chunk = chunk_of(first);
    engine::StatementStep step;
    const Status done = store.transact(kActor, why, [&](store::Transaction& tx) -> Status {
      step = engine::StatementStep{};
      return run.decide(tx, chunk, step);
    });
    if (!done) return fail("decide", done.error());
    counts.decided += step.decided;
    counts.already_sent += step.already_sent;
    counts.quiet += step.quiet;
    for (std::string& skipped : step.skipped) counts.skipped.push_back(std::move(skipped));
  }
  const double decide_seconds = seconds_since(start);
  const double rss_decided = peak_rss_mib();

  // What it decided, read back (not timed): the notices with their PDFs.
  std::vector<DecidedStatement> decided;
  std::size_t pdf_bytes = 0, text_bytes = 0, html_bytes = 0, pages = 0, multi_page = 0;
  std::int64_t total_due_cents = 0;
  {
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < customers.size(); ++i) index.emplace(customers[i].number, i);
    const std::string prefix = engine::statement_number_prefix(period);
    for (std::int64_t sequence = 1; sequence <= counts.decided; ++sequence) {
      const std::string number = fmt::format("{}{:06}", prefix, sequence);
      std::optional<store::StoredNotice> stored;
      if (Status read = store.read([&](store::Reader& reader) -> Status {
            Result<std::optional<store::StoredNotice>> notice = reader.notice(number);
            if (!notice) return notice.error();
            stored = std::move(*notice);
            return {};
          });
          !read || !stored) {
        return fail("notice", read ? Error{"notice " + number + " is missing"} : read.error());
      }
      const std::string& customer = stored->notice.customer_number;
      decided.push_back(DecidedStatement{.customer = index.at(customer),
                                         .number = number,
                                         .language = stored->language,
                                         .rows = rows.at(customer)});
      const int letter_pages = pages_of(stored->pdf);
      pages += static_cast<std::size_t>(letter_pages);
      if (letter_pages > 1) ++multi_page;
      pdf_bytes += stored->pdf.size();
      text_bytes += stored->text.size();
      html_bytes += stored->html.size();
      total_due_cents += stored->total.minor_units();
    }
  }

  // --- 4. The floor: a reminder letter per statement ------------------------------------------
  // Each letter's view and text are made outside the stopwatch: the floor is the PDF alone.
  std::size_t floor_bytes = 0, floor_pages = 0, floor_rows = 0;
  Lap floor;
  {
    bench::Random random(seed);
    std::size_t number = 0;
    for (const DecidedStatement& statement : decided) {
      const render::NoticeView view =
          reminder_view(customers[statement.customer], setup, statement.language, statement.rows,
                        ++number, random);
      Result<render::RenderedNotice> text = setup.renderer->render(view);
      if (!text) return fail("reminder text", text.error());
      const render::LetterText letter{.language = text->language,
                                      .subject = text->subject,
                                      .before_table = text->letter_before_table,
                                      .after_table = text->letter_after_table};
      Result<std::string> pdf = floor([&] { return render::render_letter_pdf(view, letter); });
      if (!pdf) return fail("reminder letter", pdf.error());
      floor_bytes += pdf->size();
      floor_pages += static_cast<std::size_t>(pages_of(*pdf));
      floor_rows += view.items.size();
    }
  }
  const double floor_seconds = floor.seconds;
  const double rss_floor = peak_rss_mib();

  // --- 5. The outbox pass after the decision ---------------------------------------------------
  start = Steady::now();
  Result<engine::OutboxCounts> outbox =
      engine::deliver_outbox(store, no_channels, setup.company, cancelled, kActor);
  if (!outbox) return fail("outbox", outbox.error());
  const double outbox_seconds = seconds_since(start);
  const double rss_outbox = peak_rss_mib();
  const std::uintmax_t decided_bytes = database_bytes(book_path);

  // The engine's notices against phase 3's: the same numbers, lines, rendering and PDF bytes.
  std::size_t identical = 0;
  std::vector<std::string> differences;
  if (run_engine) {
    auto engine_store = open_store(engine_path, clock->now());
    if (!engine_store) return fail("open engine store", engine_store.error());
    for (const DecidedStatement& statement : decided) {
      std::optional<store::StoredNotice> mine, theirs;
      for (const auto& [from, into] :
           {std::pair{&store, &mine}, std::pair{engine_store->get(), &theirs}}) {
        std::optional<store::StoredNotice>* const target = into;  // lambdas capture no bindings
        if (Status read = from->read([&](store::Reader& reader) -> Status {
              Result<std::optional<store::StoredNotice>> notice = reader.notice(statement.number);
              if (!notice) return notice.error();
              *target = std::move(*notice);
              return {};
            });
            !read) {
          return fail("compare", read.error());
        }
      }
      const bool same =
          mine && theirs && mine->notice.customer_number == theirs->notice.customer_number &&
          mine->notice.items == theirs->notice.items &&
          mine->notice.rf_reference == theirs->notice.rf_reference &&
          mine->notice.channel == theirs->notice.channel && mine->total == theirs->total &&
          mine->recipient == theirs->recipient && mine->subject == theirs->subject &&
          mine->text == theirs->text && mine->html == theirs->html && mine->pdf == theirs->pdf;
      if (same) {
        ++identical;
      } else if (differences.size() < 5) {
        differences.push_back(statement.number);
      }
    }
  }

  // --- Report ----------------------------------------------------------------------------------
  const double statements_count = static_cast<double>(counts.decided);
  auto per_second = [](double count, double seconds) { return count / seconds; };
  auto ms_each = [](double seconds, double count) { return 1000.0 * seconds / count; };
  const double floor_count = static_cast<double>(decided.size());
  const std::size_t each = std::max<std::size_t>(1, decided.size());
  std::printf(
      "\n%zu customers read in %.3f s; their histories hold %zu items and %zu allocations; %zu "
      "statements with activity or a balance, %zu customers quiet; %zu movements and %zu open "
      "items on them; closing balances %s\n",
      customers.size(), customers_seconds, history_items, history_allocations, active, quiet,
      movements, open_items, Money(closing_cents, Currency::eur()).to_string().c_str());
  std::printf("\n| phase | seconds | per second | ms each | peak RSS MiB |\n");
  std::printf("| --- | --- | --- | --- | --- |\n");
  std::printf(
      "| generate the store (child process; not measured below) | %.2f | %.0f customers/s | | "
      "%.1f |\n",
      generate_seconds, per_second(n, generate_seconds), generated->rss_mib);
  if (engine_run) {
    std::printf(
        "| the engine: Statements::run(), decision + outbox pass (child process, on a copy) | "
        "%.2f | %.1f statements/s | %.2f | %.1f |\n",
        engine_run->seconds,
        per_second(static_cast<double>(engine_run->decided), engine_run->seconds),
        ms_each(engine_run->seconds, static_cast<double>(engine_run->decided)),
        engine_run->rss_mib);
  }
  std::printf("| 1. store read only: account_history() | %.3f | %.0f customers/s | %.3f | |\n",
              read_seconds, per_second(n, read_seconds), ms_each(read_seconds, n));
  std::printf("| 2. computation: statement_of() | %.3f | %.0f statements/s | %.3f | %.1f |\n",
              compute_seconds, per_second(n, compute_seconds), ms_each(compute_seconds, n),
              rss_compute);
  std::printf(
      "| 3. the engine's decision: StatementRun::decide() | %.2f | %.1f statements/s | %.2f | %.1f "
      "|\n",
      decide_seconds, per_second(statements_count, decide_seconds),
      ms_each(decide_seconds, statements_count), rss_decided);
  std::printf(
      "| 4. floor: reminder letters, render_letter_pdf() | %.2f | %.1f letters/s | %.2f | %.1f "
      "|\n",
      floor_seconds, per_second(floor_count, floor_seconds), ms_each(floor_seconds, floor_count),
      rss_floor);
  std::printf("| 5. outbox pass (every notice parked) | %.2f | %.0f notices/s | %.2f | %.1f |\n",
              outbox_seconds, per_second(static_cast<double>(outbox->parked), outbox_seconds),
              ms_each(outbox_seconds, static_cast<double>(outbox->parked)), rss_outbox);
  std::printf(
      "Peak RSS is the process's high-water mark after the phase (getrusage); the children start "
      "from the benchmark's %.1f MiB at the fork.\n",
      rss_setup);

  std::printf(
      "\nPhase 3 decided %lld statements (%lld customers quiet, %zu skipped, %lld sent before): "
      "statement_of() (phase 2) %.3f ms of its %.2f ms each, the rest (templates, PDF, "
      "record_notice(), commits) %.2f ms\n",
      static_cast<long long>(counts.decided), static_cast<long long>(counts.quiet),
      counts.skipped.size(), static_cast<long long>(counts.already_sent),
      ms_each(compute_seconds, statements_count), ms_each(decide_seconds, statements_count),
      ms_each(decide_seconds - compute_seconds, statements_count));
  std::printf(
      "  PDF %zu bytes per statement (%zu pages, %zu statements of more than one page); text %zu, "
      "HTML %zu bytes; asking for %s in all\n",
      pdf_bytes / each, pages, multi_page, text_bytes / each, html_bytes / each,
      Money(total_due_cents, Currency::eur()).to_string().c_str());
  std::printf("  database %.1f MiB after the run (%.1f MiB generated)\n", mib(decided_bytes),
              mib(generated_bytes));
  std::printf("Floor: %zu reminder letters with %zu item lines, %zu pages, %zu bytes per letter\n",
              decided.size(), floor_rows, floor_pages, floor_bytes / each);
  std::printf("Outbox: %lld parked, %lld delivered, %lld retrying\n",
              static_cast<long long>(outbox->parked), static_cast<long long>(outbox->delivered),
              static_cast<long long>(outbox->retrying));

  const double beyond_read = decide_seconds - compute_seconds;
  std::printf(
      "\nA statement costs %.2f x a reminder letter's PDF (%.2f ms / %.2f ms); without "
      "statement_of() %.2f x (%.2f ms).\n",
      decide_seconds / floor_seconds, ms_each(decide_seconds, statements_count),
      ms_each(floor_seconds, floor_count), beyond_read / floor_seconds,
      ms_each(beyond_read, statements_count));
  std::printf(
      "The store read is %.1f %% and read + computation %.1f %% of phase 3's time (phases 1 and 2 "
      "over all %zu customers).\n",
      100.0 * read_seconds / decide_seconds, 100.0 * compute_seconds / decide_seconds,
      customers.size());
  if (engine_run) {
    std::printf(
        "The engine decided %lld, %lld quiet, %lld skipped, %lld sent before, %lld parked; phase "
        "3 + 5 = %.2f s, the engine %.2f s; its notices equal phase 3's: %zu of %zu",
        engine_run->decided, engine_run->quiet, engine_run->skipped, engine_run->sent_before,
        engine_run->parked, decide_seconds + outbox_seconds, engine_run->seconds, identical,
        decided.size());
    for (const std::string& number : differences) std::printf(" (differs: %s)", number.c_str());
    std::printf("\n");
  }
  if (!counts.skipped.empty()) {
    std::printf("First skipped: %s\n", counts.skipped.front().c_str());
  }
  const bool agrees =
      !engine_run || (identical == decided.size() && engine_run->decided == counts.decided &&
                      engine_run->quiet == counts.quiet &&
                      engine_run->skipped == static_cast<long long>(counts.skipped.size()));
  if (!agrees) std::printf("THE REPRODUCTION DIFFERS FROM THE ENGINE\n");
  return agrees ? 0 : 1;
}
