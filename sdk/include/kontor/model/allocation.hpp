// Allocation: part of a payment (or of a credit note, Skonto, bank charge) applied to one open
// item, with how Kontor decided it and how sure it was — the record an account manager
// reviews and an auditor follows.
//
// Allocations are never changed or deleted. Undo is a reversing allocation: the negated
// amount, method `reversal`, `reverses` naming the original; an allocation is reversed at
// most once. The item's open amount is its gross minus the sum of its allocations.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "kontor/model/money.hpp"
#include "kontor/result.hpp"

namespace kontor {

enum class AllocationMethod {
  creditor_reference,  // RF reference of the item
  end_to_end_id,       // end-to-end id equal to the item's reference
  notice_reference,    // RF reference of a notice or statement: its still-open items
  invoice_number,      // item numbers found in the remittance text
  amount_and_payer,    // amount plus a known IBAN or name of the customer
  several_items,       // exact sum of several open items of one customer
  debt_order,          // no item named: §366 (2) / §367 (1) BGB order
  skonto,              // discount within the item's Skonto terms (no transaction)
  bank_charges,        // charges within the tolerance (no transaction)
  credit_note,         // a credit note or cancellation settling what it refers to
  manual,              // by an account manager
  reversal,            // undoes `reverses`
  write_off,           // written off by an account manager (no transaction; store: write_offs)
  write_off_recovery,  // negative: a payment came in on a written-off item (store: write_offs)
};

std::string_view to_string(AllocationMethod method);
Result<AllocationMethod> parse_allocation_method(std::string_view text);

struct Allocation {
  std::int64_t id = 0;      // assigned by the store
  std::string transaction;  // BankTransaction::identity; empty when no payment is involved
  std::string item_number;  // OpenItem::number
  Money amount;             // reduces the item's open amount (negative for a reversal)
  AllocationMethod method = AllocationMethod::manual;
  int confidence_permille = 1000;  // 0..1000: how sure the method was
  std::string evidence;            // what matched, for the reviewer: "RF18 … in remittance"
  std::optional<std::int64_t> reverses;

  bool operator==(const Allocation&) const = default;
};

}  // namespace kontor
