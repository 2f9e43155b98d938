// The `export:` section of the configuration: which chart the bookkeeping uses, accounts and
// tax keys that differ from its preset, how to find a debtor account the ERP did not send, and
// which business events Kontor hands over (DESIGN.md §4, issue 14).
//
//   export:
//     chart: skr03                 # or skr04; required — every account follows from it
//     accounts: {bank: "1210", fees: "8603"}
//     automatic: {revenue_0: true} # whether DATEV computes the account's VAT itself
//     tax_keys: {"19": "3", "7": "2"}
//     debtor_account: {rule: from_customer_number, offset: 10000}
//     include: [payments, fees, interest, write_offs, bank_charges]   # the default
//     credit_notes: revenue        # or revenue_reductions (Erlösschmälerungen)
//
// `invoices` (invoices, credit notes and cancellations) is exported only on request: most ERPs
// already send them to DATEV, and booking them twice doubles the revenue. Skonto travels with
// `payments`: it is the part of a payment the customer was allowed to keep.
#pragma once

#include <string_view>
#include <vector>

#include "config/config_node.hpp"
#include "config/schema.hpp"
#include "export/chart_of_accounts.hpp"
#include "export/debtor_account.hpp"
#include "export/tax_keys.hpp"
#include "kontor/result.hpp"

namespace kontor::exports {

// The business events `export.include` chooses from.
enum class BookingKind { payments, fees, interest, write_offs, bank_charges, invoices };

std::string_view to_string(BookingKind kind);
Result<BookingKind> parse_booking_kind(std::string_view text);

// Where a credit note's revenue correction goes: back onto the revenue accounts (the reverse
// of the invoice, datev-extf.md §6) or onto Erlösschmälerungen.
enum class CreditNoteAccounts { revenue, revenue_reductions };

struct ExportSettings {
  ChartOfAccounts chart;
  TaxKeys tax_keys = TaxKeys::datev_defaults();
  DebtorAccountRule debtor_account;
  std::vector<BookingKind> include = {BookingKind::payments, BookingKind::fees,
                                      BookingKind::interest, BookingKind::write_offs,
                                      BookingKind::bank_charges};
  CreditNoteAccounts credit_notes = CreditNoteAccounts::revenue;

  bool includes(BookingKind kind) const;
};

// The section's schema, for the configuration's validation and `kontord --help`.
config::FieldSpec export_section();

// The settings a validated `export:` section describes. An error when `section` is null: the
// chart must be chosen before anything is exported.
Result<ExportSettings> export_settings_of(const config::ConfigNode* section);

}  // namespace kontor::exports
