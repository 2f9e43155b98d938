// BookingLedger: keeps the store's bookings in step with the account model, one customer at a
// time, inside the caller's transaction (issue 14, DESIGN.md §4).
//
// For each business event of the customer the export section includes, the booking rules say
// what the bookkeeping should have; the ledger compares that with what the store has for the
// event (its "source"):
// - nothing yet: the booking is recorded;
// - the same: nothing happens (a rerun books nothing twice);
// - different and in no batch yet: the booking is amended in place;
// - different and already exported: the old booking is retired, its reversal (Generalumkehr,
//   dated today) and the new booking are recorded — exported bookings never change.
// An undone allocation (method reversal: a returned payment, an account manager's undo) books
// the Generalumkehr of what its original booked, dated the return's booking day (else today),
// and retires the original, which is then left alone.
//
// Events that cannot be booked yet are left for a later run: a payment whose bank transaction
// is still provisional or pending. Events the rules refuse (no debtor account, an invoice without
// tax lines) are reported as problems naming the customer and the item; nothing is recorded for
// them and the customer's other bookings go ahead.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "export/booking_rules.hpp"
#include "kontor/model/date.hpp"
#include "kontor/result.hpp"
#include "store/store.hpp"

namespace kontor::engine {

struct LedgerCounts {
  std::int64_t recorded = 0;   // new bookings
  std::int64_t amended = 0;    // changed before any export
  std::int64_t replaced = 0;   // changed after export: reversal plus new booking
  std::int64_t reversed = 0;   // undone allocations booked as Generalumkehr
  std::int64_t unchanged = 0;  // already booked as the rules book them now
  std::int64_t waiting = 0;    // payments whose bank transaction is not booked yet
  std::vector<std::string> problems;

  void add(const LedgerCounts& other);
};

class BookingLedger {
 public:
  // `today`: the company's day, the date of reversals that correct an exported booking.
  BookingLedger(const exports::BookingRules& rules, const Date& today);

  // Brings the bookings of `customer_number` up to date in `tx`.
  Status book_customer(store::Transaction& tx, const std::string& customer_number,
                       LedgerCounts& counts) const;

 private:
  const exports::BookingRules& rules_;
  Date today_;
};

// The source key of a booking: "allocation:<id>", "item:<number>".
std::string allocation_source(std::int64_t allocation_id);
std::string item_source(const std::string& item_number);

}  // namespace kontor::engine
