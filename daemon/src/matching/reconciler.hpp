// Reconciler: decides, credit by credit, what an incoming payment pays — the rules of the
// `reconcile` engine without the store, so that the engine, `kontorctl match` and the
// benchmarks share them.
//
// It holds a book of customers and open items in memory, with indexes (RF reference, item
// number, IBAN, normalised name → customer → items), so each credit looks at the few items its
// evidence points to, never at every item. Open amounts move as it posts: two payments for one
// invoice do not both settle it.
//
// For each credit, in order:
// 1. ignored: debits, returns (the engine reverses what they return), and credits an ignore
//    rule names (interest from the bank, transfers between own accounts);
// 2. candidates: the items of the RF references and item numbers found in the remittance and
//    the end-to-end id, and the open items of the customers known by the payer's IBAN or by the
//    payer's name; scored by match_scoring.hpp;
// 3. posted when the best evidence points to its items alone and its confidence reaches
//    `post_from`; the amount goes to them by how it fits (amount_fit.hpp): the open amount, the
//    Skonto or bank charges as allocations of their own (no payment), a partial payment, and
//    what is left over as a credit on the customer's account. Several items quoted by one
//    notice reference get the payment in the §366/§367 BGB order (debt_order.hpp);
// 4. otherwise, for a customer known by IBAN (or, with less confidence, by name only when the
//    name is one customer's): the one set of its open items that adds up exactly
//    (combination_search.hpp), else the payment across all its debts in the §366/§367 order;
// 5. what stays below `post_from` goes to review with the best candidates; a credit without
//    any is unmatched.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kontor/model/allocation.hpp"
#include "kontor/model/bank_transaction.hpp"
#include "kontor/model/creditor_reference.hpp"
#include "kontor/model/customer.hpp"
#include "kontor/model/money.hpp"
#include "kontor/model/open_item.hpp"
#include "matching/combination_search.hpp"
#include "matching/debt_order.hpp"
#include "matching/match_scoring.hpp"
#include "matching/remittance_references.hpp"

namespace kontor::matching {

// A credit this rule names is not a customer's payment. Every field given must match (empty
// fields are not checked): the payer's account (compared without blanks, any case), a text the
// payer's name contains, a text the remittance contains (both case-insensitive), the bank
// transaction code as delivered.
struct IgnoreRule {
  std::string name;  // what the review list says: "interest from the bank"
  std::string counterparty_account;
  std::string counterparty_name_contains;
  std::string remittance_contains;
  std::string bank_transaction_code;
};

struct ReconcilePolicy {
  ScoringPolicy scoring;
  InvoiceNumberPatterns numbers;
  CombinationLimits combinations;
  DebtOrderPolicy debt_order;
  // Confidence (per mille) at and above which a decision is posted without review.
  int post_from = 900;
  // No item named, the customer known by IBAN: the one set of items adding up exactly, or the
  // payment across the customer's debts in the §366 order.
  int several_items_by_iban = 900;
  int debt_order_by_iban = 900;
  // The same when only the payer's name is the customer's (and no other customer's).
  int several_items_by_name = 600;
  int debt_order_by_name = 500;
  std::size_t review_candidates = 5;  // how many candidates a review entry keeps
  std::vector<IgnoreRule> ignore;
};

// A customer as the reconciler needs it: number, name, every IBAN it pays from (the ERP's and
// those taught by manual allocations).
struct BookCustomer {
  std::string number;
  std::string name;
  std::vector<std::string> ibans;
};

// A notice or statement of account Kontor sent, with its own RF reference and the items it
// listed: a payment quoting the reference pays the notice's still-open items, in the §366/§367
// order (DESIGN.md §4).
struct NoticeReference {
  CreditorReference reference;
  std::vector<std::string> item_numbers;
};

enum class Outcome { posted, review, unmatched, ignored };

std::string_view to_string(Outcome outcome);

// One allocation a posted decision makes. `with_payment` is false for the Skonto or bank charges
// that settle the rest of an item: they carry no bank transaction.
struct PlannedAllocation {
  std::string item_number;
  Money amount;
  AllocationMethod method = AllocationMethod::invoice_number;
  int confidence_permille = 0;
  std::string evidence;
  bool with_payment = true;
};

struct ReviewCandidate {
  std::string item_number;
  std::string customer_number;
  int score_permille = 0;
  std::string evidence;
};

struct Decision {
  Outcome outcome = Outcome::unmatched;
  // Why: the evidence of a posting, what kept it from posting (review), the rule that ignored
  // it, or that nothing pointed to an item.
  std::string reason;
  int confidence_permille = 0;                 // of the decision (posted) or the best candidate
  std::vector<PlannedAllocation> allocations;  // posted only
  std::string customer_number;                 // whose items it pays; empty when unknown
  Money unapplied;  // posted: left over, a credit on the customer's account
  // The best candidates, highest score first: for review, and kept with a posting so that an
  // undo puts the payment back in review with them.
  std::vector<ReviewCandidate> candidates;
};

class Reconciler {
 public:
  // `items` of every type and state; only items with a positive open amount are candidates.
  Reconciler(std::vector<BookCustomer> customers, std::vector<OpenItem> items,
             ReconcilePolicy policy, std::vector<NoticeReference> notices = {});
  ~Reconciler();
  Reconciler(const Reconciler&) = delete;
  Reconciler& operator=(const Reconciler&) = delete;

  // The decision for one credit (any BankTransaction: debits and returns come back ignored).
  // A posted decision lowers the book's open amounts at once.
  Decision decide(const BankTransaction& transaction);

  // Raises the book's open amount of `item_number` by `amount`: an allocation was reversed
  // (a return, an undo) while the book is in use. Unknown items are ignored.
  void reopen(const std::string& item_number, const Money& amount);

  // The book's open amount of `item_number`, if it knows the item.
  std::optional<Money> open_amount(const std::string& item_number) const;

 private:
  struct Book;
  std::unique_ptr<Book> book_;
  ReconcilePolicy policy_;
};

}  // namespace kontor::matching
