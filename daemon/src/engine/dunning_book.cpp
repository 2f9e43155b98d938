// Loading the dunning book (see the header).
#include "engine/dunning_book.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "engine/notice_setup.hpp"
#include "matching/payer_names.hpp"

namespace kontor::engine {
namespace {

dunning::ItemHistory history_of(const store::ItemDunning& record) {
  return dunning::ItemHistory{.level = record.level,
                              .first_reminded_on = record.first_reminded_on,
                              .first_by_letter = record.first_by_letter,
                              .last_reminded_on = record.last_reminded_on,
                              .interest_through = record.interest_through,
                              .flat_fee_charged = record.flat_fee_charged};
}

// What was open of `invoice` on each day since its due date: the gross amount, lowered by each
// payment on the day the bank booked it. Allocations without a payment (Skonto, bank charges,
// manual corrections) count from the due date, the customer's favour.
Result<dunning::OpenPrincipal> principal_of(store::Reader& reader, const OpenItem& invoice) {
  dunning::OpenPrincipal principal;
  if (invoice.open == invoice.gross) {
    principal.changes.emplace_back(invoice.due_date, invoice.gross);
    return principal;
  }
  Result<std::vector<Allocation>> allocations = reader.allocations_of_item(invoice.number);
  if (!allocations) return allocations.error();
  std::map<Date, std::int64_t> lowered;  // day → minor units paid that day
  for (const Allocation& allocation : *allocations) {
    Date day = invoice.due_date;
    if (!allocation.transaction.empty()) {
      Result<std::optional<BankTransaction>> payment =
          reader.bank_transaction(allocation.transaction);
      if (!payment) return payment.error();
      if (*payment && (*payment)->booking_date > day) day = (*payment)->booking_date;
    }
    lowered[day] += allocation.amount.minor_units();
  }
  std::int64_t open = invoice.gross.minor_units();
  if (auto at_due = lowered.find(invoice.due_date); at_due != lowered.end()) {
    open -= at_due->second;
    lowered.erase(at_due);
  }
  principal.changes.emplace_back(invoice.due_date, Money(open, invoice.gross.currency()));
  for (const auto& [day, paid] : lowered) {
    open -= paid;
    principal.changes.emplace_back(day, Money(open, invoice.gross.currency()));
  }
  return principal;
}

// Customer numbers by every IBAN known for them (the ERP's and those manual allocations
// taught), compared in their compact form.
std::map<std::string, std::string> customers_by_iban(
    const std::vector<Customer>& customers,
    const std::map<std::string, std::vector<std::string>>& learned) {
  std::map<std::string, std::string> owners;
  for (const Customer& customer : customers) {
    for (const Iban& iban : customer.ibans) {
      owners.emplace(matching::comparable_account(iban.electronic()), customer.number);
    }
  }
  for (const auto& [customer, ibans] : learned) {
    for (const std::string& iban : ibans) {
      owners.emplace(matching::comparable_account(iban), customer);
    }
  }
  return owners;
}

}  // namespace

Result<dunning::DunningBook> load_dunning_book(store::Reader& reader,
                                               const dunning::DunningPolicy& policy,
                                               const Date& today) {
  Result<std::vector<Customer>> customers = reader.customers();
  if (!customers) return customers.error();
  store::ItemQuery open_query;
  open_query.only_open = true;
  Result<std::vector<OpenItem>> items = reader.open_items(open_query);
  if (!items) return items.error();
  Result<std::vector<store::ItemDunning>> records = reader.item_dunning_records();
  if (!records) return records.error();

  dunning::DunningBook book;
  book.customers.reserve(customers->size());
  std::map<std::string, std::size_t> index;
  for (const Customer& customer : *customers) {
    index.emplace(customer.number, book.customers.size());
    dunning::CustomerBook account;
    account.customer = customer;
    account.has_email = !customer.email.empty();
    account.has_postal_address = has_postal_address(customer);
    if (customer.dunning_block && customer.dunning_block->holds_on(today)) {
      account.customer_holds.push_back("dunning block: " + customer.dunning_block->reason);
    }
    book.customers.push_back(std::move(account));
  }
  auto account_of = [&](const std::string& number) -> dunning::CustomerBook* {
    auto found = index.find(number);
    return found == index.end() ? nullptr : &book.customers[found->second];
  };

  std::map<std::string, const store::ItemDunning*> record_of;
  for (const store::ItemDunning& record : *records) record_of[record.item_number] = &record;
  for (OpenItem& item : items.value()) {
    dunning::CustomerBook* account = account_of(item.customer_number);
    if (account == nullptr) continue;
    if (item.dunning_block && item.dunning_block->holds_on(today)) {
      account->item_holds[item.number] = "dunning block: " + item.dunning_block->reason;
    }
    if (auto record = record_of.find(item.number); record != record_of.end()) {
      account->history[item.number] = history_of(*record->second);
    }
    const bool overdue_invoice = item.type == OpenItemType::invoice && item.open.is_positive() &&
                                 item.due_date < today && policy.charge_interest;
    if (overdue_invoice) {
      Result<dunning::OpenPrincipal> principal = principal_of(reader, item);
      if (!principal) return principal.error();
      account->principal[item.number] = std::move(*principal);
    }
    account->items.push_back(std::move(item));
  }

  Result<std::vector<store::ManualDunningBlock>> blocks = reader.manual_dunning_blocks();
  if (!blocks) return blocks.error();
  for (const store::ManualDunningBlock& block : *blocks) {
    if (block.until && *block.until < today) continue;
    dunning::CustomerBook* account = account_of(block.customer_number);
    if (account == nullptr) continue;
    const std::string why = fmt::format("dunning block set by {}: {}", block.set_by, block.reason);
    if (block.item_number.empty()) {
      account->customer_holds.push_back(why);
    } else {
      account->item_holds[block.item_number] = why;
    }
  }

  store::NoteQuery complaints;
  complaints.only_open = true;
  Result<std::vector<Note>> notes = reader.notes(complaints);
  if (!notes) return notes.error();
  for (const Note& note : *notes) {
    if (!note.blocks_dunning()) continue;
    dunning::CustomerBook* account = account_of(note.customer_number);
    if (account == nullptr) continue;
    const std::string why = fmt::format("open complaint #{}: {}", note.id, note.text);
    if (note.item_number.empty()) {
      account->customer_holds.push_back(why);
    } else {
      account->item_holds[note.item_number] = why;
    }
  }

  if (policy.hold_on_pending_credit || policy.hold_on_unreconciled_credit) {
    Result<std::map<std::string, std::vector<std::string>>> learned = reader.learned_ibans();
    if (!learned) return learned.error();
    const std::map<std::string, std::string> owners = customers_by_iban(*customers, *learned);
    auto hold_payer = [&](const BankTransaction& credit, std::string_view what) {
      auto owner = owners.find(matching::comparable_account(credit.counterparty_account));
      if (owner == owners.end()) return;
      if (dunning::CustomerBook* account = account_of(owner->second)) {
        account->customer_holds.push_back(
            fmt::format("{} of {} booked {} from {}", what, credit.amount.format(),
                        credit.booking_date.to_iso(), credit.counterparty_account));
      }
    };
    if (policy.hold_on_pending_credit) {
      Result<std::vector<BankTransaction>> pending = reader.pending_credits();
      if (!pending) return pending.error();
      for (const BankTransaction& credit : *pending) {
        hold_payer(credit, "a payment not booked yet");
      }
    }
    if (policy.hold_on_unreconciled_credit) {
      for (store::ReconciliationState state :
           {store::ReconciliationState::review, store::ReconciliationState::unmatched}) {
        store::ReconciliationQuery query;
        query.state = state;
        query.limit = std::numeric_limits<std::int64_t>::max();
        Result<std::vector<store::ReconciliationEntry>> entries = reader.reconciliations(query);
        if (!entries) return entries.error();
        for (const store::ReconciliationEntry& entry : *entries) {
          if (!entry.transaction.amount.is_positive()) continue;
          const std::string what = state == store::ReconciliationState::review
                                       ? "a payment waiting for review"
                                       : "an unmatched payment";
          std::vector<std::string> payers;
          if (!entry.reconciliation.customer_number.empty()) {
            payers.push_back(entry.reconciliation.customer_number);
          }
          for (const store::ReconciliationCandidate& candidate : entry.reconciliation.candidates) {
            payers.push_back(candidate.customer_number);
          }
          std::sort(payers.begin(), payers.end());
          payers.erase(std::unique(payers.begin(), payers.end()), payers.end());
          if (payers.empty()) {
            hold_payer(entry.transaction, what);
            continue;
          }
          for (const std::string& payer : payers) {
            if (dunning::CustomerBook* account = account_of(payer)) {
              account->customer_holds.push_back(
                  fmt::format("{} of {} booked {}", what, entry.transaction.amount.format(),
                              entry.transaction.booking_date.to_iso()));
            }
          }
        }
      }
    }
  }
  return book;
}

}  // namespace kontor::engine
