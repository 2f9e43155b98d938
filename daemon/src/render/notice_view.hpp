// NoticeView: everything a notice template may show — who writes to whom, the items, fees and
// interest, totals and how to pay. The dunning engine (and later statements) fills it from the
// store; the renderer (notice_renderer.hpp) turns it into subject, text and HTML.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kontor/model/company.hpp"
#include "kontor/model/customer.hpp"
#include "kontor/model/date.hpp"
#include "kontor/model/decimal.hpp"
#include "kontor/model/money.hpp"

namespace kontor::render {

// An item the notice lists (an invoice, or a fee or interest item charged before).
struct NoticeItemView {
  std::string number;
  std::string type;  // "invoice", "fee", "interest"
  std::optional<Date> issue_date;
  Date due_date;
  Money gross;
  Money open;
  int level = 0;          // the item's dunning level on this notice
  std::string refers_to;  // fee/interest items: the invoice they are about
  std::int64_t days_overdue = 0;
};

// A fee this notice charges (level fee, §288 (5) BGB flat fee).
struct FeeView {
  std::string item_number;  // the invoice it is about
  std::string kind;         // "level_fee" or "flat_fee"
  Money amount;
};

// Interest this notice charges for one invoice over one stretch of days.
struct InterestView {
  std::string item_number;
  Date first;
  Date last;
  std::int64_t days = 0;
  Money principal;
  Decimal annual_percent;
  Money amount;
};

// One line of a statement of account: something that moved the customer's balance in the
// period, in the order it happened.
struct MovementView {
  Date date;
  // What it was: "invoice", "credit_note", "cancellation", "fee", "interest" (an item issued);
  // "payment" (money received, applied to items or not yet), "discount" (Skonto granted),
  // "bank_charges" (charges the company bore), "reversal" (a payment returned or undone),
  // "settled_externally" (the ERP reports the item settled outside Kontor).
  std::string kind;
  std::string document;  // the item's number; empty for a payment
  std::string detail;    // a payment: the items it paid; a reversal or discount: the item
  Money amount;          // signed: positive raises what the customer owes, negative lowers it
  Money balance;         // the balance after this line
};

// An item still open at the end of the period, with how long it is overdue then.
struct StatementItemView {
  std::string number;
  std::string type;  // as MovementView::kind for items
  std::optional<Date> issue_date;
  Date due_date;
  Money gross;
  Money open;                     // at the end of the period
  std::int64_t days_overdue = 0;  // at the end of the period; 0 when not yet due
  Money open_now;                 // on the statement's day (as_of): what is still asked of it
};

// What is open at the end of the period by days past due. Amounts owed go into the buckets by
// their due date; what the company owes the customer (open credit notes, payments not yet
// applied) is `credits` (negative or zero). total = the five buckets + credits = closing.
struct AgingView {
  Money not_due;
  Money days_1_30;
  Money days_31_60;
  Money days_61_90;
  Money over_90;
  Money credits;
  Money total;
};

// The statement of account's own figures (NoticeView::kind "statement"). Every figure is the
// signed effect on the balance: closing = opening + invoices + credit_notes + fees + interest +
// payments + adjustments.
struct StatementView {
  Date period_start;   // the first day of the period
  Date period_end;     // the last day, inclusive: the day the balance and the aging are taken
  Money opening;       // the balance at the end of the day before period_start
  Money invoices;      // invoices issued in the period
  Money credit_notes;  // credit notes and cancellations issued (≤ 0)
  Money fees;          // fee items issued (dunning fees)
  Money interest;      // interest items issued
  Money payments;      // money received (≤ 0; a payment returned counts under adjustments)
  Money adjustments;   // discounts, bank charges borne, reversals, items settled externally
  Money closing;       // the balance at the end of period_end
  // Between period_end and the statement's day (as_of), what lowered the balance — payments,
  // credit notes, allowances, a returned payment counted back (≤ 0 unless money was returned);
  // items issued since are not counted: they are on the next statement.
  Date as_of;
  Money since;
  Money due;  // what the statement asks for now: closing + since, at least zero
  std::vector<MovementView> movements;
  std::vector<StatementItemView> open_items;  // open at period_end, oldest due first
  AgingView aging;
};

struct NoticeView {
  std::string kind = "reminder";  // "reminder", "statement" or "invoice"
  std::string template_name;      // e.g. "reminder-1"
  std::string language;           // "de", "en", ...; the renderer falls back to `fallback_language`
  int level = 0;
  std::string level_name;  // as configured, e.g. "1. Mahnung"
  bool final_notice = false;
  std::string notice_number;
  std::string payment_reference;  // the notice's RF reference, printed form
  Date date;                      // of the notice
  Date pay_by;                    // the date the notice asks payment by
  Customer customer;
  Company company;
  std::vector<NoticeItemView> items;
  std::vector<FeeView> fees;
  std::vector<InterestView> interest;
  Money total_open;      // of the listed items
  Money total_fees;      // charged by this notice
  Money total_interest;  // charged by this notice
  Money total_due;       // total_open + total_fees + total_interest
  // Statements of account only (kind "statement"): total_due is then StatementView::due, what
  // is still owed of the closing balance on the statement's day.
  std::optional<StatementView> statement;
};

}  // namespace kontor::render
