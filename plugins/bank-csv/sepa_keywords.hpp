// SEPA fields written into the purpose text, as banks without own columns for them do:
//
//   plus form (MT940 :86: heritage, Sparkasse CSV-MT940):
//       "EREF+11063225-1MREF+41310-1CRED+DE11ZZZ00000000003SVWZ+Rechnung 11063225"
//   colon form (Atruvia banks):
//       "Unser Schreiben vom 26.11.2025 EREF: 134541375034 MREF: M-200 CRED: DE74ZZZ0 IBAN: ..."
//   labels (Commerzbank), each followed by one token:
//       "... End-to-End-Ref.: 0098765 Mandatsref: 0098765 Gläubiger-ID: DE012345678 SEPA-..."
//
// A plus keyword counts anywhere (banks concatenate without a blank); a colon keyword or label
// only at the start or after a blank. The value of a plus or colon keyword runs to the next
// keyword. The purpose is the SVWZ value after any text outside the keywords; without SVWZ it is
// that outside text alone.
#pragma once

#include <string>
#include <string_view>

namespace kontor::plugins::bank_csv {

struct SepaParts {
  bool found = false;  // any keyword at all; otherwise `remittance` is the text unchanged
  std::string remittance;
  std::string end_to_end_id;       // EREF (NOTPROVIDED is dropped)
  std::string customer_reference;  // KREF
  std::string mandate_id;          // MREF
  std::string creditor_id;         // CRED
  std::string ultimate_debtor;     // ABWA
  std::string ultimate_creditor;   // ABWE
  std::string iban;                // IBAN: (Atruvia: the counterparty's)
  std::string bic;                 // BIC:
};

// `text` already collapsed (one blank between words).
SepaParts split_sepa_keywords(std::string_view text);

}  // namespace kontor::plugins::bank_csv
