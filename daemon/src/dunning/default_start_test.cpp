// Tests: when default begins — agreed due date (§193), reminder (letter or e-mail), the 30 days
// of §286 (3) for business customers and noticed consumers, the earliest of them.

#include "dunning/default_start.hpp"

#include <gtest/gtest.h>

namespace kontor::dunning {
namespace {

Date day(int year, int month, int day_of_month) {
  return Date::from_ymd(year, month, day_of_month).value();
}

const HolidayCalendar& nationwide() {
  static const HolidayCalendar calendar = HolidayCalendar::make("", {}).value();
  return calendar;
}

DefaultFacts consumer_due(const Date& due) {
  return DefaultFacts{.due_date = due,
                      .due_date_agreed = false,
                      .issue_date = std::nullopt,
                      .notice_on_invoice = false,
                      .customer_kind = CustomerKind::consumer,
                      .first_reminder_sent = std::nullopt,
                      .first_reminder_by_letter = false};
}

std::optional<Date> begins(const DefaultFacts& facts) {
  return default_begins(facts, DefaultRules{}, nationwide());
}

TEST(DefaultStart, AgreedDueDateDefaultsTheDayAfter) {
  DefaultFacts facts = consumer_due(day(2026, 3, 11));  // a Wednesday
  facts.due_date_agreed = true;
  EXPECT_EQ(begins(facts), day(2026, 3, 12));
}

TEST(DefaultStart, AgreedDueDateOnSaturdayDefaultsTheTuesdayAfter) {
  // Saturday 7 March 2026 moves to Monday 9 March (§193 BGB); default from Tuesday 10 March.
  DefaultFacts facts = consumer_due(day(2026, 3, 7));
  facts.due_date_agreed = true;
  EXPECT_EQ(begins(facts), day(2026, 3, 10));
}

TEST(DefaultStart, AgreedDueDateOnGoodFridayDefaultsTheWednesdayAfterEaster) {
  // Karfreitag 3 April 2026 moves past Easter Monday to Tuesday 7 April; default from the 8th.
  DefaultFacts facts = consumer_due(day(2026, 4, 3));
  facts.due_date_agreed = true;
  EXPECT_EQ(begins(facts), day(2026, 4, 8));
}

TEST(DefaultStart, EmailReminderDefaultsTheDayAfterItIsSent) {
  DefaultFacts facts = consumer_due(day(2026, 3, 2));
  facts.first_reminder_sent = day(2026, 3, 10);
  EXPECT_EQ(begins(facts), day(2026, 3, 11));
}

TEST(DefaultStart, LetterReminderDefaultsTheDayAfterThePostalDays) {
  // Sent 10 March, reaches the customer 3 days later on the 13th; default from the 14th.
  DefaultFacts facts = consumer_due(day(2026, 3, 2));
  facts.first_reminder_sent = day(2026, 3, 10);
  facts.first_reminder_by_letter = true;
  EXPECT_EQ(begins(facts), day(2026, 3, 14));
  DefaultRules slow_post;
  slow_post.postal_days = 4;
  EXPECT_EQ(default_begins(facts, slow_post, nationwide()), day(2026, 3, 15));
}

TEST(DefaultStart, ReminderBeforeTheDueDateIsVoid) {
  DefaultFacts facts = consumer_due(day(2026, 3, 16));
  facts.first_reminder_sent = day(2026, 3, 10);
  EXPECT_EQ(begins(facts), std::nullopt);
}

TEST(DefaultStart, ReminderReachesAfterPostalOrEmailDays) {
  const DefaultRules rules;
  EXPECT_EQ(reminder_reaches(day(2026, 3, 10), true, rules), day(2026, 3, 13));
  EXPECT_EQ(reminder_reaches(day(2026, 3, 10), false, rules), day(2026, 3, 10));
}

TEST(DefaultStart, BusinessCustomerDefaultsOn31stDayAfterDueDate) {
  // Issued 2 March 2026, received 5 March; due Monday 16 March is later. 16 March + 30 days =
  // Wednesday 15 April, the period's last day; default from Thursday 16 April.
  DefaultFacts facts = consumer_due(day(2026, 3, 16));
  facts.customer_kind = CustomerKind::business;
  facts.issue_date = day(2026, 3, 2);
  EXPECT_EQ(begins(facts), day(2026, 4, 16));
}

TEST(DefaultStart, BusinessCustomerCountsFromReceiptWhenItIsLater) {
  // Issued Friday 5 June 2026, received Monday 8 June, due 6 June. 8 June + 30 = Wednesday
  // 8 July; default from 9 July.
  DefaultFacts facts = consumer_due(day(2026, 6, 6));
  facts.customer_kind = CustomerKind::business;
  facts.issue_date = day(2026, 6, 5);
  EXPECT_EQ(begins(facts), day(2026, 7, 9));
}

TEST(DefaultStart, BusinessCustomerWithoutIssueDateCountsFromTheDueDate) {
  DefaultFacts facts = consumer_due(day(2026, 3, 16));
  facts.customer_kind = CustomerKind::business;
  EXPECT_EQ(begins(facts), day(2026, 4, 16));
}

TEST(DefaultStart, ThirtyDaysEndingOnEasterSaturdayRunToTheTuesday) {
  // Issued 2 March 2026, received 5 March, due 3 March: 5 March + 30 = Saturday 4 April; §193
  // moves the period's end past Easter Sunday and Monday to Tuesday 7 April; default from the
  // 8th (not the plain 31st day, 5 April).
  DefaultFacts facts = consumer_due(day(2026, 3, 3));
  facts.customer_kind = CustomerKind::business;
  facts.issue_date = day(2026, 3, 2);
  EXPECT_EQ(begins(facts), day(2026, 4, 8));
}

TEST(DefaultStart, ConsumerWithoutNoticeIsNotInDefaultWithoutReminder) {
  DefaultFacts facts = consumer_due(day(2026, 3, 16));
  facts.issue_date = day(2026, 3, 2);
  EXPECT_EQ(begins(facts), std::nullopt);
}

TEST(DefaultStart, ConsumerWithoutNoticeDefaultsOnlyByAgreedDateOrReminder) {
  DefaultFacts facts = consumer_due(day(2026, 3, 16));
  facts.issue_date = day(2026, 3, 2);
  facts.first_reminder_sent = day(2026, 5, 4);
  EXPECT_EQ(begins(facts), day(2026, 5, 5));  // not 16 April: §286 (3) does not apply
}

TEST(DefaultStart, ConsumerWithNoticeDefaultsOn31stDay) {
  DefaultFacts facts = consumer_due(day(2026, 3, 16));
  facts.issue_date = day(2026, 3, 2);
  facts.notice_on_invoice = true;
  EXPECT_EQ(begins(facts), day(2026, 4, 16));
}

TEST(DefaultStart, EarliestRuleWins) {
  // Business customer, due 16 March: the 30 days give 16 April, an e-mail reminder on
  // 20 March gives 21 March.
  DefaultFacts facts = consumer_due(day(2026, 3, 16));
  facts.customer_kind = CustomerKind::business;
  facts.first_reminder_sent = day(2026, 3, 20);
  EXPECT_EQ(begins(facts), day(2026, 3, 21));
  // An agreed due date gives 17 March, earlier still.
  facts.due_date_agreed = true;
  EXPECT_EQ(begins(facts), day(2026, 3, 17));
}

}  // namespace
}  // namespace kontor::dunning
