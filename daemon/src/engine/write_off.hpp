// Writing off an item: an account manager's decision that (part of) a receivable will not be
// paid — finally uncollectible (insolvency, a debtor gone), which corrects the VAT in the
// bookkeeping (§17 (2) Nr. 1 UStG), or doubtful (not final), which does not. Used by the admin
// API inside the caller's ONE store transaction; a refusal is returned before anything is
// written.
//
// What follows from a write-off elsewhere: the item is settled by it (the allocation), so it is
// no longer dunned and drops out of the open items; the export engine books it (booking_rules:
// gross per rate on the automatic Forderungsverluste accounts, or without VAT). A payment that
// comes in on a written-off item later is allocated to it by hand (manual_allocation.hpp): the
// write-off is taken back for that amount first (a recovery), which the export books as the
// correction reversed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "kontor/model/date.hpp"
#include "kontor/model/money.hpp"
#include "kontor/result.hpp"
#include "store/store.hpp"

namespace kontor::engine {

struct WriteOffRequest {
  std::string item_number;
  std::optional<Money> amount;  // none: everything open
  store::WriteOffKind kind = store::WriteOffKind::uncollectible;
  std::string reason;  // required: why, in the account manager's words
  Date day;            // the write-off's day (the bookkeeping's date)
};

// Refused when the item is unknown, owed to the customer (a credit note or cancellation), has
// nothing open, or the amount is not positive, in another currency or more than is open; when
// the reason is blank. Returns the write-off as recorded.
Result<store::WriteOff> write_off_item(store::Transaction& tx, const WriteOffRequest& request);

// What of `item_number` is still written off and could be taken back by a payment: per write-off
// allocation (not undone), its amount less what was recovered from it, oldest first.
struct Recoverable {
  std::int64_t write_off = 0;  // the write-off's allocation id
  store::WriteOffKind kind = store::WriteOffKind::uncollectible;
  Money amount;  // positive
};
Result<std::vector<Recoverable>> recoverable_write_offs(store::Reader& reader,
                                                        std::string_view item_number);

}  // namespace kontor::engine
