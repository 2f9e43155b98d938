// journal_bench: bookings per second and peak RSS of the journal exporter (issue 15) for
// 1,000,000 bookings, with the real `ledger --flat bal` reading the result timed in the same run
// as the reference (what the user does next with the file), and floors beside it.
//
//   journal_bench [--bookings 1000000] [--customers 50000] [--batch 50000] [--quick] [--seed 1]
//                 [--dir DIR] [--keep] [--plugin-dir DIR] [--ledger PATH] [--hledger PATH]
//
// --quick is 20,000 bookings. The scratch directory is made under --dir (default: the system's
// temporary directory) and removed at the end unless --keep. --plugin-dir defaults to this build
// tree's plugins (build them first: `cmake --build BUILD --target journal_bench kontor_plugins`).
//
// The bookings (journal_book below) are those the export engine hands an exporter, in the mix
// the DATEV benchmark's generated book produced (bench/README.md "Export to DATEV"): 82 %
// payments (bank 1200 / debtor), 9 % Skonto on Gewährte Skonti 19 % or 7 % (8736 / 8731:
// automatic accounts, so the journal splits net and VAT), 0.6 % bank charges, 6.5 % dunning
// fees and 1.4 % default interest (Sachverhalt 40 / 31, due dates), 0.5 % reversals; 50,000
// debtors with names. Batches of --batch bookings, as the export engine makes them.
//
// Phases, each in a child process so that its peak RSS is its own:
//   1. the writer alone: write_journal() per batch into memory (the plugin's own code);
//   2. the plugin: the real kontor-journal.so through the plugin ABI by the SDK's fake host,
//      stage + publish per batch (files written and synced, renamed, the index rewritten);
//   3. floor: a minimal writer of the same transactions (date, code, description, two or three
//      postings; no declarations, no checks, no VAT split, no sync) into one file;
//   4. reference: `ledger -f kontor.journal --flat bal` on the published journal (fork/exec,
//      wait4 for its peak RSS), and `hledger check -s ordereddates` on one batch's file (hledger
//      holds a journal in memory whole; on a million bookings it needs several GiB).
// Timed with steady_clock and reported, never asserted. The run fails (exit 1) only when
// something is wrong: a tool refuses the journal, or the bank balance ledger prints is not the
// sum of the generated payments. Amounts are exact (minor units); only times, rates and sizes
// are floating point.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "bench_process.hpp"
#include "bench_random.hpp"
#include "book_values.hpp"
#include "journal_writer.hpp"
#include "kontor/testing/fake_host.hpp"
#include "plugin_entry.hpp"

namespace kontor::bench {
namespace {

namespace fs = std::filesystem;
namespace journal = kontor::plugins::journal;

struct Options {
  std::size_t bookings = 1'000'000;
  std::size_t customers = 50'000;
  std::size_t batch = 50'000;
  std::uint64_t seed = 1;
  fs::path dir = fs::temp_directory_path();
  bool keep = false;
  fs::path plugin_dir = KONTOR_BENCH_PLUGIN_DIR;
  std::string ledger = "/usr/bin/ledger";
  std::string hledger = "/usr/bin/hledger";
};

struct JournalBook {
  std::vector<sdk::ExportBatch> batches;
  std::size_t bookings = 0, payments = 0, skonto = 0, charges = 0, fees = 0, interest = 0,
              reversals = 0;
  std::int64_t bank_cents = 0;  // what ledger must print for the bank account
};

BookingLine line(std::string account, BookingSide side, std::int64_t cents) {
  return BookingLine{
      .account = std::move(account), .side = side, .amount = eur(cents), .tax_key = ""};
}

// The bookings of the header comment, ids 1…n, dates rising through 2026 with a little noise
// (late allocations), split into batches.
JournalBook journal_book(const Options& options) {
  JournalBook book;
  Random random(options.seed);
  const Date first = Date::from_ymd(2026, 1, 2).value();
  std::vector<Booking> bookings;
  bookings.reserve(options.bookings);
  std::vector<const Booking*> payments;
  for (std::size_t n = 1; n <= options.bookings; ++n) {
    const auto id = static_cast<std::int64_t>(n);
    const std::int64_t day = static_cast<std::int64_t>(n * 360 / options.bookings);
    const Date date = business_day(plus_days(
        first, std::max<std::int64_t>(0, day - static_cast<std::int64_t>(random.below(5)))));
    const std::string debtor = std::to_string(10'001 + random.below(options.customers));
    const std::string invoice = fmt::format("RE-2026-{:07}", 1 + random.below(900'000));
    const std::uint64_t kind = random.below(1000);
    Booking booking{.id = id,
                    .date = date,
                    .document_number = invoice,
                    .text = "",
                    .lines = {},
                    .exported_in = "",
                    .reverses = std::nullopt,
                    .facts = BookingFacts::none,
                    .due_date = std::nullopt};
    if (kind < 5 && !payments.empty()) {  // a returned payment: its Generalumkehr
      const Booking& original = *payments[random.below(payments.size())];
      booking = reversal_of(original, date);
      booking.id = id;
      booking.text = "Storno " + original.text;
      book.bank_cents -= original.lines[1].amount.minor_units();
      ++book.reversals;
    } else if (kind < 825) {
      const std::int64_t cents = 5'000 + static_cast<std::int64_t>(random.below(150'000));
      booking.text = "Zahlung " + invoice;
      booking.lines = {line(debtor, BookingSide::credit, cents),
                       line("1200", BookingSide::debit, cents)};
      book.bank_cents += cents;
      ++book.payments;
    } else if (kind < 915) {
      const std::int64_t cents = 100 + static_cast<std::int64_t>(random.below(5'000));
      booking.text = "Skonto " + invoice;
      booking.lines = {line(debtor, BookingSide::credit, cents),
                       line(random.percent(90) ? "8736" : "8731", BookingSide::debit, cents)};
      ++book.skonto;
    } else if (kind < 921) {
      booking.text = "Bankgebühren " + invoice;
      booking.lines = {line(debtor, BookingSide::credit, 350),
                       line("4970", BookingSide::debit, 350)};
      ++book.charges;
    } else if (kind < 986) {
      booking.document_number = fmt::format("MG-2026-{:07}", n);
      booking.text = "Mahngebühr " + invoice;
      booking.lines = {line(debtor, BookingSide::debit, 500),
                       line("8600", BookingSide::credit, 500)};
      booking.facts = BookingFacts::dunning_fee;
      booking.due_date = plus_days(date, 14);
      ++book.fees;
    } else {
      const std::int64_t cents = 50 + static_cast<std::int64_t>(random.below(20'000));
      booking.document_number = fmt::format("VZ-2026-{:07}", n);
      booking.text = "Verzugszinsen " + invoice;
      booking.lines = {line(debtor, BookingSide::debit, cents),
                       line("2650", BookingSide::credit, cents)};
      booking.facts = BookingFacts::dunning_interest;
      booking.due_date = plus_days(date, 14);
      ++book.interest;
    }
    bookings.push_back(std::move(booking));
    if (bookings.back().text.starts_with("Zahlung")) payments.push_back(&bookings.back());
  }
  book.bookings = bookings.size();

  std::vector<sdk::ExportDebtor> debtors;
  for (std::size_t c = 0; c < options.customers; ++c) {
    Customer customer;
    customer.number = fmt::format("K{}", 10'001 + c);
    customer.name = fmt::format("Kunde {} Müller & Söhne GmbH", 10'001 + c);
    customer.kind = CustomerKind::business;
    debtors.push_back({.account = std::to_string(10'001 + c), .customer = std::move(customer)});
  }
  for (std::size_t start = 0, number = 1; start < bookings.size();
       start += options.batch, ++number) {
    const std::size_t end = std::min(bookings.size(), start + options.batch);
    sdk::ExportBatch batch{.batch_id = fmt::format("journal-out-{:06}", number),
                           .period_from = std::nullopt,
                           .period_to = std::nullopt,
                           .bookings = {},
                           .debtors = {}};
    batch.bookings.assign(std::make_move_iterator(bookings.begin() + static_cast<long>(start)),
                          std::make_move_iterator(bookings.begin() + static_cast<long>(end)));
    std::set<std::string> named;
    for (const Booking& booking : batch.bookings) named.insert(booking.lines.front().account);
    for (const sdk::ExportDebtor& debtor : debtors) {
      if (named.contains(debtor.account)) batch.debtors.push_back(debtor);
    }
    book.batches.push_back(std::move(batch));
  }
  return book;
}

struct PhaseOutcome {
  ChildError error;
  double seconds = 0;
  double rss_mib = 0;
  long long bytes = 0;
};

journal::JournalLayout skr03() {
  return journal::JournalLayout{.chart = journal::standard_journal_chart("skr03").value(),
                                .debtor_root = "Aktiva:Debitoren"};
}

PhaseOutcome writer_alone(const JournalBook& book) {
  PhaseOutcome out;
  const journal::JournalLayout layout = skr03();
  const Steady::time_point start = Steady::now();
  for (const sdk::ExportBatch& batch : book.batches) {
    const journal::JournalWritten written = journal::write_journal(batch, layout);
    if (!written.ok()) {
      out.error.set("write_journal", written.errors.front());
      return out;
    }
    out.bytes += static_cast<long long>(written.text.size());
  }
  out.seconds = seconds_since(start);
  out.rss_mib = peak_rss_mib();
  return out;
}

PhaseOutcome through_plugin(const JournalBook& book, const fs::path& plugin,
                            const fs::path& folder) {
  PhaseOutcome out;
  const kontor_plugin_entry_fn entry = plugin_entry(plugin, out.error);
  if (entry == nullptr) return out;
  testing::FakeHost host(entry);
  host.set("path", folder.string());
  host.set("chart", "skr03");
  auto created = host.create();
  if (!created) {
    out.error.set("journal instance", created.error().message);
    return out;
  }
  const std::unique_ptr<testing::FakeInstance> exporter = std::move(created).value();
  const Steady::time_point start = Steady::now();
  for (const sdk::ExportBatch& batch : book.batches) {
    if (sdk::Status staged = exporter->proxy().stage(batch); !staged) {
      out.error.set("stage", staged.message());
      return out;
    }
    if (sdk::Status published = exporter->proxy().publish(batch.batch_id); !published) {
      out.error.set("publish", published.message());
      return out;
    }
  }
  out.seconds = seconds_since(start);
  out.rss_mib = peak_rss_mib();
  for (const auto& entry_ : fs::directory_iterator(folder)) {
    if (entry_.is_regular_file()) out.bytes += static_cast<long long>(entry_.file_size());
  }
  return out;
}

// The same transactions with nothing but formatting: what writing the bytes costs.
PhaseOutcome minimal_writer(const JournalBook& book, const fs::path& file) {
  PhaseOutcome out;
  const Steady::time_point start = Steady::now();
  std::ofstream output(file, std::ios::binary);
  std::string text;
  for (const sdk::ExportBatch& batch : book.batches) {
    text.clear();
    for (const Booking& booking : batch.bookings) {
      fmt::format_to(std::back_inserter(text), "{} * ({}) {}\n", booking.date.to_iso(),
                     booking.document_number, booking.text);
      for (const BookingLine& line : booking.lines) {
        fmt::format_to(std::back_inserter(text), "    {}  {}{} EUR\n", line.account,
                       line.side == BookingSide::credit ? "-" : "", line.amount.format());
      }
      text += '\n';
    }
    output << text;
    out.bytes += static_cast<long long>(text.size());
  }
  output.close();
  out.seconds = seconds_since(start);
  out.rss_mib = peak_rss_mib();
  return out;
}

// "5034.00 EUR" → cents; an error text when it is not that.
Result<std::int64_t> cents_of(std::string_view balance) {
  const std::size_t blank = balance.find(' ');
  if (blank == std::string_view::npos || balance.substr(blank + 1) != "EUR") {
    return Error{"not an amount in EUR: '" + std::string(balance) + "'"};
  }
  Result<Money> money = Money::parse(balance.substr(0, blank), Currency::eur(), Notation::point());
  if (!money) return money.error();
  return money->minor_units();
}

// What the process holds now (/proc/self/statm), unlike the peak (getrusage).
double resident_mib() {
  std::ifstream statm("/proc/self/statm");
  std::uint64_t size = 0, resident = 0;
  statm >> size >> resident;
  return mib(resident * static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE)));
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

double rate(double count, double seconds) {
  return seconds > 0 ? count / seconds : 0;
}

int run(const Options& options) {
  const fs::path scratch = options.dir / fmt::format("journal_bench_{}", getpid());
  fs::create_directories(scratch);
  const fs::path folder = scratch / "journal";
  fmt::print("journal_bench: {} bookings in batches of {}, {} customers, scratch {}\n",
             options.bookings, options.batch, options.customers, scratch.string());

  Steady::time_point start = Steady::now();
  const JournalBook book = journal_book(options);
  fmt::print(
      "generated in {:.1f} s: {} payments, {} Skonto, {} bank charges, {} fees, {} interest, {} "
      "reversals in {} batches\n",
      seconds_since(start), book.payments, book.skonto, book.charges, book.fees, book.interest,
      book.reversals, book.batches.size());
  fmt::print("the book in memory: {:.1f} MiB resident (each phase below forks with it)\n",
             resident_mib());
  const auto bookings = static_cast<double>(book.bookings);
  int failures = 0;
  auto report = [&](const char* name, const std::optional<PhaseOutcome>& outcome) {
    if (!outcome || outcome->error.failed) {
      fmt::print("{}: FAILED {}\n", name, outcome ? outcome->error.message : "(child)");
      ++failures;
      return;
    }
    fmt::print(
        "{:<44} {:>9.2f} s {:>11.0f} bookings/s {:>7.2f} µs/booking {:>8.1f} MiB peak "
        "{:>8.1f} MiB written\n",
        name, outcome->seconds, rate(bookings, outcome->seconds), outcome->seconds * 1e6 / bookings,
        outcome->rss_mib, mib(static_cast<std::uintmax_t>(outcome->bytes)));
  };
  report("journal writer alone (write_journal)",
         in_child<PhaseOutcome>([&] { return writer_alone(book); }));
  report("kontor-journal.so stage + publish", in_child<PhaseOutcome>([&] {
           return through_plugin(book, options.plugin_dir / "kontor-journal.so", folder);
         }));
  report("floor: minimal text writer",
         in_child<PhaseOutcome>([&] { return minimal_writer(book, scratch / "minimal.journal"); }));

  const fs::path index = folder / "kontor.journal";
  const ProcessOutcome ledger = run_process({options.ledger, "-f", index.string(), "--flat", "bal"},
                                            scratch / "ledger.out", scratch / "ledger.err");
  fmt::print("{:<44} {:>9.2f} s {:>11.0f} bookings/s {:>7.2f} µs/booking {:>8.1f} MiB peak\n",
             "reference: ledger --flat bal (whole journal)", ledger.seconds,
             rate(bookings, ledger.seconds), ledger.seconds * 1e6 / bookings, ledger.rss_mib);
  if (!ledger.started || ledger.exit_code != 0) {
    fmt::print("ledger failed ({}): {}\n", ledger.exit_code, read_text(scratch / "ledger.err"));
    ++failures;
  } else {
    // "        5034.00 EUR  Aktiva:Bank:1200 Bank" — the bank is the payments' sum, reversed
    // ones taken off.
    const std::string out = read_text(scratch / "ledger.out");
    const std::size_t at = out.find("  Aktiva:Bank:1200 Bank\n");
    const std::size_t line_start = out.rfind('\n', at) + 1;
    std::string balance = out.substr(line_start, at - line_start);
    balance.erase(0, balance.find_first_not_of(' '));
    const Result<std::int64_t> bank = cents_of(balance);
    if (at == std::string::npos || !bank || *bank != book.bank_cents) {
      fmt::print("ledger's bank balance '{}' is not the payments' {}\n", balance,
                 eur(book.bank_cents).to_string());
      ++failures;
    } else {
      fmt::print("ledger's bank balance {} = the generated payments' sum\n",
                 eur(*bank).to_string());
    }
  }
  const fs::path first_batch = folder / "kontor-journal-out-000001.journal";
  const ProcessOutcome hledger =
      run_process({options.hledger, "-f", first_batch.string(), "check", "-s", "ordereddates"},
                  scratch / "hledger.out", scratch / "hledger.err");
  const auto first_count = static_cast<double>(book.batches.front().bookings.size());
  fmt::print("{:<44} {:>9.2f} s {:>11.0f} bookings/s {:>7.2f} µs/booking {:>8.1f} MiB peak\n",
             "reference: hledger check -s (first batch)", hledger.seconds,
             rate(first_count, hledger.seconds), hledger.seconds * 1e6 / first_count,
             hledger.rss_mib);
  if (!hledger.started || hledger.exit_code != 0) {
    fmt::print("hledger failed ({}): {}\n", hledger.exit_code, read_text(scratch / "hledger.err"));
    ++failures;
  }

  if (!options.keep) fs::remove_all(scratch);
  return failures == 0 ? 0 : 1;
}

}  // namespace
}  // namespace kontor::bench

int main(int argc, char** argv) {
  kontor::bench::Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a value\n", argv[i]);
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--bookings") {
      options.bookings = std::stoull(value());
    } else if (arg == "--customers") {
      options.customers = std::stoull(value());
    } else if (arg == "--batch") {
      options.batch = std::stoull(value());
    } else if (arg == "--seed") {
      options.seed = std::stoull(value());
    } else if (arg == "--quick") {
      options.bookings = 20'000;
      options.customers = 1'000;
    } else if (arg == "--dir") {
      options.dir = value();
    } else if (arg == "--keep") {
      options.keep = true;
    } else if (arg == "--plugin-dir") {
      options.plugin_dir = value();
    } else if (arg == "--ledger") {
      options.ledger = value();
    } else if (arg == "--hledger") {
      options.hledger = value();
    } else {
      std::fprintf(stderr, "unknown option %s (see the comment at the top of journal_bench.cpp)\n",
                   argv[i]);
      return 2;
    }
  }
  if (options.bookings == 0 || options.customers == 0 || options.batch == 0) {
    std::fprintf(stderr, "--bookings, --customers and --batch must be positive\n");
    return 2;
  }
  return kontor::bench::run(options);
}
