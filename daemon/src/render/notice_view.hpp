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
  int level = 0;           // the item's dunning level on this notice
  std::string refers_to;   // fee/interest items: the invoice they are about
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

struct NoticeView {
  std::string kind = "reminder";  // "reminder" (statements and invoices follow)
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
};

}  // namespace kontor::render
