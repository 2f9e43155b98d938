// Aging of receivables as of a day: each item open at the end of that day, how many days past
// its due date it was, and its bucket — not yet due, 1–30, 31–60, 61–90, over 90 days — with
// totals per customer and per bucket. Amounts of different currencies are never added: every
// total is per currency.
//
// What is owed to a customer (an uncleared credit note, a negative open amount) is kept out of
// the buckets, in `credits`, as on the statement of account: the buckets show what is owed and
// how late it is; `total` = buckets + credits is the balance.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kontor/model/money.hpp"
#include "kontor/result.hpp"
#include "store/store.hpp"

namespace kontor::reports {

enum class AgingBucket { not_due, days_1_30, days_31_60, days_61_90, over_90 };
inline constexpr int kAgingBuckets = 5;

// "not_due", "days_1_30", "days_31_60", "days_61_90", "over_90": the API's names.
std::string_view to_string(AgingBucket bucket);

// 0 or less: not yet due (due on the day itself is not late); 1..30, 31..60, 61..90, more.
AgingBucket bucket_of(std::int64_t days_overdue);

struct AgedItem {
  store::ReceivableAsOf item;
  std::int64_t days_overdue = 0;  // as_of minus due date; negative when not yet due
  AgingBucket bucket = AgingBucket::not_due;
};

// The sums of one currency.
struct AgingTotals {
  Currency currency;
  std::array<Money, kAgingBuckets> buckets;  // indexed by AgingBucket
  Money credits;                             // negative open amounts
  Money total;
  std::int64_t items = 0;
};

struct CustomerAging {
  std::string customer_number;
  std::string customer_name;
  std::vector<AgingTotals> totals;  // by currency code
};

struct AgingReport {
  Date as_of;
  std::vector<AgedItem> items;           // by customer, then item number
  std::vector<CustomerAging> customers;  // by number
  std::vector<AgingTotals> totals;       // all customers, by currency code
};

// `items` as the store gave them (by customer, then number). Fails only when a sum overflows.
Result<AgingReport> age_receivables(const Date& as_of, std::vector<store::ReceivableAsOf> items);

}  // namespace kontor::reports
