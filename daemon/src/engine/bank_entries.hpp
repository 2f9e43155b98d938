// From what a parser read to what the store keeps: the transactions of one bank entry, and the
// pairing of a camt.054 notification's entry with the booked entry it details.
#pragma once

#include <optional>
#include <vector>

#include "kontor/model/bank_transaction.hpp"
#include "kontor/sdk/values.hpp"
#include "store/store.hpp"

namespace kontor::engine {

// Whether an entry is a return, chargeback or reversal: a camt reversal (RvslInd) or return
// reason (RtrInf/Rsn), an ISO bank transaction code of the return sub-families (RRTN, UPDD,
// RPCR), an MT940 RC/RD, or a German GVC for returns (108, 109, 159, 160).
bool is_return(const sdk::PaymentDetails& details, bool reversal);

// The transactions of one entry: one per detail for a batch entry (two or more details: each
// with its own amount, parties and references, `batch_position` 1..), else one for the entry.
// `provisional` for intraday and notification reports and any status but BOOK. The bank
// reference is the entry's (the detail's when the entry has none).
std::vector<BankTransaction> transactions_of(const sdk::StatementEntry& entry,
                                             const std::vector<sdk::EntryDetail>& details,
                                             bool provisional);

// An entry as pairing sees it.
struct EntryFacts {
  Money amount;
  std::string bank_reference;
  Date booking_date;
  int transactions = 0;  // stated, 0 when not stated
};

// The entry of `candidates` (all with the same account and total) of kind `wanted` that
// `entry` pairs with: the same bank reference, else (no reference on either side matching) the
// same booking date and the same number of transactions where both state one. Only entries all
// of whose transactions are booked (for kind statement) or provisional (for kind notification)
// take part; the oldest wins.
const store::StoredEntry* paired_entry(const EntryFacts& entry,
                                       const std::vector<store::StoredEntry>& candidates,
                                       StatementKind wanted);

// The facts of a stored entry (its first transaction's reference and date).
EntryFacts facts_of(const store::StoredEntry& entry);

// The booked transactions that replace the plain booked transaction `booked` with the details
// a notification reported (`details`): the details' amounts, parties and references; the
// booked entry's dates, status and bank reference; batch positions 1..; not provisional.
std::vector<BankTransaction> booked_details(const BankTransaction& booked,
                                            const std::vector<BankTransaction>& details);

}  // namespace kontor::engine
