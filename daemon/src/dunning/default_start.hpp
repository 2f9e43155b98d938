// When an invoice's debtor is in default (Verzug, §286 BGB): the first day on which interest,
// the €40 flat fee and dunning fees may run. Whichever of these comes first:
//
//   (a) the due date was agreed by contract ("due_date_agreed"): the day after the due date,
//       the due date moved to the next working day when it falls on a Saturday, Sunday or
//       public holiday (§193 BGB; §286 (2) Nr. 1);
//   (b) the day after the first reminder reached the customer (§286 (1)); a letter is taken to
//       reach them `postal_days` after it was sent, an e-mail `email_days` after;
//   (c) for business customers, and for consumers whose invoice carried the notice of §286 (3),
//       the 31st day after due date and receipt of the invoice (the later of the two), later
//       still when the 30th day is a Saturday, Sunday or public holiday (§193 BGB: the period
//       then ends on the next working day). Receipt is the issue date plus
//       `invoice_receipt_days` when the issue date is known, else the due date.
//   A reminder sent before the due date is void (§286 (1) needs a claim already due) and
//   gives no default by (b).
//
// None of them may apply yet (no agreed date, no reminder, a consumer without the notice):
// then the customer is not in default and nothing but reminders may be sent.
#pragma once

#include <optional>

#include "dunning/calendar.hpp"
#include "kontor/model/customer.hpp"
#include "kontor/model/date.hpp"

namespace kontor::dunning {

struct DefaultRules {
  int postal_days = 3;           // a letter reaches the customer this many days after sending
  int email_days = 0;            // an e-mail reaches them on the day it is sent
  int invoice_receipt_days = 3;  // an invoice reaches them this many days after its issue date
  int days_after_due_and_receipt = 30;  // §286 (3): default from the day after these days
};

struct DefaultFacts {
  Date due_date;
  bool due_date_agreed = false;
  std::optional<Date> issue_date;
  bool notice_on_invoice = false;  // the invoice carried the §286 (3) notice
  CustomerKind customer_kind = CustomerKind::consumer;
  // The first reminder for this item: when it was sent and whether by letter.
  std::optional<Date> first_reminder_sent;
  bool first_reminder_by_letter = false;
};

// The day the default begins, if any rule gives one.
std::optional<Date> default_begins(const DefaultFacts& facts, const DefaultRules& rules,
                                   const HolidayCalendar& calendar);

// The day a reminder sent on `sent` reaches the customer.
Date reminder_reaches(const Date& sent, bool by_letter, const DefaultRules& rules);

}  // namespace kontor::dunning
