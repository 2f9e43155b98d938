// Match scenario: the book and the labelled credits (match_scenario.hpp).
#include "match_scenario.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>

namespace kontor::bench {
namespace {

// Prices many customers are invoiced alike (a service package, a licence, a maintenance fee):
// equal amounts across customers, so that an amount alone tells nothing.
constexpr std::int64_t kStandardPrices[] = {11900, 23800, 5950,  59500,  119000,
                                            3570,  9996,  24990, 142800, 4760};

struct ClassShare {
  PaymentClass payment_class;
  std::uint64_t percent;
};
constexpr ClassShare kShares[] = {
    {.payment_class = PaymentClass::reference, .percent = 12},
    {.payment_class = PaymentClass::text, .percent = 47},
    {.payment_class = PaymentClass::amount_name, .percent = 10},
    {.payment_class = PaymentClass::partial, .percent = 4},
    {.payment_class = PaymentClass::combined, .percent = 7},
    {.payment_class = PaymentClass::skonto, .percent = 10},
    {.payment_class = PaymentClass::noise, .percent = 10},
};

constexpr int kFirstOfMarch = 59;
constexpr int kLastOfMarch = 89;
// Customers with this many items open cannot have their subsets counted in reasonable time; an
// unnamed sum is not generated for them (the truth would be unknown), the numbers are named.
constexpr std::size_t kMostItemsToCount = 40;

// How many non-empty subsets of `values` add up to `target`, counting up to `cap`: meet in the
// middle, so 40 items cost two lists of a million sums.
std::size_t count_subsets(const std::vector<std::int64_t>& values, std::int64_t target,
                          std::size_t cap) {
  const std::size_t half = values.size() / 2;
  auto sums = [&](std::size_t from, std::size_t to) {
    std::vector<std::int64_t> out{0};
    for (std::size_t i = from; i < to; ++i) {
      const std::size_t size = out.size();
      for (std::size_t k = 0; k < size; ++k) out.push_back(out[k] + values[i]);
    }
    return out;
  };
  const std::vector<std::int64_t> left = sums(0, half);
  std::vector<std::int64_t> right = sums(half, values.size());
  std::sort(right.begin(), right.end());
  std::size_t count = 0;
  for (std::int64_t sum : left) {
    const auto [from, to] = std::equal_range(right.begin(), right.end(), target - sum);
    count += static_cast<std::size_t>(to - from);
    if (count >= cap) return cap;
  }
  return count;
}

class Builder {
 public:
  explicit Builder(const ScenarioSizes& sizes) : random_(sizes.seed), sizes_(sizes) {}

  Scenario build() {
    make_customers();
    make_book();
    scenario_.items_in_book = scenario_.items.size();
    make_payments();
    return std::move(scenario_);
  }

 private:
  using ItemTest = bool (*)(const Builder&, const ScenarioItem&, int day);

  ScenarioCustomer& customer_of(std::uint32_t item) {
    return scenario_.customers[scenario_.items[item].customer];
  }

  void make_customers() {
    const std::size_t count = std::max<std::size_t>(sizes_.customers, 1);
    scenario_.customers.reserve(count);
    for (std::size_t c = 0; c < count; ++c) {
      ScenarioCustomer customer;
      customer.number = "D" + std::to_string(100000 + c);
      customer.name = customer_name(random_);
      customer.key = name_key(customer.name);
      customer.iban = german_iban(random_);
      customer.iban_in_erp = random_.percent(65);
      if (customer.name.kind != NameParts::person && random_.percent(35)) {
        customer.skonto_percent = random_.percent(80) ? 2 : 3;
        customer.skonto_days = random_.percent(70) ? 10 : 14;
        skonto_customers_.push_back(static_cast<std::uint32_t>(c));
      }
      if (random_.percent(12)) customer.monthly_fee = pick(random_, kStandardPrices);
      customer.numbered_without_prefix = random_.percent(15);
      by_key_[customer.key].push_back(static_cast<std::uint32_t>(c));
      scenario_.customers.push_back(std::move(customer));
    }
  }

  std::int64_t invoice_amount(const ScenarioCustomer& customer) {
    if (customer.monthly_fee != 0) return customer.monthly_fee;
    if (random_.percent(25)) return pick(random_, kStandardPrices);
    const std::uint64_t size = random_.below(100);
    if (size < 25) return static_cast<std::int64_t>(1000 + random_.below(9000));
    if (size < 65) return static_cast<std::int64_t>(10000 + random_.below(90000));
    if (size < 93) return static_cast<std::int64_t>(100000 + random_.below(900000));
    return static_cast<std::int64_t>(1000000 + random_.below(4000000));
  }

  std::uint32_t add_invoice(std::uint32_t customer_index, int issued) {
    ScenarioCustomer& customer = scenario_.customers[customer_index];
    ScenarioItem item;
    item.number = customer.numbered_without_prefix ? "2026-" + zero_padded(next_plain_++, 4)
                                                   : "RE-2026-" + zero_padded(next_prefixed_++, 6);
    item.customer = customer_index;
    item.gross = invoice_amount(customer);
    item.initial_open = item.gross;
    item.open = item.gross;
    item.issued = issued;
    item.due = issued + (customer.name.kind == NameParts::person ? 14 : 30);
    // The prefixed series is printed with an RF reference; the plain one is an older ERP's.
    if (!customer.numbered_without_prefix) item.rf_reference = creditor_reference(item.number);
    item.skonto_percent = customer.skonto_percent;
    item.skonto_until = issued + customer.skonto_days;
    const auto id = static_cast<std::uint32_t>(scenario_.items.size());
    customer.items.push_back(id);
    invoices_.push_back(id);
    scenario_.items.push_back(std::move(item));
    return id;
  }

  void add_credit_note(std::uint32_t invoice, int issued) {
    ScenarioItem& refers = scenario_.items[invoice];
    ScenarioItem note;
    note.number = "GS-2026-" + zero_padded(next_credit_note_++, 6);
    note.customer = refers.customer;
    note.credit_note = true;
    note.refers_to = refers.number;
    note.gross = -std::max<std::int64_t>(100, refers.gross / (2 + random_.below(8)));
    const std::int64_t applied = std::min(-note.gross, refers.open);
    refers.open -= applied;
    refers.initial_open = refers.open;
    note.initial_open = note.gross + applied;
    note.open = note.initial_open;
    note.issued = issued;
    note.due = issued;
    note.claimed = true;
    const auto id = static_cast<std::uint32_t>(scenario_.items.size());
    scenario_.customers[refers.customer].items.push_back(id);
    scenario_.items.push_back(std::move(note));
  }

  std::uint32_t random_customer() {
    const std::size_t count = scenario_.customers.size();
    // A twentieth of the customers get three tenths of the invoices: large accounts have many
    // items open at once, which is what makes several-items payments hard.
    if (random_.percent(30))
      return static_cast<std::uint32_t>(random_.below(std::max<std::size_t>(count / 20, 1)));
    return static_cast<std::uint32_t>(random_.below(count));
  }

  void make_book() {
    const std::size_t target = std::max<std::size_t>(sizes_.items, 1);
    scenario_.items.reserve(target + sizes_.payments / 2);
    invoices_.reserve(target + sizes_.payments / 2);
    for (std::size_t i = 0; scenario_.items.size() < target; ++i) {
      // Issued in order over January and February, so that numbers rise with dates. The book
      // is the ERP's at the start of the month: kontord reconciles each day's statement against
      // that day's items, so a March credit never meets a later invoice of equal amount. (The
      // few invoices issued in March are the ones credits needed: Skonto taken last week.)
      const int issued = static_cast<int>(scenario_.items.size() * (kFirstOfMarch - 1) / target);
      const std::uint32_t customer = random_customer();
      const std::uint32_t invoice = add_invoice(customer, issued);
      // Two invoices for one customer in a row (a delivery and its service) give consecutive
      // numbers, which payers abbreviate: "RE-2026-000123/124".
      if (random_.percent(12)) add_invoice(customer, issued);
      if (random_.percent(3))
        add_credit_note(invoice, issued + 1 + static_cast<int>(random_.below(10)));
    }
  }

  bool eligible(const ScenarioItem& item, int day) const {
    return !item.credit_note && !item.claimed && item.open > 0 && item.issued < day;
  }

  // A random open invoice issued before `day` that no credit uses yet and `test` accepts.
  std::optional<std::uint32_t> find_item(int day, ItemTest test) {
    for (int attempt = 0; attempt < 48 && !invoices_.empty(); ++attempt) {
      const std::uint32_t id = invoices_[random_.below(invoices_.size())];
      const ScenarioItem& item = scenario_.items[id];
      if (eligible(item, day) && (test == nullptr || test(*this, item, day))) return id;
    }
    return std::nullopt;
  }

  // An invoice issued a few days to weeks before `day` to a customer `test` accepts: when the
  // book has no suitable item left (a benchmark with as many credits as items).
  std::uint32_t new_invoice(int day, bool (*test)(const ScenarioCustomer&)) {
    std::uint32_t customer = random_customer();
    for (int attempt = 0; attempt < 256 && test != nullptr && !test(scenario_.customers[customer]);
         ++attempt) {
      customer = static_cast<std::uint32_t>(random_.below(scenario_.customers.size()));
    }
    return add_invoice(customer, std::max(0, day - 1 - static_cast<int>(random_.below(25))));
  }

  std::uint32_t item_for(int day, ItemTest test, bool (*customer_test)(const ScenarioCustomer&)) {
    if (std::optional<std::uint32_t> id = find_item(day, test)) return *id;
    return new_invoice(day, customer_test);
  }

  // The payer of a customer's credit, mostly from the account the customer is known by.
  void pay_as(ScenarioPayment& payment, const ScenarioCustomer& customer) {
    payment.payer_name = bank_payer_name(customer.name, random_);
    payment.payer_iban = random_.percent(90) ? customer.iban : german_iban(random_);
    payment.payer_bic = pick(random_, kBics);
    payment.iban_known = customer.iban_in_erp && payment.payer_iban == customer.iban;
  }

  void settle(ScenarioPayment& payment, std::uint32_t item, std::int64_t allocated) {
    payment.expected.push_back({.item = item, .allocated = allocated});
    scenario_.items[item].open -= allocated;
    scenario_.items[item].claimed = true;
  }

  std::string customer_digits(const ScenarioCustomer& customer) {
    return random_.percent(50) ? "Kd-Nr. " + customer.number.substr(1) : "Kunde " + customer.number;
  }

  void make_payments() {
    std::vector<int> days;
    for (int day = kFirstOfMarch; day <= kLastOfMarch; ++day) {
      if (is_business_day(day)) days.push_back(day);
    }
    scenario_.first_day = kFirstOfMarch;
    scenario_.last_day = kLastOfMarch;
    scenario_.payments.reserve(sizes_.payments);
    for (std::size_t k = 0; k < sizes_.payments; ++k) {
      const int day = days[k * days.size() / sizes_.payments];
      ScenarioPayment payment;
      payment.booked = day;
      payment.entry_ref = "KTR" + iso_date(day).substr(0, 4) + iso_date(day).substr(5, 2) +
                          iso_date(day).substr(8, 2) + zero_padded(k + 1, 8);
      std::uint64_t roll = random_.below(100);
      for (const ClassShare& share : kShares) {
        if (roll < share.percent) {
          payment.payment_class = share.payment_class;
          break;
        }
        roll -= share.percent;
      }
      switch (payment.payment_class) {
        case PaymentClass::reference:
          reference(payment, day);
          break;
        case PaymentClass::text:
          text(payment, day);
          break;
        case PaymentClass::amount_name:
          amount_name(payment, day);
          break;
        case PaymentClass::partial:
          partial(payment, day);
          break;
        case PaymentClass::combined:
          combined(payment, day);
          break;
        case PaymentClass::skonto:
          skonto(payment, day);
          break;
        case PaymentClass::noise:
          noise(payment, day);
          break;
      }
      scenario_.payments.push_back(std::move(payment));
    }
  }

  static bool has_reference(const Builder&, const ScenarioItem& item, int) {
    return !item.rf_reference.empty();
  }
  static bool prefixed(const ScenarioCustomer& customer) {
    return !customer.numbered_without_prefix;
  }

  void reference(ScenarioPayment& payment, int day) {
    const std::uint32_t id = item_for(day, has_reference, prefixed);
    const ScenarioItem& item = scenario_.items[id];
    pay_as(payment, customer_of(id));
    payment.amount = item.open;
    const std::uint64_t variant = random_.below(100);
    if (variant < 50) {
      // SEPA allows structured or unstructured remittance, not both: the reference stands alone.
      payment.variant = "structured";
      payment.structured_reference = item.rf_reference;
    } else if (variant < 75) {
      payment.variant = "end_to_end_id";
      payment.end_to_end_id = item.rf_reference;
      const char* texts[] = {"", "Danke", "Zahlung"};
      payment.remittance = pick(random_, texts);
    } else {
      payment.variant = "typed";
      payment.remittance =
          (random_.percent(50) ? "" : "Zahlungsreferenz ") + grouped_reference(item.rf_reference);
    }
    settle(payment, id, item.open);
  }

  // The next invoice of the same customer with the next number, open and unused: the pair a
  // payer writes as "RE-2026-000123/124".
  std::optional<std::uint32_t> next_of_pair(std::uint32_t id, int day) const {
    const std::uint32_t next = id + 1;
    if (next >= scenario_.items.size()) return std::nullopt;
    const ScenarioItem& first = scenario_.items[id];
    const ScenarioItem& second = scenario_.items[next];
    const std::size_t suffix = first.number.size() - 3;
    if (second.customer != first.customer || !eligible(second, day) ||
        second.number.size() != first.number.size() ||
        first.number.compare(0, suffix, second.number, 0, suffix) != 0) {
      return std::nullopt;
    }
    return next;
  }
  static bool starts_pair(const Builder& builder, const ScenarioItem& item, int day) {
    const auto id = static_cast<std::uint32_t>(&item - builder.scenario_.items.data());
    return builder.next_of_pair(id, day).has_value();
  }

  void text(ScenarioPayment& payment, int day) {
    std::uint64_t roll = random_.below(100);
    std::uint32_t id = 0;
    std::optional<std::uint32_t> second;
    if (roll >= 90 && roll < 96) {
      if (std::optional<std::uint32_t> first = find_item(day, starts_pair)) {
        id = *first;
        second = next_of_pair(id, day);
      } else {
        roll = 0;  // no pair open: the number alone
      }
    }
    if (!second) id = item_for(day, nullptr, nullptr);
    const ScenarioItem& item = scenario_.items[id];
    const ScenarioCustomer& customer = customer_of(id);
    pay_as(payment, customer);
    payment.amount = item.open;
    const std::string& number = item.number;
    if (second) {
      payment.variant = "slash_pair";
      const std::string& next = scenario_.items[*second].number;
      payment.remittance = number + "/" + next.substr(next.size() - 3);
      if (random_.percent(50)) payment.remittance = "Rechnungen " + payment.remittance;
      payment.amount += scenario_.items[*second].open;
      settle(payment, id, item.open);
      settle(payment, *second, scenario_.items[*second].open);
      return;
    }
    if (roll < 25) {
      payment.variant = "keyword";
      const std::string typed =
          typed_number(number, random_.percent(40) ? NumberForm::printed : NumberForm::keyword);
      const std::string texts[] = {typed, typed + " vielen Dank", "Rechnung " + typed,
                                   typed + " " + customer_digits(customer)};
      payment.remittance = pick(random_, texts);
    } else if (roll < 37) {
      payment.variant = "rg_nr";
      payment.remittance = typed_number(number, NumberForm::rg_nr);
    } else if (roll < 47) {
      payment.variant = "compact";
      payment.remittance = typed_number(number, NumberForm::compact);
    } else if (roll < 55) {
      payment.variant = "line_break";
      const std::string typed = typed_number(number, NumberForm::printed);
      const std::string before =
          random_.percent(50) ? "Zahlung fuer Lieferung vom " + german_date(item.issued) + " "
                              : "Rechnungsnummer ";
      // Wrapped at a fixed width by the payer's bank software, wherever the number falls.
      const std::size_t cut = before.size() + 1 + random_.below(typed.size() - 1);
      const std::string whole = before + typed + " Danke";
      payment.remittance = whole.substr(0, cut) + "\n" + whole.substr(cut);
    } else if (roll < 63) {
      payment.variant = "lower_case";
      payment.remittance = typed_number(number, NumberForm::lower_case) + " danke";
    } else if (roll < 75) {
      payment.variant = "extra_words";
      const std::string typed = typed_number(number, NumberForm::printed);
      payment.remittance = random_.percent(50)
                               ? "Ihre Rechnung vom " + german_date(item.issued) + " Nr. " + typed +
                                     " ueber " + german_amount(item.open) + " EUR"
                               : typed + " Lieferung KW " + std::to_string(2 + item.issued / 7) +
                                     " " + customer_digits(customer);
    } else if (roll < 83) {
      payment.variant = "purchase_order";
      const std::string order = "4500" + zero_padded(random_.below(1000000), 6);
      payment.remittance = random_.percent(50) ? "Bestellung " + order + " / " +
                                                     typed_number(number, NumberForm::keyword)
                                               : "PO " + order + " " + number;
    } else if (roll < 90) {
      payment.variant = "end_to_end_id";
      payment.end_to_end_id = number;
      const char* texts[] = {"", "Danke", "Zahlung Rechnung"};
      payment.remittance = pick(random_, texts);
    } else {  // 96..99; 90..95 is the pair above
      payment.variant = "zeros_dropped";
      payment.remittance = typed_number(number, NumberForm::zeros_dropped);
    }
    settle(payment, id, item.open);
  }

  void amount_name(ScenarioPayment& payment, int day) {
    const std::uint32_t id = item_for(day, nullptr, nullptr);
    const ScenarioItem& item = scenario_.items[id];
    const ScenarioCustomer& customer = customer_of(id);
    pay_as(payment, customer);
    payment.variant = payment.iban_known ? "iban_known" : "iban_unknown";
    payment.amount = item.open;
    const std::string texts[] = {"",
                                 "Danke",
                                 "Zahlung",
                                 "Ihre Rechnung vom " + german_date(item.issued),
                                 "Ueberweisung",
                                 "Begleichung offener Betrag"};
    payment.remittance = pick(random_, texts);
    // Who could it be: the customer's items of this amount when the IBAN tells the customer,
    // else the items of this amount of every customer of the same name.
    std::vector<std::uint32_t> alike;
    auto collect = [&](const ScenarioCustomer& c) {
      for (std::uint32_t other : c.items) {
        const ScenarioItem& o = scenario_.items[other];
        if (!o.credit_note && o.open == item.open && o.issued < day) alike.push_back(other);
      }
    };
    if (payment.iban_known) {
      collect(customer);
    } else {
      for (std::uint32_t c : by_key_[customer.key]) collect(scenario_.customers[c]);
    }
    if (alike.size() == 1) {
      settle(payment, id, item.open);
      return;
    }
    payment.unique = false;
    payment.variant += "_ambiguous";
    for (std::uint32_t other : alike) scenario_.items[other].claimed = true;
  }

  static bool partly_payable(const Builder&, const ScenarioItem& item, int) {
    return item.open >= 2000;
  }

  void partial(ScenarioPayment& payment, int day) {
    const std::uint32_t id = item_for(day, partly_payable, nullptr);
    const ScenarioItem& item = scenario_.items[id];
    pay_as(payment, customer_of(id));
    const std::int64_t open = item.open;
    std::int64_t paid = open / 2;
    const std::uint64_t how = random_.below(100);
    if (how >= 50 && how < 80 && open > 5000) {
      paid = (open - 1) / 5000 * 5000;  // a round sum: "500,00 now, the rest next month"
      payment.variant = "round_sum";
    } else if (how >= 80) {
      paid =
          open - 1 - static_cast<std::int64_t>(random_.below(static_cast<std::uint64_t>(open / 3)));
      payment.variant = "disputed_part";
    } else {
      payment.variant = "half";
    }
    // Not to be mistaken for Skonto: a payer within the terms who pays all but the discount
    // took Skonto, which is the skonto class.
    const std::int64_t discount = (item.gross * item.skonto_percent + 50) / 100;
    if (paid <= 0 || paid >= open ||
        (item.skonto_percent != 0 && day <= item.skonto_until && paid >= open - discount - 1)) {
      paid = open / 2;
      payment.variant = "half";
    }
    payment.amount = paid;
    const NumberForm forms[] = {NumberForm::printed, NumberForm::keyword, NumberForm::rg_nr,
                                NumberForm::compact};
    const std::string typed = typed_number(item.number, pick(random_, forms));
    const std::string texts[] = {"Teilzahlung " + typed, "1. Rate " + typed,
                                 "Abschlag auf " + typed, typed + " Teilbetrag",
                                 "Anzahlung " + typed};
    payment.remittance = pick(random_, texts);
    settle(payment, id, paid);
  }

  static bool iban_in_erp(const Builder& builder, const ScenarioItem& item, int) {
    return builder.scenario_.customers[item.customer].iban_in_erp;
  }
  static bool known_by_iban(const ScenarioCustomer& customer) { return customer.iban_in_erp; }

  void combined(ScenarioPayment& payment, int day) {
    const std::size_t count = 2 + (random_.percent(60) ? 0 : random_.percent(75) ? 1 : 2);
    const std::uint32_t first = item_for(day, iban_in_erp, known_by_iban);
    const std::uint32_t customer_index = scenario_.items[first].customer;
    std::vector<std::uint32_t> chosen{first};
    std::vector<std::uint32_t> others;
    for (std::uint32_t other : scenario_.customers[customer_index].items) {
      if (other != first && eligible(scenario_.items[other], day)) others.push_back(other);
    }
    while (chosen.size() < count && !others.empty()) {
      const std::size_t k = random_.below(others.size());
      chosen.push_back(others[k]);
      others.erase(others.begin() + static_cast<std::ptrdiff_t>(k));
    }
    while (chosen.size() < count) {
      chosen.push_back(
          add_invoice(customer_index, std::max(0, day - 1 - static_cast<int>(random_.below(25)))));
    }
    std::sort(chosen.begin(), chosen.end());
    const ScenarioCustomer& customer = scenario_.customers[customer_index];
    payment.payer_name = bank_payer_name(customer.name, random_);
    payment.payer_iban = customer.iban;
    payment.payer_bic = pick(random_, kBics);
    payment.iban_known = true;
    for (std::uint32_t id : chosen) payment.amount += scenario_.items[id].open;

    std::vector<std::int64_t> open_amounts;
    for (std::uint32_t id : customer.items) {
      const ScenarioItem& item = scenario_.items[id];
      if (!item.credit_note && item.open > 0 && item.issued < day)
        open_amounts.push_back(item.open);
    }
    const bool named = random_.percent(60) || open_amounts.size() > kMostItemsToCount;
    if (named) {
      payment.variant = "named";
      const NumberForm forms[] = {NumberForm::printed, NumberForm::keyword, NumberForm::compact};
      const NumberForm form = pick(random_, forms);
      const char* joints[] = {", ", " u. ", " und ", " / ", " + ", " "};
      const char* joint = pick(random_, joints);
      const char* openers[] = {"", "Rechnungen ", "Sammelzahlung "};
      std::string text = pick(random_, openers);
      for (std::size_t k = 0; k < chosen.size(); ++k) {
        std::string typed = typed_number(scenario_.items[chosen[k]].number, form);
        // "Rechnung 2026000123 / 2026000130": the word once, or not at all after an opener.
        if (form == NumberForm::compact && (k > 0 || !text.empty())) {
          typed = typed.substr(typed.find(' ') + 1);
        }
        text += (k == 0 ? "" : joint) + typed;
      }
      payment.remittance = text;
    } else {
      payment.variant = "unnamed";
      const char* texts[] = {"Sammelzahlung",
                             "Rechnungen Februar 2026",
                             "Ausgleich Kontoauszug",
                             "Zahlung lt. Avis",
                             "",
                             "Offene Posten"};
      payment.remittance = pick(random_, texts);
      if (count_subsets(open_amounts, payment.amount, 2) != 1) {
        payment.unique = false;
        payment.variant = "unnamed_ambiguous";
        for (std::uint32_t id : chosen) scenario_.items[id].claimed = true;
        return;
      }
    }
    for (std::uint32_t id : chosen) settle(payment, id, scenario_.items[id].open);
  }

  // Skonto on an invoice a credit note reduced is a matter of the terms' fine print (on the
  // gross or on what is left?): the skonto class keeps to invoices without one.
  static bool within_skonto(const Builder&, const ScenarioItem& item, int day) {
    return item.skonto_percent != 0 && day <= item.skonto_until && item.open == item.gross;
  }
  static bool skonto_expired(const Builder&, const ScenarioItem& item, int day) {
    return item.skonto_percent != 0 && day > item.skonto_until && item.open == item.gross;
  }

  void skonto(ScenarioPayment& payment, int day) {
    if (skonto_customers_.empty()) return text(payment, day);
    const bool late = random_.percent(10);
    std::optional<std::uint32_t> found = find_item(day, late ? skonto_expired : within_skonto);
    if (!found) {
      const std::uint32_t customer = skonto_customers_[random_.below(skonto_customers_.size())];
      const int days = scenario_.customers[customer].skonto_days;
      const int issued =
          late ? day - days - 1 - static_cast<int>(random_.below(10))
               : day - 1 - static_cast<int>(random_.below(static_cast<std::uint64_t>(days)));
      found = add_invoice(customer, std::max(0, issued));
    }
    const std::uint32_t id = *found;
    const ScenarioItem& item = scenario_.items[id];
    pay_as(payment, customer_of(id));
    // Most payers round the discount commercially; some cut the cents off and take less.
    const bool rounded_down = random_.percent(15);
    const std::int64_t discount = rounded_down ? item.gross * item.skonto_percent / 100
                                               : (item.gross * item.skonto_percent + 50) / 100;
    payment.amount = item.open - discount;
    payment.skonto = discount;
    const std::string typed =
        typed_number(item.number, random_.percent(50) ? NumberForm::printed : NumberForm::keyword);
    const std::string percent = std::to_string(item.skonto_percent);
    const std::string texts[] = {typed + " abzgl. " + percent + "% Skonto",
                                 typed + " ./. " + percent + " % Skonto " + german_amount(discount),
                                 typed + " Skonto", typed,
                                 typed + " abzgl. Skonto " + german_amount(discount) + " EUR"};
    payment.remittance = pick(random_, texts);
    if (late) {
      // Skonto taken after the terms ran out is not granted: the payment is a partial one.
      payment.variant = "late";
      settle(payment, id, payment.amount);
      return;
    }
    payment.variant = rounded_down ? "on_time_rounded_down" : "on_time";
    settle(payment, id, item.open);
  }

  void noise(ScenarioPayment& payment, int day) {
    const std::uint64_t kind = random_.below(100);
    payment.payer_bic = pick(random_, kBics);
    payment.payer_iban = german_iban(random_);
    if (kind < 70) {
      payment.payer_name = stranger_name(random_);
      payment.amount = random_.percent(15) ? pick(random_, kStandardPrices)
                                           : static_cast<std::int64_t>(100 + random_.below(500000));
      payment.remittance = unrelated_remittance(random_, day, payment.variant);
      return;
    }
    if (kind < 75) {
      // Our refund of a credit note came back (account closed): a credit that is a return and
      // quotes our own document number. It pays nothing.
      payment.variant = "returned_transfer";
      payment.returned = true;
      payment.payer_name = stranger_name(random_);
      payment.amount = static_cast<std::int64_t>(1000 + random_.below(50000));
      payment.remittance =
          "Erstattung Gutschrift GS-2026-" +
          zero_padded(1 + random_.below(std::max<std::uint64_t>(next_credit_note_, 2)), 6) +
          " Konto erloschen";
      payment.end_to_end_id = "ERST-" + std::to_string(random_.below(1000000));
      return;
    }
    payment.variant = "debit";
    const char* suppliers[] = {"Stadtwerke München GmbH", "Telekom Deutschland GmbH",
                               "Büro Kaiser GmbH", "Finanzamt München", "Spedition Weiß KG"};
    payment.payer_name = pick(random_, suppliers);
    payment.amount = -static_cast<std::int64_t>(500 + random_.below(2000000));
    const std::string texts[] = {
        "Lieferantenrechnung " + std::to_string(10000 + random_.below(90000)), "Beitrag 03/2026",
        "Entgelt Kontofuehrung 03/2026", "USt-VA 02/2026 StNr 143/123/45678"};
    payment.remittance = pick(random_, texts);
  }

  Random random_;
  ScenarioSizes sizes_;
  Scenario scenario_;
  std::vector<std::uint32_t> invoices_;
  std::vector<std::uint32_t> skonto_customers_;
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_key_;
  std::uint64_t next_prefixed_ = 1;
  std::uint64_t next_plain_ = 1;
  std::uint64_t next_credit_note_ = 1;
};

}  // namespace

std::string_view to_string(PaymentClass payment_class) {
  switch (payment_class) {
    case PaymentClass::reference:
      return "reference";
    case PaymentClass::text:
      return "text";
    case PaymentClass::amount_name:
      return "amount_name";
    case PaymentClass::partial:
      return "partial";
    case PaymentClass::combined:
      return "combined";
    case PaymentClass::skonto:
      return "skonto";
    case PaymentClass::noise:
      break;
  }
  return "noise";
}

Scenario generate_scenario(const ScenarioSizes& sizes) {
  return Builder(sizes).build();
}

std::string joined_remittance(const ScenarioPayment& payment) {
  std::string text = payment.remittance;
  std::replace(text.begin(), text.end(), '\n', ' ');
  const std::string& reference = payment.structured_reference;
  if (reference.empty() || text.find(reference) != std::string::npos) return text;
  return text.empty() ? reference : reference + " " + text;
}

}  // namespace kontor::bench
