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
//   statement.{is_statement period period_start period_end opening invoices credit_notes fees
//              interest payments adjustments closing has_credit credit as_of since paid_since
//              due owes settled_since has_open}
//   statement.movements[]: date kind kind_text document detail amount debit credit balance
//                          aligned.{date document kind_text amount balance}
//   statement.open_items[]: number type type_text issue_date due_date gross open days_overdue
//   statement.aging.{not_due days_1_30 days_31_60 days_61_90 over_90 credits total}
//
// Flags (final_notice, has_charges, abroad, business, is_*, has_credit, paid_since, owes,
// settled_since, has_open) are "true" or empty. On a statement, `due` is what is still owed
// of the closing balance on the statement's day (`as_of`): `since` (shown without sign) was paid
// or credited after the period ended (`paid_since`); `owes` asks for `due`; `settled_since`
// says a positive closing balance is paid in full by now.
//
// `statement` is filled for a statement of account (NoticeView::statement) and empty for every
// other notice. `period` is the month in words ("Oktober 2026", "October 2026") when the period
// is one whole calendar month, else its first and last day. Amounts are signed as their effect
// on the balance; `credit` is the closing balance without its sign when the customer is in
// credit (`has_credit`), `owes` when the closing balance is positive, neither when it is zero;
// `has_open` when anything is open at period_end (an open item, or an aging figure not zero).
// The `statement` map itself is never empty: a template asks `statement.is_statement`.
// A movement's `debit` is its amount when it raises the balance, `credit` the amount without
// sign when it lowers it; `kind_text` and `type_text` name the kind in the notice's language.
// `aligned` holds the same values padded with blanks to the widest of their column, for the
// columns of a plain-text statement.
#pragma once

#include "render/local_format.hpp"
#include "render/notice_view.hpp"
#include "render/template.hpp"

namespace kontor::render {

TemplateValue notice_values(const NoticeView& notice, LocalStyle style);

// A notice with one of everything (an item of each type, a fee of each kind, interest, a bank
// account with BIC, a statement with a movement and an open item), for checking the names a
// template uses. It is a reminder by kind; only its values are for statements as well.
NoticeView sample_notice();

}  // namespace kontor::render
