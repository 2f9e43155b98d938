#include "engine/booking_ledger.hpp"

#include <fmt/format.h>

#include <map>
#include <optional>
#include <set>

namespace kontor::engine {
namespace {

using exports::BookingKind;

// What the rules say the bookkeeping should have for one event.
struct Candidate {
  std::string source;
  std::string kind;
  Result<Booking> booking;
  std::string about;  // for a problem: "item R-1", "allocation 17 (item R-1)"
};

bool same_booking(const Booking& a, const Booking& b) {
  return a.date == b.date && a.document_number == b.document_number && a.text == b.text &&
         a.lines == b.lines && a.reverses == b.reverses && a.facts == b.facts &&
         a.due_date == b.due_date;
}

// The item's own booking (fee, interest; invoice or credit note on request), or none.
std::optional<Candidate> item_candidate(const exports::BookingRules& rules, const OpenItem& item) {
  if (item.gross.is_zero()) return std::nullopt;
  const exports::ExportSettings& settings = rules.settings();
  const std::string about = "item " + item.number;
  switch (item.type) {
    case OpenItemType::fee:
      if (!settings.includes(BookingKind::fees)) return std::nullopt;
      return Candidate{item_source(item.number), "fee", rules.charge(item), about};
    case OpenItemType::interest:
      if (!settings.includes(BookingKind::interest)) return std::nullopt;
      return Candidate{item_source(item.number), "interest", rules.charge(item), about};
    case OpenItemType::invoice:
      if (!settings.includes(BookingKind::invoices)) return std::nullopt;
      return Candidate{item_source(item.number), "invoice", rules.invoice(item), about};
    case OpenItemType::credit_note:
    case OpenItemType::cancellation:
      if (!settings.includes(BookingKind::invoices)) return std::nullopt;
      return Candidate{item_source(item.number), "credit_note", rules.credit_note(item), about};
  }
  return std::nullopt;
}

// Records `booking` as the store keeps it; returns its id.
Result<std::int64_t> record(store::Transaction& tx, const Booking& booking,
                            const std::string& source, const std::string& kind,
                            const std::string& customer_number, bool current) {
  return tx.record_booking(store::StoredBooking{.booking = booking,
                                                .source = source,
                                                .kind = kind,
                                                .customer_number = customer_number,
                                                .current = current,
                                                .recorded_at = {}});
}

}  // namespace

void LedgerCounts::add(const LedgerCounts& other) {
  recorded += other.recorded;
  amended += other.amended;
  replaced += other.replaced;
  reversed += other.reversed;
  unchanged += other.unchanged;
  waiting += other.waiting;
  problems.insert(problems.end(), other.problems.begin(), other.problems.end());
}

std::string allocation_source(std::int64_t allocation_id) {
  return "allocation:" + std::to_string(allocation_id);
}

std::string item_source(const std::string& item_number) {
  return "item:" + item_number;
}

BookingLedger::BookingLedger(const exports::BookingRules& rules, const Date& today)
    : rules_(rules), today_(today) {}

Status BookingLedger::book_customer(store::Transaction& tx, const std::string& customer_number,
                                    LedgerCounts& counts) const {
  Result<store::AccountHistory> history = tx.account_history(customer_number);
  if (!history) return history.error();
  Result<std::vector<store::StoredBooking>> stored = tx.bookings_of_customer(customer_number);
  if (!stored) return stored.error();

  std::map<std::string, store::StoredBooking> current;  // source → its standing booking
  std::set<std::string> booked_before;                  // every source ever booked
  for (store::StoredBooking& booking : stored.value()) {
    booked_before.insert(booking.source);
    if (booking.current) current.insert_or_assign(booking.source, std::move(booking));
  }
  std::map<std::string, const OpenItem*> items;
  for (const OpenItem& item : history->items) items.emplace(item.number, &item);

  const exports::ExportSettings& settings = rules_.settings();
  std::vector<Candidate> candidates;
  for (const OpenItem& item : history->items) {
    if (std::optional<Candidate> candidate = item_candidate(rules_, item)) {
      candidates.push_back(std::move(*candidate));
    }
  }
  std::vector<const store::AccountAllocation*> undone;
  for (const store::AccountAllocation& entry : history->allocations) {
    const Allocation& allocation = entry.allocation;
    if (allocation.method == AllocationMethod::reversal) {
      undone.push_back(&entry);
      continue;
    }
    const auto item = items.find(allocation.item_number);
    if (item == items.end()) continue;  // not this customer's item
    const std::string about =
        fmt::format("allocation {} (item {})", allocation.id, allocation.item_number);
    const std::string source = allocation_source(allocation.id);
    switch (allocation.method) {
      case AllocationMethod::credit_note:
        // Clearing an invoice against a credit note moves no money: the credit note itself is
        // the booking (with `invoices`), DATEV's open-item matching does the rest.
        continue;
      case AllocationMethod::skonto:
      case AllocationMethod::bank_charges: {
        const bool skonto = allocation.method == AllocationMethod::skonto;
        if (!settings.includes(skonto ? BookingKind::payments : BookingKind::bank_charges)) {
          continue;
        }
        if (!entry.booked_on) {
          counts.problems.push_back(fmt::format(
              "customer {}, {}: no payment dates it; it is not booked", customer_number, about));
          continue;
        }
        candidates.push_back(
            Candidate{source, skonto ? "skonto" : "bank_charges",
                      skonto ? rules_.skonto(allocation, *item->second, *entry.booked_on)
                             : rules_.bank_charges(allocation, *item->second, *entry.booked_on),
                      about});
        continue;
      }
      case AllocationMethod::write_off:
      case AllocationMethod::write_off_recovery: {
        if (!settings.includes(BookingKind::write_offs)) continue;
        Result<std::optional<store::WriteOff>> write_off = tx.write_off(allocation.id);
        if (!write_off) return write_off.error();
        if (!*write_off) {
          counts.problems.push_back(
              fmt::format("customer {}, {}: its write-off is not stored; it is not booked",
                          customer_number, about));
          continue;
        }
        const exports::WriteOffReason reason = (*write_off)->kind == store::WriteOffKind::doubtful
                                                   ? exports::WriteOffReason::doubtful
                                                   : exports::WriteOffReason::uncollectible;
        const bool recovery = allocation.method == AllocationMethod::write_off_recovery;
        const Money amount = recovery ? allocation.amount.negated().value() : allocation.amount;
        candidates.push_back(Candidate{
            source, recovery ? "write_off_recovery" : "write_off",
            recovery ? rules_.write_off_recovery(*item->second, amount, reason, (*write_off)->dated)
                     : rules_.write_off(*item->second, amount, reason, (*write_off)->dated),
            about});
        continue;
      }
      default:
        break;
    }
    if (!settings.includes(BookingKind::payments)) continue;
    if (allocation.transaction.empty()) continue;  // no money moved: nothing to book
    if (booked_before.contains(source) && !current.contains(source)) continue;  // undone
    Result<std::optional<BankTransaction>> transaction =
        tx.bank_transaction(allocation.transaction);
    if (!transaction) return transaction.error();
    if (!*transaction) {
      counts.problems.push_back(fmt::format("customer {}, {}: bank transaction {} is not stored",
                                            customer_number, about, allocation.transaction));
      continue;
    }
    if (!(*transaction)->postable()) {
      ++counts.waiting;  // booked when the bank's booked statement arrives
      continue;
    }
    candidates.push_back(Candidate{
        source, "payment", rules_.payment(allocation, *item->second, **transaction), about});
  }

  for (Candidate& candidate : candidates) {
    if (!candidate.booking) {
      counts.problems.push_back(fmt::format("customer {}, {}: {}", customer_number, candidate.about,
                                            candidate.booking.error().message));
      continue;
    }
    const auto standing = current.find(candidate.source);
    if (standing == current.end()) {
      if (booked_before.contains(candidate.source)) continue;  // undone: left alone
      store::StoredBooking fresh{.booking = *candidate.booking,
                                 .source = candidate.source,
                                 .kind = candidate.kind,
                                 .customer_number = customer_number,
                                 .current = true,
                                 .recorded_at = {}};
      Result<std::int64_t> id = tx.record_booking(fresh);
      if (!id) return id.error();
      fresh.booking.id = *id;
      current.emplace(candidate.source, std::move(fresh));  // an undo in this step finds it
      ++counts.recorded;
      continue;
    }
    const Booking& before = standing->second.booking;
    if (same_booking(before, *candidate.booking)) {
      ++counts.unchanged;
      continue;
    }
    if (!before.exported()) {
      Result<store::Change> amended = tx.amend_booking(before.id, *candidate.booking);
      if (!amended) return amended.error();
      standing->second.booking.lines = candidate.booking->lines;
      ++counts.amended;
      continue;
    }
    // Exported: the bookkeeping has it. Reverse it today and book the event anew.
    Result<Booking> reversal = rules_.reversal(before, today_);
    if (!reversal) return reversal.error();
    if (Result<store::Change> retired = tx.retire_booking(before.id); !retired) {
      return retired.error();
    }
    if (Result<std::int64_t> id =
            record(tx, *reversal, candidate.source, "reversal", customer_number, false);
        !id) {
      return id.error();
    }
    if (Result<std::int64_t> id =
            record(tx, *candidate.booking, candidate.source, candidate.kind, customer_number, true);
        !id) {
      return id.error();
    }
    ++counts.replaced;
  }

  // Undone allocations: the Generalumkehr of what the original booked. Originals never booked
  // (a payment returned before its statement was booked) leave nothing to reverse.
  for (const store::AccountAllocation* entry : undone) {
    const Allocation& allocation = entry->allocation;
    const std::string source = allocation_source(allocation.id);
    if (booked_before.contains(source) || current.contains(source)) {
      ++counts.unchanged;
      continue;
    }
    if (!allocation.reverses) continue;
    const auto original = current.find(allocation_source(*allocation.reverses));
    if (original == current.end()) continue;
    Result<Booking> reversal =
        rules_.reversal(original->second.booking, entry->booked_on.value_or(today_));
    if (!reversal) return reversal.error();
    if (Result<store::Change> retired = tx.retire_booking(original->second.booking.id); !retired) {
      return retired.error();
    }
    if (Result<std::int64_t> id = record(tx, *reversal, source, "reversal", customer_number, true);
        !id) {
      return id.error();
    }
    current.erase(original);
    ++counts.reversed;
  }
  return {};
}

}  // namespace kontor::engine
