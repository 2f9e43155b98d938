// DunningPolicy: what the `dunning:` section configures — the levels a reminder goes through,
// when an item counts as overdue, the fees and interest the law allows, and what holds a
// reminder back. The rules are the README's "Dunning"; every one is a setting, because German
// courts and tax advisers, not Kontor, are the users' authority.
#pragma once

#include <string>
#include <vector>

#include "dunning/base_rates.hpp"
#include "dunning/calendar.hpp"
#include "dunning/default_interest.hpp"
#include "dunning/default_start.hpp"
#include "kontor/model/decimal.hpp"
#include "kontor/model/money.hpp"

namespace kontor::dunning {

// How a level's notice travels: the customer's preference, or always one way (a final notice
// by letter).
enum class ChannelChoice { preferred, email, letter };

struct DunningLevel {
  std::string name;             // "Zahlungserinnerung", "1. Mahnung", ...
  int days_after_due = 0;       // reached when the item is this many days past due (+ grace) ...
  int days_after_previous = 0;  // ... and this many days after the item's previous notice
  Money fee;                    // the level's fee (charged only in default)
  std::string template_name;    // "reminder-1"
  ChannelChoice channel = ChannelChoice::preferred;
  int pay_within_days = 10;  // the notice asks for payment by its date + this
};

struct DunningPolicy {
  std::vector<DunningLevel> levels;  // level n is levels[n - 1]
  int grace_days = 0;                // days past due before an item counts as overdue at all
  Money minimum_overdue;             // a customer owing less gets no notice
  Currency currency = Currency::eur();

  // The law of default.
  DefaultRules default_rules;
  bool due_date_agreed_by_default = false;  // every due date agreed unless the ERP says so
  bool charge_interest = true;
  Decimal points_consumer = Decimal::from_integer(5);  // §288 (1) BGB
  Decimal points_business = Decimal::from_integer(9);  // §288 (2) BGB
  DayCount day_count = DayCount::actual_365;
  bool charge_flat_fee = true;  // §288 (5) BGB, business customers only
  Money flat_fee;               // 40 EUR
  // §288 (5) sentence 3: the flat fee is set off against costs of legal pursuit, so an invoice
  // that carries it is charged no level fee besides.
  bool flat_fee_covers_level_fees = true;

  // What holds a customer's reminders back besides blocks and open complaints.
  bool hold_on_pending_credit = true;       // a credit the bank reported but not booked yet
  bool hold_on_unreconciled_credit = true;  // a credit of theirs in review or unmatched

  // After the last level: hand over to collection this many days after the final notice.
  int collection_after_days = 14;

  std::string default_language = "de";
};

// The level an item reaches after the last one: handed over to collection.
inline int handed_over_level(const DunningPolicy& policy) {
  return static_cast<int>(policy.levels.size()) + 1;
}

}  // namespace kontor::dunning
