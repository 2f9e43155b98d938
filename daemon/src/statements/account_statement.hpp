// The statement of account of one customer for one period, computed from the store's history
// of the account (store::AccountHistory) — pure: no store, no clock, no I/O, so the engine,
// kontorctl's on-demand statement and the benchmark share one implementation.
//
// The balance is what the customer owes: every item counts from its issue date (credit notes
// and cancellations negatively), every allocation takes its amount off on the day of the
// payment behind it (the booking day of the bank transaction whose decision made it; else the
// company's day it was recorded), a payment's unapplied rest is a credit from its booking day,
// and an item the ERP reports settled outside Kontor leaves the balance on the day the store
// marked it. A credit note applied to an invoice moves no balance (both are the customer's);
// it settles the invoice as of the later of their two dates.
//
// The lines of the period: one per item issued, one per payment (the part of it applied to the
// customer's items plus its unapplied rest, with the items it paid), one per Skonto or bank
// charge allowance, a reversal when a payment was returned or undone, and one per item settled
// externally. Opening balance + lines = closing balance = the aging's total, always: a history
// that breaks this is an error, never a statement that does not add up.
#pragma once

#include <functional>
#include <string_view>

#include "kontor/result.hpp"
#include "render/notice_view.hpp"
#include "statements/statement_period.hpp"
#include "store/store.hpp"

namespace kontor::statements {

// The company's calendar day of a UTC instant as the store writes it ("2026-11-28T09:30:00Z").
using CompanyDay = std::function<Result<Date>(std::string_view utc)>;

// The statement's figures, or an error when the account holds several currencies (a statement
// is in one currency) or a stored instant cannot be read. `currency` is the statement's when
// the account has nothing at all.
// `as_of` is the statement's day (normally after the period): what was paid since the period
// ended is deducted from what the statement asks for, so a customer who has paid in the
// meantime is not asked again.
Result<render::StatementView> account_statement(const store::AccountHistory& history,
                                                const StatementPeriod& period, const Date& as_of,
                                                const CompanyDay& company_day, Currency currency);

// Whether a statement is worth sending: something happened in the period, or something is owed
// either way at its end.
bool has_activity_or_balance(const render::StatementView& statement);

}  // namespace kontor::statements
