// Notice values: the value tree a notice template sees (template.hpp), built from a
// NoticeView with amounts, dates and rates in the customer's language (local_format.hpp).
//
// Every name below always exists, empty when the notice has nothing for it, so that a
// template's names can be checked once against a sample (sample_notice()) instead of failing
// on the one notice whose data takes an unusual branch. The names are the templates' public
// interface (the README documents them):
//
//   kind template language level level_name final_notice notice_number date pay_by
//   payment_reference has_charges
//   customer.{number name street postcode city country abroad email business}
//   company.{legal_name street postcode city country register managing_directors vat_id
//            phone email web}
//   company.bank_accounts[]: iban bic          (and bank.{iban bic}: the first account)
//   items[]: number type is_invoice is_fee is_interest issue_date due_date gross open level
//            refers_to days_overdue
//   fees[]: item_number kind is_level_fee is_flat_fee amount
//   interest[]: item_number first last days principal rate amount
//   totals.{open fees interest due}
//
// Flags (final_notice, has_charges, abroad, business, is_*) are "true" or empty.
#pragma once

#include "render/local_format.hpp"
#include "render/notice_view.hpp"
#include "render/template.hpp"

namespace kontor::render {

TemplateValue notice_values(const NoticeView& notice, LocalStyle style);

// A notice with one of everything (an item of each type, a fee of each kind, interest, a bank
// account with BIC), for checking the names a template uses.
NoticeView sample_notice();

}  // namespace kontor::render
