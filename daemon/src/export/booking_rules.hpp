// BookingRules: which balanced bookings Kontor hands to the bookkeeping for each business event
// — payments, Skonto, bank charges, dunning fees and default interest, invoices and credit
// notes, write-offs, reversals (DESIGN.md §4, datev-extf.md §6 "Booking recipes").
//
// Pure functions of model values and the export settings: no store, no clock, no I/O. The
// export engine decides which events to book (`ExportSettings::include`) and calls these.
//
// What every booking guarantees:
// - it passes kontor::check_balanced; amounts are exact Money, gross (DATEV splits net and VAT
//   on automatic accounts and by the tax key);
// - `lines[0]` is the debtor account; every later line is booked against it, so each later
//   line is one DATEV row (Konto = debtor, Gegenkonto = the line's account);
// - `document_number` (Belegfeld 1) is the number of the item the event is about, so DATEV's
//   open-item matching clears the item the ERP booked under the same number;
// - a line on an automatic account has no tax key; a line that carries VAT on a non-automatic
//   account has the rate's key; lines without VAT (bank, fees, interest, bank charges) have none;
// - a booking that carries VAT dated 2020-07-01 to 2020-12-31 is refused (vat_rate.hpp).
//
// Texts are German: the bookkeeping and the tax advisor read them in DATEV.
#pragma once

#include <vector>

#include "export/export_settings.hpp"
#include "kontor/model/allocation.hpp"
#include "kontor/model/bank_transaction.hpp"
#include "kontor/model/booking.hpp"
#include "kontor/model/company.hpp"
#include "kontor/model/open_item.hpp"
#include "kontor/result.hpp"

namespace kontor::exports {

// Why an item is written off, which decides whether the VAT is corrected (§17 UStG).
enum class WriteOffReason {
  uncollectible,  // finally lost: VAT corrected per rate (§17 (2) Nr. 1 UStG)
  doubtful,       // not (yet) final: no VAT correction
};

class BookingRules {
 public:
  // `company` gives the ledger account of each bank account; the chart's bank when it names none.
  BookingRules(ExportSettings settings, const Company& company);

  const ExportSettings& settings() const { return settings_; }

  // The debtor account of `item`: the ERP's, else the configured rule, else an error naming the
  // customer (debtor_account.hpp).
  Result<std::string> debtor_account(const OpenItem& item) const;

  // A customer's payment allocated to `item`: bank debit / debtor credit, the allocated amount,
  // dated the transaction's booking day. A negative allocation (a refund paid out on a credit
  // note) books the other way round. Skonto, bank charges, credit notes and reversals have their
  // own rules and are refused here.
  Result<Booking> payment(const Allocation& allocation, const OpenItem& item,
                          const BankTransaction& transaction) const;

  // Skonto the customer was allowed to keep on `invoice` (allocation method skonto), dated
  // `date` (the payment's booking day): Gewährte Skonti of each rate debit / debtor credit, the
  // amount split over the invoice's rates pro rata (rate_split.hpp).
  Result<Booking> skonto(const Allocation& allocation, const OpenItem& invoice,
                         const Date& date) const;

  // Bank charges the company bore on a payment (allocation method bank_charges): bank charges
  // account debit / debtor credit, no tax key.
  Result<Booking> bank_charges(const Allocation& allocation, const OpenItem& item,
                               const Date& date) const;

  // A dunning fee or default interest item charged: debtor debit / fee or interest account
  // credit, no tax key (damages, not VAT-able), dated the item's issue date, due on its due
  // date, with facts dunning_fee or dunning_interest (DATEV Sachverhalt 40, 31).
  Result<Booking> charge(const OpenItem& fee_or_interest) const;

  // An invoice: debtor debit / revenue of each rate credit, gross per rate, dated the issue
  // date, due on its due date. An invoice without tax lines is refused naming it (no rate is
  // guessed).
  Result<Booking> invoice(const OpenItem& invoice) const;

  // A credit note or cancellation: the invoice recipe mirrored — debtor credit / revenue (or,
  // when configured, Erlösschmälerungen) of each rate debit; due on its due date.
  Result<Booking> credit_note(const OpenItem& credit_note) const;

  // `amount` of `item` written off on `date`. An uncollectible invoice corrects its VAT: each
  // rate's share on that rate's Forderungsverluste account (automatic: no tax key). Fee and
  // interest items, and doubtful invoices, go whole onto write_offs_0, without VAT correction.
  Result<Booking> write_off(const OpenItem& item, const Money& amount, WriteOffReason reason,
                            const Date& date) const;

  // A payment of `amount` that came in on `item` after it was written off, on `date` (the
  // payment's booking day): the write-off's correction taken back for that amount — debtor
  // debit / the same Forderungsverluste accounts credit, pro rata per rate for an uncollectible
  // invoice (the VAT is owed again, §17 (2) Nr. 1 S. 2 UStG), else write_offs_0. Not a
  // Generalumkehr: the amount is what came in, which may be part of what was written off.
  Result<Booking> write_off_recovery(const OpenItem& item, const Money& amount,
                                     WriteOffReason reason, const Date& date) const;

  // The reversal (Generalumkehr) of an exported booking on `date`: kontor::reversal_of. The
  // booking must be stored (have an id), so the reversal can name what it reverses.
  Result<Booking> reversal(const Booking& booking, const Date& date) const;

 private:
  Result<std::string> bank_account(const BankTransaction& transaction) const;

  ExportSettings settings_;
  std::vector<CompanyBankAccount> bank_accounts_;
};

}  // namespace kontor::exports
