// The queries behind statements of account: one customer's whole history of items, allocations
// and unapplied payments, and which customers have a statement of a period already.
#include <fmt/format.h>

#include "store/sqlite_unit_of_work.hpp"
#include "store/stored_values.hpp"

namespace kontor::store::sqlite {

Result<std::map<std::string, std::string>> UnitOfWork::notice_numbers_by_customer(
    std::string_view prefix) {
  return read<std::map<std::string, std::string>>("notices by customer", [&] {
    std::map<std::string, std::string> numbers;
    // substr() instead of LIKE, so no character of the prefix is a wildcard.
    Query rows(db_,
               "SELECT customer_number, number FROM notices "
               "WHERE substr(number, 1, length(?1)) = ?1 ORDER BY number",
               prefix);
    while (rows.step()) numbers.emplace(rows->text(0), rows->text(1));
    return numbers;
  });
}

Result<AccountHistory> UnitOfWork::account_history(std::string_view customer_number) {
  return read<AccountHistory>("account history", [&] {
    AccountHistory history;
    ItemQuery query;
    query.customer_number = std::string(customer_number);
    history.items = load_open_items(query);
    {
      Query rows(db_,
                 "SELECT number, settled_externally_at FROM open_items "
                 "WHERE customer_number = ? AND settled_externally = 1",
                 customer_number);
      while (rows.step()) {
        // Marked before the store kept the time (schema 8 and older): as of the first item
        // event, which is no later than the truth.
        history.settled_externally_at.emplace(rows->text(0), rows->optional_text(1).value_or(""));
      }
    }
    {
      // Whose decision made the allocation dates it: a return's decision lists the reversals
      // it made, a payment's the Skonto and bank charges that go with it.
      static const std::string kSql =
          "SELECT a.id, a.transaction_identity, a.item_number, a.currency, a.amount_minor, "
          "a.method, a.confidence_permille, a.evidence, a.reverses, "
          "COALESCE(decided.identity, own.identity), "
          "COALESCE(decided.booking_date, own.booking_date), a.recorded_at "
          "FROM allocations a JOIN open_items i ON i.number = a.item_number "
          "LEFT JOIN reconciliation_allocations r ON r.allocation_id = a.id "
          "LEFT JOIN bank_transactions decided ON decided.identity = r.transaction_identity "
          "LEFT JOIN bank_transactions own ON own.identity = a.transaction_identity "
          "WHERE i.customer_number = ? ORDER BY a.id";
      Query rows(db_, kSql, customer_number);
      std::int64_t previous_id = 0;
      while (rows.step()) {
        AccountAllocation allocation;
        allocation.allocation = allocation_from_row(rows.statement());
        // An allocation is listed by one decision; should two list it, the first counts.
        if (allocation.allocation.id == previous_id) continue;
        previous_id = allocation.allocation.id;
        allocation.booked_by = rows->optional_text(9).value_or("");
        allocation.booked_on = stored_optional_date(rows->optional_text(10));
        allocation.recorded_at = rows->text(11);
        history.allocations.push_back(std::move(allocation));
      }
    }
    {
      Query rows(db_,
                 "SELECT r.transaction_identity, b.booking_date, b.currency, r.unapplied_minor "
                 "FROM reconciliations r JOIN bank_transactions b "
                 "ON b.identity = r.transaction_identity "
                 "WHERE r.customer_number = ? AND r.state = 'posted' AND r.unapplied_minor <> 0 "
                 "ORDER BY b.booking_date, r.transaction_identity",
                 customer_number);
      while (rows.step()) {
        history.unapplied.push_back(
            UnappliedPayment{.transaction = rows->text(0),
                             .booked_on = stored_date(rows->text(1)),
                             .amount = stored_money(rows.statement(), 2, 3)});
      }
    }
    return history;
  });
}

}  // namespace kontor::store::sqlite
