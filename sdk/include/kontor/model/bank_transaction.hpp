// BankTransaction: one movement on one of the company's bank accounts as its bank reported it —
// a credit to match against open items, or a debit (return, chargeback, fee).
//
// A batch entry (camt `Ntry` with several `TxDtls`) is stored as one BankTransaction per
// detail, each with its own amount, parties and references; `batch_position` numbers the
// details from 1 (0 for an ordinary entry).
//
// Identity (DESIGN.md §4): (account, booking date, signed amount, bank reference, end-to-end
// id, counterparty account, SHA-256 of the remittance text, n, batch position), where n counts
// equal tuples within one statement — two equal payments on one day stay two. The bank
// reference is never an identity by itself (banks reuse it); `NONREF` counts as empty, as does
// `NOTPROVIDED`, the SEPA filler for a missing end-to-end id. Remittance whitespace is collapsed
// before hashing, since formats break the same text into lines differently.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "kontor/model/date.hpp"
#include "kontor/model/money.hpp"
#include "kontor/result.hpp"

namespace kontor {

// camt `Sts`: only booked entries are ever posted to open items.
enum class EntryStatus { booked, pending, info, future };  // text: BOOK, PDNG, INFO, FUTR

std::string_view to_string(EntryStatus status);
Result<EntryStatus> parse_entry_status(std::string_view text);

struct BankTransaction {
  std::string account;  // the company's account as the statement names it (IBAN if it is one)
  std::string statement_id;
  std::string statement_sequence;
  Date booking_date;
  std::optional<Date> value_date;
  Money amount;  // signed: positive = credit (money in)
  std::string counterparty_name;
  std::string counterparty_account;  // IBAN or other account number, as delivered
  std::string counterparty_bic;
  std::string remittance;  // unstructured text, or the structured reference (RF …)
  std::string end_to_end_id;
  std::string mandate_id;
  std::string creditor_id;
  std::string bank_reference;         // camt Ntry/AcctSvcrRef, MT940 :61: after "//"
  std::string bank_transaction_code;  // ISO Domain/Family/SubFamily or proprietary (GVC)
  std::string return_reason;          // ISO reason code of a return (AC04, MD06 …)
  EntryStatus status = EntryStatus::booked;
  bool provisional = false;  // intraday (camt.052, MT942) or camt.054 before the booked entry
  int batch_position = 0;    // 1.. for the details of a batch entry, 0 otherwise
  std::string identity;      // set by assign_identities()
  // The bank's entry this transaction belongs to: its total (what the balance chain adds up and
  // what pairs a camt.054 notification with its booked entry; empty = `amount`, a plain entry)
  // and how many transactions the bank says it holds (camt NbOfTxs; 0 when not stated). Not
  // part of the identity.
  std::optional<Money> entry_amount;
  int entry_transactions = 0;
  // A return, chargeback or reversal (camt RtrInf or RvslInd, MT940 GVC 108/109/159/160, RC/RD):
  // the matching engine reopens what the original payment settled instead of looking for items.
  bool is_return = false;
  // Replaced by a later booked entry (the booked statement for a provisional one, the details of
  // a camt.054 for a plain booked one): kept for the audit trail, never counted. Set by the store.
  bool superseded = false;

  // Only booked, final entries move open amounts; provisional credits only hold dunning.
  bool postable() const { return status == EntryStatus::booked && !provisional && !superseded; }

  bool operator==(const BankTransaction&) const = default;
};

// The identity key of `transaction` as the `occurrence`-th (1-based) equal tuple of its
// statement: 64 characters, the booking date as YYYYMMDD and the first 56 hex digits of the
// SHA-256 of the canonical tuple; stable across releases. The date in front keeps keys of one
// period together, so a store's unique index on them grows at its end instead of everywhere.
std::string identity_key(const BankTransaction& transaction, int occurrence);

// Sets `identity` of each transaction of ONE statement, in statement order, counting equal
// tuples so that two equal payments on one day get different keys.
void assign_identities(std::span<BankTransaction> statement_transactions);

// `NONREF` and blanks → empty; what enters the identity for the bank reference.
std::string normalised_bank_reference(std::string_view reference);

}  // namespace kontor
