#include "dunning/default_start.hpp"

#include <algorithm>

namespace kontor::dunning {
namespace {

Date plus_days(const Date& day, int days) {
  return day.add_days(days).value();
}

// (a) §286 (2) Nr. 1: the agreed date, moved to a working day by §193 BGB, passes unpaid.
std::optional<Date> by_agreed_due_date(const DefaultFacts& facts, const HolidayCalendar& calendar) {
  if (!facts.due_date_agreed) return std::nullopt;
  return plus_days(calendar.working_day_from(facts.due_date), 1);
}

// (b) §286 (1): a reminder puts the debtor in default only when it follows the claim's being
// due; one sent before the due date is void, not merely postponed.
std::optional<Date> by_reminder(const DefaultFacts& facts, const DefaultRules& rules) {
  if (!facts.first_reminder_sent || *facts.first_reminder_sent < facts.due_date) {
    return std::nullopt;
  }
  return plus_days(
      reminder_reaches(*facts.first_reminder_sent, facts.first_reminder_by_letter, rules), 1);
}

// (c) §286 (3): the 30 days run from the day after the later of due date and receipt
// (§187 (1) BGB) and end with the 30th day (§188 (1)); a period for paying that ends on a
// Saturday, Sunday or holiday ends on the next working day (§193, the prevailing reading for
// this period), and default begins the day after.
std::optional<Date> by_thirty_days(const DefaultFacts& facts, const DefaultRules& rules,
                                   const HolidayCalendar& calendar) {
  const bool applies = facts.customer_kind == CustomerKind::business || facts.notice_on_invoice;
  if (!applies) return std::nullopt;
  const Date receipt =
      facts.issue_date ? plus_days(*facts.issue_date, rules.invoice_receipt_days) : facts.due_date;
  const Date period_start = std::max(facts.due_date, receipt);
  const Date period_end = plus_days(period_start, rules.days_after_due_and_receipt);
  return plus_days(calendar.working_day_from(period_end), 1);
}

}  // namespace

Date reminder_reaches(const Date& sent, bool by_letter, const DefaultRules& rules) {
  return plus_days(sent, by_letter ? rules.postal_days : rules.email_days);
}

std::optional<Date> default_begins(const DefaultFacts& facts, const DefaultRules& rules,
                                   const HolidayCalendar& calendar) {
  std::optional<Date> earliest;
  for (const std::optional<Date>& candidate :
       {by_agreed_due_date(facts, calendar), by_reminder(facts, rules),
        by_thirty_days(facts, rules, calendar)}) {
    if (candidate && (!earliest || *candidate < *earliest)) earliest = candidate;
  }
  return earliest;
}

}  // namespace kontor::dunning
