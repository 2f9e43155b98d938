// The one free-text column of a Targobank export, which holds what other banks give columns:
//
//   "Lastschrift   BANK AG   DE35...   Visa ABRECHNUNG VOM 23 10 25   D3293...   DE95...   3293..."
//    type          party     IBAN      purpose                        EREF       CRED      MREF
//
// Its parts are separated by runs of two or more blanks. The first part is the kind of booking;
// with three parts or more the second starts the counterparty's name, which runs up to an IBAN
// (a name of several parts: "AMAZON EU S A R L   NIEDERLASSUNG DEUTSCHLAND"), followed by a BIC
// if there is one; the rest is the purpose. A direct debit ends in end-to-end id, creditor id
// and mandate, recognised by the creditor id's shape in the last but one part. With two parts
// the second is the purpose ("Entgelt Kontoführung   für Oktober 2025").
#pragma once

#include <string>
#include <string_view>

namespace kontor::plugins::bank_csv {

struct FreeTextParts {
  std::string bank_code;
  std::string counterparty_name;
  std::string counterparty_account;
  std::string counterparty_bic;
  std::string remittance;
  std::string end_to_end_id;
  std::string creditor_id;
  std::string mandate_id;
};

FreeTextParts split_free_text(std::string_view text);

// Two letters, two digits, then letters and digits: an IBAN (15 to 34 characters) or a SEPA
// creditor id (8 to 35) as far as its shape goes — no check digits (anonymised files fail them).
bool looks_like_iban(std::string_view text);
bool looks_like_creditor_id(std::string_view text);
// Six letters and two letters or digits, optionally three more: a BIC's shape.
bool looks_like_bic(std::string_view text);

}  // namespace kontor::plugins::bank_csv
