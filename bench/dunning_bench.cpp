// dunning_bench: how fast the dunning decision runs, in memory — a DunningBook of N customers
// and M open items, generated deterministically, fed to dunning::decide() without store or
// engine.
//
//   dunning_bench [--customers 1000000] [--items 5000000] [--seed 1]
//
// The book is a realistic mix: about 30 % of invoices overdue, 1 to 200 days; some partly paid
// (an OpenPrincipal step on the payment day); some reminded before, levels 1 to 4, with the
// days of their notices and the interest charged through the last one; 5 % of customers held
// (a dunning block), some items held (an open complaint), credit notes, fee and interest items
// of earlier notices, business and consumer customers half and half, a few without e-mail.
// The policy is four levels (7 days after due, then 14 after the previous each; fees 0, 5, 10,
// 15 EUR; the last by letter), the €40 flat fee, a minimum of 10 EUR, the Bundesbank's base
// rates 2023-01-01 to 2026-07-01; today is 2026-11-28; e-mail and letter channels configured.
//
// Measured with std::chrono::steady_clock and reported, never asserted: generating the book,
// a floor in the same run on the same book — one pass that only sums every item's open amount,
// what any decision must at least pay to look at the book — and decide() itself, with the
// peak RSS (getrusage) after generating and after deciding. Amounts are exact (minor units).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bench_random.hpp"
#include "dunning/dunning_decider.hpp"

namespace {

using namespace kontor;
using namespace kontor::dunning;
using kontor::bench::Random;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // KiB on Linux
}

Money eur(std::int64_t cents) {
  return Money(cents, Currency::eur());
}

Date day(int year, int month, int day_of_month) {
  return Date::from_ymd(year, month, day_of_month).value();
}

// Today and the days around it, looked up instead of computed for every item.
class Days {
 public:
  static constexpr int kBefore = 400;
  static constexpr int kAfter = 60;
  explicit Days(const Date& today) {
    for (int offset = -kBefore; offset <= kAfter; ++offset) {
      dates_.push_back(today.add_days(offset).value());
    }
  }
  // The day `offset` days from today (negative: before).
  const Date& at(int offset) const { return dates_.at(static_cast<std::size_t>(offset + kBefore)); }

 private:
  std::vector<Date> dates_;
};

std::string numbered(const char* prefix, std::uint64_t number) {
  char text[32];
  std::snprintf(text, sizeof text, "%s%08llu", prefix, static_cast<unsigned long long>(number));
  return text;  // at most 15 characters: kept in the string itself, no allocation
}

struct Generated {
  DunningBook book;
  std::size_t items = 0;
  std::size_t invoices = 0;
  std::size_t overdue = 0;
  std::size_t partly_paid = 0;
  std::size_t with_history = 0;
  std::size_t customers_held = 0;
  std::size_t items_held = 0;
  std::size_t credit_notes = 0;
  std::size_t charges = 0;  // fee and interest items
  std::size_t business = 0;
  std::size_t without_email = 0;
};

constexpr int kLevels = 4;

// The highest level an invoice `age` days overdue can have reached by yesterday: level 1 at
// 7 days, each further one 14 days later (the policy below).
int reachable_level(int age) {
  if (age < 8) return 0;
  return std::min(kLevels, 1 + (age - 8) / 14);
}

void add_invoice(CustomerBook& account, Random& random, const Days& days, std::uint64_t number,
                 Generated& out) {
  const bool business = account.customer.kind == CustomerKind::business;
  OpenItem item;
  item.number = numbered("RE-", number);
  item.customer_number = account.customer.number;
  item.type = OpenItemType::invoice;
  const std::int64_t gross = 1'000 + static_cast<std::int64_t>(random.below(499'001));  // cents
  item.gross = eur(gross);
  item.open = item.gross;
  const bool overdue = random.percent(30);
  const int age = overdue ? 1 + static_cast<int>(random.below(200))
                          : -static_cast<int>(random.below(31));  // due today .. in 30 days
  item.due_date = days.at(-age);
  item.issue_date = days.at(-age - (random.percent(50) ? 14 : 30));
  item.due_date_agreed = random.percent(25);
  item.dunning_notice_on_invoice = business || random.percent(50);
  ++out.invoices;
  if (overdue) {
    ++out.overdue;
    if (age >= 2 && random.percent(12)) {  // partly paid on a day after due
      const std::int64_t paid = gross * (10 + static_cast<std::int64_t>(random.below(81))) / 100;
      const int paid_age =
          age - 1 - static_cast<int>(random.below(static_cast<std::uint64_t>(age - 1)));
      item.open = eur(gross - paid);
      OpenPrincipal principal;
      principal.changes.emplace_back(item.due_date, item.gross);
      principal.changes.emplace_back(days.at(-paid_age), item.open);
      account.principal.emplace(item.number, std::move(principal));
      ++out.partly_paid;
    }
    const int reachable = reachable_level(age);
    if (reachable > 0 && random.percent(55)) {  // reminded before
      const int level = 1 + static_cast<int>(random.below(static_cast<std::uint64_t>(reachable)));
      const int slack = age - 7 - 14 * (level - 1);  // >= 1
      const int late =
          static_cast<int>(random.below(static_cast<std::uint64_t>(std::min(slack, 4))));
      ItemHistory history;
      history.level = level;
      const int first_age = age - 7 - late;
      history.first_reminded_on = days.at(-first_age);
      history.first_by_letter = !account.has_email || random.percent(10);
      history.last_reminded_on = days.at(-(first_age - 14 * (level - 1)));
      if (level >= 2 && random.percent(70)) history.interest_through = history.last_reminded_on;
      history.flat_fee_charged = business && level >= 2 && random.percent(60);
      item.dunning_level = level;
      account.history.emplace(item.number, history);
      ++out.with_history;
    }
    if (random.percent(1)) {  // an open complaint about this invoice
      account.item_holds.emplace(item.number, "open complaint: goods damaged");
      ++out.items_held;
    }
  }
  account.items.push_back(std::move(item));
}

Generated generate(std::size_t customers, std::size_t items, std::uint64_t seed, const Days& days) {
  Generated out;
  Random random(seed);
  // Each item belongs to a customer drawn at random: about M/N items each, some customers none.
  std::vector<std::uint32_t> counts(customers, 0);
  for (std::size_t i = 0; i < items; ++i) ++counts[random.below(customers)];

  out.book.customers.reserve(customers);
  std::uint64_t invoice_number = 0, credit_number = 0, charge_number = 0;
  for (std::size_t c = 0; c < customers; ++c) {
    CustomerBook account;
    Customer& customer = account.customer;
    customer.number = numbered("K", c + 1);
    customer.name = "Kunde " + std::to_string(c + 1);
    customer.kind = random.percent(50) ? CustomerKind::business : CustomerKind::consumer;
    if (random.percent(3)) {
      ++out.without_email;
    } else {
      customer.email = "k" + std::to_string(c + 1) + "@example.com";
    }
    account.has_email = !customer.email.empty();
    const std::uint64_t delivery = random.below(10);
    if (delivery == 0) customer.preferred_delivery = Delivery::letter;
    if (delivery == 1) customer.preferred_delivery = Delivery::email;
    if (random.percent(10)) customer.language = "en";
    if (customer.kind == CustomerKind::business) ++out.business;
    if (random.percent(5)) {
      customer.dunning_block = DunningBlock{.reason = "insolvency proceedings", .until = {}};
      account.customer_holds.push_back("dunning block: insolvency proceedings");
      ++out.customers_held;
    }

    account.items.reserve(counts[c]);
    std::string last_invoice;
    for (std::uint32_t k = 0; k < counts[c]; ++k) {
      const std::uint64_t kind = random.below(100);
      if (kind < 84 || last_invoice.empty()) {
        add_invoice(account, random, days, ++invoice_number, out);
        last_invoice = account.items.back().number;
        continue;
      }
      OpenItem item;
      item.customer_number = customer.number;
      item.due_date = days.at(-static_cast<int>(random.below(120)));
      item.issue_date = item.due_date;
      item.refers_to = last_invoice;
      if (kind < 90) {  // a credit note, not yet set off
        item.number = numbered("GS-", ++credit_number);
        item.type = OpenItemType::credit_note;
        item.gross = eur(-(500 + static_cast<std::int64_t>(random.below(49'501))));
        ++out.credit_notes;
      } else {  // a fee or interest charged by an earlier notice, still open
        const bool fee = kind < 95;
        item.number = numbered(fee ? "MG-" : "ZI-", ++charge_number);
        item.type = fee ? OpenItemType::fee : OpenItemType::interest;
        item.gross = fee ? eur(500 * (1 + static_cast<std::int64_t>(random.below(3))))
                         : eur(1 + static_cast<std::int64_t>(random.below(5'000)));
        item.notice_number = numbered("MN-", charge_number);
        ++out.charges;
      }
      item.open = item.gross;
      account.items.push_back(std::move(item));
    }
    out.items += account.items.size();
    out.book.customers.push_back(std::move(account));
  }
  return out;
}

DunningPolicy policy_of() {
  DunningPolicy policy;
  const char* names[kLevels] = {"Zahlungserinnerung", "1. Mahnung", "2. Mahnung", "Letzte Mahnung"};
  const std::int64_t fees[kLevels] = {0, 500, 1'000, 1'500};
  for (int n = 0; n < kLevels; ++n) {
    policy.levels.push_back(
        DunningLevel{.name = names[n],
                     .days_after_due = n == 0 ? 7 : 0,
                     .days_after_previous = n == 0 ? 0 : 14,
                     .fee = eur(fees[n]),
                     .template_name = "reminder-" + std::to_string(n + 1),
                     .channel = n == kLevels - 1 ? ChannelChoice::letter : ChannelChoice::preferred,
                     .pay_within_days = 10});
  }
  policy.flat_fee = eur(4'000);
  policy.minimum_overdue = eur(1'000);
  return policy;
}

BaseRateTable bundesbank() {
  auto percent = [](std::string_view text) { return Decimal::parse(text).value(); };
  return BaseRateTable::make({BaseRate{.from = day(2023, 1, 1), .percent = percent("1.62")},
                              BaseRate{.from = day(2023, 7, 1), .percent = percent("3.12")},
                              BaseRate{.from = day(2024, 1, 1), .percent = percent("3.62")},
                              BaseRate{.from = day(2024, 7, 1), .percent = percent("3.37")},
                              BaseRate{.from = day(2025, 1, 1), .percent = percent("2.27")},
                              BaseRate{.from = day(2025, 7, 1), .percent = percent("1.27")},
                              BaseRate{.from = day(2026, 1, 1), .percent = percent("1.27")},
                              BaseRate{.from = day(2026, 7, 1), .percent = percent("1.27")}})
      .value();
}

int usage() {
  std::fprintf(stderr, "usage: dunning_bench [--customers N] [--items M] [--seed S]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t customers = 1'000'000;
  std::size_t items = 5'000'000;
  std::uint64_t seed = 1;
  for (int i = 1; i < argc; i += 2) {
    if (i + 1 >= argc) return usage();
    const std::string_view arg = argv[i];
    const std::uint64_t value = std::strtoull(argv[i + 1], nullptr, 10);
    if (arg == "--customers") {
      customers = value;
    } else if (arg == "--items") {
      items = value;
    } else if (arg == "--seed") {
      seed = value;
    } else {
      return usage();
    }
  }
  if (customers == 0 || items == 0 || customers > UINT32_MAX) return usage();

  const Date today = day(2026, 11, 28);
  const Days days(today);
  const DunningPolicy policy = policy_of();
  const HolidayCalendar calendar = HolidayCalendar::make("", {}).value();
  const BaseRateTable base_rates = bundesbank();
  const DunningContext context{.policy = policy,
                               .calendar = calendar,
                               .base_rates = &base_rates,
                               .today = today,
                               .email_channel = true,
                               .letter_channel = true};

  Clock::time_point start = Clock::now();
  const Generated generated = generate(customers, items, seed, days);
  const double generate_seconds = seconds_since(start);
  const double rss_generated = peak_rss_mib();
  const DunningBook& book = generated.book;
  std::printf(
      "dunning_bench: %zu customers (%zu business, %zu held, %zu without e-mail), %zu items: "
      "%zu invoices (%zu overdue, %zu partly paid, %zu reminded before, %zu held), %zu credit "
      "notes, %zu fee/interest items; seed %llu; today %s; generated in %.2f s\n",
      book.customers.size(), generated.business, generated.customers_held, generated.without_email,
      generated.items, generated.invoices, generated.overdue, generated.partly_paid,
      generated.with_history, generated.items_held, generated.credit_notes, generated.charges,
      static_cast<unsigned long long>(seed), today.to_iso().c_str(), generate_seconds);

  // Floor: one pass over the same book that only sums every item's open amount.
  start = Clock::now();
  std::int64_t open_sum = 0;
  for (const CustomerBook& account : book.customers) {
    for (const OpenItem& item : account.items) open_sum += item.open.minor_units();
  }
  const double floor_seconds = seconds_since(start);

  start = Clock::now();
  Result<DunningPlan> decided = decide(book, context);
  const double decide_seconds = seconds_since(start);
  const double rss_decided = peak_rss_mib();
  if (!decided) {
    std::fprintf(stderr, "decide failed: %s\n", decided.error().message.c_str());
    return 1;
  }
  const DunningPlan& plan = *decided;

  std::map<int, std::size_t> by_level;
  std::size_t by_letter = 0, lines = 0, charges = 0;
  std::map<std::string, std::pair<std::size_t, std::int64_t>> by_kind;  // count, cents
  std::int64_t total_open = 0, total = 0;
  for (const PlannedNotice& notice : plan.notices) {
    ++by_level[notice.level];
    if (notice.channel == NoticeChannel::letter) ++by_letter;
    lines += notice.lines.size();
    charges += notice.charges.size();
    for (const PlannedCharge& charge : notice.charges) {
      auto& [count, cents] = by_kind[charge.kind];
      ++count;
      cents += charge.amount.minor_units();
    }
    total_open += notice.total_open.minor_units();
    total += notice.total.minor_units();
  }
  std::set<std::string_view> skipped_customers;
  std::size_t skipped_whole = 0, skipped_items = 0;
  for (const SkippedCustomer& skipped : plan.skipped) {
    skipped_customers.insert(skipped.customer_number);
    if (skipped.item_number.empty()) {
      ++skipped_whole;
    } else {
      ++skipped_items;
    }
  }

  const double item_count = static_cast<double>(generated.items);
  std::printf("\n| phase | seconds | per second | peak RSS MiB |\n| --- | --- | --- | --- |\n");
  std::printf("| generate the book (not measured below) | %.3f | %.0f items/s | %.0f |\n",
              generate_seconds, item_count / generate_seconds, rss_generated);
  std::printf("| floor: sum every item's open amount | %.3f | %.0f items/s | |\n", floor_seconds,
              item_count / floor_seconds);
  std::printf("| decide() | %.3f | %.0f items/s | %.0f |\n", decide_seconds,
              item_count / decide_seconds, rss_decided);
  std::printf("\ndecide() takes %.1f x the floor (open amounts sum to %s EUR).\n",
              decide_seconds / floor_seconds, eur(open_sum).format().c_str());

  std::printf("\n| outcome | count | amount EUR |\n| --- | --- | --- |\n");
  std::printf("| customers considered | %lld | |\n",
              static_cast<long long>(plan.customers_considered));
  std::printf("| invoices overdue (past grace) | %lld | |\n",
              static_cast<long long>(plan.items_overdue));
  std::printf("| notices decided | %zu | %s (total) |\n", plan.notices.size(),
              eur(total).format().c_str());
  for (const auto& [level, count] : by_level) {
    std::printf("| notices at level %d | %zu | |\n", level, count);
  }
  std::printf("| notices by letter | %zu | |\n", by_letter);
  std::printf("| lines on notices | %zu | %s (open) |\n", lines, eur(total_open).format().c_str());
  std::printf("| charges | %zu | %s |\n", charges, eur(total - total_open).format().c_str());
  for (const auto& [kind, sum] : by_kind) {
    std::printf("| charges: %s | %zu | %s |\n", kind.c_str(), sum.first,
                eur(sum.second).format().c_str());
  }
  std::printf("| customers skipped (whole) | %zu | |\n", skipped_whole);
  std::printf("| items left off (held) | %zu | |\n", skipped_items);
  std::printf("| customers with any skip | %zu | |\n", skipped_customers.size());
  std::printf("| handovers to collection | %zu | |\n", plan.handovers.size());
  return 0;
}
