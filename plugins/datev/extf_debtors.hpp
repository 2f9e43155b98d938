// DATEV Debitoren/Kreditoren master data (category 16, format version 5, 254 columns; reference
// §9) for Kontor's customers: the debtor's account, name, address, e-mail, bank accounts and
// language, so that the bookings' Personenkonten have names in DATEV.
//
// What is checked, and what happens beyond a field's limit:
// - Konto: exactly SKL+1 digits, first digit 1–6 (a Debitor; 7–9 are Kreditoren); each account
//   once per file (DATEV lets a later record overwrite an earlier one);
// - the name goes only into the name field of the Adressattyp (§9): Unternehmen → field 2 (≤ 50),
//   natürliche Person → fields 4 and 5 (≤ 30 each), keine Angabe → field 6 (≤ 50); names,
//   Kurzbezeichnung, street and city are cut to their length and reported as a change (a shorter
//   name still names the customer);
// - identifiers are never cut — postcode (≤ 10), e-mail (≤ 60), Kunden-/Lief.-Nr. (≤ 15), the
//   VAT ID's number (≤ 13) — a longer one is an error; the country is two letters;
// - IBANs (checked by kontor::Iban, mod 97) with BIC, at most 10, the first one the main bank;
// - language as DATEV's Sprache number (de 1, fr 4, en 5, es 10, it 19); another language is left
//   empty and reported as a change.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "extf_header.hpp"
#include "extf_written.hpp"
#include "kontor/model/bic.hpp"
#include "kontor/model/iban.hpp"
#include "kontor/model/postal_address.hpp"
#include "kontor/model/vat_id.hpp"

namespace kontor::plugins::datev {

inline constexpr int kMaxBankAccountsPerDebtor = 10;

// Adressattyp (field 7).
enum class AddresseeType { unspecified = 0, natural_person = 1, company = 2 };

struct ExtfBankAccount {
  Iban iban;
  std::optional<Bic> bic;
};

struct ExtfDebtor {
  std::string account;  // Konto: the debtor's Personenkonto
  AddresseeType addressee_type = AddresseeType::company;
  std::string name;        // company name, a person's surname, or the name without a type
  std::string first_name;  // natural persons only
  std::string short_name;  // Kurzbezeichnung, ≤ 15
  std::optional<VatId> vat_id;
  PostalAddress address;
  std::string email;
  std::vector<ExtfBankAccount> bank_accounts;  // the first is the main bank
  std::string customer_number;                 // Kunden-/Lief.-Nr.: the ERP's customer number
  std::string language;                        // ISO 639-1, e.g. "de"; empty: DATEV's default
};

// The record of `debtor` as the `record`-th of a file for `client` (Windows-1252, no line end),
// or every reason it cannot be written.
ExtfWritten debtor_record(const ExtfDebtor& debtor, std::int64_t record, const ExtfClient& client);

// The whole file: header, the 254 column headings, one record per debtor, CR LF after every
// line. Either all of it, or every error and no text.
ExtfWritten write_debtor_file(const DebtorFileHeader& header, std::span<const ExtfDebtor> debtors);

}  // namespace kontor::plugins::datev
