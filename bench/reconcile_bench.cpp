// reconcile_bench: how fast the payment matching decides, in memory — N customers, N open
// items and N credits of the match scenario (match_scenario.hpp: the classes and wording of
// match_quality_gen), fed to matching::Reconciler without files or store.
//
//   reconcile_bench [--items 1000000] [--payments 1000000] [--customers N] [--seed 1]
//                   [--examples K]
//
// Measured with std::chrono and reported, never asserted: building the Reconciler (its book and
// indexes) and deciding every credit, against a floor in the same run on the same credits — the
// trivial matcher, a hash lookup of "does some open item have this amount" — and the peak RSS
// (getrusage) after generating, building and deciding. Credits are turned into BankTransactions
// in batches outside the timed loops, so the decision time is the reconciler's alone. Each
// decision is compared with the truth afterwards (a count per class; `--examples K` prints the
// first K postings per class that differ from it, with the engine's reason).
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "match_scenario.hpp"
#include "matching/reconciler.hpp"

namespace {

using namespace kontor;
using namespace kontor::bench;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kBatch = 10'000;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // KiB on Linux
}

class Days {
 public:
  Days() {
    const Date first = Date::from_ymd(2026, 1, 1).value();
    for (int day = 0; day < 800; ++day) dates_.push_back(first.add_days(day).value());
  }
  const Date& operator[](int day) const { return dates_.at(static_cast<std::size_t>(day)); }

 private:
  std::vector<Date> dates_;
};

struct Book {
  std::vector<matching::BookCustomer> customers;
  std::vector<OpenItem> items;
  std::size_t bad_references = 0;  // RF references the model refuses: a generator bug
};

Book book_of(const Scenario& scenario, const Days& days) {
  Book book;
  book.customers.reserve(scenario.customers.size());
  for (const ScenarioCustomer& c : scenario.customers) {
    matching::BookCustomer customer;
    customer.number = c.number;
    customer.name = full_name(c.name);
    if (c.iban_in_erp) customer.ibans.push_back(c.iban);
    book.customers.push_back(std::move(customer));
  }
  book.items.reserve(scenario.items.size());
  for (const ScenarioItem& i : scenario.items) {
    OpenItem item;
    item.number = i.number;
    item.customer_number = scenario.customers[i.customer].number;
    item.type = i.credit_note ? OpenItemType::credit_note : OpenItemType::invoice;
    item.issue_date = days[i.issued];
    item.due_date = days[i.due];
    item.gross = Money(i.gross, Currency::eur());
    item.open = Money(i.initial_open, Currency::eur());
    item.refers_to = i.refers_to;
    if (!i.rf_reference.empty()) {
      Result<CreditorReference> reference = CreditorReference::parse(i.rf_reference);
      if (reference) {
        item.rf_reference = *reference;
      } else {
        ++book.bad_references;
      }
    }
    if (i.skonto_percent != 0) {
      item.skonto = SkontoTerms{.percent = Decimal::from_integer(i.skonto_percent),
                                .until = days[i.skonto_until]};
    }
    book.items.push_back(std::move(item));
  }
  return book;
}

// The transaction the statement import would store for the entry.
BankTransaction transaction_of(const ScenarioPayment& p, const Days& days) {
  BankTransaction t;
  t.account = "DE89370400440532013000";
  t.statement_id = "2026-03-MATCH";
  t.statement_sequence = "1";
  t.booking_date = days[p.booked];
  t.value_date = days[p.booked];
  t.amount = Money(p.amount, Currency::eur());
  t.counterparty_name = p.payer_name;
  t.counterparty_account = p.payer_iban;
  t.counterparty_bic = p.payer_bic;
  t.remittance = joined_remittance(p);
  t.end_to_end_id = p.end_to_end_id.empty() ? "NOTPROVIDED" : p.end_to_end_id;
  t.bank_reference = p.entry_ref;
  t.bank_transaction_code = p.returned     ? "PMNT/ICDT/RRTN"
                            : p.amount > 0 ? "PMNT/RCDT/ESCT"
                                           : "PMNT/ICDT/ESCT";
  if (p.returned) t.return_reason = "AC04";
  t.is_return = p.returned;
  return t;
}

struct ClassCounts {
  std::size_t credits = 0, posted = 0, posted_wrong = 0, review = 0, unmatched = 0, ignored = 0;
};

// Whether a posted decision allocated exactly what the truth expects, Skonto rows included.
bool as_expected(const matching::Decision& decision, const ScenarioPayment& p,
                 const Scenario& scenario) {
  std::map<std::string, std::int64_t> posted, expected;
  for (const matching::PlannedAllocation& a : decision.allocations) {
    posted[a.item_number] += a.amount.minor_units();
  }
  for (const ExpectedAllocation& e : p.expected) {
    expected[scenario.items[e.item].number] += e.allocated;
  }
  return !expected.empty() && posted == expected;
}

void print_example(const matching::Decision& decision, const ScenarioPayment& p,
                   const Scenario& scenario) {
  std::printf("  %s %s/%s %s payer \"%s\" text \"%s\"\n    expected:", p.entry_ref.c_str(),
              std::string(to_string(p.payment_class)).c_str(), p.variant.c_str(),
              decimal_text(p.amount).c_str(), p.payer_name.c_str(), joined_remittance(p).c_str());
  for (const ExpectedAllocation& e : p.expected) {
    std::printf(" %s %s", scenario.items[e.item].number.c_str(), decimal_text(e.allocated).c_str());
  }
  std::printf("%s\n    posted:", p.expected.empty() ? " nothing" : "");
  for (const matching::PlannedAllocation& a : decision.allocations) {
    std::printf(" %s %s %s %d;", a.item_number.c_str(), a.amount.format().c_str(),
                std::string(to_string(a.method)).c_str(), a.confidence_permille);
  }
  std::printf("\n    reason: %s\n", decision.reason.c_str());
}

int usage() {
  std::fprintf(stderr,
               "usage: reconcile_bench [--items N] [--payments N] [--customers N] [--seed S] "
               "[--examples K]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  ScenarioSizes sizes{.customers = 0, .items = 1'000'000, .payments = 1'000'000, .seed = 1};
  std::size_t examples = 0;
  for (int i = 1; i < argc; i += 2) {
    if (i + 1 >= argc) return usage();
    const std::string_view arg = argv[i];
    const std::size_t value = std::strtoull(argv[i + 1], nullptr, 10);
    if (arg == "--items") {
      sizes.items = value;
    } else if (arg == "--payments") {
      sizes.payments = value;
    } else if (arg == "--customers") {
      sizes.customers = value;
    } else if (arg == "--seed") {
      sizes.seed = value;
    } else if (arg == "--examples") {
      examples = value;
    } else {
      return usage();
    }
  }
  if (sizes.items == 0 || sizes.payments == 0) return usage();
  if (sizes.customers == 0) sizes.customers = sizes.items;

  const Days days;
  Clock::time_point start = Clock::now();
  const Scenario scenario = generate_scenario(sizes);
  Book book = book_of(scenario, days);
  const double generate_seconds = seconds_since(start);
  const double rss_generated = peak_rss_mib();
  const std::size_t item_count = book.items.size();
  std::printf(
      "reconcile_bench: %zu customers, %zu items (%zu issued for credits), %zu credits, "
      "seed %llu; generated in %.2f s\n",
      scenario.customers.size(), item_count, item_count - scenario.items_in_book,
      scenario.payments.size(), static_cast<unsigned long long>(sizes.seed), generate_seconds);
  if (book.bad_references != 0) {
    std::printf("WARNING: %zu generated RF references refused by CreditorReference::parse\n",
                book.bad_references);
  }

  // Floor: index the open amounts.
  start = Clock::now();
  std::unordered_map<std::int64_t, std::uint32_t> open_amounts;
  open_amounts.reserve(book.items.size());
  for (const OpenItem& item : book.items) {
    if (item.open.is_positive()) ++open_amounts[item.open.minor_units()];
  }
  const double naive_build = seconds_since(start);

  start = Clock::now();
  matching::ReconcilePolicy policy;
  matching::Reconciler reconciler(std::move(book.customers), std::move(book.items), policy);
  const double build_seconds = seconds_since(start);
  const double rss_built = peak_rss_mib();

  double naive_seconds = 0, decide_seconds = 0;
  std::size_t naive_hits = 0;
  std::map<std::string_view, ClassCounts> counts;
  std::vector<BankTransaction> batch;
  std::vector<matching::Decision> decisions;
  for (std::size_t from = 0; from < scenario.payments.size(); from += kBatch) {
    const std::size_t to = std::min(from + kBatch, scenario.payments.size());
    batch.clear();
    for (std::size_t k = from; k < to; ++k)
      batch.push_back(transaction_of(scenario.payments[k], days));

    start = Clock::now();
    for (const BankTransaction& t : batch) {
      if (t.amount.is_positive()) naive_hits += open_amounts.count(t.amount.minor_units());
    }
    naive_seconds += seconds_since(start);

    decisions.clear();
    start = Clock::now();
    for (const BankTransaction& t : batch) decisions.push_back(reconciler.decide(t));
    decide_seconds += seconds_since(start);

    for (std::size_t k = from; k < to; ++k) {
      const ScenarioPayment& p = scenario.payments[k];
      const matching::Decision& d = decisions[k - from];
      ClassCounts& c = counts[to_string(p.payment_class)];
      ++c.credits;
      switch (d.outcome) {
        case matching::Outcome::posted:
          ++c.posted;
          if (!as_expected(d, p, scenario) && ++c.posted_wrong <= examples) {
            print_example(d, p, scenario);
          }
          break;
        case matching::Outcome::review:
          ++c.review;
          break;
        case matching::Outcome::unmatched:
          ++c.unmatched;
          break;
        case matching::Outcome::ignored:
          ++c.ignored;
          break;
      }
    }
  }
  const double rss_decided = peak_rss_mib();
  const double credits = static_cast<double>(scenario.payments.size());
  const double items = static_cast<double>(item_count);

  std::printf("\n| phase | seconds | per second | peak RSS MiB |\n| --- | --- | --- | --- |\n");
  std::printf("| generate scenario + model values (not measured below) | %.3f | | %.0f |\n",
              generate_seconds, rss_generated);
  std::printf("| floor: hash the open amounts | %.3f | %.0f items/s | |\n", naive_build,
              items / naive_build);
  std::printf("| floor: look up every credit's amount | %.3f | %.0f credits/s | |\n", naive_seconds,
              credits / naive_seconds);
  std::printf("| Reconciler: book and indexes | %.3f | %.0f items/s | %.0f |\n", build_seconds,
              items / build_seconds, rss_built);
  std::printf("| Reconciler: decide every credit | %.3f | %.0f credits/s | %.0f |\n",
              decide_seconds, credits / decide_seconds, rss_decided);
  std::printf(
      "\nThe Reconciler's book and indexes added %.0f MiB to the peak; the scenario "
      "holds the rest.\n",
      rss_built - rss_generated);
  std::printf(
      "Deciding takes %.0f x the floor's lookups (%zu credits had an open item of their "
      "amount).\n",
      decide_seconds / naive_seconds, naive_hits);

  std::printf(
      "\n| class | credits | posted | posted, not the truth | review | unmatched | "
      "ignored |\n| --- | --- | --- | --- | --- | --- | --- |\n");
  for (const auto& [name, c] : counts) {
    std::printf("| %.*s | %zu | %zu | %zu | %zu | %zu | %zu |\n", static_cast<int>(name.size()),
                name.data(), c.credits, c.posted, c.posted_wrong, c.review, c.unmatched, c.ignored);
  }
  return 0;
}
