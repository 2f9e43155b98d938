// Tests: §366 (2) and §367 (1) BGB step by step, the pro rata rounding, the configurable orders.

#include "matching/debt_order.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <random>

namespace kontor::matching {
namespace {

using ::testing::ElementsAre;

Date day(int year, int month, int day_of_month) {
  return Date::from_ymd(year, month, day_of_month).value();
}
Money eur(std::int64_t cents) {
  return Money(cents, Currency::eur());
}

const Date kPaidOn = day(2026, 6, 15);

// An invoice debt with only its principal open, due 30 days after it arose.
Debt invoice(std::string number, Date arose_on, std::int64_t open_cents) {
  Debt debt;
  debt.key = number;
  debt.arose_on = arose_on;
  debt.due_date = arose_on.add_days(30).value();
  debt.parts.push_back(DebtPart{
      .item_number = std::move(number), .kind = DebtPartKind::principal, .open = eur(open_cents)});
  return debt;
}

// "item=cents" for each payment, in the order applied.
std::vector<std::string> applied(const Result<DebtSettlement>& settlement) {
  std::vector<std::string> result;
  for (const PartPayment& payment : settlement.value().payments) {
    result.push_back(payment.item_number + "=" + std::to_string(payment.amount.minor_units()));
  }
  return result;
}

TEST(DebtOrder, ADueDebtIsPaidBeforeOneNotYetDue) {
  Debt not_yet_due = invoice("RE-1", day(2026, 1, 1), 10000);
  not_yet_due.due_date = day(2026, 7, 1);  // long payment term, though older
  const Debt due = invoice("RE-2", day(2026, 5, 1), 10000);
  EXPECT_THAT(applied(apply_by_debt_order(eur(10000), {not_yet_due, due}, kPaidOn, {})),
              ElementsAre("RE-2=10000"));
}

TEST(DebtOrder, ADebtDueOnThePaymentDayIsDue) {
  Debt due_today = invoice("RE-2", day(2026, 5, 1), 10000);
  due_today.due_date = kPaidOn;
  Debt due_tomorrow = invoice("RE-1", day(2026, 1, 1), 10000);
  due_tomorrow.due_date = kPaidOn.add_days(1).value();
  EXPECT_THAT(applied(apply_by_debt_order(eur(10000), {due_tomorrow, due_today}, kPaidOn, {})),
              ElementsAre("RE-2=10000"));
}

TEST(DebtOrder, AmongDueDebtsTheOneInDefaultIsPaidBeforeAnOlderOne) {
  const Debt older = invoice("RE-1", day(2026, 1, 1), 10000);
  Debt in_default = invoice("RE-2", day(2026, 3, 1), 10000);
  in_default.in_default = true;
  EXPECT_THAT(applied(apply_by_debt_order(eur(5000), {older, in_default}, kPaidOn, {})),
              ElementsAre("RE-2=5000"));
}

TEST(DebtOrder, InDefaultAndInterestBearingIsMoreBurdensomeThanOnlyInDefault) {
  Debt only_default = invoice("RE-1", day(2026, 1, 1), 10000);
  only_default.in_default = true;
  Debt both = invoice("RE-2", day(2026, 3, 1), 10000);
  both.in_default = true;
  both.interest_bearing = true;
  EXPECT_THAT(applied(apply_by_debt_order(eur(5000), {only_default, both}, kPaidOn, {})),
              ElementsAre("RE-2=5000"));
}

TEST(DebtOrder, AmongEquallyBurdensomeDebtsTheOlderIsPaidFirst) {
  const Debt newer = invoice("RE-2", day(2026, 3, 1), 10000);
  const Debt older = invoice("RE-1", day(2026, 2, 1), 10000);
  EXPECT_THAT(applied(apply_by_debt_order(eur(15000), {newer, older}, kPaidOn, {})),
              ElementsAre("RE-1=10000", "RE-2=5000"));
}

TEST(DebtOrder, EqualDebtsShareThePaymentProRataByLargestRemainder) {
  // 100.00 over 100.00 and 200.00: 33.333… and 66.666…; the lost cent goes to the larger loss.
  const Debt small = invoice("RE-1", day(2026, 3, 1), 10000);
  const Debt large = invoice("RE-2", day(2026, 3, 1), 20000);
  EXPECT_THAT(applied(apply_by_debt_order(eur(10000), {small, large}, kPaidOn, {})),
              ElementsAre("RE-1=3333", "RE-2=6667"));
}

TEST(DebtOrder, EqualLossesGiveTheCentToTheKeyThatSortsFirst) {
  const std::vector<Debt> debts{invoice("RE-3", day(2026, 3, 1), 10000),
                                invoice("RE-1", day(2026, 3, 1), 10000),
                                invoice("RE-2", day(2026, 3, 1), 10000)};
  EXPECT_THAT(applied(apply_by_debt_order(eur(100), debts, kPaidOn, {})),
              ElementsAre("RE-1=34", "RE-2=33", "RE-3=33"));
}

TEST(DebtOrder, WithinADebtFeesThenInterestThenPrincipal) {
  Debt debt = invoice("RE-1", day(2026, 1, 1), 10000);
  debt.parts.push_back(
      DebtPart{.item_number = "ZI-1", .kind = DebtPartKind::interest, .open = eur(300)});
  debt.parts.push_back(
      DebtPart{.item_number = "MG-1", .kind = DebtPartKind::fees, .open = eur(500)});
  EXPECT_THAT(applied(apply_by_debt_order(eur(1200), {debt}, kPaidOn, {})),
              ElementsAre("MG-1=500", "ZI-1=300", "RE-1=400"));
}

TEST(DebtOrder, AProRataShareIsAppliedWithinItsDebtInTheSameOrder) {
  Debt first = invoice("RE-1", day(2026, 1, 1), 900);
  first.parts.push_back(
      DebtPart{.item_number = "MG-1", .kind = DebtPartKind::fees, .open = eur(100)});
  Debt second = invoice("RE-2", day(2026, 1, 1), 900);
  second.parts.push_back(
      DebtPart{.item_number = "MG-2", .kind = DebtPartKind::fees, .open = eur(100)});
  EXPECT_THAT(applied(apply_by_debt_order(eur(1000), {first, second}, kPaidOn, {})),
              ElementsAre("MG-1=100", "RE-1=400", "MG-2=100", "RE-2=400"));
}

TEST(DebtOrder, TheOrderWithinADebtIsConfigurable) {
  Debt debt = invoice("RE-1", day(2026, 1, 1), 10000);
  debt.parts.push_back(
      DebtPart{.item_number = "MG-1", .kind = DebtPartKind::fees, .open = eur(500)});
  DebtOrderPolicy policy;
  policy.within_debt = {DebtPartKind::principal, DebtPartKind::interest, DebtPartKind::fees};
  EXPECT_THAT(applied(apply_by_debt_order(eur(10200), {debt}, kPaidOn, policy)),
              ElementsAre("RE-1=10000", "MG-1=200"));
}

TEST(DebtOrder, TheOrderBetweenDebtsIsConfigurable) {
  Debt older_not_due = invoice("RE-1", day(2026, 1, 1), 10000);
  older_not_due.due_date = day(2026, 7, 1);
  const Debt due = invoice("RE-2", day(2026, 5, 1), 10000);
  DebtOrderPolicy policy;
  policy.between_debts = {DebtCriterion::older_first};
  EXPECT_THAT(applied(apply_by_debt_order(eur(10000), {due, older_not_due}, kPaidOn, policy)),
              ElementsAre("RE-1=10000"));
}

TEST(DebtOrder, WithoutCriteriaEveryDebtSharesProRata) {
  Debt in_default = invoice("RE-1", day(2026, 1, 1), 10000);
  in_default.in_default = true;
  const Debt other = invoice("RE-2", day(2026, 5, 1), 30000);
  DebtOrderPolicy policy;
  policy.between_debts = {};
  EXPECT_THAT(applied(apply_by_debt_order(eur(4000), {in_default, other}, kPaidOn, policy)),
              ElementsAre("RE-1=1000", "RE-2=3000"));
}

TEST(DebtOrder, WhatExceedsAllDebtsIsLeftUnapplied) {
  const Result<DebtSettlement> settlement =
      apply_by_debt_order(eur(25000), {invoice("RE-1", day(2026, 1, 1), 10000)}, kPaidOn, {});
  EXPECT_THAT(applied(settlement), ElementsAre("RE-1=10000"));
  EXPECT_EQ(settlement->unapplied, eur(15000));
}

TEST(DebtOrder, CreditNotesAndSettledItemsAreNotPaid) {
  Debt debt = invoice("RE-1", day(2026, 1, 1), 10000);
  debt.parts.push_back(
      DebtPart{.item_number = "GS-1", .kind = DebtPartKind::principal, .open = eur(-2000)});
  const Debt settled = invoice("RE-0", day(2025, 1, 1), 0);
  const Result<DebtSettlement> settlement =
      apply_by_debt_order(eur(20000), {settled, debt}, kPaidOn, {});
  EXPECT_THAT(applied(settlement), ElementsAre("RE-1=10000"));
  EXPECT_EQ(settlement->unapplied, eur(10000));
}

TEST(DebtOrder, AnAmountInAnotherCurrencyIsAnError) {
  Debt debt = invoice("RE-1", day(2026, 1, 1), 10000);
  debt.parts[0].open = Money(10000, Currency::from_code("CHF").value());
  const Result<DebtSettlement> settlement = apply_by_debt_order(eur(100), {debt}, kPaidOn, {});
  ASSERT_FALSE(settlement.ok());
  EXPECT_THAT(settlement.error().message, ::testing::HasSubstr("RE-1"));
}

TEST(DebtOrder, APaymentThatIsNotPositiveIsAnError) {
  EXPECT_FALSE(apply_by_debt_order(eur(0), {}, kPaidOn, {}).ok());
  EXPECT_FALSE(apply_by_debt_order(eur(-100), {}, kPaidOn, {}).ok());
}

TEST(DebtOrder, AWithinDebtOrderMustNameEveryKindOnce) {
  DebtOrderPolicy policy;
  policy.within_debt = {DebtPartKind::principal, DebtPartKind::principal, DebtPartKind::fees};
  EXPECT_FALSE(apply_by_debt_order(eur(100), {}, kPaidOn, policy).ok());
}

TEST(DebtOrder, ConfigurationNamesReadBackAsTheSameOrder) {
  for (DebtCriterion criterion : DebtOrderPolicy{}.between_debts) {
    EXPECT_EQ(parse_debt_criterion(to_string(criterion)).value(), criterion);
  }
  for (DebtPartKind kind : DebtOrderPolicy{}.within_debt) {
    EXPECT_EQ(parse_debt_part_kind(to_string(kind)).value(), kind);
  }
  EXPECT_EQ(to_string(DebtCriterion::more_burdensome_first), "more_burdensome_first");
  EXPECT_EQ(to_string(DebtPartKind::fees), "fees");
}

TEST(DebtOrder, AnUnknownConfigurationNameSaysWhatWasExpected) {
  const Result<DebtCriterion> criterion = parse_debt_criterion("newest_first");
  ASSERT_FALSE(criterion.ok());
  EXPECT_THAT(criterion.error().message, ::testing::HasSubstr("due_first"));
  EXPECT_FALSE(parse_debt_part_kind("costs").ok());
}

TEST(DebtOrder, LargeAmountsSplitWithoutOverflow) {
  // 9e16 cents each: amount × total exceeds 64 bits inside the split.
  const std::int64_t huge = 90'000'000'000'000'000;
  const std::vector<Debt> debts{invoice("RE-1", day(2026, 1, 1), huge),
                                invoice("RE-2", day(2026, 1, 1), huge)};
  EXPECT_THAT(applied(apply_by_debt_order(eur(huge - 1), debts, kPaidOn, {})),
              ElementsAre("RE-1=45000000000000000", "RE-2=44999999999999999"));
}

// Generated customers: random debts with fees, interest and principal, random flags and dates,
// random payments. Whatever the order, the money must add up: every cent of the payment is
// either applied or left unapplied, no part gets more than is open, something is left
// unapplied only when every debt is paid, and the same input always gives the same cents.
TEST(DebtOrder, GeneratedPaymentsAlwaysAddUp) {
  std::mt19937 random(366);
  auto below = [&](int bound) { return std::uniform_int_distribution<int>(0, bound - 1)(random); };
  for (int round = 0; round < 300; ++round) {
    std::vector<Debt> debts;
    std::map<std::string, std::int64_t> open;
    std::int64_t total_open = 0;
    const int count = 1 + below(6);
    for (int d = 0; d < count; ++d) {
      Debt debt = invoice("RE-" + std::to_string(d), day(2026, 1 + below(6), 1 + below(28)),
                          1 + below(50000));
      debt.due_date = day(2026, 1 + below(12), 1);
      debt.in_default = below(2) == 0;
      debt.interest_bearing = below(2) == 0;
      if (below(2) == 0) {
        debt.parts.push_back(DebtPart{.item_number = "MG-" + std::to_string(d),
                                      .kind = DebtPartKind::fees,
                                      .open = eur(below(1000))});
      }
      if (below(2) == 0) {
        debt.parts.push_back(DebtPart{.item_number = "ZI-" + std::to_string(d),
                                      .kind = DebtPartKind::interest,
                                      .open = eur(below(3000))});
      }
      for (const DebtPart& part : debt.parts) {
        open[part.item_number] = part.open.minor_units();
        total_open += part.open.minor_units();
      }
      debts.push_back(std::move(debt));
    }
    const Money payment = eur(1 + below(static_cast<int>(total_open) + 5000));
    const Result<DebtSettlement> settlement = apply_by_debt_order(payment, debts, kPaidOn, {});
    ASSERT_TRUE(settlement.ok());
    std::int64_t applied_total = 0;
    std::map<std::string, std::int64_t> paid;
    for (const PartPayment& part : settlement->payments) {
      ASSERT_TRUE(part.amount.is_positive());
      paid[part.item_number] += part.amount.minor_units();
      applied_total += part.amount.minor_units();
    }
    for (const auto& [item, amount] : paid) ASSERT_LE(amount, open[item]) << item;
    ASSERT_EQ(applied_total + settlement->unapplied.minor_units(), payment.minor_units());
    if (!settlement->unapplied.is_zero()) {
      ASSERT_EQ(applied_total, total_open);
    }
    ASSERT_THAT(applied(apply_by_debt_order(payment, debts, kPaidOn, {})),
                ::testing::ElementsAreArray(applied(settlement)));
  }
}

}  // namespace
}  // namespace kontor::matching
