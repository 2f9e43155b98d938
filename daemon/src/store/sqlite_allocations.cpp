// Allocations in the SQLite unit of work: applying part of a payment (or credit note, Skonto,
// bank charge) to an open item, and undoing one by a reversing allocation. Allocation rows are
// never changed or deleted (the schema's triggers refuse it); the item's open amount moves
// with each one.
#include <fmt/format.h>

#include "store/event_payload.hpp"
#include "store/sqlite_unit_of_work.hpp"

namespace kontor::store::sqlite {

Result<std::int64_t> UnitOfWork::insert_allocation(const Allocation& a) {
  if (a.item_number.empty()) return Error{"an allocation needs an open item"};
  if (a.amount.is_zero()) return Error{"an allocation of zero changes nothing"};
  if (a.confidence_permille < 0 || a.confidence_permille > 1000) {
    return Error{fmt::format("confidence {} is outside 0..1000 per mille", a.confidence_permille)};
  }
  Money gross;
  Money open;
  {
    Query item(db_, "SELECT currency, gross_minor, open_minor FROM open_items WHERE number = ?",
               a.item_number);
    if (!item.step()) return Error{"open item '" + a.item_number + "' is not in the store"};
    const Result<Currency> currency = Currency::from_code(item->text(0));
    if (!currency) return currency.error();
    gross = Money(item->int64(1), *currency);
    open = Money(item->int64(2), *currency);
  }
  if (a.amount.currency() != gross.currency()) {
    return Error{fmt::format("{} cannot be allocated to open item '{}' in {}", a.amount.to_string(),
                             a.item_number, gross.currency().code())};
  }
  if (!a.transaction.empty()) {
    Query payment(db_,
                  "SELECT b.currency, b.amount_minor, "
                  "(SELECT COALESCE(SUM(a.amount_minor), 0) FROM allocations a "
                  "WHERE a.transaction_identity = b.identity) "
                  "FROM bank_transactions b WHERE b.identity = ?",
                  a.transaction);
    if (!payment.step()) return Error{"bank transaction " + a.transaction + " is not in the store"};
    if (payment->text(0) != a.amount.currency().code()) {
      return Error{fmt::format("bank transaction in {} cannot pay {}", payment->text(0),
                               a.amount.to_string())};
    }
    const std::int64_t amount = payment->int64(1);
    std::int64_t allocated = 0;
    if (__builtin_add_overflow(payment->int64(2), a.amount.minor_units(), &allocated) ||
        (amount >= 0 ? (allocated < 0 || allocated > amount)
                     : (allocated > 0 || allocated < amount))) {
      return Error{fmt::format(
          "the allocations of bank transaction {} would come to {}, beyond its amount {}",
          a.transaction, Money(allocated, gross.currency()).to_string(),
          Money(amount, gross.currency()).to_string())};
    }
  }
  const Result<Money> open_after = open.minus(a.amount);
  if (!open_after) return open_after.error();
  const bool within = gross.is_negative() ? (*open_after >= gross && !open_after->is_positive())
                                          : (!open_after->is_negative() && *open_after <= gross);
  if (!within) {
    return Error{fmt::format(
        "allocating {} would leave open item '{}' at {}, outside 0 to its amount {}",
        a.amount.to_string(), a.item_number, open_after->to_string(), gross.to_string())};
  }

  std::optional<std::string> transaction;
  if (!a.transaction.empty()) transaction = a.transaction;
  Query(db_,
        "INSERT INTO allocations (transaction_identity, item_number, currency, amount_minor, "
        "method, confidence_permille, evidence, reverses, recorded_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        transaction, a.item_number, a.amount.currency().code(), a.amount.minor_units(),
        to_string(a.method), a.confidence_permille, a.evidence, a.reverses, now_)
      .run();
  const std::int64_t id = db_.last_insert_rowid();
  Query(db_, "UPDATE open_items SET open_minor = ? WHERE number = ?", open_after->minor_units(),
        a.item_number)
      .run();
  JsonObject payload;
  payload.add_number("id", id)
      .add_text("item", a.item_number)
      .add_text("transaction", a.transaction)
      .add_text("currency", a.amount.currency().code())
      .add_text("amount", a.amount.format())
      .add_text("method", to_string(a.method))
      .add_number("confidence_permille", a.confidence_permille)
      .add_text("evidence", a.evidence);
  if (a.reverses) payload.add_number("reverses", *a.reverses);
  payload.add_text("open_after", open_after->format());
  append_event(a.reverses ? "allocation.reversed" : "allocation.added", a.item_number,
               payload.str());
  return id;
}

Result<std::int64_t> UnitOfWork::add_allocation(const Allocation& allocation) {
  return write<std::int64_t>(
      "allocation to '" + allocation.item_number + "'", [&]() -> Result<std::int64_t> {
        if (allocation.method == AllocationMethod::reversal) {
          return Error{"a reversal is made with reverse_allocation, naming what it reverses"};
        }
        if (allocation.method == AllocationMethod::write_off ||
            allocation.method == AllocationMethod::write_off_recovery) {
          return Error{"a write-off is recorded with record_write_off, with its kind and day"};
        }
        Allocation fresh = allocation;
        fresh.reverses.reset();
        return insert_allocation(fresh);
      });
}

Result<std::int64_t> UnitOfWork::reverse_allocation(std::int64_t id, std::string evidence) {
  return write<std::int64_t>(
      "reversal of allocation " + std::to_string(id), [&]() -> Result<std::int64_t> {
        const std::optional<Allocation> original = load_allocation(id);
        if (!original) return Error{"there is no allocation " + std::to_string(id)};
        if (original->reverses) {
          return Error{
              fmt::format("allocation {} is itself the reversal of {}", id, *original->reverses)};
        }
        {
          Query reversed(db_, "SELECT id FROM allocations WHERE reverses = ?", id);
          if (reversed.step()) {
            return Error{fmt::format("allocation {} was already reversed by allocation {}", id,
                                     reversed->int64(0))};
          }
        }
        Allocation reversal = *original;
        Result<Money> negated = original->amount.negated();
        if (!negated) return negated.error();
        reversal.amount = *negated;
        reversal.method = AllocationMethod::reversal;
        reversal.confidence_permille = 1000;
        reversal.evidence = std::move(evidence);
        reversal.reverses = id;
        return insert_allocation(reversal);
      });
}

}  // namespace kontor::store::sqlite
