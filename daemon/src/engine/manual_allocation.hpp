// Manual allocation: the rules of an account manager's decisions about one bank transaction —
// posting a payment to the items a person names, and undoing a posting (the engine's or a
// person's). Used by the admin API and usable offline; both work inside the caller's ONE store
// transaction, and any refusal is returned as an error before or after writes: the caller's step
// must then roll back (Store::transact does when the step returns the error), so nothing of a
// refused decision remains.
//
// Who decided is the step's actor ("user:alice"): the store records it on every event and as the
// decision's `decided_by`. The allocations' evidence carries the person's note.
//
// A decision by hand is final: it is recorded with `by_hand`, which the reconcile engine never
// revisits (posted and review decisions are never re-examined; see engine/reconcile_step.hpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kontor/model/money.hpp"
#include "kontor/result.hpp"
#include "store/store.hpp"

namespace kontor::engine {

// One item a person wants a payment to go to.
struct ItemPayment {
  std::string item_number;
  // In the payment's currency, positive. None: what is open of the item, up to what is left of
  // the payment after the items named before it (in the order given).
  std::optional<Money> amount;
};

// Posts payment `transaction` (its identity) to `items` by hand.
//
// Refused when the transaction is unknown, not postable (provisional, not booked, superseded),
// a debit or a return, already posted ("undo it first") or returned by the bank; when an item is
// unknown, named twice, in another currency, or has less open than its amount (or nothing open);
// when an amount is not positive, or the amounts come to more than what is left of the payment.
//
// An item written off before (write_off.hpp) takes a payment too: beyond what is open, up to what
// is still written off. The write-off is taken back for that part first — a recovery dated the
// payment's booking day, which the export books as the correction reversed — then the payment
// is allocated as to any item.
//
// Writes one allocation per item (method `manual`, confidence 1000, evidence "by hand: NOTE")
// and records the decision `posted`, `by_hand`, for the customer of the FIRST item (items of
// several customers are allowed: a parent company paying for its subsidiaries; the decision
// names one), with what is left of the payment as `unapplied` — a credit on that customer's
// account. The review candidates the engine recorded stay with the decision, so that an undo
// puts the entry back in review with them.
//
// Teaches the payer's IBAN: when the transaction's counterparty account is a valid IBAN that is
// not among the customer's ERP IBANs, it is learned for the customer (once).
//
// Returns the decision as recorded (with decided_at and decided_by).
Result<store::Reconciliation> allocate_by_hand(store::Transaction& tx, std::string_view transaction,
                                               const std::vector<ItemPayment>& items,
                                               std::string_view note);

// Undoes the posting of `transaction`: every allocation still in force (neither a reversal nor
// reversed) — Skonto and bank charges included — is reversed, reopening its item, and the
// decision becomes `review`, `by_hand`, with reason "undone: REASON" and its candidates kept:
// back in the review queue, never posted again by the engine. Works for automatic postings
// too. Refused when the transaction is not posted (an undo twice is an error) or `reason` is
// blank.
//
// Returns the decision as recorded.
Result<store::Reconciliation> undo_posting(store::Transaction& tx, std::string_view transaction,
                                           std::string_view reason);

}  // namespace kontor::engine
