// An export batch as one journal file that hledger 1.25 and ledger 3.3 both accept with their
// strictest checks (`hledger check -s ordereddates`, `ledger --pedantic bal`), following
// ../shared/reference/plaintext-journals.md:
//
//   ; Kontor export batch journal-out-000001: 2 bookings, 2026-11-01 to 2026-11-30
//   commodity EUR
//       format 1000.00 EUR
//
//   account Aktiva:Bank:1200 Bank
//   account Aktiva:Debitoren:10001
//       ; Gärtnerei Grünwald GmbH
//   ...
//   tag booking
//   ...
//
//   2026-11-03 * (RE-2026-0001) Gärtnerei Grünwald GmbH | Zahlung RE-2026-0001
//       ; booking: 17
//       ; document: RE-2026-0001
//       Aktiva:Bank:1200 Bank                           119.00 EUR
//       Aktiva:Debitoren:10001                         -119.00 EUR
//
// - One transaction per booking, sorted by date (stable, then by booking id); debit positive,
//   credit negative; an amount on every posting, so each transaction checks itself.
// - A line whose gross amount holds VAT (an automatic account, or a tax key) becomes two
//   postings on its side: the net on the line's account and the VAT on the rate's VAT account,
//   tagged `vat_of: <account>`. The VAT is the gross × p ÷ (100 + p), rounded half up to the
//   minor unit (as DATEV computes it from a gross amount); the net is the rest, so the two add
//   up to the gross exactly.
// - Account names: the chart's (journal_chart.hpp); a debtor account (a booking's first line, or
//   one of the batch's debtors) without one is "<debtor root>:<number>", any other
//   "Konten:<number>". Names never contain the customer's name, so that a renamed customer
//   keeps one account across files; the name is a comment under the account's declaration and
//   the payee of its transactions.
// - Tags (declared): booking (Kontor's id), document (Belegfeld), reverses (the id a
//   Generalumkehr reverses), facts (dunning_fee, dunning_interest), due (Fälligkeit), vat_of.
#pragma once

#include <string>
#include <vector>

#include "journal_chart.hpp"
#include "kontor/sdk/values.hpp"

namespace kontor::plugins::journal {

struct JournalLayout {
  JournalChart chart;
  std::string debtor_root = "Aktiva:Debitoren";
};

struct JournalWritten {
  std::string text;                 // empty when there are errors
  std::vector<std::string> errors;  // every booking that cannot be written, each named
  std::size_t transactions = 0;

  bool ok() const { return errors.empty(); }
};

JournalWritten write_journal(const sdk::ExportBatch& batch, const JournalLayout& layout);

// How the VAT of a gross amount splits off (rule above): the VAT share of `gross` at `percent`,
// signed like `gross`; an error when the amount is too large for exact 64-bit arithmetic.
Result<Money> vat_in_gross(const Money& gross, int percent);

}  // namespace kontor::plugins::journal
