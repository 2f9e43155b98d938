// Match scoring: the evidence that one credit pays one open item, combined into a method, a
// confidence (per mille, integers only) and a sentence for the reviewer — the values an
// Allocation records (allocation.hpp). Whether a confidence is enough to post automatically is
// the reconcile policy's decision, not this unit's.
//
// The rules, strongest first (each confidence configurable, defaults in ScoringPolicy):
// - an RF reference in the remittance, or the end-to-end id, equal to the item's RF: certain
//   (1000), whatever the amount — the amount decides how much is posted, not to what; equal to
//   the RF of a notice or statement listing the item: certain for each of its listed items;
// - the item's number found in the remittance (or end-to-end id): high when the amount is the
//   open amount (950), a little lower with Skonto within terms (930), bank charges within the
//   tolerance (920), a partial or over-payment (870: the number alone names the item; with the
//   payer's IBAN or name beside it, it reaches 900), lower when the payment is at least twice
//   what is open (600: more likely the wrong number than a generous payer), low when the text
//   cannot tell the item from another (400). Several numbers named whose open amounts add up to
//   the payment: high, together;
// - no number, but the amount equals the open amount and the payer's IBAN is known for the
//   customer: high (900; 800 for the amount less Skonto within terms);
// - no number, the amount equal and the payer's name the customer's after normalising
//   (payer_names.hpp): medium (600).
// A known IBAN or equal name beside a found number adds a little (40, 30), never up to the
// certainty of a reference (990 at most). Amount alone is no evidence: too many items share one.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "kontor/model/allocation.hpp"
#include "kontor/model/bank_transaction.hpp"
#include "kontor/model/creditor_reference.hpp"
#include "kontor/model/open_item.hpp"
#include "matching/amount_fit.hpp"
#include "matching/remittance_references.hpp"

namespace kontor::matching {

// What one credit says, searched once for all candidate items.
struct PaymentFacts {
  Money amount;
  Date paid_on;  // value date, else booking date
  std::string counterparty_name;
  std::string normalised_payer;  // normalised_payer_name(counterparty_name), computed once
  std::string counterparty_account;
  std::vector<CreditorReference> remittance_references;
  std::optional<CreditorReference> end_to_end_reference;  // the end-to-end id, if it is an RF
  std::vector<FoundInvoiceNumber> numbers;  // known numbers in the remittance, then the e2e id
};

PaymentFacts payment_facts(const BankTransaction& credit, const InvoiceNumberIndex& numbers);

struct CustomerFacts {
  std::string number;
  std::string name;
  // normalised_payer_name(name), computed once per customer; empty: computed when compared.
  std::string normalised_name;
  std::vector<std::string> ibans;  // as stored; compared without blanks, case-insensitively
};

struct MatchCandidate {
  const OpenItem* item = nullptr;
  const CustomerFacts* customer = nullptr;
  // The RF references of the notices and statements that list this item as open: a payment
  // quoting one pays that notice's still-open items (in debt_order.hpp's order).
  std::vector<CreditorReference> notice_references;
};

struct ScoringPolicy {
  AmountFitPolicy amounts;
  int reference = 1000;
  int number_exact = 950;
  int numbers_adding_up = 950;
  int number_skonto = 930;
  int number_bank_charges = 920;
  int number_partial_or_overpaid = 870;
  int number_far_overpaid = 600;
  int number_ambiguous = 400;
  int amount_and_iban = 900;
  int skonto_and_iban = 800;
  int amount_and_name = 600;
  int iban_beside_number = 40;
  int name_beside_number = 30;
  int most_without_reference = 990;
};

struct MatchScore {
  std::string item_number;
  AllocationMethod method = AllocationMethod::invoice_number;
  int confidence_permille = 0;
  AmountFit fit = AmountFit::exact;
  std::string evidence;
};

struct PaymentScores {
  std::vector<MatchScore> ranked;  // highest confidence first, equal ones by item number
  // The items the best evidence points to alone: one item, the numbers named together that
  // add up to the payment, or the items of the one notice quoted. Empty when the best confidence is
  // shared otherwise (two items of the same amount from a known IBAN) or nothing matched: a case
  // for review.
  std::vector<std::string> best;
};

// Scores `payment` against each candidate. Items with nothing open, credit notes and items in
// another currency are no candidates and are skipped.
PaymentScores score_payment(const PaymentFacts& payment, std::span<const MatchCandidate> candidates,
                            const ScoringPolicy& policy);

}  // namespace kontor::matching
