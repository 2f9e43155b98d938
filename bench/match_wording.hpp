// Match wording: how customers are named and how payers write — the names an ERP holds and the
// names banks report for the same payer, invoice numbers as payers type them, and the texts of
// credits that pay nothing of ours. Shared by match_quality_gen and reconcile_bench, so both
// test the same writing; see match_scenario.hpp for what is paid.
//
// Nothing here knows the matching engine: the variations are the ones found on real German
// statements, not the ones the engine happens to handle.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "bench_random.hpp"

namespace kontor::bench {

template <typename T, std::size_t N>
const T& pick(Random& random, const T (&table)[N]) {
  return table[random.below(N)];
}

// Days are counted in 2026: day 0 is 1 January 2026, day 59 is 1 March.
std::string iso_date(int day);     // "2026-03-12"
std::string german_date(int day);  // "12.03.2026"
bool is_business_day(int day);

std::string decimal_text(std::int64_t cents);   // "-1234.50": the files' notation
std::string german_amount(std::int64_t cents);  // "1.234,50": as payers write in texts
std::string zero_padded(std::uint64_t value, std::size_t width);

// A German IBAN with valid check digits.
std::string german_iban(Random& random);
// The ISO 11649 reference of an item number: "RF" + check digits (mod 97, as in the IBAN) + the
// number's letters and digits. The same rule as CreditorReference::from_number, written again
// here so that a mistake in one shows up as a failed match instead of agreeing with itself.
std::string creditor_reference(std::string_view number);
// "RF18 5390 0754 7034": as printed on an invoice and typed from it.
std::string grouped_reference(std::string_view reference);

// A customer's name in parts, so that a bank's version of it can be derived.
struct NameParts {
  enum Kind { person, trader, company };
  Kind kind = person;
  std::string first;  // person
  std::string last;   // every kind: the family name in it
  std::string core;   // trader: trade ("Bäckerei"); company: branch and region ("Bau Süd")
  std::string form;   // legal form, may be empty: "e.K.", "GmbH", "GmbH & Co. KG"
};

NameParts customer_name(Random& random);
std::string full_name(const NameParts& name);  // as the ERP writes it
// Who the name stands for, the legal form left out: two customers with one key cannot be told
// apart by the payer's name.
std::string name_key(const NameParts& name);
// The payer's name as a bank reports it: as written, upper case with umlauts spelt out, umlauts
// spelt out, legal form dropped or added, surname first.
std::string bank_payer_name(const NameParts& name, Random& random);
// "ä" → "ae", "ß" → "ss" … as banks and old systems write without umlauts.
std::string spelt_out(std::string_view text);
std::string upper_ascii(std::string text);
std::string lower_ascii(std::string text);

// Someone who is no customer: a private person from the same name pools (so surnames collide
// with customers'), or an institution.
std::string stranger_name(Random& random);

// An item number as a payer types it: as printed ("RE-2026-000123"), after a keyword
// ("RE 2026-000123"), as "Rg.-Nr. 2026-000123", digits only after "Rechnung", lower case,
// leading zeros of the running number dropped ("RE 2026-123").
enum class NumberForm { printed, keyword, rg_nr, compact, lower_case, zeros_dropped };
std::string typed_number(std::string_view number, NumberForm form);

// A remittance line of a credit that pays nothing of ours: dates, postcodes, amounts, foreign
// numbers, payment providers' references. `kind` names it for the truth file.
std::string unrelated_remittance(Random& random, int booked, std::string& kind);

constexpr const char* kBics[] = {"COBADEFFXXX", "DEUTDEFFXXX", "BYLADEMMXXX", "GENODEF1S04",
                                 "HYVEDEMMXXX", "INGDDEFFXXX", "SOLADEST600", "MARKDEF1100"};

}  // namespace kontor::bench
