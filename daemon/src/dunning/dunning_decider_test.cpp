// Tests: the dunning decision (issue 10) — when an invoice reaches which level, one notice per
// customer, fees and interest only while the customer is in default (§§286, 288 BGB), holds
// that spare a paying customer, channels, and the handover to collection.
//
// Interest in the comments: principal (cents) × annual percent × days / (100 × 365), act/365,
// rounded half up per invoice per notice. Base rates: 2023-07-01 3.12, 2024-01-01 3.62,
// 2026-01-01 1.27, so a consumer pays 6.27 % in 2026 and a business customer 10.27 %.

#include "dunning/dunning_decider.hpp"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace kontor {
// Readable dates in failure messages.
inline void PrintTo(const Date& date, std::ostream* out) {
  *out << date.to_iso();
}
}  // namespace kontor

namespace kontor::dunning {
namespace {

Date day(int year, int month, int day_of_month) {
  return Date::from_ymd(year, month, day_of_month).value();
}
Money eur(std::int64_t cents) {
  return Money(cents, Currency::eur());
}
Decimal percent(std::string_view text) {
  return Decimal::parse(text).value();
}

const HolidayCalendar& nationwide() {
  static const HolidayCalendar calendar = HolidayCalendar::make("", {}).value();
  return calendar;
}

// The Bundesbank's base rates 2023 to 2026.
const BaseRateTable& bundesbank() {
  static const BaseRateTable table =
      BaseRateTable::make({BaseRate{.from = day(2023, 1, 1), .percent = percent("1.62")},
                           BaseRate{.from = day(2023, 7, 1), .percent = percent("3.12")},
                           BaseRate{.from = day(2024, 1, 1), .percent = percent("3.62")},
                           BaseRate{.from = day(2024, 7, 1), .percent = percent("3.37")},
                           BaseRate{.from = day(2025, 1, 1), .percent = percent("2.27")},
                           BaseRate{.from = day(2025, 7, 1), .percent = percent("1.27")},
                           BaseRate{.from = day(2026, 1, 1), .percent = percent("1.27")},
                           BaseRate{.from = day(2026, 7, 1), .percent = percent("1.27")}})
          .value();
  return table;
}

DunningLevel level(std::string name, int days_after_due, int days_after_previous,
                   std::int64_t fee_cents, std::string template_name, ChannelChoice channel) {
  return DunningLevel{.name = std::move(name),
                      .days_after_due = days_after_due,
                      .days_after_previous = days_after_previous,
                      .fee = eur(fee_cents),
                      .template_name = std::move(template_name),
                      .channel = channel,
                      .pay_within_days = 10};
}

std::vector<PlannedCharge> charges_of(const PlannedNotice& notice, std::string_view kind) {
  std::vector<PlannedCharge> found;
  for (const PlannedCharge& charge : notice.charges) {
    if (charge.kind == kind) found.push_back(charge);
  }
  return found;
}

const PlannedHistory* history_in(const PlannedNotice& notice, std::string_view item) {
  for (const PlannedHistory& history : notice.histories) {
    if (history.item_number == item) return &history;
  }
  return nullptr;
}

// An invoice's history after e-mail reminders: `level` reached, first and last reminded on
// those days, interest charged through `interest_through`, the €40 charged or not.
ItemHistory reminded(int level, const Date& first, const Date& last,
                     std::optional<Date> interest_through = std::nullopt,
                     bool flat_fee_charged = false) {
  return ItemHistory{.level = level,
                     .first_reminded_on = first,
                     .first_by_letter = false,
                     .last_reminded_on = last,
                     .interest_through = interest_through,
                     .flat_fee_charged = flat_fee_charged};
}

// A day's plan that did something.
struct Event {
  Date on;
  DunningPlan plan;
};

class DunningDeciderTest : public ::testing::Test {
 protected:
  DunningDeciderTest() {
    policy.levels = {
        level("Zahlungserinnerung", 7, 0, 0, "reminder-1", ChannelChoice::preferred),
        level("1. Mahnung", 0, 14, 500, "reminder-2", ChannelChoice::preferred),
        level("2. Mahnung", 0, 14, 1000, "reminder-3", ChannelChoice::preferred),
        level("letzte Mahnung", 0, 14, 1500, "reminder-4", ChannelChoice::letter),
    };
    policy.grace_days = 0;
    policy.minimum_overdue = eur(1000);
    policy.flat_fee = eur(4000);
  }

  // Adds a customer; the reference is good until the next one is added.
  CustomerBook& customer(const std::string& number, CustomerKind kind) {
    CustomerBook account;
    account.customer.number = number;
    account.customer.name = "Kunde " + number;
    account.customer.email = "buchhaltung@" + number + ".example";
    account.customer.kind = kind;
    account.has_email = true;
    book.customers.push_back(std::move(account));
    return book.customers.back();
  }

  CustomerBook& account(const std::string& number) {
    for (CustomerBook& account : book.customers) {
      if (account.customer.number == number) return account;
    }
    ADD_FAILURE() << "no customer " << number;
    return book.customers.front();
  }

  // An invoice issued two weeks before its due date, nothing paid.
  static OpenItem& invoice(CustomerBook& account, const std::string& number, const Date& due,
                           std::int64_t cents) {
    OpenItem item;
    item.number = number;
    item.customer_number = account.customer.number;
    item.type = OpenItemType::invoice;
    item.issue_date = due.add_days(-14).value();
    item.due_date = due;
    item.gross = eur(cents);
    item.open = eur(cents);
    account.items.push_back(std::move(item));
    return account.items.back();
  }

  static OpenItem& credit_note(CustomerBook& account, const std::string& number, const Date& issued,
                               std::int64_t cents) {
    OpenItem item;
    item.number = number;
    item.customer_number = account.customer.number;
    item.type = OpenItemType::credit_note;
    item.issue_date = issued;
    item.due_date = issued;
    item.gross = eur(-cents);
    item.open = eur(-cents);
    account.items.push_back(std::move(item));
    return account.items.back();
  }

  Result<DunningPlan> decide_on(const Date& today) const {
    const DunningContext context{.policy = policy,
                                 .calendar = nationwide(),
                                 .base_rates = &bundesbank(),
                                 .today = today,
                                 .email_channel = email_channel,
                                 .letter_channel = letter_channel};
    return decide(book, context);
  }

  DunningPlan plan_on(const Date& today) const {
    Result<DunningPlan> plan = decide_on(today);
    if (!plan) {
      ADD_FAILURE() << "decide on " << today.to_iso() << ": " << plan.error().message;
      return DunningPlan{};
    }
    return *plan;
  }

  // What the engine does with a plan: the invoices' records become the planned histories, and
  // each charge becomes an open fee or interest item of the customer.
  void record(const DunningPlan& plan, const Date& today) {
    for (const PlannedNotice& notice : plan.notices) {
      CustomerBook& owner = account(notice.customer_number);
      for (const PlannedHistory& history : notice.histories) {
        owner.history[history.item_number] = history.history;
      }
      for (const PlannedCharge& charge : notice.charges) {
        OpenItem item;
        item.number = "G-" + std::to_string(++charges_recorded_);
        item.customer_number = notice.customer_number;
        item.type = charge.kind == "interest" ? OpenItemType::interest : OpenItemType::fee;
        item.issue_date = today;
        item.due_date = notice.pay_by;
        item.gross = charge.amount;
        item.open = charge.amount;
        item.refers_to = charge.item_number;
        owner.items.push_back(std::move(item));
      }
    }
    for (const Handover& handover : plan.handovers) {
      account(handover.customer_number).history[handover.item_number] = handover.history;
    }
  }

  // Runs the decision every day from `first` to `last` as the engine would, and returns the
  // days on which it planned a notice, a handover or a skip.
  std::vector<Event> run_days(const Date& first, const Date& last) {
    std::vector<Event> events;
    for (Date today = first; today <= last; today = today.add_days(1).value()) {
      DunningPlan plan = plan_on(today);
      record(plan, today);
      if (!plan.notices.empty() || !plan.handovers.empty() || !plan.skipped.empty()) {
        events.push_back(Event{.on = today, .plan = std::move(plan)});
      }
    }
    return events;
  }

  DunningPolicy policy;
  DunningBook book;
  bool email_channel = true;
  bool letter_channel = true;

 private:
  int charges_recorded_ = 0;
};

// --- Levels ------------------------------------------------------------------------------------

TEST_F(DunningDeciderTest, FirstReminderIsSentSevenDaysAfterTheDueDate) {
  invoice(customer("K-1", CustomerKind::consumer), "R-1", day(2026, 3, 2), 20'000);

  const DunningPlan too_early = plan_on(day(2026, 3, 8));  // 6 days past due
  EXPECT_TRUE(too_early.notices.empty());
  EXPECT_EQ(too_early.items_overdue, 1);
  EXPECT_EQ(too_early.customers_considered, 1);

  const DunningPlan plan = plan_on(day(2026, 3, 9));  // 7 days past due
  ASSERT_EQ(plan.notices.size(), 1u);
  const PlannedNotice& notice = plan.notices[0];
  EXPECT_EQ(notice.customer_number, "K-1");
  EXPECT_EQ(notice.level, 1);
  EXPECT_EQ(notice.channel, NoticeChannel::email);
  EXPECT_EQ(notice.template_name, "reminder-1");
  EXPECT_EQ(notice.language, "de");
  EXPECT_EQ(notice.pay_by, day(2026, 3, 19));  // 9 March + 10 days
  ASSERT_EQ(notice.lines.size(), 1u);
  EXPECT_EQ(notice.lines[0].item_number, "R-1");
  EXPECT_EQ(notice.lines[0].open, eur(20'000));
  EXPECT_EQ(notice.lines[0].level, 1);
  // The e-mail reaches the consumer today: default only from tomorrow, nothing to charge.
  EXPECT_TRUE(notice.charges.empty());
  EXPECT_EQ(notice.total_open, eur(20'000));
  EXPECT_EQ(notice.fees, eur(0));
  EXPECT_EQ(notice.interest, eur(0));
  EXPECT_EQ(notice.total, eur(20'000));
  ASSERT_EQ(notice.histories.size(), 1u);
  const ItemHistory& history = notice.histories[0].history;
  EXPECT_EQ(notice.histories[0].item_number, "R-1");
  EXPECT_EQ(history.level, 1);
  EXPECT_EQ(history.first_reminded_on, day(2026, 3, 9));
  EXPECT_FALSE(history.first_by_letter);
  EXPECT_EQ(history.last_reminded_on, day(2026, 3, 9));
  EXPECT_EQ(history.interest_through, std::nullopt);
  EXPECT_FALSE(history.flat_fee_charged);
  EXPECT_TRUE(plan.skipped.empty());
  EXPECT_TRUE(plan.handovers.empty());
}

TEST_F(DunningDeciderTest, GraceDaysPostponeOverdueAndTheFirstReminder) {
  policy.grace_days = 3;
  invoice(customer("K-1", CustomerKind::consumer), "R-1", day(2026, 3, 2), 20'000);

  EXPECT_EQ(plan_on(day(2026, 3, 5)).items_overdue, 0);  // 3 days past due: within grace
  EXPECT_EQ(plan_on(day(2026, 3, 6)).items_overdue, 1);
  EXPECT_TRUE(plan_on(day(2026, 3, 11)).notices.empty());  // 9 days < 3 + 7
  const DunningPlan plan = plan_on(day(2026, 3, 12));      // 10 days = 3 + 7
  ASSERT_EQ(plan.notices.size(), 1u);
  EXPECT_EQ(plan.notices[0].level, 1);
}

TEST_F(DunningDeciderTest, ItemAdvancesAtMostOneLevelPerRun) {
  // Seven months overdue when dunning starts: still level 1 first, then one level every 14 days,
  // the final notice by letter, the handover 14 days after it, and nothing after that.
  invoice(customer("K-1", CustomerKind::consumer), "R-1", day(2025, 6, 2), 20'000);

  const std::vector<Event> events = run_days(day(2026, 1, 5), day(2026, 3, 31));
  ASSERT_EQ(events.size(), 5u);
  const std::vector<Date> notice_days = {day(2026, 1, 5), day(2026, 1, 19), day(2026, 2, 2),
                                         day(2026, 2, 16)};
  for (std::size_t k = 0; k < notice_days.size(); ++k) {
    SCOPED_TRACE(k);
    EXPECT_EQ(events[k].on, notice_days[k]);
    ASSERT_EQ(events[k].plan.notices.size(), 1u);
    const PlannedNotice& notice = events[k].plan.notices[0];
    EXPECT_EQ(notice.level, static_cast<int>(k) + 1);
    EXPECT_EQ(notice.template_name, "reminder-" + std::to_string(k + 1));
    EXPECT_EQ(notice.channel, k == 3 ? NoticeChannel::letter : NoticeChannel::email);
    ASSERT_EQ(notice.histories.size(), 1u);
    EXPECT_EQ(notice.histories[0].history.level, static_cast<int>(k) + 1);
    EXPECT_EQ(notice.histories[0].history.last_reminded_on, notice_days[k]);
    EXPECT_EQ(notice.histories[0].history.first_reminded_on, day(2026, 1, 5));
  }
  EXPECT_EQ(events[4].on, day(2026, 3, 2));  // 16 February + 14 days
  EXPECT_TRUE(events[4].plan.notices.empty());
  ASSERT_EQ(events[4].plan.handovers.size(), 1u);
  EXPECT_EQ(events[4].plan.handovers[0].history.level, 5);
}

// --- One notice per customer -------------------------------------------------------------------

TEST_F(DunningDeciderTest, OneNoticePerCustomerListsAllTheirOverdueItems) {
  CustomerBook& first = customer("K-1", CustomerKind::consumer);
  invoice(first, "R-1", day(2026, 3, 2), 20'000);  // reaches level 1 on 9 March
  invoice(first, "R-2", day(2026, 3, 6), 5'000);   // overdue 3 days: listed, no level yet
  invoice(first, "R-3", day(2026, 3, 20), 7'000);  // not due yet
  invoice(customer("K-2", CustomerKind::consumer), "R-9", day(2026, 3, 2), 3'000);

  const DunningPlan plan = plan_on(day(2026, 3, 9));
  EXPECT_EQ(plan.customers_considered, 2);
  EXPECT_EQ(plan.items_overdue, 3);
  ASSERT_EQ(plan.notices.size(), 2u);
  const PlannedNotice& notice = plan.notices[0];
  EXPECT_EQ(notice.customer_number, "K-1");
  EXPECT_EQ(notice.level, 1);
  ASSERT_EQ(notice.lines.size(), 2u);
  EXPECT_EQ(notice.lines[0].item_number, "R-1");
  EXPECT_EQ(notice.lines[0].level, 1);
  EXPECT_EQ(notice.lines[1].item_number, "R-2");
  EXPECT_EQ(notice.lines[1].level, 0);
  EXPECT_EQ(notice.total_open, eur(25'000));  // 200.00 + 50.00, R-3 not due
  // R-2 was reminded by this notice (it lists the claim) but did not reach a level.
  const PlannedHistory* listed = history_in(notice, "R-2");
  ASSERT_NE(listed, nullptr);
  EXPECT_EQ(listed->history.level, 0);
  EXPECT_EQ(listed->history.first_reminded_on, day(2026, 3, 9));
  EXPECT_EQ(listed->history.last_reminded_on, std::nullopt);
  EXPECT_EQ(history_in(notice, "R-3"), nullptr);
  EXPECT_EQ(plan.notices[1].customer_number, "K-2");
}

TEST_F(DunningDeciderTest, NoticeLevelIsTheHighestAmongItsItems) {
  policy.charge_interest = false;
  CustomerBook& account = customer("K-1", CustomerKind::consumer);
  invoice(account, "R-1", day(2026, 2, 2), 20'000);
  account.history["R-1"] = reminded(2, day(2026, 2, 9), day(2026, 2, 23));
  invoice(account, "R-2", day(2026, 3, 2), 5'000);

  const DunningPlan plan = plan_on(day(2026, 3, 9));
  ASSERT_EQ(plan.notices.size(), 1u);
  const PlannedNotice& notice = plan.notices[0];
  EXPECT_EQ(notice.level, 3);
  EXPECT_EQ(notice.template_name, "reminder-3");
  ASSERT_EQ(notice.lines.size(), 2u);
  EXPECT_EQ(notice.lines[0].level, 3);  // R-1
  EXPECT_EQ(notice.lines[1].level, 1);  // R-2
  // The level-3 fee, once, on R-1 (in default since 10 February, the day after the first
  // reminder); R-2 is first reminded today.
  const std::vector<PlannedCharge> fees = charges_of(notice, "level_fee");
  ASSERT_EQ(fees.size(), 1u);
  EXPECT_EQ(fees[0].item_number, "R-1");
  EXPECT_EQ(fees[0].amount, eur(1'000));
  EXPECT_EQ(notice.total, eur(26'000));  // 200.00 + 50.00 + 10.00
}

TEST_F(DunningDeciderTest, LevelFeeIsChargedOncePerNoticeNotPerInvoice) {
  policy.charge_interest = false;
  CustomerBook& account = customer("K-1", CustomerKind::consumer);
  for (const char* number : {"R-1", "R-2"}) {
    invoice(account, number, day(2026, 3, 2), 10'000);
    account.history[number] = reminded(1, day(2026, 3, 9), day(2026, 3, 9));
  }
  const DunningPlan plan = plan_on(day(2026, 3, 23));
  ASSERT_EQ(plan.notices.size(), 1u);
  const std::vector<PlannedCharge> fees = charges_of(plan.notices[0], "level_fee");
  ASSERT_EQ(fees.size(), 1u);  // 5.00 once, on the first of the two level-2 invoices
  EXPECT_EQ(fees[0].item_number, "R-1");
  EXPECT_EQ(fees[0].amount, eur(500));
  EXPECT_EQ(plan.notices[0].fees, eur(500));
  EXPECT_EQ(plan.notices[0].total, eur(20'500));
}

TEST_F(DunningDeciderTest, LevelFeeIsTheFeeOfTheLevelAnInvoiceReachedNotOfTheNoticeLevel) {
  policy.charge_interest = false;
  CustomerBook& account = customer("K-1", CustomerKind::consumer);
  // R-1 waits at level 3 (reminded 20 March, its next step is 3 April); R-2 reaches level 2
  // today. The notice is of level 3 (the highest), but only R-2 advanced: its 5.00 is owed,
  // not another 10.00 for R-1's level, whose fee the notice of 20 March charged.
  invoice(account, "R-1", day(2026, 2, 2), 10'000);
  account.history["R-1"] = reminded(3, day(2026, 2, 9), day(2026, 3, 20));
  invoice(account, "R-2", day(2026, 3, 2), 10'000);
  account.history["R-2"] = reminded(1, day(2026, 3, 9), day(2026, 3, 9));
  const DunningPlan plan = plan_on(day(2026, 3, 23));
  ASSERT_EQ(plan.notices.size(), 1u);
  EXPECT_EQ(plan.notices[0].level, 3);
  const std::vector<PlannedCharge> fees = charges_of(plan.notices[0], "level_fee");
  ASSERT_EQ(fees.size(), 1u);
  EXPECT_EQ(fees[0].item_number, "R-2");
  EXPECT_EQ(fees[0].amount, eur(500));
}

// --- Default (§286 BGB) and fees ---------------------------------------------------------------

TEST_F(DunningDeciderTest, FirstReminderCarriesNoFeeWhenItPutsTheConsumerInDefault) {
  policy.levels[0].fee = eur(250);
  invoice(customer("K-1", CustomerKind::consumer), "R-1", day(2026, 3, 2), 20'000);

  // No agreed date, no §286 (3) notice: only this reminder puts the consumer in default, from
  // 10 March (the e-mail reaches them on 9 March). Its own fee is not owed.
  const DunningPlan plan = plan_on(day(2026, 3, 9));
  ASSERT_EQ(plan.notices.size(), 1u);
  EXPECT_TRUE(plan.notices[0].charges.empty());
  EXPECT_EQ(plan.notices[0].fees, eur(0));
  EXPECT_EQ(plan.notices[0].total, eur(20'000));
}

TEST_F(DunningDeciderTest,
       FirstReminderCarriesItsFeeWhenTheAgreedDueDateAlreadyPutTheConsumerInDefault) {
  policy.levels[0].fee = eur(250);
  invoice(customer("K-1", CustomerKind::consumer), "R-1", day(2026, 3, 2), 20'000).due_date_agreed =
      true;

  // Agreed due date Monday 2 March: default from 3 March. On 9 March:
  // interest 3–9 March, 7 days: 20,000 × 6.27 × 7 / 36,500 = 24.05 ct → 0.24; fee 2.50.
  const DunningPlan plan = plan_on(day(2026, 3, 9));
  ASSERT_EQ(plan.notices.size(), 1u);
  const PlannedNotice& notice = plan.notices[0];
  const std::vector<PlannedCharge> fees = charges_of(notice, "level_fee");
  ASSERT_EQ(fees.size(), 1u);
  EXPECT_EQ(fees[0].amount, eur(250));
  const std::vector<PlannedCharge> interest = charges_of(notice, "interest");
  ASSERT_EQ(interest.size(), 1u);
  EXPECT_EQ(interest[0].amount, eur(24));
  EXPECT_TRUE(charges_of(notice, "flat_fee").empty());  // a consumer
  EXPECT_EQ(notice.fees, eur(250));
  EXPECT_EQ(notice.interest, eur(24));
  EXPECT_EQ(notice.total, eur(20'274));  // 200.00 + 2.50 + 0.24
  EXPECT_EQ(notice.histories[0].history.interest_through, day(2026, 3, 9));
}

TEST_F(DunningDeciderTest, AgreedDueDateOnSaturdayPutsInDefaultAfterTheNextWorkingDay) {
  invoice(customer("K-1", CustomerKind::consumer), "R-1", day(2026, 3, 7), 20'000).due_date_agreed =
      true;

  // Due Saturday 7 March → §193: Monday 9 March → default from 10 March. Level 1 on 14 March:
  // 10–14 March, 5 days: 20,000 × 6.27 × 5 / 36,500 = 17.18 ct → 0.17 (not 7 days, 0.24).
  const DunningPlan plan = plan_on(day(2026, 3, 14));
  ASSERT_EQ(plan.notices.size(), 1u);
  const std::vector<PlannedCharge> interest = charges_of(plan.notices[0], "interest");
  ASSERT_EQ(interest.size(), 1u);
  EXPECT_EQ(interest[0].amount, eur(17));
  ASSERT_TRUE(interest[0].interest.has_value());
  ASSERT_EQ(interest[0].interest->spans.size(), 1u);
  EXPECT_EQ(interest[0].interest->spans[0], (InterestSpan{.first = day(2026, 3, 10),
                                                          .last = day(2026, 3, 14),
                                                          .principal = eur(20'000),
                                                          .annual_percent = percent("6.27"),
                                                          .days = 5}));
}

TEST_F(DunningDeciderTest, SecondReminderChargesTheLevelFeeAndInterestFromTheDayAfterTheEmail) {
  invoice(customer("K-1", CustomerKind::consumer), "R-1", day(2026, 3, 2), 20'000);

  const std::vector<Event> events = run_days(day(2026, 3, 9), day(2026, 3, 23));
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].on, day(2026, 3, 23));
  ASSERT_EQ(events[1].plan.notices.size(), 1u);
  const PlannedNotice& notice = events[1].plan.notices[0];
  EXPECT_EQ(notice.level, 2);
  // E-mail of 9 March reached the consumer that day: default from 10 March.
  // Interest 10–23 March, 14 days: 20,000 × 6.27 × 14 / 36,500 = 48.10 ct → 0.48.
  ASSERT_EQ(charges_of(notice, "interest").size(), 1u);
  EXPECT_EQ(charges_of(notice, "interest")[0].amount, eur(48));
  ASSERT_EQ(charges_of(notice, "level_fee").size(), 1u);
  EXPECT_EQ(charges_of(notice, "level_fee")[0].amount, eur(500));
  EXPECT_TRUE(charges_of(notice, "flat_fee").empty());  // consumers never pay the €40
  EXPECT_EQ(notice.total, eur(20'548));                 // 200.00 + 5.00 + 0.48
  EXPECT_EQ(notice.histories[0].history.interest_through, day(2026, 3, 23));
}

TEST_F(DunningDeciderTest, LetterReminderPutsTheConsumerInDefaultAfterThePostalDays) {
  customer("K-1", CustomerKind::consumer).customer.preferred_delivery = Delivery::letter;
  invoice(account("K-1"), "R-1", day(2026, 3, 2), 20'000);

  const std::vector<Event> events = run_days(day(2026, 3, 9), day(2026, 3, 23));
  ASSERT_EQ(events.size(), 2u);
  ASSERT_EQ(events[0].plan.notices.size(), 1u);
  EXPECT_EQ(events[0].plan.notices[0].channel, NoticeChannel::letter);
  EXPECT_TRUE(events[0].plan.notices[0].histories[0].history.first_by_letter);
  // Posted 9 March, reaches the consumer 12 March: default from 13 March.
  // Interest 13–23 March, 11 days: 20,000 × 6.27 × 11 / 36,500 = 37.79 ct → 0.38.
  ASSERT_EQ(events[1].plan.notices.size(), 1u);
  const std::vector<PlannedCharge> interest = charges_of(events[1].plan.notices[0], "interest");
  ASSERT_EQ(interest.size(), 1u);
  EXPECT_EQ(interest[0].amount, eur(38));
  EXPECT_EQ(interest[0].interest->spans.at(0).first, day(2026, 3, 13));
}

TEST_F(DunningDeciderTest, BusinessCustomerFallsIntoDefaultThirtyDaysAfterDueDateAndReceipt) {
  // Issued and due Monday 5 January ("sofort fällig"); received 8 January (3 days). 30 days
  // from 8 January end Saturday 7 February → §193: Monday 9 February → default from 10 February.
  OpenItem& item =
      invoice(customer("K-1", CustomerKind::business), "R-1", day(2026, 1, 5), 100'000);
  item.issue_date = day(2026, 1, 5);

  // First reminder only on 20 February: the customer is already in default.
  // Interest 10–20 February, 11 days: 100,000 × 10.27 × 11 / 36,500 = 309.51 ct → 3.10;
  // the €40 (business); no level-1 fee (0, and covered by the €40).
  const DunningPlan plan = plan_on(day(2026, 2, 20));
  ASSERT_EQ(plan.notices.size(), 1u);
  const PlannedNotice& notice = plan.notices[0];
  EXPECT_EQ(notice.level, 1);
  const std::vector<PlannedCharge> interest = charges_of(notice, "interest");
  ASSERT_EQ(interest.size(), 1u);
  EXPECT_EQ(interest[0].amount, eur(310));
  EXPECT_EQ(interest[0].interest->spans.at(0).first, day(2026, 2, 10));
  EXPECT_EQ(interest[0].interest->spans.at(0).annual_percent, percent("10.27"));
  const std::vector<PlannedCharge> flat = charges_of(notice, "flat_fee");
  ASSERT_EQ(flat.size(), 1u);
  EXPECT_EQ(flat[0].item_number, "R-1");
  EXPECT_EQ(flat[0].amount, eur(4'000));
  EXPECT_TRUE(charges_of(notice, "level_fee").empty());
  EXPECT_EQ(notice.fees, eur(4'000));
  EXPECT_EQ(notice.interest, eur(310));
  EXPECT_EQ(notice.total, eur(104'310));  // 1,000.00 + 40.00 + 3.10
  EXPECT_TRUE(notice.histories[0].history.flat_fee_charged);
}

TEST_F(DunningDeciderTest, ConsumerIsInDefaultAfterThirtyDaysOnlyWithTheNoticeOnTheInvoice) {
  // Same invoice as above to two consumers; only K-2's carried the §286 (3) notice.
  for (const char* number : {"K-1", "K-2"}) {
    OpenItem& item = invoice(customer(number, CustomerKind::consumer), "R-" + std::string(number),
                             day(2026, 1, 5), 100'000);
    item.issue_date = day(2026, 1, 5);
    item.dunning_notice_on_invoice = std::string(number) == "K-2";
  }
  const DunningPlan plan = plan_on(day(2026, 2, 20));
  ASSERT_EQ(plan.notices.size(), 2u);
  // K-1: this first reminder puts them in default only from 21 February.
  EXPECT_TRUE(plan.notices[0].charges.empty());
  // K-2: in default from 10 February. 10–20 February, 11 days at 1.27 + 5:
  // 100,000 × 6.27 × 11 / 36,500 = 188.96 ct → 1.89; no €40 for a consumer.
  ASSERT_EQ(plan.notices[1].charges.size(), 1u);
  EXPECT_EQ(plan.notices[1].charges[0].kind, "interest");
  EXPECT_EQ(plan.notices[1].charges[0].amount, eur(189));
  EXPECT_EQ(plan.notices[1].total, eur(100'189));
}

TEST_F(DunningDeciderTest, FlatFeeIsChargedOncePerBusinessInvoiceEver) {
  // Due 2 March, received before: §286 (3) would give default only from 2 April; the e-mail
  // reminder of 9 March gives it from 10 March.
  invoice(customer("K-1", CustomerKind::business), "R-1", day(2026, 3, 2), 100'000);

  const std::vector<Event> events = run_days(day(2026, 3, 1), day(2026, 5, 31));
  ASSERT_EQ(events.size(), 5u);  // four notices and the handover on 4 May
  const std::vector<Date> days = {day(2026, 3, 9), day(2026, 3, 23), day(2026, 4, 6),
                                  day(2026, 4, 20)};
  int flat_fees = 0;
  for (std::size_t k = 0; k < days.size(); ++k) {
    SCOPED_TRACE(k);
    EXPECT_EQ(events[k].on, days[k]);
    ASSERT_EQ(events[k].plan.notices.size(), 1u);
    const PlannedNotice& notice = events[k].plan.notices[0];
    flat_fees += static_cast<int>(charges_of(notice, "flat_fee").size());
    // The invoice carrying the €40 is charged no level fee besides (§288 (5) sentence 3).
    EXPECT_TRUE(charges_of(notice, "level_fee").empty());
  }
  EXPECT_EQ(flat_fees, 1);
  // 9 March: not yet in default, nothing; 23 March: the €40 and 10–23 March's interest,
  // 100,000 × 10.27 × 14 / 36,500 = 393.92 ct → 3.94; then 14 more days each time → 3.94.
  EXPECT_TRUE(events[0].plan.notices[0].charges.empty());
  const PlannedNotice& second = events[1].plan.notices[0];
  ASSERT_EQ(charges_of(second, "flat_fee").size(), 1u);
  EXPECT_EQ(charges_of(second, "flat_fee")[0].amount, eur(4'000));
  EXPECT_EQ(second.interest, eur(394));
  EXPECT_EQ(second.total, eur(104'394));
  // The third notice lists the €40 and the interest as open items but charges nothing on them.
  const PlannedNotice& third = events[2].plan.notices[0];
  EXPECT_EQ(third.lines.size(), 3u);  // R-1, the €40, the interest of 23 March
  EXPECT_EQ(third.total_open, eur(104'394));
  ASSERT_EQ(third.charges.size(), 1u);
  EXPECT_EQ(third.charges[0].kind, "interest");
  EXPECT_EQ(third.charges[0].item_number, "R-1");
  EXPECT_EQ(third.charges[0].amount, eur(394));
  EXPECT_EQ(events[3].plan.notices[0].interest, eur(394));
  EXPECT_EQ(events[4].on, day(2026, 5, 4));
  EXPECT_EQ(events[4].plan.handovers.size(), 1u);
}

TEST_F(DunningDeciderTest, WithoutTheFlatFeeCoverABusinessInvoicePaysBoth) {
  policy.flat_fee_covers_level_fees = false;
  invoice(customer("K-1", CustomerKind::business), "R-1", day(2026, 3, 2), 100'000);
  const std::vector<Event> events = run_days(day(2026, 3, 9), day(2026, 3, 23));
  ASSERT_EQ(events.size(), 2u);
  const PlannedNotice& notice = events[1].plan.notices.at(0);
  EXPECT_EQ(charges_of(notice, "flat_fee").size(), 1u);
  ASSERT_EQ(charges_of(notice, "level_fee").size(), 1u);
  EXPECT_EQ(notice.fees, eur(4'500));     // 40.00 + 5.00
  EXPECT_EQ(notice.total, eur(104'894));  // 1,000.00 + 45.00 + 3.94
}

// --- Interest ----------------------------------------------------------------------------------

TEST_F(DunningDeciderTest, InterestOfSecondNoticeStartsAfterTheLastDayCharged) {
  CustomerBook& account = customer("K-1", CustomerKind::consumer);
  invoice(account, "R-1", day(2026, 2, 2), 20'000);
  account.history["R-1"] = ItemHistory{.level = 2,
                                       .first_reminded_on = day(2026, 2, 9),
                                       .first_by_letter = false,
                                       .last_reminded_on = day(2026, 2, 23),
                                       .interest_through = day(2026, 2, 23),
                                       .flat_fee_charged = false};
  // Interest 24 February – 9 March, 14 days: 20,000 × 6.27 × 14 / 36,500 = 48.10 ct → 0.48
  // (not from 10 February, the first day of default).
  const DunningPlan plan = plan_on(day(2026, 3, 9));
  ASSERT_EQ(plan.notices.size(), 1u);
  const std::vector<PlannedCharge> interest = charges_of(plan.notices[0], "interest");
  ASSERT_EQ(interest.size(), 1u);
  EXPECT_EQ(interest[0].amount, eur(48));
  ASSERT_EQ(interest[0].interest->spans.size(), 1u);
  EXPECT_EQ(interest[0].interest->spans[0].first, day(2026, 2, 24));
  EXPECT_EQ(interest[0].interest->spans[0].last, day(2026, 3, 9));
  EXPECT_EQ(interest[0].interest->spans[0].days, 14);
  EXPECT_EQ(plan.notices[0].histories[0].history.interest_through, day(2026, 3, 9));
}

TEST_F(DunningDeciderTest, InterestBelowOneCentIsNotChargedAndItsDaysStayForTheNextNotice) {
  CustomerBook& account = customer("K-1", CustomerKind::consumer);
  invoice(account, "R-1", day(2026, 2, 28), 1'100);
  account.history["R-1"] = ItemHistory{.level = 2,
                                       .first_reminded_on = day(2026, 3, 7),
                                       .first_by_letter = false,
                                       .last_reminded_on = day(2026, 3, 21),
                                       .interest_through = day(2026, 3, 21),
                                       .flat_fee_charged = false};
  invoice(account, "R-2", day(2026, 3, 16), 5'000);  // reaches level 1 on 23 March

  const std::vector<Event> events = run_days(day(2026, 3, 22), day(2026, 4, 4));
  ASSERT_EQ(events.size(), 2u);
  // 23 March, R-2's first reminder lists R-1: 22–23 March, 2 days on 11.00:
  // 1,100 × 6.27 × 2 / 36,500 = 0.38 ct → 0: not charged, R-1's record keeps 21 March.
  EXPECT_EQ(events[0].on, day(2026, 3, 23));
  const PlannedNotice& first = events[0].plan.notices.at(0);
  EXPECT_TRUE(first.charges.empty());
  const PlannedHistory* kept = history_in(first, "R-1");
  ASSERT_NE(kept, nullptr);
  EXPECT_EQ(kept->history.interest_through, day(2026, 3, 21));
  EXPECT_EQ(kept->history.level, 2);  // listed, not advanced
  // 4 April, R-1 reaches level 3: 22 March – 4 April, 14 days:
  // 1,100 × 6.27 × 14 / 36,500 = 2.65 ct → 0.03; R-2 in default from 24 March, 24 March –
  // 4 April, 12 days: 5,000 × 6.27 × 12 / 36,500 = 10.31 ct → 0.10; level-3 fee 10.00 on R-1.
  EXPECT_EQ(events[1].on, day(2026, 4, 4));
  const PlannedNotice& second = events[1].plan.notices.at(0);
  EXPECT_EQ(second.level, 3);
  const std::vector<PlannedCharge> interest = charges_of(second, "interest");
  ASSERT_EQ(interest.size(), 2u);
  EXPECT_EQ(interest[0].item_number, "R-1");
  EXPECT_EQ(interest[0].amount, eur(3));
  EXPECT_EQ(interest[0].interest->spans.at(0).first, day(2026, 3, 22));
  EXPECT_EQ(interest[0].interest->spans.at(0).days, 14);
  EXPECT_EQ(interest[1].item_number, "R-2");
  EXPECT_EQ(interest[1].amount, eur(10));
  ASSERT_EQ(charges_of(second, "level_fee").size(), 1u);
  EXPECT_EQ(charges_of(second, "level_fee")[0].item_number, "R-1");
  EXPECT_EQ(second.total, eur(7'113));  // 11.00 + 50.00 + 10.00 + 0.03 + 0.10
}

TEST_F(DunningDeciderTest, InterestAcrossBaseRateChangeAndLeapYear) {
  // 10,000.00 EUR business invoice, interest charged through 20 December 2023, then held back
  // (a complaint) until the next notice on 5 March 2024.
  CustomerBook& account = customer("K-1", CustomerKind::business);
  invoice(account, "R-1", day(2023, 11, 20), 1'000'000);
  account.history["R-1"] = ItemHistory{.level = 2,
                                       .first_reminded_on = day(2023, 11, 27),
                                       .first_by_letter = false,
                                       .last_reminded_on = day(2023, 12, 20),
                                       .interest_through = day(2023, 12, 20),
                                       .flat_fee_charged = true};
  // 21–31 December 2023, 11 days at 3.12 + 9 = 12.12 %; 1 January – 5 March 2024, 65 days
  // (29 February included, act/365) at 3.62 + 9 = 12.62 %:
  // 1,000,000 × (12.12 × 11 + 12.62 × 65) / 36,500 = 1,000,000 × 953.62 / 36,500
  // = 26,126.58 ct → 261.27. No €40 again, no level fee (covered by the €40).
  const DunningPlan plan = plan_on(day(2024, 3, 5));
  ASSERT_EQ(plan.notices.size(), 1u);
  const PlannedNotice& notice = plan.notices[0];
  EXPECT_EQ(notice.level, 3);
  ASSERT_EQ(notice.charges.size(), 1u);
  EXPECT_EQ(notice.charges[0].kind, "interest");
  EXPECT_EQ(notice.charges[0].amount, eur(26'127));
  ASSERT_TRUE(notice.charges[0].interest.has_value());
  ASSERT_EQ(notice.charges[0].interest->spans.size(), 2u);
  EXPECT_EQ(notice.charges[0].interest->spans[0], (InterestSpan{.first = day(2023, 12, 21),
                                                                .last = day(2023, 12, 31),
                                                                .principal = eur(1'000'000),
                                                                .annual_percent = percent("12.12"),
                                                                .days = 11}));
  EXPECT_EQ(notice.charges[0].interest->spans[1], (InterestSpan{.first = day(2024, 1, 1),
                                                                .last = day(2024, 3, 5),
                                                                .principal = eur(1'000'000),
                                                                .annual_percent = percent("12.62"),
                                                                .days = 65}));
  EXPECT_EQ(notice.fees, eur(0));
  EXPECT_EQ(notice.total, eur(1'026'127));
}

TEST_F(DunningDeciderTest, InterestIsRoundedHalfUpPerInvoicePerNotice) {
  CustomerBook& account = customer("K-1", CustomerKind::consumer);
  for (const char* number : {"R-1", "R-2"}) {
    invoice(account, number, day(2026, 3, 2), 182'500);
    account.history[number] = ItemHistory{.level = 1,
                                          .first_reminded_on = day(2026, 3, 9),
                                          .first_by_letter = false,
                                          .last_reminded_on = day(2026, 3, 9),
                                          .interest_through = day(2026, 3, 13),
                                          .flat_fee_charged = false};
  }
  // Each: 14–23 March, 10 days on 1,825.00: 182,500 × 6.27 × 10 / 36,500 = 313.5 ct exactly
  // → 3.14 (half up). Per invoice: 3.14 + 3.14 = 6.28, not the sum's 627.0 ct = 6.27.
  const DunningPlan plan = plan_on(day(2026, 3, 23));
  ASSERT_EQ(plan.notices.size(), 1u);
  const std::vector<PlannedCharge> interest = charges_of(plan.notices[0], "interest");
  ASSERT_EQ(interest.size(), 2u);
  EXPECT_EQ(interest[0].amount, eur(314));
  EXPECT_EQ(interest[1].amount, eur(314));
  EXPECT_EQ(plan.notices[0].interest, eur(628));
  EXPECT_EQ(plan.notices[0].total, eur(365'000 + 500 + 628));
}

TEST_F(DunningDeciderTest, InterestRunsOnThePrincipalOpenThatDay) {
  CustomerBook& account = customer("K-1", CustomerKind::consumer);
  invoice(account, "R-1", day(2026, 3, 2), 100'000).open = eur(40'000);  // 600.00 paid 16 March
  account.principal["R-1"] =
      OpenPrincipal{.changes = {{day(2026, 3, 2), eur(100'000)}, {day(2026, 3, 16), eur(40'000)}}};
  account.history["R-1"] = reminded(1, day(2026, 3, 9), day(2026, 3, 9));
  // Default from 10 March. 10–15 March, 6 days on 1,000.00; 16–23 March, 8 days on 400.00:
  // (100,000 × 6 + 40,000 × 8) × 6.27 / 36,500 = 920,000 × 6.27 / 36,500 = 158.04 ct → 1.58.
  const DunningPlan plan = plan_on(day(2026, 3, 23));
  ASSERT_EQ(plan.notices.size(), 1u);
  const PlannedNotice& notice = plan.notices[0];
  EXPECT_EQ(notice.lines.at(0).open, eur(40'000));
  const std::vector<PlannedCharge> interest = charges_of(notice, "interest");
  ASSERT_EQ(interest.size(), 1u);
  EXPECT_EQ(interest[0].amount, eur(158));
  ASSERT_EQ(interest[0].interest->spans.size(), 2u);
  EXPECT_EQ(interest[0].interest->spans[0].days, 6);
  EXPECT_EQ(interest[0].interest->spans[1].principal, eur(40'000));
  EXPECT_EQ(notice.total, eur(40'658));  // 400.00 + 5.00 + 1.58
}

// --- Never annoy a paying customer ------------------------------------------------------------

TEST_F(DunningDeciderTest, CustomerWithOpenComplaintGetsNoNotice) {
  CustomerBook& account = customer("K-1", CustomerKind::consumer);
  invoice(account, "R-1", day(2026, 3, 2), 20'000);
  account.customer_holds = {"open complaint: Lieferung unvollständig"};

  const DunningPlan plan = plan_on(day(2026, 3, 9));
  EXPECT_TRUE(plan.notices.empty());
  ASSERT_EQ(plan.skipped.size(), 1u);
  EXPECT_EQ(plan.skipped[0].customer_number, "K-1");
  EXPECT_EQ(plan.skipped[0].item_number, "");
  EXPECT_EQ(plan.skipped[0].reason, "open complaint: Lieferung unvollständig");
}

TEST_F(DunningDeciderTest, CustomerWithSeveralHoldsIsSkippedWithAllReasons) {
  CustomerBook& account = customer("K-1", CustomerKind::business);
  invoice(account, "R-1", day(2026, 1, 5), 20'000);
  account.history["R-1"] = ItemHistory{.level = 4,
                                       .first_reminded_on = day(2026, 1, 12),
                                       .first_by_letter = false,
                                       .last_reminded_on = day(2026, 2, 23),
                                       .interest_through = day(2026, 2, 23),
                                       .flat_fee_charged = true};
  account.customer_holds = {"dunning block (ERP): Ratenzahlung vereinbart",
                            "pending credit of 200.00 EUR"};
  // Due for handover, but a held customer is neither reminded nor handed over.
  const DunningPlan plan = plan_on(day(2026, 3, 9));
  EXPECT_TRUE(plan.notices.empty());
  EXPECT_TRUE(plan.handovers.empty());
  ASSERT_EQ(plan.skipped.size(), 1u);
  EXPECT_EQ(plan.skipped[0].reason,
            "dunning block (ERP): Ratenzahlung vereinbart; pending credit of 200.00 EUR");
}

TEST_F(DunningDeciderTest, HeldItemIsLeftOffAndTheOthersGoOn) {
  CustomerBook& account = customer("K-1", CustomerKind::consumer);
  invoice(account, "R-1", day(2026, 3, 2), 20'000);
  invoice(account, "R-2", day(2026, 3, 2), 30'000);
  account.item_holds = {{"R-2", "complaint about R-2: Ware beschädigt"}};

  const DunningPlan plan = plan_on(day(2026, 3, 9));
  ASSERT_EQ(plan.notices.size(), 1u);
  const PlannedNotice& notice = plan.notices[0];
  ASSERT_EQ(notice.lines.size(), 1u);
  EXPECT_EQ(notice.lines[0].item_number, "R-1");
  EXPECT_EQ(notice.total_open, eur(20'000));
  EXPECT_EQ(history_in(notice, "R-2"), nullptr);  // not advanced, not reminded
  ASSERT_EQ(plan.skipped.size(), 1u);
  EXPECT_EQ(plan.skipped[0].item_number, "R-2");
  EXPECT_EQ(plan.skipped[0].reason, "complaint about R-2: Ware beschädigt");
}

TEST_F(DunningDeciderTest, CustomerOwingLessThanTheMinimumIsSkipped) {
  invoice(customer("K-1", CustomerKind::consumer), "R-1", day(2026, 3, 2), 999);
  invoice(customer("K-2", CustomerKind::consumer), "R-2", day(2026, 3, 2), 1'000);

  const DunningPlan plan = plan_on(day(2026, 3, 9));
  ASSERT_EQ(plan.notices.size(), 1u);
  EXPECT_EQ(plan.notices[0].customer_number, "K-2");  // exactly the minimum is dunned
  ASSERT_EQ(plan.skipped.size(), 1u);
  EXPECT_EQ(plan.skipped[0].customer_number, "K-1");
  EXPECT_EQ(plan.skipped[0].item_number, "");
  EXPECT_NE(plan.skipped[0].reason.find("less than the minimum"), std::string::npos)
      << plan.skipped[0].reason;
}

TEST_F(DunningDeciderTest, OpenCreditsCoveringTheDebtSkipTheCustomer) {
  CustomerBook& covered = customer("K-1", CustomerKind::consumer);
  invoice(covered, "R-1", day(2026, 3, 2), 10'000);
  credit_note(covered, "GS-1", day(2026, 3, 4), 10'000);
  CustomerBook& partly = customer("K-2", CustomerKind::consumer);
  invoice(partly, "R-2", day(2026, 3, 2), 10'000);
  credit_note(partly, "GS-2", day(2026, 3, 4), 5'000);

  const DunningPlan plan = plan_on(day(2026, 3, 9));
  ASSERT_EQ(plan.skipped.size(), 1u);
  EXPECT_EQ(plan.skipped[0].customer_number, "K-1");
  EXPECT_EQ(plan.skipped[0].reason, "open credits cover what is overdue");
  ASSERT_EQ(plan.notices.size(), 1u);
  const PlannedNotice& notice = plan.notices[0];
  EXPECT_EQ(notice.customer_number, "K-2");
  ASSERT_EQ(notice.lines.size(), 2u);
  EXPECT_EQ(notice.lines[1].item_number, "GS-2");
  EXPECT_EQ(notice.lines[1].open, eur(-5'000));
  EXPECT_EQ(notice.lines[1].level, 0);
  EXPECT_EQ(notice.total_open, eur(5'000));  // 100.00 − 50.00
}

TEST_F(DunningDeciderTest, ItemInAnotherCurrencyIsSkipped) {
  CustomerBook& account = customer("K-1", CustomerKind::consumer);
  invoice(account, "R-1", day(2026, 3, 2), 20'000);
  OpenItem& francs = invoice(account, "R-2", day(2026, 3, 2), 0);
  const Currency chf = Currency::from_code("CHF").value();
  francs.gross = Money(30'000, chf);
  francs.open = Money(30'000, chf);

  const DunningPlan plan = plan_on(day(2026, 3, 9));
  ASSERT_EQ(plan.notices.size(), 1u);
  ASSERT_EQ(plan.notices[0].lines.size(), 1u);
  EXPECT_EQ(plan.notices[0].lines[0].item_number, "R-1");
  EXPECT_EQ(plan.notices[0].total_open, eur(20'000));
  ASSERT_EQ(plan.skipped.size(), 1u);
  EXPECT_EQ(plan.skipped[0].item_number, "R-2");
  EXPECT_EQ(plan.skipped[0].reason, "in CHF; reminders charge in EUR only");
}

TEST_F(DunningDeciderTest, InvoiceSettledOutsideKontorIsNotDunned) {
  invoice(customer("K-1", CustomerKind::consumer), "R-1", day(2026, 3, 2), 20'000)
      .settled_externally = true;
  const DunningPlan plan = plan_on(day(2026, 3, 9));
  EXPECT_TRUE(plan.notices.empty());
  EXPECT_EQ(plan.items_overdue, 0);
}

// --- Channels ----------------------------------------------------------------------------------

TEST_F(DunningDeciderTest, CustomerPreferringLettersGetsALetter) {
  customer("K-1", CustomerKind::consumer).customer.preferred_delivery = Delivery::letter;
  invoice(account("K-1"), "R-1", day(2026, 3, 2), 20'000);
  const DunningPlan plan = plan_on(day(2026, 3, 9));
  ASSERT_EQ(plan.notices.size(), 1u);
  EXPECT_EQ(plan.notices[0].channel, NoticeChannel::letter);
}

TEST_F(DunningDeciderTest, FinalNoticeGoesByLetterWhateverTheCustomerPrefers) {
  CustomerBook& account = customer("K-1", CustomerKind::consumer);
  account.customer.preferred_delivery = Delivery::email;
  invoice(account, "R-1", day(2026, 2, 2), 20'000);
  account.history["R-1"] = ItemHistory{.level = 3,
                                       .first_reminded_on = day(2026, 2, 9),
                                       .first_by_letter = false,
                                       .last_reminded_on = day(2026, 3, 9),
                                       .interest_through = day(2026, 3, 9),
                                       .flat_fee_charged = false};
  const DunningPlan plan = plan_on(day(2026, 3, 23));
  ASSERT_EQ(plan.notices.size(), 1u);
  EXPECT_EQ(plan.notices[0].level, 4);
  EXPECT_EQ(plan.notices[0].template_name, "reminder-4");
  EXPECT_EQ(plan.notices[0].channel, NoticeChannel::letter);
  // Level-4 fee 15.00; interest 10–23 March, 14 days: 0.48 (see above).
  EXPECT_EQ(plan.notices[0].fees, eur(1'500));
  EXPECT_EQ(plan.notices[0].interest, eur(48));
}

TEST_F(DunningDeciderTest, CustomerWithoutEmailAddressGetsALetter) {
  CustomerBook& preferring_email = customer("K-1", CustomerKind::consumer);
  preferring_email.customer.preferred_delivery = Delivery::email;
  preferring_email.has_email = false;
  invoice(preferring_email, "R-1", day(2026, 3, 2), 20'000);
  CustomerBook& no_preference = customer("K-2", CustomerKind::consumer);
  no_preference.has_email = false;
  invoice(no_preference, "R-2", day(2026, 3, 2), 20'000);

  const DunningPlan plan = plan_on(day(2026, 3, 9));
  ASSERT_EQ(plan.notices.size(), 2u);
  EXPECT_EQ(plan.notices[0].channel, NoticeChannel::letter);
  EXPECT_EQ(plan.notices[1].channel, NoticeChannel::letter);
  EXPECT_TRUE(plan.notices[0].histories[0].history.first_by_letter);
}

TEST_F(DunningDeciderTest, LetterLevelFallsBackToEmailWithoutALetterChannel) {
  letter_channel = false;
  CustomerBook& account = customer("K-1", CustomerKind::consumer);
  invoice(account, "R-1", day(2026, 2, 2), 20'000);
  account.history["R-1"] = ItemHistory{.level = 3,
                                       .first_reminded_on = day(2026, 2, 9),
                                       .first_by_letter = false,
                                       .last_reminded_on = day(2026, 3, 9),
                                       .interest_through = day(2026, 3, 9),
                                       .flat_fee_charged = false};
  const DunningPlan plan = plan_on(day(2026, 3, 23));
  ASSERT_EQ(plan.notices.size(), 1u);
  EXPECT_EQ(plan.notices[0].level, 4);
  EXPECT_EQ(plan.notices[0].channel, NoticeChannel::email);
}

TEST_F(DunningDeciderTest, CustomerIsSkippedWhenNoChannelFits) {
  letter_channel = false;
  CustomerBook& account = customer("K-1", CustomerKind::consumer);
  account.has_email = false;
  invoice(account, "R-1", day(2026, 3, 2), 20'000);

  const DunningPlan plan = plan_on(day(2026, 3, 9));
  EXPECT_TRUE(plan.notices.empty());
  ASSERT_EQ(plan.skipped.size(), 1u);
  EXPECT_EQ(plan.skipped[0].item_number, "");
  EXPECT_EQ(plan.skipped[0].reason,
            "the customer has no e-mail address and no letter channel is configured");
  // Nothing was sent, so nothing was recorded: the next day tries again.
  EXPECT_TRUE(account.history.empty());
}

TEST_F(DunningDeciderTest, NoLetterGoesToAnAddressWithoutStreetPostcodeOrCity) {
  CustomerBook& account = customer("K-1", CustomerKind::consumer);
  account.has_email = false;
  account.has_postal_address = false;
  invoice(account, "R-1", day(2026, 3, 2), 20'000);

  const DunningPlan plan = plan_on(day(2026, 3, 9));
  EXPECT_TRUE(plan.notices.empty());
  ASSERT_EQ(plan.skipped.size(), 1u);
  EXPECT_EQ(plan.skipped[0].reason,
            "the customer has no e-mail address and the postal address lacks street, postcode "
            "or city");
}

// --- Collection --------------------------------------------------------------------------------

TEST_F(DunningDeciderTest, HandoverToCollectionFourteenDaysAfterTheFinalNoticeOnce) {
  CustomerBook& account = customer("K-1", CustomerKind::consumer);
  invoice(account, "R-1", day(2026, 1, 5), 20'000);
  account.history["R-1"] = ItemHistory{.level = 4,
                                       .first_reminded_on = day(2026, 1, 12),
                                       .first_by_letter = false,
                                       .last_reminded_on = day(2026, 3, 2),
                                       .interest_through = day(2026, 3, 2),
                                       .flat_fee_charged = false};

  const std::vector<Event> events = run_days(day(2026, 3, 3), day(2026, 4, 30));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].on, day(2026, 3, 16));  // 2 March + 14 days
  EXPECT_TRUE(events[0].plan.notices.empty());
  ASSERT_EQ(events[0].plan.handovers.size(), 1u);
  const Handover& handover = events[0].plan.handovers[0];
  EXPECT_EQ(handover.customer_number, "K-1");
  EXPECT_EQ(handover.item_number, "R-1");
  EXPECT_EQ(handover.default_since, day(2026, 1, 13));  // the day after the first e-mail
  EXPECT_EQ(handover.history.level, 5);
  EXPECT_EQ(handover.history.last_reminded_on, day(2026, 3, 2));
  EXPECT_EQ(account.history["R-1"].level, 5);
}

TEST_F(DunningDeciderTest, HandedOverItemIsNeverListedAgain) {
  CustomerBook& account = customer("K-1", CustomerKind::consumer);
  invoice(account, "R-1", day(2026, 1, 5), 20'000);
  account.history["R-1"] = ItemHistory{.level = 5,
                                       .first_reminded_on = day(2026, 1, 12),
                                       .first_by_letter = false,
                                       .last_reminded_on = day(2026, 2, 23),
                                       .interest_through = day(2026, 2, 23),
                                       .flat_fee_charged = false};
  invoice(account, "R-2", day(2026, 3, 2), 5'000);

  const DunningPlan plan = plan_on(day(2026, 3, 9));
  EXPECT_TRUE(plan.handovers.empty());
  ASSERT_EQ(plan.notices.size(), 1u);
  ASSERT_EQ(plan.notices[0].lines.size(), 1u);
  EXPECT_EQ(plan.notices[0].lines[0].item_number, "R-2");
  EXPECT_EQ(plan.notices[0].level, 1);
  EXPECT_EQ(plan.notices[0].total_open, eur(5'000));
  EXPECT_EQ(history_in(plan.notices[0], "R-1"), nullptr);
}

TEST_F(DunningDeciderTest, InterestBeyondTheBaseRateTableFailsNamingCustomerAndItem) {
  CustomerBook& account = customer("K-1", CustomerKind::consumer);
  invoice(account, "R-1", day(2027, 1, 4), 20'000).due_date_agreed = true;
  const Result<DunningPlan> plan = decide_on(day(2027, 1, 11));
  ASSERT_FALSE(plan);
  EXPECT_NE(plan.error().message.find("R-1"), std::string::npos) << plan.error().message;
  EXPECT_NE(plan.error().message.find("K-1"), std::string::npos) << plan.error().message;
}

}  // namespace
}  // namespace kontor::dunning
