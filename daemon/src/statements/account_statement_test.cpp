// The statement of account as rules: the balance moves by items issued and payments booked, in
// the period they happened; the lines add up to the closing balance; aging by days past due at
// the period's end.
#include "statements/account_statement.hpp"

#include <gtest/gtest.h>

namespace kontor::statements {
namespace {

Money eur(std::int64_t cents) {
  return Money(cents, Currency::eur());
}
Date day(std::string_view iso) {
  return *Date::parse_iso(iso);
}

// The company's day of a UTC instant: the date part (the tests keep to noon UTC).
const CompanyDay kUtcDay = [](std::string_view utc) -> Result<Date> {
  return Date::parse_iso(utc.substr(0, 10));
};

OpenItem item(std::string number, OpenItemType type, std::int64_t cents, std::string_view issued,
              std::string_view due) {
  OpenItem out;
  out.number = std::move(number);
  out.customer_number = "K-1";
  out.type = type;
  out.issue_date = day(issued);
  out.due_date = day(due);
  out.gross = eur(cents);
  out.open = out.gross;
  return out;
}

class AccountStatementTest : public ::testing::Test {
 protected:
  void issue(std::string number, std::int64_t cents, std::string_view issued, std::string_view due,
             OpenItemType type = OpenItemType::invoice) {
    history_.items.push_back(item(std::move(number), type, cents, issued, due));
  }
  // A payment booked on `booked`, `cents` of it applied to `number` by decision `transaction`.
  void pay(std::string transaction, std::string number, std::int64_t cents, std::string_view booked,
           AllocationMethod method = AllocationMethod::creditor_reference) {
    store::AccountAllocation dated;
    dated.allocation.id = ++last_id_;
    dated.allocation.transaction =
        method == AllocationMethod::skonto || method == AllocationMethod::bank_charges
            ? ""
            : transaction;
    dated.allocation.item_number = std::move(number);
    dated.allocation.amount = eur(cents);
    dated.allocation.method = method;
    dated.booked_on = day(booked);
    dated.booked_by = std::move(transaction);
    dated.recorded_at = std::string(booked) + "T12:00:00.000Z";
    history_.allocations.push_back(dated);
  }
  // The statement of `period` as decided on the first day after it.
  render::StatementView statement(std::string_view period) {
    const StatementPeriod month = *StatementPeriod::parse(period);
    return statement_on(period, *month.last.add_days(1));
  }
  render::StatementView statement_on(std::string_view period, const Date& as_of) {
    Result<render::StatementView> view = account_statement(
        history_, *StatementPeriod::parse(period), as_of, kUtcDay, Currency::eur());
    EXPECT_TRUE(view) << view.error().message;
    return view ? *view : render::StatementView{};
  }

  store::AccountHistory history_;
  std::int64_t last_id_ = 0;
};

TEST_F(AccountStatementTest, ItemsAndPaymentsMoveTheBalanceInThePeriodTheyHappened) {
  issue("R-1", 10000, "2026-09-10", "2026-09-24");
  issue("R-2", 5000, "2026-10-05", "2026-10-19");
  pay("T-1", "R-1", 10000, "2026-10-02");
  pay("T-2", "R-2", 2000, "2026-11-03");  // next month: not on October's statement

  const render::StatementView october = statement("2026-10");
  EXPECT_EQ(october.opening, eur(10000));
  EXPECT_EQ(october.invoices, eur(5000));
  EXPECT_EQ(october.payments, eur(-10000));
  EXPECT_EQ(october.closing, eur(5000));
  ASSERT_EQ(october.movements.size(), 2U);
  EXPECT_EQ(october.movements[0].kind, "payment");
  EXPECT_EQ(october.movements[0].date, day("2026-10-02"));
  EXPECT_EQ(october.movements[0].detail, "R-1");
  EXPECT_EQ(october.movements[0].balance, eur(0));
  EXPECT_EQ(october.movements[1].kind, "invoice");
  EXPECT_EQ(october.movements[1].document, "R-2");
  EXPECT_EQ(october.movements[1].balance, eur(5000));

  const render::StatementView november = statement("2026-11");
  EXPECT_EQ(november.opening, october.closing);
  EXPECT_EQ(november.closing, eur(3000));
}

TEST_F(AccountStatementTest, OnePaymentForSeveralItemsIsOneLineNamingThemAndItsUnappliedRest) {
  issue("R-1", 10000, "2026-10-01", "2026-10-15");
  issue("R-2", 5000, "2026-10-01", "2026-10-15");
  pay("T-1", "R-1", 10000, "2026-10-20");
  pay("T-1", "R-2", 5000, "2026-10-20");
  history_.unapplied.push_back(store::UnappliedPayment{
      .transaction = "T-1", .booked_on = day("2026-10-20"), .amount = eur(700)});

  const render::StatementView october = statement("2026-10");
  ASSERT_EQ(october.movements.size(), 3U);
  const render::MovementView& payment = october.movements[2];
  EXPECT_EQ(payment.kind, "payment");
  EXPECT_EQ(payment.amount, eur(-15700));
  EXPECT_EQ(payment.detail, "R-1, R-2");
  EXPECT_EQ(october.closing, eur(-700));
  EXPECT_EQ(october.aging.credits, eur(-700));
  EXPECT_EQ(october.aging.total, october.closing);
  EXPECT_TRUE(october.open_items.empty());
}

TEST_F(AccountStatementTest, SkontoAndBankChargesAreAdjustmentsOfTheirOwn) {
  issue("R-1", 10000, "2026-10-01", "2026-10-31");
  pay("T-1", "R-1", 9790, "2026-10-08");
  pay("T-1", "R-1", 200, "2026-10-08", AllocationMethod::skonto);
  pay("T-1", "R-1", 10, "2026-10-08", AllocationMethod::bank_charges);

  const render::StatementView october = statement("2026-10");
  EXPECT_EQ(october.payments, eur(-9790));
  EXPECT_EQ(october.adjustments, eur(-210));
  EXPECT_EQ(october.closing, eur(0));
  ASSERT_EQ(october.movements.size(), 4U);
  EXPECT_EQ(october.movements[2].kind, "discount");
  EXPECT_EQ(october.movements[2].detail, "R-1");
  EXPECT_EQ(october.movements[3].kind, "bank_charges");
}

TEST_F(AccountStatementTest, AReturnedPaymentIsAReversalOnTheDayOfTheReturn) {
  issue("R-1", 10000, "2026-10-01", "2026-10-15");
  pay("T-1", "R-1", 10000, "2026-10-10");
  store::AccountAllocation reversal;
  reversal.allocation.id = ++last_id_;
  reversal.allocation.transaction = "T-1";
  reversal.allocation.item_number = "R-1";
  reversal.allocation.amount = eur(-10000);
  reversal.allocation.method = AllocationMethod::reversal;
  reversal.allocation.reverses = 1;
  reversal.booked_on = day("2026-10-22");  // the return's booking day
  reversal.booked_by = "T-RETURN";
  reversal.recorded_at = "2026-10-23T08:00:00.000Z";
  history_.allocations.push_back(reversal);

  const render::StatementView october = statement("2026-10");
  ASSERT_EQ(october.movements.size(), 3U);
  EXPECT_EQ(october.movements[2].kind, "reversal");
  EXPECT_EQ(october.movements[2].date, day("2026-10-22"));
  EXPECT_EQ(october.movements[2].amount, eur(10000));
  EXPECT_EQ(october.payments, eur(-10000));
  EXPECT_EQ(october.adjustments, eur(10000));
  EXPECT_EQ(october.closing, eur(10000));
}

TEST_F(AccountStatementTest, ACreditNoteSettlesItsInvoiceAsOfItsOwnDateAndShowsOnce) {
  issue("R-1", 10000, "2026-10-01", "2026-10-15");
  issue("G-1", -2500, "2026-10-12", "2026-10-12", OpenItemType::credit_note);
  for (auto [number, cents] : {std::pair<std::string, std::int64_t>{"R-1", 2500}, {"G-1", -2500}}) {
    store::AccountAllocation applied;
    applied.allocation.id = ++last_id_;
    applied.allocation.item_number = number;
    applied.allocation.amount = eur(cents);
    applied.allocation.method = AllocationMethod::credit_note;
    applied.recorded_at = "2026-11-03T12:00:00.000Z";  // imported weeks after it was issued
    history_.allocations.push_back(applied);
  }
  const render::StatementView october = statement("2026-10");
  ASSERT_EQ(october.movements.size(), 2U);
  EXPECT_EQ(october.credit_notes, eur(-2500));
  EXPECT_EQ(october.closing, eur(7500));
  ASSERT_EQ(october.open_items.size(), 1U);  // the credit note is used up
  EXPECT_EQ(october.open_items[0].number, "R-1");
  EXPECT_EQ(october.open_items[0].open, eur(7500));
}

TEST_F(AccountStatementTest, AnItemSettledOutsideKontorLeavesTheBalanceOnTheDayItWasMarked) {
  issue("R-1", 10000, "2026-09-01", "2026-09-15");
  pay("T-1", "R-1", 4000, "2026-09-20");
  history_.settled_externally_at["R-1"] = "2026-10-07T12:00:00.000Z";

  const render::StatementView september = statement("2026-09");
  EXPECT_EQ(september.closing, eur(6000));
  const render::StatementView october = statement("2026-10");
  ASSERT_EQ(october.movements.size(), 1U);
  EXPECT_EQ(october.movements[0].kind, "settled_externally");
  EXPECT_EQ(october.movements[0].document, "R-1");
  EXPECT_EQ(october.movements[0].amount, eur(-6000));
  EXPECT_EQ(october.adjustments, eur(-6000));
  EXPECT_EQ(october.closing, eur(0));
  EXPECT_TRUE(october.open_items.empty());
}

TEST_F(AccountStatementTest, AgingCountsDaysPastDueAtTheLastDayOfTheMonth) {
  // October 31: due on the 31st is not due; due on Oct 1 is 30 days past; Sep 30 is 31 days;
  // Aug 31 is 61; Aug 2 is 90; Aug 1 is 91.
  issue("A", 100, "2026-10-01", "2026-10-31");
  issue("B", 200, "2026-09-01", "2026-10-01");
  issue("C", 400, "2026-09-01", "2026-09-30");
  issue("D", 800, "2026-08-01", "2026-08-31");
  issue("E", 1600, "2026-07-01", "2026-08-02");
  issue("F", 3200, "2026-07-01", "2026-08-01");
  issue("G", -50, "2026-10-30", "2026-10-30", OpenItemType::credit_note);
  issue("H", 6400, "2026-11-01", "2026-11-15");  // after the period: not counted

  const render::StatementView october = statement("2026-10");
  EXPECT_EQ(october.aging.not_due, eur(100));
  EXPECT_EQ(october.aging.days_1_30, eur(200));
  EXPECT_EQ(october.aging.days_31_60, eur(400));
  EXPECT_EQ(october.aging.days_61_90, eur(800 + 1600));
  EXPECT_EQ(october.aging.over_90, eur(3200));
  EXPECT_EQ(october.aging.credits, eur(-50));
  EXPECT_EQ(october.aging.total, october.closing);
  EXPECT_EQ(october.closing, eur(100 + 200 + 400 + 800 + 1600 + 3200 - 50));
  ASSERT_EQ(october.open_items.size(), 7U);
  EXPECT_EQ(october.open_items.front().number, "F");  // oldest due first
  EXPECT_EQ(october.open_items.front().days_overdue, 91);
  EXPECT_EQ(october.open_items.back().number, "A");
  EXPECT_EQ(october.open_items.back().days_overdue, 0);

  // A month later, in a 30-day month, on November 30: A (due Oct 31) is 30 days past due, B
  // (Oct 1) 60, C (Sep 30) 61, D (Aug 31) 91; H (Nov 15) 15.
  const render::StatementView november = statement("2026-11");
  EXPECT_EQ(november.aging.not_due, eur(0));
  EXPECT_EQ(november.aging.days_1_30, eur(100 + 6400));
  EXPECT_EQ(november.aging.days_31_60, eur(200));
  EXPECT_EQ(november.aging.days_61_90, eur(400));
  EXPECT_EQ(november.aging.over_90, eur(800 + 1600 + 3200));
  EXPECT_EQ(november.aging.total, november.closing);
}

TEST_F(AccountStatementTest, WhatWasPaidSinceThePeriodEndedIsNotAskedForAgain) {
  issue("R-1", 10000, "2026-10-01", "2026-10-15");
  issue("R-2", 5000, "2026-10-10", "2026-10-24");
  pay("T-1", "R-1", 10000, "2026-11-05");
  issue("R-3", 7000, "2026-11-06", "2026-11-20");  // next month's: not asked for on October's

  const render::StatementView on_the_first = statement_on("2026-10", day("2026-11-01"));
  EXPECT_EQ(on_the_first.closing, eur(15000));
  EXPECT_EQ(on_the_first.since, eur(0));
  EXPECT_EQ(on_the_first.due, eur(15000));

  const render::StatementView late = statement_on("2026-10", day("2026-11-10"));
  EXPECT_EQ(late.closing, eur(15000));  // the figures of October stay October's
  EXPECT_EQ(late.as_of, day("2026-11-10"));
  EXPECT_EQ(late.since, eur(-10000));
  EXPECT_EQ(late.due, eur(5000));
  ASSERT_EQ(late.open_items.size(), 2U);  // October's open items, with what is left of them now
  EXPECT_EQ(late.open_items[0].number, "R-1");
  EXPECT_EQ(late.open_items[0].open, eur(10000));
  EXPECT_EQ(late.open_items[0].open_now, eur(0));
  EXPECT_EQ(late.open_items[1].open_now, eur(5000));

  pay("T-2", "R-2", 5000, "2026-11-08");
  EXPECT_EQ(statement_on("2026-10", day("2026-11-10")).due, eur(0));
}

TEST_F(AccountStatementTest, AQuietAccountWithNothingOwedHasNothingToSay) {
  issue("R-1", 10000, "2026-08-01", "2026-08-15");
  pay("T-1", "R-1", 10000, "2026-08-10");
  const render::StatementView october = statement("2026-10");
  EXPECT_TRUE(october.movements.empty());
  EXPECT_EQ(october.closing, eur(0));
  EXPECT_FALSE(has_activity_or_balance(october));
  EXPECT_TRUE(has_activity_or_balance(statement("2026-08")));
}

TEST_F(AccountStatementTest, AnAccountInSeveralCurrenciesIsRefusedNamingThem) {
  issue("R-1", 10000, "2026-10-01", "2026-10-15");
  OpenItem swiss = item("R-2", OpenItemType::invoice, 500, "2026-10-01", "2026-10-15");
  swiss.gross = Money(500, *Currency::from_code("CHF"));
  history_.items.push_back(swiss);
  Result<render::StatementView> view = account_statement(
      history_, *StatementPeriod::parse("2026-10"), day("2026-11-01"), kUtcDay, Currency::eur());
  ASSERT_FALSE(view);
  EXPECT_NE(view.error().message.find("CHF, EUR"), std::string::npos) << view.error().message;
}

}  // namespace
}  // namespace kontor::statements
