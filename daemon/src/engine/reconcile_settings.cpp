// The `reconcile:` section (see the header): schema and reading, defaults from ReconcilePolicy.
#include "engine/reconcile_settings.hpp"

#include <charconv>

#include "config/value_checks.hpp"

namespace kontor::engine {
namespace {

using namespace config;

ValueSpec permille() {
  return int_value(0, 1000);
}

// The confidences a configuration may override, by the names ScoringPolicy uses.
struct ConfidenceKey {
  const char* key;
  int matching::ScoringPolicy::*field;
  const char* description;
};

constexpr ConfidenceKey kConfidences[] = {
    {"reference", &matching::ScoringPolicy::reference,
     "RF reference or end-to-end id equal to the item's or a notice's reference."},
    {"number_exact", &matching::ScoringPolicy::number_exact,
     "Item number in the text, amount equal to the open amount."},
    {"numbers_adding_up", &matching::ScoringPolicy::numbers_adding_up,
     "Several item numbers whose open amounts add up to the payment."},
    {"number_skonto", &matching::ScoringPolicy::number_skonto,
     "Item number, amount less Skonto within the terms."},
    {"number_bank_charges", &matching::ScoringPolicy::number_bank_charges,
     "Item number, amount less bank charges within the tolerance."},
    {"number_partial_or_overpaid", &matching::ScoringPolicy::number_partial_or_overpaid,
     "Item number, amount less (partial payment) or more (credit on the account)."},
    {"number_far_overpaid", &matching::ScoringPolicy::number_far_overpaid,
     "Item number, the payment at least twice what is open."},
    {"number_ambiguous", &matching::ScoringPolicy::number_ambiguous,
     "A number that fits more than one item."},
    {"amount_and_iban", &matching::ScoringPolicy::amount_and_iban,
     "No number; the open amount from an IBAN known for the customer."},
    {"skonto_and_iban", &matching::ScoringPolicy::skonto_and_iban,
     "No number; the amount less Skonto from a known IBAN."},
    {"amount_and_name", &matching::ScoringPolicy::amount_and_name,
     "No number; the open amount from a payer whose name is the customer's."},
    {"iban_beside_number", &matching::ScoringPolicy::iban_beside_number,
     "Added to a number's confidence when the payer's IBAN is known for the customer."},
    {"name_beside_number", &matching::ScoringPolicy::name_beside_number,
     "Added to a number's confidence when the payer's name is the customer's."},
};

std::vector<std::string> texts_of(const ConfigNode& list) {
  std::vector<std::string> texts;
  for (const ConfigNode& item : list.items()) texts.push_back(item.text());
  return texts;
}

std::string text_of(const ConfigNode& section, std::string_view key) {
  const ConfigNode* value = section.find(key);
  return value != nullptr && value->is_scalar() ? value->text() : std::string();
}

}  // namespace

FieldSpec reconcile_section() {
  std::vector<FieldSpec> confidences;
  for (const ConfidenceKey& key : kConfidences) {
    confidences.push_back(optional(key.key, permille(), key.description));
  }
  confidences.push_back(optional("several_items_by_iban", permille(),
                                 "No number; the one set of a known IBAN's items adding up."));
  confidences.push_back(optional("debt_order_by_iban", permille(),
                                 "No number, no set adds up; a known IBAN's debts in the §366 "
                                 "order."));
  confidences.push_back(optional("several_items_by_name", permille(),
                                 "As several_items_by_iban, the payer known by name only."));
  confidences.push_back(optional("debt_order_by_name", permille(),
                                 "As debt_order_by_iban, the payer known by name only."));
  ValueSpec ignore_rule = section({
      required("name", string_value(),
               "What the rule is about, shown with each credit it ignores."),
      optional("counterparty_account", string_value(), "The payer's IBAN or account number."),
      optional("counterparty_name_contains", string_value(),
               "Text in the payer's name (any case)."),
      optional("remittance_contains", string_value(), "Text in the remittance (any case)."),
      optional("bank_transaction_code", string_value(), "Bank transaction code as delivered."),
  });
  return optional(
      "reconcile",
      section({
          defaulted("post_from", permille(), "900",
                    "Confidence (per mille) from which a decision is posted without review."),
          optional("confidence", section(std::move(confidences)),
                   "Confidence of each kind of evidence, per mille (defaults in the README)."),
          optional("bank_charges_tolerance", money_value(),
                   "A shortfall up to this amount settles the item and is booked as bank "
                   "charges (payments in this currency only). Default: none accepted."),
          optional("invoice_keywords", list_of(string_value()),
                   "Words that introduce an item number in remittance text."),
          defaulted("min_digits_without_keyword", int_value(1, 30), "5",
                    "An item number with fewer digits counts only after a keyword."),
          defaulted("combination_max_items", int_value(1, 64), "20",
                    "Most open items of one customer searched for a set adding up."),
          defaulted("combination_max_steps", int_value(1, 100'000'000), "100000",
                    "Most search steps per payment before the set search gives up (review)."),
          optional(
              "debt_order",
              section({
                  optional(
                      "between_debts",
                      list_of(string_value({"due_first", "more_burdensome_first", "older_first"})),
                      "§366 (2) BGB criteria in order; debts equal in all share pro "
                      "rata."),
                  optional("within_debt", list_of(string_value({"fees", "interest", "principal"})),
                           "§367 (1) BGB order of a debt's parts; each exactly once."),
              }),
              "How a payment naming no item is applied across a customer's debts."),
          defaulted("review_candidates", int_value(1, 50), "5",
                    "How many candidates a review entry keeps."),
          optional("ignore", list_of(ignore_rule),
                   "Credits that are no customer's payment (interest from the bank, transfers "
                   "between own accounts)."),
      }),
      "Payment matching: the rules of the reconcile engine.");
}

Result<matching::ReconcilePolicy> reconcile_policy_of(const ConfigNode* section) {
  matching::ReconcilePolicy policy;
  if (section == nullptr || !section->is_map()) return policy;
  policy.post_from = int_or(section->find("post_from"), policy.post_from);
  if (const ConfigNode* confidence = section->find("confidence"); confidence != nullptr) {
    for (const ConfidenceKey& key : kConfidences) {
      policy.scoring.*key.field = int_or(confidence->find(key.key), policy.scoring.*key.field);
    }
    policy.several_items_by_iban =
        int_or(confidence->find("several_items_by_iban"), policy.several_items_by_iban);
    policy.debt_order_by_iban =
        int_or(confidence->find("debt_order_by_iban"), policy.debt_order_by_iban);
    policy.several_items_by_name =
        int_or(confidence->find("several_items_by_name"), policy.several_items_by_name);
    policy.debt_order_by_name =
        int_or(confidence->find("debt_order_by_name"), policy.debt_order_by_name);
  }
  if (const ConfigNode* tolerance = section->find("bank_charges_tolerance");
      tolerance != nullptr && tolerance->is_scalar()) {
    Result<Money> money = money_of(*tolerance);
    if (!money) return Error{"reconcile.bank_charges_tolerance: " + money.error().message};
    policy.scoring.amounts.bank_charges_tolerance = *money;
  }
  if (const ConfigNode* keywords = section->find("invoice_keywords"); keywords != nullptr) {
    policy.numbers.keywords = texts_of(*keywords);
  }
  policy.numbers.min_digits_without_keyword =
      static_cast<std::size_t>(int_or(section->find("min_digits_without_keyword"),
                                      static_cast<int>(policy.numbers.min_digits_without_keyword)));
  policy.combinations.max_items = static_cast<std::size_t>(int_or(
      section->find("combination_max_items"), static_cast<int>(policy.combinations.max_items)));
  policy.combinations.max_steps = static_cast<std::size_t>(int_or(
      section->find("combination_max_steps"), static_cast<int>(policy.combinations.max_steps)));
  policy.review_candidates = static_cast<std::size_t>(
      int_or(section->find("review_candidates"), static_cast<int>(policy.review_candidates)));
  if (const ConfigNode* order = section->find("debt_order"); order != nullptr) {
    if (const ConfigNode* between = order->find("between_debts"); between != nullptr) {
      policy.debt_order.between_debts.clear();
      for (const std::string& name : texts_of(*between)) {
        Result<matching::DebtCriterion> criterion = matching::parse_debt_criterion(name);
        if (!criterion) return criterion.error();
        policy.debt_order.between_debts.push_back(*criterion);
      }
    }
    if (const ConfigNode* within = order->find("within_debt"); within != nullptr) {
      policy.debt_order.within_debt.clear();
      for (const std::string& name : texts_of(*within)) {
        Result<matching::DebtPartKind> kind = matching::parse_debt_part_kind(name);
        if (!kind) return kind.error();
        policy.debt_order.within_debt.push_back(*kind);
      }
      std::vector<matching::DebtPartKind> sorted = policy.debt_order.within_debt;
      std::sort(sorted.begin(), sorted.end());
      if (sorted != std::vector<matching::DebtPartKind>{matching::DebtPartKind::fees,
                                                        matching::DebtPartKind::interest,
                                                        matching::DebtPartKind::principal}) {
        return Error{
            "reconcile.debt_order.within_debt must name fees, interest and principal, each once"};
      }
    }
  }
  if (const ConfigNode* rules = section->find("ignore"); rules != nullptr) {
    for (const ConfigNode& rule : rules->items()) {
      policy.ignore.push_back(matching::IgnoreRule{
          .name = text_of(rule, "name"),
          .counterparty_account = text_of(rule, "counterparty_account"),
          .counterparty_name_contains = text_of(rule, "counterparty_name_contains"),
          .remittance_contains = text_of(rule, "remittance_contains"),
          .bank_transaction_code = text_of(rule, "bank_transaction_code")});
    }
  }
  return policy;
}

}  // namespace kontor::engine
