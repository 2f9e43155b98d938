// Match scenario: a book of customers and open items and one month of bank credits paying it,
// each credit labelled with the truth — what it pays, or that it pays nothing — so that the
// payment matching (daemon/src/matching) can be measured for quality (match_quality_gen writes
// it as files for `kontorctl match`) and speed (reconcile_bench feeds it in memory).
//
// Classes of credits and their shares (bench/README.md, "Payment matching", says why):
//   reference   12 %  the item's RF reference: structured (CdtrRefInf), as end-to-end id, typed
//   text        47 %  the item number typed as payers type it (wording in match_wording.hpp)
//   amount_name 10 %  no number: the exact open amount from the customer's IBAN or name
//   partial      4 %  number in the text, less than open
//   combined     7 %  several items of one customer in one payment, named or not, IBAN known
//   skonto      10 %  gross less the Skonto, number in the text, on time (a tenth of them late)
//   noise       10 %  credits of strangers that pay nothing of ours, debits, a returned transfer
//
// The truth is decided from the book as it stands when the credit arrives, assuming every
// earlier credit was booked as its truth says. A credit is `unique` when a careful clerk with
// the same book would find exactly one answer: two open items of the customer with the paid
// amount, two customers behind the payer's name, or two sets of items adding up to an unnamed
// sum make it ambiguous (no expected allocation). Items a credit pays, or that make a credit
// ambiguous, are paid by no other credit, so one answer never depends on another's.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "match_wording.hpp"

namespace kontor::bench {

enum class PaymentClass { reference, text, amount_name, partial, combined, skonto, noise };
std::string_view to_string(PaymentClass payment_class);

struct ScenarioCustomer {
  std::string number;  // "D100123"
  NameParts name;
  std::string key;   // name_key(name)
  std::string iban;  // the account it pays from
  bool iban_in_erp = false;
  int skonto_percent = 0;                // its terms; 0: none
  int skonto_days = 0;                   // days from the invoice date
  std::int64_t monthly_fee = 0;          // a subscriber: every invoice is this amount (cents)
  bool numbered_without_prefix = false;  // its items are "2026-0012", not "RE-2026-000123"
  std::vector<std::uint32_t> items;
};

struct ScenarioItem {
  std::string number;
  std::uint32_t customer = 0;
  bool credit_note = false;
  std::string refers_to;   // a credit note's invoice
  std::int64_t gross = 0;  // cents; negative for a credit note
  // What is open when the month starts: a credit note settles the invoice it refers to (as
  // kontord's open-items import does), so both are open less by the note's amount. Payers pay
  // what is left, not the invoice's gross.
  std::int64_t initial_open = 0;
  std::int64_t open = 0;  // as the truth books the credits so far
  int issued = 0;         // day of 2026
  int due = 0;
  std::string rf_reference;  // empty for the series printed without one
  int skonto_percent = 0;
  int skonto_until = 0;
  bool claimed = false;  // paid or made ambiguous by a credit: no other credit may pay it
};

struct ExpectedAllocation {
  std::uint32_t item = 0;
  std::int64_t allocated = 0;  // what settles on the item: the payment's part plus any Skonto
};

struct ScenarioPayment {
  std::string entry_ref;  // the bank's reference, unique in the statement
  PaymentClass payment_class = PaymentClass::noise;
  std::string variant;  // how it is written: "slash_pair", "iban_unknown", "debit" …
  bool unique = true;
  int booked = 0;
  std::int64_t amount = 0;  // signed cents: positive = credit
  bool returned = false;    // a credit returning our own transfer (camt RtrInf)
  std::string payer_name;   // the counterparty: debtor of a credit, creditor of a debit
  std::string payer_iban;
  std::string payer_bic;
  bool iban_known = false;           // the payer's IBAN is the customer's in the open-items file
  std::string end_to_end_id;         // empty: not provided
  std::string remittance;            // unstructured lines, '\n' between them (camt Ustrd each)
  std::string structured_reference;  // camt Strd/CdtrRefInf/Ref
  std::vector<ExpectedAllocation> expected;  // empty: pays nothing of ours, or ambiguous
  std::int64_t skonto = 0;                   // the discount the payer took
};

struct ScenarioSizes {
  std::size_t customers = 0;
  std::size_t items = 0;  // the book before the month; credits may need a few more
  std::size_t payments = 0;
  std::uint64_t seed = 1;
};

struct Scenario {
  std::vector<ScenarioCustomer> customers;
  std::vector<ScenarioItem> items;
  std::vector<ScenarioPayment> payments;  // in statement order
  int first_day = 0;                      // of the statement period
  int last_day = 0;
  std::size_t items_in_book = 0;  // items of the book; the rest were issued for credits
};

Scenario generate_scenario(const ScenarioSizes& sizes);

// What the remittance reads like once a parser joined the lines and put the structured reference
// in front (what kontord's statement import stores in BankTransaction::remittance).
std::string joined_remittance(const ScenarioPayment& payment);

}  // namespace kontor::bench
