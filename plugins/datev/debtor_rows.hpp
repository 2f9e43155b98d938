// The debtors of an export batch as DATEV Debitoren records (Debitoren/Kreditoren,
// extf_debtors.hpp), so that the Personenkonten the bookings name have names, addresses and bank
// accounts in DATEV.
//
// A customer becomes one record: Konto = the debtor account, the ERP's customer number as
// Kunden-/Lief.-Nr., street, postcode, city, country, e-mail, language, its IBANs (the first as
// the main bank; BICs are not known to Kontor's customers and stay empty). The name:
//   - a business (b2b) is an Unternehmen: the name in field 2;
//   - a consumer (b2c) is written with Adressattyp "keine Angabe", the whole name in field 6.
//     Kontor holds a person's name as one text, and splitting it into Vorname and Name (fields 4,
//     5 of a natürliche Person) would be a guess that gets double names and titles wrong.
//
// Left out, each told in `notes` (the batch's bookings are staged all the same):
//   - accounts of at most SKL digits: Sachkonten (books kept without Personenkonten, a collective
//     receivables account), which are no Debitoren;
//   - an account several customers share (a collective debtor, e.g. debtor_account rule `fixed`):
//     no one customer's name is the account's;
//   - IBANs beyond the tenth: DATEV holds ten bank accounts.
// The same account given again for the same customer number is written once. Everything else the
// format writer checks when it writes the file (an account that is a Kreditor's, too long an
// e-mail or postcode); what it refuses fails the batch like a booking it refuses.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "extf_debtors.hpp"
#include "kontor/sdk/values.hpp"

namespace kontor::plugins::datev {

struct DebtorPlan {
  std::vector<ExtfDebtor> debtors;
  std::vector<std::string> notes;  // what was left out, and why
};

// The record of one debtor (the rules above, without the checks across debtors).
ExtfDebtor debtor_record_of(const sdk::ExportDebtor& debtor, std::vector<std::string>& notes);

// The records of a batch's debtors, in the batch's order, for a client whose Sachkonten have
// `account_length` digits.
DebtorPlan plan_debtors(std::span<const sdk::ExportDebtor> debtors, int account_length);

}  // namespace kontor::plugins::datev
