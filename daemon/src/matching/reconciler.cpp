// Reconciler (see the header): the book with its indexes, and the decision for one credit —
// scored candidates first, then the customer's items as a set or in the §366 order, else review.

#include "matching/reconciler.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

#include "kontor/model/enum_text.hpp"
#include "matching/payer_names.hpp"

namespace kontor::matching {
namespace {

constexpr EnumName<Outcome> kOutcomeNames[] = {
    {Outcome::posted, "posted"},
    {Outcome::review, "review"},
    {Outcome::unmatched, "unmatched"},
    {Outcome::ignored, "ignored"},
};

std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

bool contains_folded(std::string_view haystack, std::string_view needle) {
  return ascii_lower(haystack).find(ascii_lower(needle)) != std::string::npos;
}

bool rule_applies(const IgnoreRule& rule, const BankTransaction& credit) {
  if (!rule.counterparty_account.empty() && comparable_account(rule.counterparty_account) !=
                                                comparable_account(credit.counterparty_account)) {
    return false;
  }
  if (!rule.counterparty_name_contains.empty() &&
      !contains_folded(credit.counterparty_name, rule.counterparty_name_contains)) {
    return false;
  }
  if (!rule.remittance_contains.empty() &&
      !contains_folded(credit.remittance, rule.remittance_contains)) {
    return false;
  }
  if (!rule.bank_transaction_code.empty() &&
      rule.bank_transaction_code != credit.bank_transaction_code) {
    return false;
  }
  return true;
}

bool names_an_item(AllocationMethod method) {
  return method == AllocationMethod::creditor_reference ||
         method == AllocationMethod::end_to_end_id ||
         method == AllocationMethod::notice_reference || method == AllocationMethod::invoice_number;
}

}  // namespace

std::string_view to_string(Outcome outcome) {
  return enum_to_text(kOutcomeNames, outcome);
}

constexpr std::uint32_t kNoCustomer = UINT32_MAX;

struct Reconciler::Book {
  std::vector<CustomerFacts> customers;
  std::vector<OpenItem> items;
  std::vector<std::vector<std::uint32_t>> items_of_customer;
  std::unordered_map<std::string, std::uint32_t> item_by_number;
  std::unordered_map<std::string, std::uint32_t> customer_by_number;
  std::vector<std::uint32_t> customer_of_item;  // kNoCustomer when the item's is unknown
  std::unordered_map<std::string, std::uint32_t> item_by_reference;      // RF, electronic form
  std::unordered_map<std::string, NoticeReference> notice_by_reference;  // RF, electronic form
  std::unordered_multimap<std::string, std::uint32_t> customers_by_iban;
  std::unordered_multimap<std::string, std::uint32_t> customers_by_name;
  InvoiceNumberIndex numbers;

  Book(std::vector<BookCustomer> book_customers, std::vector<OpenItem> book_items,
       const InvoiceNumberPatterns& patterns)
      : items(std::move(book_items)), numbers(item_numbers(items), patterns) {
    customers.reserve(book_customers.size());
    items_of_customer.resize(book_customers.size());
    for (BookCustomer& customer : book_customers) {
      const auto index = static_cast<std::uint32_t>(customers.size());
      customer_by_number.emplace(customer.number, index);
      for (const std::string& iban : customer.ibans) {
        customers_by_iban.emplace(comparable_account(iban), index);
      }
      std::string name = normalised_payer_name(customer.name);
      if (!name.empty()) customers_by_name.emplace(name, index);
      customers.push_back(CustomerFacts{.number = std::move(customer.number),
                                        .name = std::move(customer.name),
                                        .normalised_name = std::move(name),
                                        .ibans = std::move(customer.ibans)});
    }
    for (std::uint32_t index = 0; index < items.size(); ++index) {
      const OpenItem& item = items[index];
      item_by_number.emplace(item.number, index);
      if (item.rf_reference) item_by_reference.emplace(item.rf_reference->electronic(), index);
      customer_of_item.push_back(kNoCustomer);
      if (auto customer = customer_by_number.find(item.customer_number);
          customer != customer_by_number.end()) {
        items_of_customer[customer->second].push_back(index);
        customer_of_item.back() = customer->second;
      }
    }
  }

  // The numbers a payer may quote: credit notes and cancellations are never paid, and their
  // numbers ("GS-2026-000385") would only make an invoice's ("2026000385") ambiguous.
  static std::vector<std::string> item_numbers(const std::vector<OpenItem>& items) {
    std::vector<std::string> numbers;
    numbers.reserve(items.size());
    for (const OpenItem& item : items) {
      if (item.type == OpenItemType::credit_note || item.type == OpenItemType::cancellation) {
        continue;
      }
      numbers.push_back(item.number);
    }
    return numbers;
  }

  // The customers the payer's IBAN, else the payer's name, points to; `by_iban` says which.
  std::vector<std::uint32_t> payer_customers(const BankTransaction& credit,
                                             const std::string& normalised_payer,
                                             bool& by_iban) const {
    std::vector<std::uint32_t> found;
    if (const std::string key = comparable_account(credit.counterparty_account); !key.empty()) {
      auto [first, last] = customers_by_iban.equal_range(key);
      for (auto it = first; it != last; ++it) found.push_back(it->second);
    }
    by_iban = !found.empty();
    if (found.empty()) {
      if (!normalised_payer.empty()) {
        auto [first, last] = customers_by_name.equal_range(normalised_payer);
        for (auto it = first; it != last; ++it) found.push_back(it->second);
      }
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
  }

  // A customer's debts for the §366/§367 order among `chosen` items (all of its positive open
  // items when empty): each invoice with the fee and interest items charged on it.
  std::vector<Debt> debts_of(const std::vector<std::uint32_t>& chosen) const {
    std::vector<Debt> debts;
    std::unordered_map<std::string, std::size_t> debt_of_invoice;
    auto part_kind = [](OpenItemType type) {
      return type == OpenItemType::fee        ? DebtPartKind::fees
             : type == OpenItemType::interest ? DebtPartKind::interest
                                              : DebtPartKind::principal;
    };
    auto open_debt = [&](const OpenItem& item) -> Debt& {
      debts.push_back(Debt{.key = item.number,
                           .due_date = item.due_date,
                           .arose_on = item.issue_date.value_or(item.due_date),
                           .in_default = item.dunning_level > 0,
                           .interest_bearing = false,
                           .parts = {}});
      debt_of_invoice.emplace(item.number, debts.size() - 1);
      return debts.back();
    };
    // Principals first, so that fees and interest find the debt they were charged on.
    for (std::uint32_t index : chosen) {
      const OpenItem& item = items[index];
      if (part_kind(item.type) != DebtPartKind::principal) continue;
      open_debt(item).parts.push_back(
          DebtPart{.item_number = item.number, .kind = DebtPartKind::principal, .open = item.open});
    }
    for (std::uint32_t index : chosen) {
      const OpenItem& item = items[index];
      const DebtPartKind kind = part_kind(item.type);
      if (kind == DebtPartKind::principal) continue;
      auto debt = debt_of_invoice.find(item.refers_to);
      Debt& owner = debt != debt_of_invoice.end() ? debts[debt->second] : open_debt(item);
      owner.in_default = true;  // fees and interest are only charged on a debtor in default
      if (kind == DebtPartKind::interest) owner.interest_bearing = true;
      owner.parts.push_back(DebtPart{.item_number = item.number, .kind = kind, .open = item.open});
    }
    return debts;
  }

  std::vector<std::uint32_t> owed_items_of(std::uint32_t customer, const Currency& currency) const {
    std::vector<std::uint32_t> owed;
    for (std::uint32_t index : items_of_customer[customer]) {
      const OpenItem& item = items[index];
      if (item.open.is_positive() && item.open.currency() == currency) owed.push_back(index);
    }
    return owed;
  }

  void lower_open(const std::string& item_number, const Money& amount) {
    OpenItem& item = items[item_by_number.at(item_number)];
    item.open = item.open.minus(amount).value();
  }
};

Reconciler::Reconciler(std::vector<BookCustomer> customers, std::vector<OpenItem> items,
                       ReconcilePolicy policy, std::vector<NoticeReference> notices)
    : book_(std::make_unique<Book>(std::move(customers), std::move(items), policy.numbers)),
      policy_(std::move(policy)) {
  for (NoticeReference& notice : notices) {
    std::string key = notice.reference.electronic();
    book_->notice_by_reference.emplace(std::move(key), std::move(notice));
  }
}

Reconciler::~Reconciler() = default;

void Reconciler::reopen(const std::string& item_number, const Money& amount) {
  auto found = book_->item_by_number.find(item_number);
  if (found == book_->item_by_number.end()) return;
  OpenItem& item = book_->items[found->second];
  if (Result<Money> raised = item.open.plus(amount); raised.ok()) item.open = raised.value();
}

std::optional<Money> Reconciler::open_amount(const std::string& item_number) const {
  auto found = book_->item_by_number.find(item_number);
  if (found == book_->item_by_number.end()) return std::nullopt;
  return book_->items[found->second].open;
}

namespace {

// Builds the allocations of a decision and tracks what is left of the payment.
class Posting {
 public:
  Posting(const Money& payment, int confidence) : left_(payment), confidence_(confidence) {}

  // `amount` of the payment to `item_number`.
  void pay(const std::string& item_number, const Money& amount, AllocationMethod method,
           const std::string& evidence) {
    if (add(item_number, amount, method, evidence, true)) left_ = left_.minus(amount).value();
  }

  // The rest of an item settled without money: the Skonto taken or the bank charges lost.
  void settle_rest(const std::string& item_number, const Money& amount, AllocationMethod method,
                   const std::string& evidence) {
    add(item_number, amount, method, evidence, false);
  }

  const Money& left() const { return left_; }
  std::vector<PlannedAllocation> take() { return std::move(allocations_); }

 private:
  bool add(const std::string& item_number, const Money& amount, AllocationMethod method,
           const std::string& evidence, bool with_payment) {
    if (!amount.is_positive()) return false;
    allocations_.push_back(PlannedAllocation{.item_number = item_number,
                                             .amount = amount,
                                             .method = method,
                                             .confidence_permille = confidence_,
                                             .evidence = evidence,
                                             .with_payment = with_payment});
    return true;
  }

  Money left_;
  int confidence_;
  std::vector<PlannedAllocation> allocations_;
};

}  // namespace

Decision Reconciler::decide(const BankTransaction& credit) {
  Book& book = *book_;
  Decision decision;
  decision.unapplied = Money::zero(credit.amount.currency());
  if (credit.is_return) {
    decision.outcome = Outcome::ignored;
    decision.reason = "a return: it reverses the payment it returns instead of paying items";
    return decision;
  }
  if (!credit.amount.is_positive()) {
    decision.outcome = Outcome::ignored;
    decision.reason = "a debit: only credits pay open items";
    return decision;
  }
  for (const IgnoreRule& rule : policy_.ignore) {
    if (rule_applies(rule, credit)) {
      decision.outcome = Outcome::ignored;
      decision.reason = "ignore rule \"" + rule.name + "\"";
      return decision;
    }
  }

  const PaymentFacts facts = payment_facts(credit, book.numbers);
  std::vector<std::uint32_t> candidate_items;
  for (const CreditorReference& reference : facts.remittance_references) {
    if (auto found = book.item_by_reference.find(reference.electronic());
        found != book.item_by_reference.end()) {
      candidate_items.push_back(found->second);
    }
  }
  if (facts.end_to_end_reference) {
    if (auto found = book.item_by_reference.find(facts.end_to_end_reference->electronic());
        found != book.item_by_reference.end()) {
      candidate_items.push_back(found->second);
    }
  }
  // A notice's or statement's own reference: every item it listed is a candidate, and knows
  // the reference (match_scoring.hpp then scores it as the notice's).
  std::unordered_map<std::uint32_t, CreditorReference> quoted_notice_of;
  auto add_notice = [&](const CreditorReference& reference) {
    auto notice = book.notice_by_reference.find(reference.electronic());
    if (notice == book.notice_by_reference.end()) return;
    for (const std::string& number : notice->second.item_numbers) {
      auto item = book.item_by_number.find(number);
      if (item == book.item_by_number.end()) continue;
      candidate_items.push_back(item->second);
      quoted_notice_of.emplace(item->second, reference);
    }
  };
  for (const CreditorReference& reference : facts.remittance_references) add_notice(reference);
  if (facts.end_to_end_reference) add_notice(*facts.end_to_end_reference);
  std::vector<std::string> named;  // item numbers the payer named, paid or not
  for (const FoundInvoiceNumber& finding : facts.numbers) {
    for (const std::string& number : finding.item_numbers) {
      candidate_items.push_back(book.item_by_number.at(number));
      named.push_back(number);
    }
  }
  for (std::uint32_t index : candidate_items) named.push_back(book.items[index].number);
  bool payer_by_iban = false;
  const std::vector<std::uint32_t> payers =
      book.payer_customers(credit, facts.normalised_payer, payer_by_iban);
  for (std::uint32_t customer : payers) {
    for (std::uint32_t index : book.owed_items_of(customer, credit.amount.currency())) {
      candidate_items.push_back(index);
    }
  }
  std::sort(candidate_items.begin(), candidate_items.end());
  candidate_items.erase(std::unique(candidate_items.begin(), candidate_items.end()),
                        candidate_items.end());

  std::vector<MatchCandidate> candidates;
  candidates.reserve(candidate_items.size());
  for (std::uint32_t index : candidate_items) {
    const OpenItem& item = book.items[index];
    const std::uint32_t customer = book.customer_of_item[index];
    if (customer == kNoCustomer) continue;
    std::vector<CreditorReference> notices;
    if (auto quoted = quoted_notice_of.find(index); quoted != quoted_notice_of.end()) {
      notices.push_back(quoted->second);
    }
    candidates.push_back(MatchCandidate{.item = &item,
                                        .customer = &book.customers[customer],
                                        .notice_references = std::move(notices)});
  }
  const PaymentScores scores = score_payment(facts, candidates, policy_.scoring);

  auto customer_of = [&](const std::string& item_number) {
    return book.items[book.item_by_number.at(item_number)].customer_number;
  };
  auto keep_candidates = [&](Decision& d) {
    for (const MatchScore& score : scores.ranked) {
      if (d.candidates.size() >= policy_.review_candidates) break;
      d.candidates.push_back(ReviewCandidate{.item_number = score.item_number,
                                             .customer_number = customer_of(score.item_number),
                                             .score_permille = score.confidence_permille,
                                             .evidence = score.evidence});
    }
  };
  auto finish_posting = [&](Posting& posting, const std::string& customer) {
    // The candidates stay with the posting: an undo puts the payment back in review with them.
    if (decision.candidates.empty()) keep_candidates(decision);
    decision.outcome = Outcome::posted;
    decision.allocations = posting.take();
    decision.customer_number = customer;
    decision.unapplied = posting.left();
    if (decision.unapplied.is_positive()) {
      decision.reason += "; " + decision.unapplied.to_string() + " left as a credit on the account";
    }
    for (const PlannedAllocation& allocation : decision.allocations) {
      book.lower_open(allocation.item_number, allocation.amount);
    }
  };
  auto pay_by_debt_order = [&](Posting& posting, const std::vector<std::uint32_t>& chosen,
                               AllocationMethod method, const std::string& evidence) {
    const std::vector<Debt> debts = book.debts_of(chosen);
    const Result<DebtSettlement> settled =
        apply_by_debt_order(credit.amount, debts, facts.paid_on, policy_.debt_order);
    if (!settled.ok()) return false;
    for (const PartPayment& part : settled->payments) {
      posting.pay(part.item_number, part.amount, method,
                  evidence + "; " + std::string(to_string(part.kind)) + " of " + part.item_number +
                      " in the §366/§367 BGB order");
    }
    return true;
  };

  // The payer named items but none of them is still open: paid twice, or a typo. A person
  // decides; posting it to another item of the same amount would hide the mistake.
  const bool named_something =
      std::any_of(scores.ranked.begin(), scores.ranked.end(),
                  [](const MatchScore& score) { return names_an_item(score.method); });
  if (!named.empty() && !named_something) {
    std::sort(named.begin(), named.end());
    named.erase(std::unique(named.begin(), named.end()), named.end());
    std::string list;
    for (const std::string& number : named) list += (list.empty() ? "" : ", ") + number;
    keep_candidates(decision);
    decision.outcome = Outcome::review;
    decision.reason =
        "names " + list + ", which " + (named.size() == 1 ? "is" : "are") + " no longer open";
    return decision;
  }

  // 3. The best evidence points to its items alone, confidently enough. When the payer named
  // items, an item the text does not name (another invoice of the same amount) is never posted
  // in their place: the named number may fit two items, but it is what the payer meant.
  const bool best_is_named =
      named.empty() || std::all_of(scores.best.begin(), scores.best.end(), [&](const auto& item) {
        return std::find(named.begin(), named.end(), item) != named.end();
      });
  // Several items named that do not add up to the payment: which of them it pays is for a
  // person to say (one paid in full and the rest kept as a credit is rarely what was meant).
  std::vector<std::string> named_items = named;
  std::sort(named_items.begin(), named_items.end());
  named_items.erase(std::unique(named_items.begin(), named_items.end()), named_items.end());
  const bool several_named_one_best = named_items.size() > 1 && scores.best.size() == 1;
  const bool confident = !scores.best.empty() && best_is_named && !several_named_one_best &&
                         scores.ranked.front().confidence_permille >= policy_.post_from;
  if (confident) {
    const MatchScore& top = scores.ranked.front();
    decision.confidence_permille = top.confidence_permille;
    decision.reason = top.evidence;
    Posting posting(credit.amount, top.confidence_permille);
    if (scores.best.size() == 1) {
      const OpenItem& item = book.items[book.item_by_number.at(top.item_number)];
      const Result<AmountFitResult> fit =
          fit_amount(credit.amount, facts.paid_on, item, policy_.scoring.amounts);
      if (fit.ok()) {
        switch (fit->fit) {
          case AmountFit::exact:
          case AmountFit::partial:
            posting.pay(item.number, credit.amount, top.method, top.evidence);
            break;
          case AmountFit::skonto:
            posting.pay(item.number, credit.amount, top.method, top.evidence);
            posting.settle_rest(item.number, fit->shortfall, AllocationMethod::skonto,
                                "Skonto of " + fit->shortfall.to_string() + " within the terms");
            break;
          case AmountFit::bank_charges:
            posting.pay(item.number, credit.amount, top.method, top.evidence);
            posting.settle_rest(
                item.number, fit->shortfall, AllocationMethod::bank_charges,
                "bank charges of " + fit->shortfall.to_string() + " within the tolerance");
            break;
          case AmountFit::overpaid:
            posting.pay(item.number, item.open, top.method, top.evidence);
            break;
        }
        finish_posting(posting, item.customer_number);
        return decision;
      }
    } else if (top.method == AllocationMethod::notice_reference) {
      std::vector<std::uint32_t> chosen;
      for (const std::string& number : scores.best)
        chosen.push_back(book.item_by_number.at(number));
      if (pay_by_debt_order(posting, chosen, AllocationMethod::notice_reference, top.evidence)) {
        finish_posting(posting, customer_of(scores.best.front()));
        return decision;
      }
    } else {
      // Several numbers named that add up to the payment: each its open amount.
      for (const std::string& number : scores.best) {
        const OpenItem& item = book.items[book.item_by_number.at(number)];
        const auto score =
            std::find_if(scores.ranked.begin(), scores.ranked.end(),
                         [&](const MatchScore& s) { return s.item_number == number; });
        posting.pay(item.number, item.open, top.method, score->evidence);
      }
      finish_posting(posting, customer_of(scores.best.front()));
      return decision;
    }
  }

  keep_candidates(decision);
  decision.confidence_permille =
      scores.ranked.empty() ? 0 : scores.ranked.front().confidence_permille;

  // 4. No item named: the payer's items as one set adding up, else across its debts.
  if (!named_something && payers.size() == 1) {
    const std::uint32_t customer = payers.front();
    const CustomerFacts& who = book.customers[customer];
    const std::vector<std::uint32_t> owed = book.owed_items_of(customer, credit.amount.currency());
    const std::string payer_evidence =
        payer_by_iban ? "IBAN " + credit.counterparty_account + " known for customer " + who.number
                      : "payer \"" + credit.counterparty_name + "\" is customer " + who.number +
                            " \"" + who.name + "\"";
    if (!owed.empty()) {
      std::vector<CombinationCandidate> combinable;
      for (std::uint32_t index : owed) {
        const OpenItem& item = book.items[index];
        combinable.push_back(
            CombinationCandidate{.item_number = item.number,
                                 .open = item.open,
                                 .dated = item.issue_date.value_or(item.due_date)});
      }
      const Result<CombinationResult> combination =
          find_combination(credit.amount, combinable, policy_.combinations);
      if (combination.ok() && combination->outcome == CombinationOutcome::unique &&
          combination->items.size() > 1) {
        const int confidence =
            payer_by_iban ? policy_.several_items_by_iban : policy_.several_items_by_name;
        const std::string evidence =
            "the open amounts of " + std::to_string(combination->items.size()) +
            " items add up to the payment, and no other set does; " + payer_evidence;
        if (confidence >= policy_.post_from) {
          Posting posting(credit.amount, confidence);
          for (const std::string& number : combination->items) {
            posting.pay(number, book.items[book.item_by_number.at(number)].open,
                        AllocationMethod::several_items, evidence);
          }
          decision.confidence_permille = confidence;
          decision.reason = evidence;
          finish_posting(posting, who.number);
          return decision;
        }
        decision.candidates.clear();
        for (const std::string& number : combination->items) {
          decision.candidates.push_back(ReviewCandidate{.item_number = number,
                                                        .customer_number = who.number,
                                                        .score_permille = confidence,
                                                        .evidence = evidence});
        }
        decision.outcome = Outcome::review;
        decision.confidence_permille = confidence;
        decision.reason = evidence + "; below the confidence to post automatically";
        return decision;
      }
      const bool may_use_debt_order =
          combination.ok() && combination->outcome == CombinationOutcome::none;
      if (may_use_debt_order) {
        const int confidence =
            payer_by_iban ? policy_.debt_order_by_iban : policy_.debt_order_by_name;
        const std::string evidence = "no item named and no set of items adds up; " + payer_evidence;
        if (confidence >= policy_.post_from) {
          Posting posting(credit.amount, confidence);
          if (pay_by_debt_order(posting, owed, AllocationMethod::debt_order, evidence)) {
            decision.confidence_permille = confidence;
            decision.reason = evidence + ", paid across its debts in the §366 (2) BGB order";
            finish_posting(posting, who.number);
            return decision;
          }
        }
        if (decision.candidates.empty()) {
          for (std::uint32_t index : owed) {
            if (decision.candidates.size() >= policy_.review_candidates) break;
            decision.candidates.push_back(ReviewCandidate{.item_number = book.items[index].number,
                                                          .customer_number = who.number,
                                                          .score_permille = confidence,
                                                          .evidence = evidence});
          }
        }
        decision.outcome = Outcome::review;
        decision.confidence_permille = confidence;
        decision.reason = evidence + "; below the confidence to apply it by the §366 order";
        return decision;
      }
      if (combination.ok() && combination->outcome != CombinationOutcome::unique) {
        decision.outcome = Outcome::review;
        decision.reason =
            (combination->outcome == CombinationOutcome::ambiguous
                 ? "more than one set of customer " + who.number + "'s items adds up to the payment"
                 : "too many open items of customer " + who.number +
                       " to tell which add up to the payment") +
            "; " + payer_evidence;
        if (decision.candidates.empty()) {
          for (const std::string& number : combination->items) {
            decision.candidates.push_back(ReviewCandidate{.item_number = number,
                                                          .customer_number = who.number,
                                                          .score_permille = 0,
                                                          .evidence = decision.reason});
          }
        }
        return decision;
      }
    }
  }

  // 5. Review with the best candidates, or nothing at all.
  if (!decision.candidates.empty()) {
    decision.outcome = Outcome::review;
    if (!scores.best.empty()) {
      decision.reason = scores.ranked.front().evidence + "; below the confidence to post (" +
                        std::to_string(scores.ranked.front().confidence_permille) + " < " +
                        std::to_string(policy_.post_from) + ")";
    } else {
      decision.reason = "the evidence fits more than one item equally well";
    }
    return decision;
  }
  decision.outcome = Outcome::unmatched;
  decision.reason = payers.size() > 1 ? "the payer fits several customers and names no item"
                                      : "no reference, item number or known payer";
  return decision;
}

}  // namespace kontor::matching
