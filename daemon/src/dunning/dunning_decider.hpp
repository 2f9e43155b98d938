// The dunning decision: which customer gets which reminder today, listing which items, charging
// which fees and interest — a pure function of the book, the policy and the day, shared by the
// dunning engine, its dry run and the benchmark.
//
// The rules (README "Dunning"):
// - Invoices drive reminders. An invoice advances one level per run at most: to level 1 when it
//   is `grace_days + days_after_due` past due, to level n+1 when also `days_after_previous`
//   passed since its last notice. After the last level it is handed over to collection
//   `collection_after_days` after the final notice, once.
// - One notice per customer, when at least one of their invoices advances: it lists every
//   overdue invoice not held, the open fee and interest items and open credits; its level is
//   the highest among its invoices.
// - Held back entirely: a customer with a block (ERP or manual) or an open complaint about them,
//   with a pending credit or an unreconciled credit (configurable), or owing less than the
//   minimum. A blocked item or one with an open complaint is left off (neither listed nor
//   advanced); the others go on.
// - Fees and interest only while the invoice is in default (default_start.hpp): interest from
//   the day default began or after the last day charged, through the notice's date; the €40
//   once per business invoice; one level fee per notice — the fee of the highest level an
//   invoice in default reached on it, charged on that invoice — none on the notice that first
//   puts an item in default.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "dunning/dunning_policy.hpp"
#include "kontor/model/customer.hpp"
#include "kontor/model/open_item.hpp"
#include "kontor/result.hpp"

namespace kontor::dunning {

// What the engine has done to an invoice so far (the store's item_dunning record).
struct ItemHistory {
  int level = 0;
  std::optional<Date> first_reminded_on;
  bool first_by_letter = false;
  std::optional<Date> last_reminded_on;
  std::optional<Date> interest_through;
  bool flat_fee_charged = false;
};

// One customer's side of the book.
struct CustomerBook {
  Customer customer;
  std::vector<OpenItem> items;                 // open items of every type (open amount not zero)
  std::map<std::string, ItemHistory> history;  // by invoice number
  std::map<std::string, OpenPrincipal> principal;  // by invoice: what was open each day
  std::vector<std::string> customer_holds;         // why the whole customer is held
  std::map<std::string, std::string> item_holds;   // item number → why it is held
  bool has_email = false;                          // an address to write to
  bool has_postal_address = true;  // street, postcode and city: a letter can reach them
};

struct DunningBook {
  std::vector<CustomerBook> customers;
};

// Where a notice goes: which channel kind.
enum class NoticeChannel { email, letter };

struct PlannedLine {
  std::string item_number;
  Money open;
  int level = 0;  // on this notice (fee/interest items and credits: 0)
};

struct PlannedCharge {
  std::string item_number;  // the invoice
  std::string kind;         // "level_fee", "flat_fee", "interest"
  Money amount;
  std::optional<InterestCharge> interest;  // kind interest: the days and spans
};

// What the store's dunning record of an invoice becomes once the notice is recorded.
struct PlannedHistory {
  std::string item_number;
  ItemHistory history;
};

struct PlannedNotice {
  std::string customer_number;
  int level = 0;
  NoticeChannel channel = NoticeChannel::email;
  std::string template_name;
  std::string language;
  Date pay_by;
  std::vector<PlannedLine> lines;
  std::vector<PlannedCharge> charges;
  std::vector<PlannedHistory> histories;
  Money total_open;
  Money fees;
  Money interest;
  Money total;
};

struct SkippedCustomer {
  std::string customer_number;
  std::string item_number;  // empty: the whole customer
  std::string reason;
};

// An invoice past the last level, for the collection agency.
struct Handover {
  std::string customer_number;
  std::string item_number;
  std::optional<Date> default_since;
  ItemHistory history;  // what the invoice's record becomes: level "handed over"
};

struct DunningPlan {
  std::vector<PlannedNotice> notices;
  std::vector<SkippedCustomer> skipped;
  std::vector<Handover> handovers;
  std::int64_t customers_considered = 0;
  std::int64_t items_overdue = 0;
};

struct DunningContext {
  const DunningPolicy& policy;
  const HolidayCalendar& calendar;
  const BaseRateTable* base_rates;  // may be null when interest is off
  Date today;
  bool email_channel = true;    // an e-mail channel is configured
  bool letter_channel = false;  // a letter channel is configured
};

// Fails only on what a person must fix (a day beyond the base-rate table, a currency the
// policy does not charge in); the message names the customer and item.
Result<DunningPlan> decide(const DunningBook& book, const DunningContext& context);

}  // namespace kontor::dunning
