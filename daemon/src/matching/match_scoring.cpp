// Match scoring (see the header): one candidate's evidence, strongest rule first, then the
// ranking and whether the best evidence points to its items alone.

#include "matching/match_scoring.hpp"

#include <algorithm>

#include "matching/creditor_reference_search.hpp"
#include "matching/payer_names.hpp"

namespace kontor::matching {
namespace {

bool iban_known(const PaymentFacts& payment, const CustomerFacts& customer) {
  const std::string payer = comparable_account(payment.counterparty_account);
  if (payer.empty()) return false;
  return std::any_of(customer.ibans.begin(), customer.ibans.end(),
                     [&](const std::string& iban) { return comparable_account(iban) == payer; });
}

const FoundInvoiceNumber* finding_of(const PaymentFacts& payment, const std::string& number) {
  for (const FoundInvoiceNumber& finding : payment.numbers) {
    const auto& numbers = finding.item_numbers;
    if (std::find(numbers.begin(), numbers.end(), number) != numbers.end()) return &finding;
  }
  return nullptr;
}

std::string describe_fit(const AmountFitResult& fit) {
  switch (fit.fit) {
    case AmountFit::exact:
      return "amount equal to the open amount";
    case AmountFit::skonto:
      return "Skonto of " + fit.shortfall.to_string() + " within the terms";
    case AmountFit::bank_charges:
      return "bank charges of " + fit.shortfall.to_string() + " within the tolerance";
    case AmountFit::partial:
      return "partial payment, " + fit.shortfall.to_string() + " stays open";
    case AmountFit::overpaid:
      return "overpaid by " + fit.shortfall.negated().value().to_string();
  }
  return {};
}

int number_confidence(AmountFit fit, const ScoringPolicy& policy) {
  switch (fit) {
    case AmountFit::exact:
      return policy.number_exact;
    case AmountFit::skonto:
      return policy.number_skonto;
    case AmountFit::bank_charges:
      return policy.number_bank_charges;
    case AmountFit::partial:
    case AmountFit::overpaid:
      return policy.number_partial_or_overpaid;
  }
  return 0;
}

// The candidates named unambiguously in the text, if there are several and their open amounts
// add up to the payment exactly.
std::vector<std::string> named_together(const PaymentFacts& payment,
                                        std::span<const MatchCandidate> candidates) {
  std::vector<std::string> named;
  std::int64_t sum = 0;
  for (const MatchCandidate& candidate : candidates) {
    const OpenItem& item = *candidate.item;
    const FoundInvoiceNumber* finding = finding_of(payment, item.number);
    if (finding == nullptr || finding->item_numbers.size() != 1) continue;
    if (!item.open.is_positive() || item.open.currency() != payment.amount.currency()) continue;
    if (std::find(named.begin(), named.end(), item.number) != named.end()) continue;
    if (__builtin_add_overflow(sum, item.open.minor_units(), &sum)) return {};
    named.push_back(item.number);
  }
  if (named.size() < 2 || sum != payment.amount.minor_units()) return {};
  std::sort(named.begin(), named.end());
  return named;
}

std::optional<MatchScore> score_candidate(const PaymentFacts& payment,
                                          const MatchCandidate& candidate,
                                          const std::vector<std::string>& together,
                                          const ScoringPolicy& policy) {
  const OpenItem& item = *candidate.item;
  const CustomerFacts& customer = *candidate.customer;
  if (!item.open.is_positive() || item.open.currency() != payment.amount.currency()) {
    return std::nullopt;
  }
  const Result<AmountFitResult> fitted =
      fit_amount(payment.amount, payment.paid_on, item, policy.amounts);
  if (!fitted.ok()) return std::nullopt;
  const AmountFitResult& fit = fitted.value();
  MatchScore score{.item_number = item.number,
                   .method = AllocationMethod::invoice_number,
                   .confidence_permille = 0,
                   .fit = fit.fit,
                   .evidence = {}};

  if (item.rf_reference) {
    const auto& found = payment.remittance_references;
    if (std::find(found.begin(), found.end(), *item.rf_reference) != found.end()) {
      score.method = AllocationMethod::creditor_reference;
      score.confidence_permille = policy.reference;
      score.evidence = item.rf_reference->formatted() + " in the remittance; " + describe_fit(fit);
      return score;
    }
    if (payment.end_to_end_reference == item.rf_reference) {
      score.method = AllocationMethod::end_to_end_id;
      score.confidence_permille = policy.reference;
      score.evidence = item.rf_reference->formatted() + " as end-to-end id; " + describe_fit(fit);
      return score;
    }
  }

  for (const CreditorReference& notice : candidate.notice_references) {
    const auto& found = payment.remittance_references;
    const bool in_remittance = std::find(found.begin(), found.end(), notice) != found.end();
    if (in_remittance || payment.end_to_end_reference == notice) {
      score.method = AllocationMethod::notice_reference;
      score.confidence_permille = policy.reference;
      score.evidence = notice.formatted() + " of a notice listing it " +
                       (in_remittance ? "in the remittance" : "as end-to-end id");
      return score;
    }
  }

  const bool known_iban = iban_known(payment, customer);
  // Names are compared in their normalised form, prepared once per payment and per customer.
  bool same_name = false;
  if (!payment.normalised_payer.empty()) {
    same_name = customer.normalised_name.empty()
                    ? normalised_payer_name(customer.name) == payment.normalised_payer
                    : customer.normalised_name == payment.normalised_payer;
  }
  // Evidence is written only for what is kept: most candidates are dropped.
  auto iban_evidence = [&] {
    return "IBAN " + payment.counterparty_account + " known for customer " + customer.number;
  };
  auto name_evidence = [&] {
    return "payer \"" + payment.counterparty_name + "\" is customer " + customer.number + " \"" +
           customer.name + "\"";
  };

  if (const FoundInvoiceNumber* finding = finding_of(payment, item.number)) {
    score.method = AllocationMethod::invoice_number;
    score.evidence = "number " + item.number + " written as \"" + finding->as_written + "\"";
    if (finding->item_numbers.size() > 1) {
      score.confidence_permille = policy.number_ambiguous;
      score.evidence += ", which also fits another item; " + describe_fit(fit);
      return score;
    }
    const bool adds_up = std::find(together.begin(), together.end(), item.number) != together.end();
    if (adds_up) {
      score.confidence_permille = policy.numbers_adding_up;
      score.fit = AmountFit::exact;
      score.evidence += "; with the other numbers named it adds up to the payment";
    } else {
      score.confidence_permille = number_confidence(fit.fit, policy);
      score.evidence += "; " + describe_fit(fit);
      const bool far_overpaid =
          fit.fit == AmountFit::overpaid && fit.shortfall.negated().value() >= item.open;
      if (far_overpaid) {
        score.confidence_permille = policy.number_far_overpaid;
        score.evidence += ", at least twice what is open";
      }
    }
    if (known_iban) {
      score.confidence_permille += policy.iban_beside_number;
      score.evidence += "; " + iban_evidence();
    }
    if (same_name) {
      score.confidence_permille += policy.name_beside_number;
      score.evidence += "; " + name_evidence();
    }
    score.confidence_permille = std::min(score.confidence_permille, policy.most_without_reference);
    return score;
  }

  score.method = AllocationMethod::amount_and_payer;
  if (known_iban && fit.fit == AmountFit::exact) {
    score.confidence_permille = policy.amount_and_iban;
    score.evidence = describe_fit(fit) + "; " + iban_evidence();
  } else if (known_iban && fit.fit == AmountFit::skonto) {
    score.confidence_permille = policy.skonto_and_iban;
    score.evidence = describe_fit(fit) + "; " + iban_evidence();
  } else if (same_name && fit.fit == AmountFit::exact) {
    score.confidence_permille = policy.amount_and_name;
    score.evidence = describe_fit(fit) + "; " + name_evidence();
  } else {
    return std::nullopt;
  }
  return score;
}

}  // namespace

PaymentFacts payment_facts(const BankTransaction& credit, const InvoiceNumberIndex& numbers) {
  PaymentFacts facts{
      .amount = credit.amount,
      .paid_on = credit.value_date.value_or(credit.booking_date),
      .counterparty_name = credit.counterparty_name,
      .normalised_payer = normalised_payer_name(credit.counterparty_name),
      .counterparty_account = credit.counterparty_account,
      .remittance_references = find_creditor_references(credit.remittance),
      .end_to_end_reference = std::nullopt,
      .numbers = numbers.find_in(credit.remittance),
  };
  // "NOTPROVIDED" is SEPA's filler for no end-to-end id.
  if (!credit.end_to_end_id.empty() && credit.end_to_end_id != "NOTPROVIDED") {
    if (Result<CreditorReference> reference = CreditorReference::parse(credit.end_to_end_id)) {
      facts.end_to_end_reference = std::move(reference).value();
    }
    for (FoundInvoiceNumber& finding : numbers.find_in(credit.end_to_end_id)) {
      const bool known = std::any_of(facts.numbers.begin(), facts.numbers.end(), [&](auto& f) {
        return f.item_numbers == finding.item_numbers;
      });
      if (!known) facts.numbers.push_back(std::move(finding));
    }
  }
  return facts;
}

PaymentScores score_payment(const PaymentFacts& payment, std::span<const MatchCandidate> candidates,
                            const ScoringPolicy& policy) {
  PaymentScores scores;
  if (!payment.amount.is_positive()) return scores;  // debits and returns are not matched here
  const std::vector<std::string> together = named_together(payment, candidates);
  for (const MatchCandidate& candidate : candidates) {
    if (std::optional<MatchScore> score = score_candidate(payment, candidate, together, policy)) {
      scores.ranked.push_back(std::move(*score));
    }
  }
  std::sort(scores.ranked.begin(), scores.ranked.end(), [](const auto& a, const auto& b) {
    if (a.confidence_permille != b.confidence_permille) {
      return a.confidence_permille > b.confidence_permille;
    }
    return a.item_number < b.item_number;
  });
  if (scores.ranked.empty()) return scores;

  std::vector<std::string> top;
  for (const MatchScore& score : scores.ranked) {
    if (score.confidence_permille != scores.ranked.front().confidence_permille) break;
    top.push_back(score.item_number);
  }
  std::vector<std::string> quoted_notice;
  for (const MatchScore& score : scores.ranked) {
    if (score.method == AllocationMethod::notice_reference)
      quoted_notice.push_back(score.item_number);
  }
  std::sort(quoted_notice.begin(), quoted_notice.end());
  // `top` is sorted by item number, as `together` and `quoted_notice` are.
  if (top.size() == 1 || top == together || top == quoted_notice) scores.best = std::move(top);
  return scores;
}

}  // namespace kontor::matching
