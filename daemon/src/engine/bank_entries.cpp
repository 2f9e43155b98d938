#include "engine/bank_entries.hpp"

#include <string_view>

namespace kontor::engine {
namespace {

bool ends_with_family(std::string_view code, std::string_view sub_family) {
  return code.size() > sub_family.size() && code.ends_with(sub_family) &&
         code[code.size() - sub_family.size() - 1] == '/';
}

// An MT940 GVC travels alone ("109") or in a DK/ZKA proprietary code ("NDDT+109+00931").
bool is_return_gvc(std::string_view code) {
  for (std::string_view gvc : {"108", "109", "159", "160"}) {
    if (code == gvc) return true;
    const auto at = code.find(gvc);
    if (at != std::string_view::npos && at > 0 && code[at - 1] == '+' &&
        (at + 3 == code.size() || code[at + 3] == '+')) {
      return true;
    }
  }
  return false;
}

BankTransaction from_details(const sdk::PaymentDetails& d) {
  BankTransaction t;
  t.counterparty_name = d.counterparty_name;
  t.counterparty_account = d.counterparty_account;
  t.counterparty_bic = d.counterparty_bic;
  // A structured creditor reference (RF...) is what matching looks for first; the free text
  // stays beside it.
  if (d.creditor_reference.empty()) {
    t.remittance = d.remittance;
  } else if (d.remittance.empty() || d.remittance.find(d.creditor_reference) != std::string::npos) {
    t.remittance = d.remittance.empty() ? d.creditor_reference : d.remittance;
  } else {
    t.remittance = d.creditor_reference + " " + d.remittance;
  }
  t.end_to_end_id = d.end_to_end_id;
  t.mandate_id = d.mandate_id;
  t.creditor_id = d.creditor_id;
  t.bank_reference = d.bank_reference;
  t.bank_transaction_code = d.bank_transaction_code;
  t.return_reason = d.return_reason;
  return t;
}

}  // namespace

bool is_return(const sdk::PaymentDetails& details, bool reversal) {
  if (reversal || !details.return_reason.empty()) return true;
  const std::string_view code = details.bank_transaction_code;
  return ends_with_family(code, "RRTN") || ends_with_family(code, "UPDD") ||
         ends_with_family(code, "RPCR") || is_return_gvc(code);
}

std::vector<BankTransaction> transactions_of(const sdk::StatementEntry& entry,
                                             const std::vector<sdk::EntryDetail>& details,
                                             bool provisional) {
  const std::string entry_reference = normalised_bank_reference(entry.details.bank_reference);
  const int stated = static_cast<int>(entry.detail_count > 0 ? entry.detail_count : details.size());
  auto common = [&](BankTransaction& t) {
    t.booking_date = entry.booking_date;
    t.value_date = entry.value_date;
    t.status = entry.status;
    t.provisional = provisional;
    t.entry_amount = entry.amount;
    t.entry_transactions = stated;
    if (!entry_reference.empty()) t.bank_reference = entry_reference;
  };
  std::vector<BankTransaction> out;
  if (details.size() >= 2) {
    int position = 0;
    for (const sdk::EntryDetail& detail : details) {
      BankTransaction t = from_details(detail.details);
      common(t);
      t.amount = detail.amount;
      t.batch_position = ++position;
      if (t.bank_transaction_code.empty()) {
        t.bank_transaction_code = entry.details.bank_transaction_code;
      }
      t.is_return =
          is_return(detail.details, entry.reversal) || is_return(entry.details, entry.reversal);
      out.push_back(std::move(t));
    }
    return out;
  }
  BankTransaction t = from_details(entry.details);
  common(t);
  t.amount = entry.amount;
  t.is_return = is_return(entry.details, entry.reversal);
  out.push_back(std::move(t));
  return out;
}

EntryFacts facts_of(const store::StoredEntry& entry) {
  EntryFacts facts;
  facts.amount = entry.amount;
  facts.transactions = entry.stated_transactions;
  if (!entry.transactions.empty()) {
    facts.bank_reference = normalised_bank_reference(entry.transactions.front().bank_reference);
    facts.booking_date = entry.transactions.front().booking_date;
  }
  return facts;
}

const store::StoredEntry* paired_entry(const EntryFacts& entry,
                                       const std::vector<store::StoredEntry>& candidates,
                                       StatementKind wanted) {
  const store::StoredEntry* by_date = nullptr;
  for (const store::StoredEntry& candidate : candidates) {
    if (candidate.kind != wanted || candidate.transactions.empty()) continue;
    bool fits = true;
    for (const BankTransaction& t : candidate.transactions) {
      const bool booked = t.status == EntryStatus::booked && !t.provisional;
      if (wanted == StatementKind::statement ? !booked : !t.provisional) fits = false;
    }
    if (!fits) continue;
    const EntryFacts other = facts_of(candidate);
    if (!entry.bank_reference.empty() && entry.bank_reference == other.bank_reference) {
      return &candidate;
    }
    const bool counts_agree = entry.transactions == 0 || other.transactions == 0 ||
                              entry.transactions == other.transactions;
    if (by_date == nullptr && entry.booking_date == other.booking_date && counts_agree) {
      by_date = &candidate;
    }
  }
  return by_date;
}

std::vector<BankTransaction> booked_details(const BankTransaction& booked,
                                            const std::vector<BankTransaction>& details) {
  std::vector<BankTransaction> out;
  int position = 0;
  for (BankTransaction t : details) {
    t.booking_date = booked.booking_date;
    t.value_date = booked.value_date;
    t.status = booked.status;
    t.provisional = false;
    t.superseded = false;
    t.identity.clear();
    t.entry_amount = booked.entry_amount ? booked.entry_amount : booked.amount;
    t.entry_transactions = static_cast<int>(details.size());
    if (!booked.bank_reference.empty()) t.bank_reference = booked.bank_reference;
    if (t.bank_transaction_code.empty()) t.bank_transaction_code = booked.bank_transaction_code;
    t.is_return = t.is_return || booked.is_return;
    t.batch_position = ++position;
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace kontor::engine
