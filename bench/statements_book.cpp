// The book of the statements-of-account benchmark (see the header).
#include "statements_book.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "bench_random.hpp"
#include "book_values.hpp"
#include "kontor/model/decimal.hpp"
#include "kontor/model/iban.hpp"

namespace kontor::bench {
namespace {

constexpr const char* kFirstNames[] = {"Jürgen", "Anna",  "Sören", "Käthe",  "Hans",  "Ümran",
                                       "Maria",  "Björn", "Lena",  "Günter", "Heike", "Jörg"};
constexpr const char* kSurnames[] = {"Müller",  "Schmidt",  "Schäfer", "Weiß",     "Köhler",
                                     "Becker",  "Hoffmann", "Groß",    "Krämer",   "Jäger",
                                     "Fischer", "Böhm",     "Wagner",  "Schröder", "Lührs"};
constexpr const char* kTrades[] = {"Metallbau", "Bäckerei", "Elektrotechnik",
                                   "Gärtnerei", "Holzbau",  "Kälte- und Klimatechnik",
                                   "Druckerei", "Logistik"};
constexpr const char* kForms[] = {"GmbH", "GmbH & Co. KG", "e.K.", "KG", "AG", "OHG"};
constexpr const char* kStreets[] = {"Hauptstraße",   "Lindenallee",   "Am Mühlbach",
                                    "Kölner Straße", "Bahnhofstraße", "Schloßweg"};
constexpr const char* kCities[][2] = {
    {"50667", "Köln"},      {"80331", "München"},  {"20095", "Hamburg"}, {"04109", "Leipzig"},
    {"70173", "Stuttgart"}, {"90402", "Nürnberg"}, {"48143", "Münster"}, {"01067", "Dresden"}};

template <typename T, std::size_t N>
const T& pick(Random& random, const T (&values)[N]) {
  return values[random.below(N)];
}

struct Part {
  std::string item;
  std::int64_t cents = 0;
};

struct Transfer {
  std::size_t customer = 0;
  Date day;
  std::vector<Part> paid;
  std::vector<Part> skonto;  // allowances beside the payment (no money moves)
  std::int64_t unapplied = 0;
};

struct CreditNote {
  std::size_t item = 0;  // index of the credit note among the customer's items
  std::int64_t applied = 0;
};

struct PlannedCustomer {
  Customer customer;
  std::vector<OpenItem> items;  // each credit note right after its invoice
  std::vector<CreditNote> credit_notes;
};

class Planner {
 public:
  Planner(const StatementBookOptions& options, StatementBookFacts& facts)
      : options_(options), random_(options.seed), facts_(facts) {}

  PlannedCustomer customer(std::size_t index, std::vector<Transfer>& transfers) {
    PlannedCustomer planned;
    index_ = index;
    Customer& customer = planned.customer;
    customer.number = fmt::format("K{:06}", index + 1);
    customer.kind = random_.percent(50) ? CustomerKind::business : CustomerKind::consumer;
    const bool business = customer.kind == CustomerKind::business;
    const std::string surname = pick(random_, kSurnames);
    customer.name =
        business ? fmt::format("{} {} {}", surname, pick(random_, kTrades), pick(random_, kForms))
                 : fmt::format("{} {}", pick(random_, kFirstNames), surname);
    const auto& city = pick(random_, kCities);
    customer.address = {
        .street = fmt::format("{} {}", pick(random_, kStreets), 1 + random_.below(120)),
        .postcode = city[0],
        .city = city[1],
        .country = "DE"};
    if (index % 2 == 0) {
      customer.email = fmt::format("buchhaltung@kunde-{}.example", index + 1);
      ++facts_.with_email;
    } else {
      ++facts_.letter_only;
    }
    if (random_.percent(10)) {
      customer.language = "en";
      ++facts_.english;
    }
    customer.ibans.push_back(Iban::parse(german_iban(random_)).value());
    if (random_.percent(1)) {
      customer.dunning_block = DunningBlock{.reason = "insolvency proceedings", .until = {}};
      ++facts_.blocked;
    }
    const bool takes_skonto = business && random_.percent(30);

    // Invoices, oldest first, numbered in that order.
    const std::int64_t span =
        options_.last_day.days_since_epoch() - options_.first_day.days_since_epoch() + 1;
    std::vector<std::int64_t> offsets(3 + random_.below(6));
    for (std::int64_t& offset : offsets) {
      offset = static_cast<std::int64_t>(random_.below(static_cast<std::uint64_t>(span)));
    }
    std::sort(offsets.begin(), offsets.end());
    std::vector<Transfer> own;
    for (const std::int64_t offset : offsets) invoice(planned, offset, takes_skonto, own);

    // Close payments: a quarter of them become one transfer for two invoices, on the later day.
    std::sort(own.begin(), own.end(),
              [](const Transfer& a, const Transfer& b) { return a.day < b.day; });
    for (std::size_t i = 0; i < own.size(); ++i) {
      Transfer transfer = std::move(own[i]);
      if (i + 1 < own.size() &&
          own[i + 1].day.days_since_epoch() - transfer.day.days_since_epoch() <= 10 &&
          own[i + 1].paid.front().item != transfer.paid.front().item && random_.percent(25)) {
        Transfer& next = own[++i];
        transfer.day = next.day;
        transfer.paid.insert(transfer.paid.end(), next.paid.begin(), next.paid.end());
        transfer.skonto.insert(transfer.skonto.end(), next.skonto.begin(), next.skonto.end());
        ++facts_.combined;
      }
      if (random_.percent(2)) {
        transfer.unapplied = 100 + static_cast<std::int64_t>(random_.below(1'901));
        ++facts_.overpaid;
      }
      transfers.push_back(std::move(transfer));
    }
    return planned;
  }

 private:
  void invoice(PlannedCustomer& planned, std::int64_t offset, bool takes_skonto,
               std::vector<Transfer>& own) {
    const Date issued = plus_days(options_.first_day, offset);
    const std::uint64_t size = random_.below(100);
    const std::int64_t gross = size < 70 ? 5'000 + static_cast<std::int64_t>(random_.below(145'001))
                               : size < 95
                                   ? 150'000 + static_cast<std::int64_t>(random_.below(650'001))
                                   : 800'000 + static_cast<std::int64_t>(random_.below(3'200'001));
    OpenItem item;
    item.number = fmt::format("RE-2026-{:06}", ++invoice_number_);
    item.customer_number = planned.customer.number;
    item.type = OpenItemType::invoice;
    item.issue_date = issued;
    item.due_date = plus_days(issued, random_.percent(50) ? 14 : 30);
    item.gross = eur(gross);
    item.open = item.gross;
    if (takes_skonto) {
      item.skonto =
          SkontoTerms{.percent = Decimal::from_integer(2), .until = plus_days(issued, 10)};
    }
    const OpenItem invoice = item;
    planned.items.push_back(std::move(item));
    ++facts_.invoices;
    facts_.invoiced_cents += gross;

    std::int64_t open = gross;
    std::optional<Date> credited;
    if (random_.percent(8)) {
      const Date day = plus_days(issued, 2 + static_cast<std::int64_t>(random_.below(9)));
      if (day <= options_.last_day) {
        const std::int64_t amount =
            gross * (5 + static_cast<std::int64_t>(random_.below(26))) / 100;
        OpenItem credit;
        credit.number = fmt::format("GS-2026-{:06}", ++credit_number_);
        credit.customer_number = invoice.customer_number;
        credit.type = OpenItemType::credit_note;
        credit.issue_date = day;
        credit.due_date = day;
        credit.gross = eur(-amount);
        credit.open = credit.gross;
        credit.refers_to = invoice.number;
        planned.credit_notes.push_back({.item = planned.items.size(), .applied = amount});
        planned.items.push_back(std::move(credit));
        ++facts_.credit_notes;
        open -= amount;
        credited = day;
      }
    }

    // What the customer does: pay in full, in part, or not (yet).
    const std::uint64_t fate = random_.below(100);
    const std::int64_t window =
        invoice.due_date.days_since_epoch() - issued.days_since_epoch() + 16;
    Date day = plus_days(
        issued, 5 + static_cast<std::int64_t>(random_.below(static_cast<std::uint64_t>(window))));
    if (credited && day <= *credited) day = plus_days(*credited, 1);
    day = business_day(day);
    const bool arrives = day <= options_.last_day;
    if (fate >= 74 || !arrives) {
      ++facts_.unpaid;
      if (invoice.due_date < options_.last_day) ++facts_.overdue;
      return;
    }
    Transfer transfer{.customer = index_, .day = day, .paid = {}, .skonto = {}, .unapplied = 0};
    if (fate < 62) {
      std::int64_t allowance = 0;
      if (invoice.skonto && day <= invoice.skonto->until) {
        allowance = open * 2 / 100;
        transfer.skonto.push_back({.item = invoice.number, .cents = allowance});
        ++facts_.skonto;
      }
      transfer.paid.push_back({.item = invoice.number, .cents = open - allowance});
      facts_.paid_cents += open - allowance;
      own.push_back(std::move(transfer));
      ++facts_.paid_in_full;
      return;
    }
    // In part: a round sum; a third pay the rest some weeks later.
    std::int64_t part =
        open * (20 + static_cast<std::int64_t>(random_.below(61))) / 100 / 100 * 100;
    if (part <= 0 || part >= open) part = open / 2;
    transfer.paid.push_back({.item = invoice.number, .cents = part});
    facts_.paid_cents += part;
    own.push_back(transfer);
    const Date rest_day =
        business_day(plus_days(day, 7 + static_cast<std::int64_t>(random_.below(24))));
    if (random_.below(3) == 0 && rest_day <= options_.last_day) {
      transfer.day = rest_day;
      transfer.paid = {{.item = invoice.number, .cents = open - part}};
      facts_.paid_cents += open - part;
      own.push_back(std::move(transfer));
      ++facts_.paid_in_full;
      return;
    }
    ++facts_.paid_in_part;
    if (invoice.due_date < options_.last_day) ++facts_.overdue;
  }

  const StatementBookOptions& options_;
  Random random_;
  StatementBookFacts& facts_;
  std::uint64_t invoice_number_ = 0;
  std::uint64_t credit_number_ = 0;
  std::size_t index_ = 0;  // of the customer being planned
};

std::string remittance_of(const Transfer& transfer, std::uint64_t variant) {
  std::string numbers;
  for (const Part& part : transfer.paid) {
    if (!numbers.empty()) numbers += ", ";
    numbers += part.item;
  }
  switch (variant % 4) {
    case 0:
      return numbers;
    case 1:
      return (transfer.paid.size() > 1 ? "Rechnungen " : "Rechnung ") + numbers;
    case 2:
      return "Rg.-Nr. " + numbers + " Kd.-Nr. " + fmt::format("{}", transfer.customer + 1);
    default:
      return numbers + " vielen Dank";
  }
}

}  // namespace

Result<StatementBookFacts> generate_statement_book(store::Store& store,
                                                   const StatementBookOptions& options) {
  StatementBookFacts facts;
  Planner planner(options, facts);
  std::vector<Transfer> transfers;
  std::vector<std::string> names;  // who pays each transfer, as the bank writes it
  std::vector<std::string> ibans;

  // Customers and items, as an ERP import writes them: a step per `customers_per_step`.
  for (std::size_t start = 0; start < options.customers; start += options.customers_per_step) {
    const std::size_t end = std::min(options.customers, start + options.customers_per_step);
    std::vector<PlannedCustomer> planned;
    for (std::size_t c = start; c < end; ++c) {
      planned.push_back(planner.customer(c, transfers));
      names.push_back(planned.back().customer.name);
      ibans.push_back(planned.back().customer.ibans.front().electronic());
    }
    const Status written = store.transact(
        "engine:import-items", fmt::format("customers {} to {}", start + 1, end),
        [&](store::Transaction& tx) -> Status {
          for (const PlannedCustomer& account : planned) {
            if (auto added = tx.upsert_customer(account.customer); !added) return added.error();
            std::size_t credit = 0;
            for (std::size_t i = 0; i < account.items.size(); ++i) {
              const OpenItem& item = account.items[i];
              if (auto added = tx.upsert_open_item(item); !added) return added.error();
              if (credit >= account.credit_notes.size() || account.credit_notes[credit].item != i) {
                continue;
              }
              // As the import settles a credit note: on the invoice, then on the credit note.
              const std::int64_t applied = account.credit_notes[credit++].applied;
              const std::string evidence =
                  fmt::format("{} refers to {} ({} of {})", item.number, item.refers_to,
                              eur(applied).to_string(), eur(applied).to_string());
              for (const auto& [number, cents] :
                   {std::pair{item.refers_to, applied}, std::pair{item.number, -applied}}) {
                auto id = tx.add_allocation(Allocation{.id = 0,
                                                       .transaction = "",
                                                       .item_number = number,
                                                       .amount = eur(cents),
                                                       .method = AllocationMethod::credit_note,
                                                       .confidence_permille = 1000,
                                                       .evidence = evidence,
                                                       .reverses = std::nullopt});
                if (!id) return id.error();
                ++facts.allocations;
              }
            }
          }
          return {};
        });
    if (!written) return written.error();
  }
  facts.customers = options.customers;

  // The payments as the company's daily bank statements, imported, then reconciled.
  std::map<Date, std::vector<const Transfer*>> by_day;
  for (const Transfer& transfer : transfers) by_day[transfer.day].push_back(&transfer);
  Random random(options.seed ^ 0x5EED5EED5EEDULL);
  std::int64_t balance = 25'000'000;  // 250,000.00 EUR on the account before the first day
  std::uint64_t reference = 0;
  for (const auto& entry : by_day) {
    const Date& day = entry.first;  // not a structured binding: the lambdas below use them
    const std::vector<const Transfer*>& paid = entry.second;
    BankStatement statement;
    statement.account = options.account;
    statement.id = fmt::format("{}-{:03}", day.year(), ++facts.bank_statements);
    statement.sequence = fmt::format("{}", facts.bank_statements);
    statement.kind = StatementKind::statement;
    statement.opening = StatementBalance{.amount = eur(balance), .date = day};
    for (const Transfer* transfer : paid) {
      std::int64_t cents = transfer->unapplied;
      for (const Part& part : transfer->paid) cents += part.cents;
      balance += cents;
      BankTransaction entry;
      entry.account = statement.account;
      entry.statement_id = statement.id;
      entry.statement_sequence = statement.sequence;
      entry.booking_date = day;
      entry.value_date = day;
      entry.amount = eur(cents);
      entry.counterparty_name = names[transfer->customer];
      entry.counterparty_account = ibans[transfer->customer];
      entry.remittance = remittance_of(*transfer, random.below(4));
      entry.end_to_end_id = random.percent(40)
                                ? "NOTPROVIDED"
                                : fmt::format("E2E{:012}", random.below(1'000'000'000'000));
      entry.bank_reference = fmt::format("BANKREF{:010}", ++reference);
      entry.bank_transaction_code = "PMNT-RCDT-ESCT";
      statement.transactions.push_back(std::move(entry));
    }
    statement.closing = StatementBalance{.amount = eur(balance), .date = day};
    assign_identities(std::span<BankTransaction>(statement.transactions));
    const Status imported = store.transact(
        "engine:import-statements", "statement " + statement.id,
        [&](store::Transaction& tx) -> Status {
          Result<store::StatementImport> result = tx.insert_statement(statement);
          if (!result) return result.error();
          if (result->transactions_inserted != static_cast<int>(paid.size())) {
            return Error{fmt::format("statement {}: {} of {} transactions inserted", statement.id,
                                     result->transactions_inserted, paid.size())};
          }
          return {};
        });
    if (!imported) return imported.error();
    const Status reconciled = store.transact(
        "engine:reconcile", "reconcile " + day.to_iso(), [&](store::Transaction& tx) -> Status {
          for (std::size_t i = 0; i < paid.size(); ++i) {
            const Transfer& transfer = *paid[i];
            const BankTransaction& entry = statement.transactions[i];
            store::Reconciliation record{
                .transaction = entry.identity,
                .state = store::ReconciliationState::posted,
                .by_hand = false,
                .customer_number = fmt::format("K{:06}", transfer.customer + 1),
                .confidence_permille = 1000,
                .reason = "invoice number in the remittance, amount open",
                .unapplied = eur(transfer.unapplied),
                .candidates = {},
                .allocation_ids = {},
                .decided_at = {},
                .decided_by = {}};
            for (const Part& part : transfer.paid) {
              auto id = tx.add_allocation(Allocation{.id = 0,
                                                     .transaction = entry.identity,
                                                     .item_number = part.item,
                                                     .amount = eur(part.cents),
                                                     .method = AllocationMethod::invoice_number,
                                                     .confidence_permille = 1000,
                                                     .evidence = part.item + " in the remittance",
                                                     .reverses = std::nullopt});
              if (!id) return id.error();
              record.allocation_ids.push_back(*id);
            }
            for (const Part& part : transfer.skonto) {
              auto id = tx.add_allocation(Allocation{.id = 0,
                                                     .transaction = "",
                                                     .item_number = part.item,
                                                     .amount = eur(part.cents),
                                                     .method = AllocationMethod::skonto,
                                                     .confidence_permille = 1000,
                                                     .evidence = "2 % Skonto within 10 days",
                                                     .reverses = std::nullopt});
              if (!id) return id.error();
              record.allocation_ids.push_back(*id);
            }
            facts.allocations += record.allocation_ids.size();
            if (auto recorded = tx.record_reconciliation(record); !recorded) {
              return recorded.error();
            }
          }
          return {};
        });
    if (!reconciled) return reconciled.error();
    facts.transfers += paid.size();
  }
  return facts;
}

}  // namespace kontor::bench
