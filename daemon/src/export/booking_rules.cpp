// The booking recipes (see the header; datev-extf.md §6).
#include "export/booking_rules.hpp"

#include <fmt/format.h>

#include "export/booking_draft.hpp"
#include "export/rate_split.hpp"

namespace kontor::exports {
namespace {

std::string item_name(const OpenItem& item) {
  return fmt::format("{} {} of customer {}", to_string(item.type), item.number,
                     item.customer_number);
}

// "Mahngebühr M-1-G1 zu R-1": what an item is about, when it says.
std::string about(std::string_view what, const OpenItem& item) {
  if (item.refers_to.empty()) return fmt::format("{} {}", what, item.number);
  return fmt::format("{} {} zu {}", what, item.number, item.refers_to);
}

Result<Date> issue_date_of(const OpenItem& item) {
  if (item.issue_date) return *item.issue_date;
  return Error{fmt::format("{} has no issue date to date its booking by", item_name(item))};
}

Status check_allocation(const Allocation& allocation, const OpenItem& item,
                        AllocationMethod method) {
  if (allocation.method != method) {
    return Error{fmt::format("allocation {} to {} has method {}; this rule books {}", allocation.id,
                             item.number, to_string(allocation.method), to_string(method))};
  }
  if (allocation.item_number != item.number) {
    return Error{fmt::format("allocation {} is to item {}, not {}", allocation.id,
                             allocation.item_number, item.number)};
  }
  if (!allocation.amount.is_positive()) {
    return Error{fmt::format("{} allocation {} to {} is {}; its reversal is booked by reversal()",
                             to_string(method), allocation.id, item.number,
                             allocation.amount.to_string())};
  }
  return {};
}

// A line on `family`'s account for `rate`, with the tax key that account needs.
Status add_rate_line(BookingDraft& draft, const ExportSettings& settings, RateAccount family,
                     VatRate rate, const Money& signed_amount, const Date& date) {
  Result<LedgerAccount> account = settings.chart.require(role_of(family, rate));
  if (!account) return account.error();
  std::string key;
  if (account->automatic) {
    // DATEV's automatic accounts computed 16 % and 5 % in the second half of 2020.
    if (rate != VatRate::zero) {
      const std::string what = fmt::format("a booking at {} % on automatic account {}",
                                           percent_text(rate), account->number);
      if (Status outside = check_outside_2020_vat_cut(date, what); !outside) return outside;
    }
  } else {
    Result<std::string> found = settings.tax_keys.key_for(rate, date);
    if (!found) return found.error();
    key = *found;
  }
  return draft.add(account->number, signed_amount, key);
}

// Invoice, credit note and cancellation: the debtor gets the item's gross, each rate's account
// the opposite of its gross, so the signs of the item decide the sides.
Result<Booking> item_booking(const ExportSettings& settings, const std::string& debtor,
                             const OpenItem& item, RateAccount family, std::string text) {
  Result<Date> date = issue_date_of(item);
  if (!date) return date.error();
  Result<std::vector<RateShare>> shares = gross_by_rate(item);
  if (!shares) return shares.error();
  BookingDraft draft(*date, item.number, std::move(text));
  if (Status added = draft.add(debtor, item.gross); !added) return added.error();
  for (const RateShare& share : *shares) {
    Result<Money> opposite = share.amount.negated();
    if (!opposite) return opposite.error();
    Status added = add_rate_line(draft, settings, family, share.rate, *opposite, *date);
    if (!added) return Error{fmt::format("{}: {}", item_name(item), added.error().message)};
  }
  Result<Booking> booking = draft.finish();
  // The bookkeeping's open item falls due when Kontor's does, so its reminders agree with ours.
  if (booking) booking.value().due_date = item.due_date;
  return booking;
}

}  // namespace

BookingRules::BookingRules(ExportSettings settings, const Company& company)
    : settings_(std::move(settings)), bank_accounts_(company.bank_accounts) {}

Result<std::string> BookingRules::debtor_account(const OpenItem& item) const {
  return debtor_account_of(item, settings_.debtor_account, settings_.chart);
}

Result<std::string> BookingRules::bank_account(const BankTransaction& transaction) const {
  for (const CompanyBankAccount& account : bank_accounts_) {
    if (account.iban.electronic() != transaction.account || account.ledger_account.empty()) {
      continue;
    }
    if (std::string problem = check_account_number(account.ledger_account); !problem.empty()) {
      return Error{fmt::format("company.bank_accounts ledger_account of {}: {}",
                               transaction.account, problem)};
    }
    return account.ledger_account;
  }
  return settings_.chart.account(AccountRole::bank).number;
}

Result<Booking> BookingRules::payment(const Allocation& allocation, const OpenItem& item,
                                      const BankTransaction& transaction) const {
  switch (allocation.method) {
    case AllocationMethod::skonto:
    case AllocationMethod::bank_charges:
    case AllocationMethod::credit_note:
    case AllocationMethod::reversal:
      return Error{fmt::format("allocation {} to {} has method {}, which is no payment",
                               allocation.id, item.number, to_string(allocation.method))};
    default:
      break;
  }
  if (allocation.item_number != item.number) {
    return Error{fmt::format("allocation {} is to item {}, not {}", allocation.id,
                             allocation.item_number, item.number)};
  }
  if (!allocation.transaction.empty() && !transaction.identity.empty() &&
      allocation.transaction != transaction.identity) {
    return Error{fmt::format("allocation {} is of another bank transaction", allocation.id)};
  }
  Result<std::string> debtor = debtor_account(item);
  if (!debtor) return debtor.error();
  Result<std::string> bank = bank_account(transaction);
  if (!bank) return bank.error();
  Result<Money> credit = allocation.amount.negated();
  if (!credit) return credit.error();
  const std::string_view what = allocation.amount.is_negative() ? "Erstattung" : "Zahlung";
  BookingDraft draft(transaction.booking_date, item.number, about(what, item));
  if (Status added = draft.add(*debtor, *credit); !added) return added.error();
  if (Status added = draft.add(*bank, allocation.amount); !added) return added.error();
  return draft.finish();
}

Result<Booking> BookingRules::skonto(const Allocation& allocation, const OpenItem& invoice,
                                     const Date& date) const {
  if (Status fits = check_allocation(allocation, invoice, AllocationMethod::skonto); !fits) {
    return fits.error();
  }
  Result<std::string> debtor = debtor_account(invoice);
  if (!debtor) return debtor.error();
  Result<std::vector<RateShare>> shares = split_by_rate(allocation.amount, invoice);
  if (!shares) return shares.error();
  Result<Money> credit = allocation.amount.negated();
  if (!credit) return credit.error();
  BookingDraft draft(date, invoice.number, "Skonto " + invoice.number);
  if (Status added = draft.add(*debtor, *credit); !added) return added.error();
  for (const RateShare& share : *shares) {
    Status added =
        add_rate_line(draft, settings_, RateAccount::skonto, share.rate, share.amount, date);
    if (!added) return Error{fmt::format("{}: {}", item_name(invoice), added.error().message)};
  }
  return draft.finish();
}

Result<Booking> BookingRules::bank_charges(const Allocation& allocation, const OpenItem& item,
                                           const Date& date) const {
  if (Status fits = check_allocation(allocation, item, AllocationMethod::bank_charges); !fits) {
    return fits.error();
  }
  Result<std::string> debtor = debtor_account(item);
  if (!debtor) return debtor.error();
  Result<Money> credit = allocation.amount.negated();
  if (!credit) return credit.error();
  BookingDraft draft(date, item.number, "Bankspesen " + item.number);
  if (Status added = draft.add(*debtor, *credit); !added) return added.error();
  Status added =
      draft.add(settings_.chart.account(AccountRole::bank_charges).number, allocation.amount);
  if (!added) return added.error();
  return draft.finish();
}

Result<Booking> BookingRules::charge(const OpenItem& item) const {
  if (item.type != OpenItemType::fee && item.type != OpenItemType::interest) {
    return Error{fmt::format("{} is no dunning fee or interest item", item_name(item))};
  }
  for (const TaxLine& line : item.tax_lines) {
    // Dunning fees and default interest are damages, not consideration: no VAT (§6).
    if (!line.tax.is_zero()) {
      return Error{fmt::format(
          "{} carries VAT ({}), but dunning fees and default interest are damages without VAT; "
          "correct it in the ERP",
          item_name(item), line.tax.to_string())};
    }
  }
  if (!item.gross.is_positive()) {
    return Error{
        fmt::format("{} has gross {}; nothing to book", item_name(item), item.gross.to_string())};
  }
  Result<std::string> debtor = debtor_account(item);
  if (!debtor) return debtor.error();
  Result<Date> date = issue_date_of(item);
  if (!date) return date.error();
  const bool fee = item.type == OpenItemType::fee;
  Result<Money> credit = item.gross.negated();
  if (!credit) return credit.error();
  BookingDraft draft(*date, item.number, about(fee ? "Mahngebühr" : "Verzugszinsen", item));
  if (Status added = draft.add(*debtor, item.gross); !added) return added.error();
  const AccountRole role = fee ? AccountRole::fees : AccountRole::interest;
  if (Status added = draft.add(settings_.chart.account(role).number, *credit); !added) {
    return added.error();
  }
  Result<Booking> booking = draft.finish();
  if (booking) {
    // Marked so that the bookkeeping's own dunning charges no interest on fees and interest
    // (DATEV Sachverhalt 40, 31), and due when the notice that charged them asks to be paid.
    booking.value().facts = fee ? BookingFacts::dunning_fee : BookingFacts::dunning_interest;
    booking.value().due_date = item.due_date;
  }
  return booking;
}

Result<Booking> BookingRules::invoice(const OpenItem& invoice) const {
  if (invoice.type != OpenItemType::invoice) {
    return Error{fmt::format("{} is no invoice", item_name(invoice))};
  }
  Result<std::string> debtor = debtor_account(invoice);
  if (!debtor) return debtor.error();
  return item_booking(settings_, *debtor, invoice, RateAccount::revenue,
                      "Rechnung " + invoice.number);
}

Result<Booking> BookingRules::credit_note(const OpenItem& credit_note) const {
  if (credit_note.type != OpenItemType::credit_note &&
      credit_note.type != OpenItemType::cancellation) {
    return Error{fmt::format("{} is no credit note or cancellation", item_name(credit_note))};
  }
  Result<std::string> debtor = debtor_account(credit_note);
  if (!debtor) return debtor.error();
  const RateAccount family = settings_.credit_notes == CreditNoteAccounts::revenue_reductions
                                 ? RateAccount::revenue_reductions
                                 : RateAccount::revenue;
  const std::string_view what =
      credit_note.type == OpenItemType::cancellation ? "Storno" : "Gutschrift";
  return item_booking(settings_, *debtor, credit_note, family, about(what, credit_note));
}

Result<Booking> BookingRules::write_off(const OpenItem& item, const Money& amount,
                                        WriteOffReason reason, const Date& date) const {
  if (item.type == OpenItemType::credit_note || item.type == OpenItemType::cancellation) {
    return Error{
        fmt::format("{} is owed to the customer; there is nothing to write off", item_name(item))};
  }
  if (!amount.is_positive()) {
    return Error{
        fmt::format("a write-off of {} on {} books nothing; its reversal is booked by "
                    "reversal()",
                    amount.to_string(), item_name(item))};
  }
  Result<std::string> debtor = debtor_account(item);
  if (!debtor) return debtor.error();
  Result<Money> credit = amount.negated();
  if (!credit) return credit.error();
  const bool corrects_vat =
      item.type == OpenItemType::invoice && reason == WriteOffReason::uncollectible;
  BookingDraft draft(
      date, item.number,
      (corrects_vat ? "Forderungsverlust " : "Abschreibung ohne USt ") + item.number);
  if (Status added = draft.add(*debtor, *credit); !added) return added.error();
  if (!corrects_vat) {
    Result<LedgerAccount> account = settings_.chart.require(AccountRole::write_offs_0);
    if (!account) return account.error();
    if (Status added = draft.add(account->number, amount); !added) return added.error();
    return draft.finish();
  }
  Result<std::vector<RateShare>> shares = split_by_rate(amount, item);
  if (!shares) return shares.error();
  for (const RateShare& share : *shares) {
    Status added =
        add_rate_line(draft, settings_, RateAccount::write_offs, share.rate, share.amount, date);
    if (!added) return Error{fmt::format("{}: {}", item_name(item), added.error().message)};
  }
  return draft.finish();
}

Result<Booking> BookingRules::write_off_recovery(const OpenItem& item, const Money& amount,
                                                 WriteOffReason reason, const Date& date) const {
  Result<Booking> correction = write_off(item, amount, reason, date);
  if (!correction) return correction.error();
  Booking recovered = std::move(correction).value();
  for (BookingLine& line : recovered.lines) {
    line.side = line.side == BookingSide::debit ? BookingSide::credit : BookingSide::debit;
  }
  recovered.text = "Eingang auf ausgebuchte Forderung " + item.number;
  return recovered;
}

Result<Booking> BookingRules::reversal(const Booking& booking, const Date& date) const {
  if (booking.id == 0) {
    return Error{fmt::format("booking '{}' of {} is not stored, so a reversal could not name it",
                             booking.document_number, booking.date.to_iso())};
  }
  Booking reversed = reversal_of(booking, date);
  if (Status balanced = check_balanced(reversed); !balanced) return balanced.error();
  return reversed;
}

}  // namespace kontor::exports
