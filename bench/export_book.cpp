// The book of the DATEV export benchmark (see the header).
#include "export_book.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
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
constexpr const char* kTrades[] = {"Metallbau", "Bäckerei",  "Elektrotechnik", "Gärtnerei",
                                   "Holzbau",   "Druckerei", "Logistik",       "Klimatechnik"};
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

enum class PartKind : std::uint8_t { payment, skonto, bank_charges };

struct Part {
  std::uint32_t invoice = 0;  // global invoice index: RE-<year>-<index + 1>
  PartKind kind = PartKind::payment;
  std::int64_t cents = 0;
};

// A transfer while its customer is planned.
struct OwnTransfer {
  std::int64_t day = 0;  // days since the epoch
  std::vector<Part> parts;
};

// A transfer of the book: its parts are `parts[first, first + count)` of the planner's list.
struct Transfer {
  std::uint32_t customer = 0;
  std::int32_t day = 0;  // days since the epoch
  std::uint32_t first = 0;
  std::uint16_t count = 0;
  std::int64_t unapplied = 0;
};

// The gross of one rate split into net and tax, rounded half up.
TaxLine tax_line(std::int64_t gross, int percent) {
  const std::int64_t net = (gross * 200 + (100 + percent)) / (2 * (100 + percent));
  return TaxLine{.rate = Decimal::from_integer(percent),
                 .net = eur(net),
                 .tax = eur(gross - net),
                 .gross = eur(gross)};
}

class Planner {
 public:
  Planner(const ExportBookOptions& options, ExportBookFacts& facts)
      : options_(options),
        random_(options.seed),
        facts_(facts),
        first_day_(Date::from_ymd(options.year, 1, 1).value()),
        last_day_(Date::from_ymd(options.year, 12, 31).value()) {
    // Invoices per customer: half to one and a half times the mean; about 1.1 bookings each.
    mean_invoices_ = std::max<std::uint64_t>(
        2, static_cast<std::uint64_t>(options.bookings * 10 / 11 /
                                      std::max<std::size_t>(1, options.customers)));
  }

  std::string customer_number(std::size_t index) const {
    return fmt::format("K{}", 10'001 + index);
  }
  std::string invoice_number(std::uint32_t index) const {
    return fmt::format("RE-{}-{:07}", options_.year, index + 1);
  }

  // Plans customer `index`: the customer, its items (appended to `items`) and its transfers.
  Customer customer(std::size_t index, std::vector<OpenItem>& items) {
    Customer customer;
    customer.number = customer_number(index);
    customer.kind = random_.percent(60) ? CustomerKind::business : CustomerKind::consumer;
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
    if (index % 2 == 0) customer.email = fmt::format("buchhaltung@kunde-{}.example", index + 1);
    if (random_.percent(10)) customer.language = "en";
    customer.ibans.push_back(Iban::parse(german_iban(random_)).value());
    const bool takes_skonto = business && random_.percent(30);

    const std::uint64_t low = std::max<std::uint64_t>(1, mean_invoices_ / 2);
    const std::size_t count = static_cast<std::size_t>(low + random_.below(mean_invoices_ + 1));
    std::vector<std::int64_t> offsets(count);
    const std::uint64_t span = static_cast<std::uint64_t>(last_day_.days_since_epoch() -
                                                          first_day_.days_since_epoch() - 19);
    for (std::int64_t& offset : offsets) offset = static_cast<std::int64_t>(random_.below(span));
    std::sort(offsets.begin(), offsets.end());
    std::vector<OwnTransfer> own;
    for (const std::int64_t offset : offsets) {
      invoice(customer.number, plus_days(first_day_, offset), takes_skonto, items, own);
    }

    // Close payments: a quarter of them become one transfer for two invoices, on the later day.
    std::stable_sort(own.begin(), own.end(),
                     [](const OwnTransfer& a, const OwnTransfer& b) { return a.day < b.day; });
    for (std::size_t i = 0; i < own.size(); ++i) {
      OwnTransfer transfer = std::move(own[i]);
      if (i + 1 < own.size() && own[i + 1].day - transfer.day <= 10 &&
          own[i + 1].parts.front().invoice != transfer.parts.front().invoice &&
          random_.percent(25)) {
        OwnTransfer& next = own[++i];
        transfer.day = next.day;
        transfer.parts.insert(transfer.parts.end(), next.parts.begin(), next.parts.end());
        ++facts_.combined;
      }
      Transfer flat{.customer = static_cast<std::uint32_t>(index),
                    .day = static_cast<std::int32_t>(transfer.day),
                    .first = static_cast<std::uint32_t>(parts_.size()),
                    .count = static_cast<std::uint16_t>(transfer.parts.size()),
                    .unapplied = 0};
      if (random_.percent(1)) {
        flat.unapplied = 100 + static_cast<std::int64_t>(random_.below(1'901));
        ++facts_.overpaid;
      }
      for (const Part& part : transfer.parts) {
        parts_.push_back(part);
        switch (part.kind) {
          case PartKind::payment:
            ++facts_.payments;
            facts_.paid_cents += part.cents;
            break;
          case PartKind::skonto:
            ++facts_.skonto;
            break;
          case PartKind::bank_charges:
            ++facts_.bank_charges;
            break;
        }
      }
      transfers_.push_back(flat);
    }
    return customer;
  }

  const std::vector<Transfer>& transfers() const { return transfers_; }
  const std::vector<Part>& parts() const { return parts_; }
  void release() {
    transfers_ = {};
    parts_ = {};
  }

 private:
  void invoice(const std::string& customer_number, const Date& issued, bool takes_skonto,
               std::vector<OpenItem>& items, std::vector<OwnTransfer>& own) {
    const std::uint32_t index = invoices_++;
    const std::uint64_t size = random_.below(100);
    const std::int64_t gross = size < 70 ? 5'000 + static_cast<std::int64_t>(random_.below(145'001))
                               : size < 95
                                   ? 150'000 + static_cast<std::int64_t>(random_.below(650'001))
                                   : 800'000 + static_cast<std::int64_t>(random_.below(3'200'001));
    OpenItem item;
    item.number = invoice_number(index);
    item.customer_number = customer_number;
    item.type = OpenItemType::invoice;
    item.issue_date = issued;
    const std::int64_t due_days = random_.percent(50) ? 14 : 30;
    item.due_date = plus_days(issued, due_days);
    item.gross = eur(gross);
    item.open = item.gross;
    const std::uint64_t rates = random_.below(100);
    if (rates < 85) {
      item.tax_lines = {tax_line(gross, 19)};
      ++facts_.invoices_19;
    } else if (rates < 95) {
      item.tax_lines = {tax_line(gross, 7)};
      ++facts_.invoices_7;
    } else {
      const std::int64_t at_19 = gross * 70 / 100;
      item.tax_lines = {tax_line(at_19, 19), tax_line(gross - at_19, 7)};
      ++facts_.invoices_mixed;
    }
    if (takes_skonto) {
      item.skonto =
          SkontoTerms{.percent = Decimal::from_integer(2), .until = plus_days(issued, 10)};
    }
    const Date due = item.due_date;
    items.push_back(std::move(item));
    ++facts_.invoices;
    facts_.invoiced_cents += gross;

    // What the customer does: pay in full, in two parts, or not (yet).
    const std::uint64_t fate = random_.below(100);
    const bool in_time = takes_skonto && random_.percent(70);
    const Date day = business_day(
        in_time ? plus_days(issued, 2 + static_cast<std::int64_t>(random_.below(7)))
                : plus_days(issued, 5 + static_cast<std::int64_t>(random_.below(
                                            static_cast<std::uint64_t>(due_days + 16)))));
    std::optional<Date> settled;  // the day the last of it arrived
    if (fate < 88 && day <= last_day_) {
      if (fate < 80) {
        OwnTransfer transfer{.day = day.days_since_epoch(), .parts = {}};
        if (in_time && day <= plus_days(issued, 10)) {
          const std::int64_t allowance = gross * 2 / 100;
          transfer.parts.push_back({index, PartKind::payment, gross - allowance});
          transfer.parts.push_back({index, PartKind::skonto, allowance});
        } else if (gross > 10'000 && random_.percent(1)) {
          transfer.parts.push_back({index, PartKind::payment, gross - 350});
          transfer.parts.push_back({index, PartKind::bank_charges, 350});
        } else {
          transfer.parts.push_back({index, PartKind::payment, gross});
        }
        own.push_back(std::move(transfer));
        ++facts_.paid_in_full;
        settled = day;
      } else {
        // In two parts: a round sum, the rest some weeks later (when the year still has room).
        std::int64_t part =
            gross * (20 + static_cast<std::int64_t>(random_.below(61))) / 100 / 100 * 100;
        if (part <= 0 || part >= gross) part = gross / 2;
        own.push_back({.day = day.days_since_epoch(), .parts = {{index, PartKind::payment, part}}});
        const Date rest_day =
            business_day(plus_days(day, 7 + static_cast<std::int64_t>(random_.below(24))));
        if (rest_day <= last_day_) {
          own.push_back({.day = rest_day.days_since_epoch(),
                         .parts = {{index, PartKind::payment, gross - part}}});
          settled = rest_day;
        }
        ++facts_.paid_in_part;
      }
    } else {
      ++facts_.unpaid;
    }

    // Still unpaid three weeks after due: a dunning fee, for a third of those interest too.
    const Date fee_day = plus_days(due, 21);
    if (fee_day > last_day_ || (settled && *settled <= fee_day) || !random_.percent(50)) return;
    OpenItem fee;
    fee.number = fmt::format("MG-{}-{:07}", options_.year, ++fees_);
    fee.customer_number = customer_number;
    fee.type = OpenItemType::fee;
    fee.issue_date = fee_day;
    fee.due_date = plus_days(fee_day, 14);
    fee.gross = eur(500);
    fee.open = fee.gross;
    fee.refers_to = invoice_number(index);
    items.push_back(std::move(fee));
    ++facts_.fees;
    const Date interest_day = plus_days(fee_day, 14);
    if (interest_day > last_day_ || !random_.percent(33)) return;
    OpenItem interest;
    interest.number = fmt::format("MZ-{}-{:07}", options_.year, ++interest_items_);
    interest.customer_number = customer_number;
    interest.type = OpenItemType::interest;
    interest.issue_date = interest_day;
    interest.due_date = plus_days(interest_day, 14);
    // 9 % a year over the 35 days since due.
    interest.gross = eur(std::max<std::int64_t>(1, gross * 9 * 35 / 36'500));
    interest.open = interest.gross;
    interest.refers_to = invoice_number(index);
    items.push_back(std::move(interest));
    ++facts_.interest;
  }

  const ExportBookOptions& options_;
  Random random_;
  ExportBookFacts& facts_;
  Date first_day_, last_day_;
  std::uint64_t mean_invoices_ = 2;
  std::uint32_t invoices_ = 0;
  std::uint64_t fees_ = 0, interest_items_ = 0;
  std::vector<Transfer> transfers_;
  std::vector<Part> parts_;
};

std::string remittance_of(const Planner& planner, std::span<const Part> parts,
                          std::uint64_t variant) {
  std::string numbers;
  std::uint32_t previous = UINT32_MAX;
  for (const Part& part : parts) {
    if (part.kind != PartKind::payment || part.invoice == previous) continue;
    previous = part.invoice;
    if (!numbers.empty()) numbers += ", ";
    numbers += planner.invoice_number(part.invoice);
  }
  switch (variant % 3) {
    case 0:
      return numbers;
    case 1:
      return "Rechnung " + numbers;
    default:
      return numbers + " vielen Dank";
  }
}

AllocationMethod method_of(PartKind kind) {
  switch (kind) {
    case PartKind::payment:
      return AllocationMethod::invoice_number;
    case PartKind::skonto:
      return AllocationMethod::skonto;
    case PartKind::bank_charges:
      return AllocationMethod::bank_charges;
  }
  return AllocationMethod::invoice_number;
}

}  // namespace

Result<ExportBookFacts> generate_export_book(store::Store& store,
                                             const ExportBookOptions& options) {
  if (options.customers == 0 || options.customers > kMaxExportBookCustomers) {
    return Error{fmt::format("the book holds 1 to {} customers (debtor accounts 10001–{})",
                             kMaxExportBookCustomers, 10'000 + kMaxExportBookCustomers)};
  }
  ExportBookFacts facts;
  Planner planner(options, facts);
  std::vector<std::string> names;  // who pays each transfer, as the bank writes it
  std::vector<std::string> ibans;
  names.reserve(options.customers);
  ibans.reserve(options.customers);

  // Customers and items, as an ERP import writes them: a step per `customers_per_step`.
  for (std::size_t start = 0; start < options.customers; start += options.customers_per_step) {
    const std::size_t end = std::min(options.customers, start + options.customers_per_step);
    std::vector<Customer> customers;
    std::vector<OpenItem> items;
    for (std::size_t c = start; c < end; ++c) {
      customers.push_back(planner.customer(c, items));
      names.push_back(customers.back().name);
      ibans.push_back(customers.back().ibans.front().electronic());
    }
    const Status written =
        store.transact("engine:import-items", fmt::format("customers {} to {}", start + 1, end),
                       [&](store::Transaction& tx) -> Status {
                         for (const Customer& customer : customers) {
                           if (auto added = tx.upsert_customer(customer); !added) {
                             return added.error();
                           }
                         }
                         for (const OpenItem& item : items) {
                           if (auto added = tx.upsert_open_item(item); !added) {
                             return added.error();
                           }
                         }
                         return {};
                       });
    if (!written) return written.error();
  }
  facts.customers = options.customers;

  // The payments as the company's daily bank statements, imported, then reconciled.
  const std::vector<Transfer>& transfers = planner.transfers();
  const std::vector<Part>& parts = planner.parts();
  std::vector<std::uint32_t> order(transfers.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return transfers[a].day < transfers[b].day;
  });
  Random random(options.seed ^ 0x5EED5EED5EEDULL);
  std::int64_t balance = 25'000'000;  // 250,000.00 EUR on the account before the first day
  std::uint64_t reference = 0;
  for (std::size_t from = 0; from < order.size();) {
    std::size_t to = from;
    while (to < order.size() && transfers[order[to]].day == transfers[order[from]].day) ++to;
    const std::span<const std::uint32_t> paid(order.data() + from, to - from);
    from = to;
    const Date day = Date::from_days_since_epoch(transfers[paid.front()].day).value();

    BankStatement statement;
    statement.account = options.account;
    statement.id = fmt::format("{}-{:03}", day.year(), ++facts.bank_statements);
    statement.sequence = fmt::format("{}", facts.bank_statements);
    statement.kind = StatementKind::statement;
    statement.opening = StatementBalance{.amount = eur(balance), .date = day};
    statement.transactions.reserve(paid.size());
    for (const std::uint32_t t : paid) {
      const Transfer& transfer = transfers[t];
      const std::span<const Part> own(parts.data() + transfer.first, transfer.count);
      std::int64_t cents = transfer.unapplied;
      for (const Part& part : own) {
        if (part.kind == PartKind::payment) cents += part.cents;
      }
      balance += cents;
      BankTransaction entry;
      entry.account = statement.account;
      entry.statement_id = statement.id;
      entry.statement_sequence = statement.sequence;
      entry.booking_date = day;
      entry.value_date = day;
      entry.amount = eur(cents);
      entry.counterparty_name = names[transfer.customer];
      entry.counterparty_account = ibans[transfer.customer];
      entry.remittance = remittance_of(planner, own, random.below(3));
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
            const Transfer& transfer = transfers[paid[i]];
            const BankTransaction& entry = statement.transactions[i];
            store::Reconciliation record{
                .transaction = entry.identity,
                .state = store::ReconciliationState::posted,
                .by_hand = false,
                .customer_number = planner.customer_number(transfer.customer),
                .confidence_permille = 1000,
                .reason = "invoice number in the remittance, amount open",
                .unapplied = eur(transfer.unapplied),
                .candidates = {},
                .allocation_ids = {},
                .decided_at = {},
                .decided_by = {}};
            for (const Part& part :
                 std::span<const Part>(parts.data() + transfer.first, transfer.count)) {
              const std::string number = planner.invoice_number(part.invoice);
              const bool money = part.kind == PartKind::payment;
              auto id = tx.add_allocation(Allocation{
                  .id = 0,
                  .transaction = money ? entry.identity : std::string(),
                  .item_number = number,
                  .amount = eur(part.cents),
                  .method = method_of(part.kind),
                  .confidence_permille = 1000,
                  .evidence = money                           ? number + " in the remittance"
                              : part.kind == PartKind::skonto ? "2 % Skonto within 10 days"
                                                              : "bank charges within the tolerance",
                  .reverses = std::nullopt});
              if (!id) return id.error();
              record.allocation_ids.push_back(*id);
            }
            if (auto recorded = tx.record_reconciliation(record); !recorded) {
              return recorded.error();
            }
          }
          return {};
        });
    if (!reconciled) return reconciled.error();
    facts.transfers += paid.size();
  }
  planner.release();
  return facts;
}

}  // namespace kontor::bench
