// Tests: Easter, the holidays nationwide and per state, §193 BGB's next working day, TARGET2.

#include "dunning/calendar.hpp"

#include <gtest/gtest.h>

namespace kontor::dunning {
namespace {

Date day(int year, int month, int day_of_month) {
  return Date::from_ymd(year, month, day_of_month).value();
}

HolidayCalendar calendar(std::string_view region = "", std::vector<Date> extra_days = {}) {
  return HolidayCalendar::make(region, std::move(extra_days)).value();
}

TEST(Easter, GregorianComputusGivesKnownEasterSundays) {
  EXPECT_EQ(easter_sunday(2024), day(2024, 3, 31));
  EXPECT_EQ(easter_sunday(2025), day(2025, 4, 20));
  EXPECT_EQ(easter_sunday(2026), day(2026, 4, 5));
  EXPECT_EQ(easter_sunday(2000), day(2000, 4, 23));
  EXPECT_EQ(easter_sunday(2038), day(2038, 4, 25));  // the latest possible date
  EXPECT_EQ(easter_sunday(2285), day(2285, 3, 22));  // the earliest possible date
}

TEST(HolidayCalendar, NationwideHolidaysOf2026) {
  const HolidayCalendar nationwide = calendar();
  // Easter 2026 is 5 April: Karfreitag −2, Ostermontag +1, Christi Himmelfahrt +39
  // (5 April + 25 = 30 April, + 14 = 14 May), Pfingstmontag +50 (25 May).
  for (const Date& holiday :
       {day(2026, 1, 1), day(2026, 4, 3), day(2026, 4, 6), day(2026, 5, 1), day(2026, 5, 14),
        day(2026, 5, 25), day(2026, 10, 3), day(2026, 12, 25), day(2026, 12, 26)}) {
    EXPECT_TRUE(nationwide.is_public_holiday(holiday)) << holiday.to_iso();
  }
  for (const Date& ordinary : {day(2026, 4, 5), day(2026, 4, 7), day(2026, 12, 24),
                               day(2026, 12, 31), day(2026, 1, 6), day(2026, 11, 1)}) {
    EXPECT_FALSE(nationwide.is_public_holiday(ordinary)) << ordinary.to_iso();
  }
}

TEST(HolidayCalendar, ReformationDay2017WasAHolidayEverywhere) {
  EXPECT_TRUE(calendar().is_public_holiday(day(2017, 10, 31)));
  EXPECT_FALSE(calendar().is_public_holiday(day(2016, 10, 31)));
}

TEST(HolidayCalendar, EpiphanyOnlyInBadenWuerttembergBavariaSaxonyAnhalt) {
  EXPECT_TRUE(calendar("DE-BW").is_public_holiday(day(2026, 1, 6)));
  EXPECT_TRUE(calendar("DE-BY").is_public_holiday(day(2026, 1, 6)));
  EXPECT_TRUE(calendar("DE-ST").is_public_holiday(day(2026, 1, 6)));
  EXPECT_FALSE(calendar("DE-NW").is_public_holiday(day(2026, 1, 6)));
}

TEST(HolidayCalendar, CorpusChristiIsSixtyDaysAfterEasterInTheCatholicStates) {
  // 5 April 2026 + 60 = 4 June 2026, a Thursday.
  EXPECT_TRUE(calendar("DE-NW").is_public_holiday(day(2026, 6, 4)));
  EXPECT_TRUE(calendar("DE-HE").is_public_holiday(day(2026, 6, 4)));
  EXPECT_FALSE(calendar("DE-NI").is_public_holiday(day(2026, 6, 4)));
  EXPECT_FALSE(calendar().is_public_holiday(day(2026, 6, 4)));
}

TEST(HolidayCalendar, WomensDayInBerlinSince2019AndMecklenburgSince2023) {
  EXPECT_TRUE(calendar("DE-BE").is_public_holiday(day(2019, 3, 8)));
  EXPECT_FALSE(calendar("DE-BE").is_public_holiday(day(2018, 3, 8)));
  EXPECT_TRUE(calendar("DE-MV").is_public_holiday(day(2023, 3, 8)));
  EXPECT_FALSE(calendar("DE-MV").is_public_holiday(day(2022, 3, 8)));
  EXPECT_FALSE(calendar("DE-BB").is_public_holiday(day(2023, 3, 8)));
}

TEST(HolidayCalendar, ChildrensDayInThuringiaSince2019) {
  EXPECT_TRUE(calendar("DE-TH").is_public_holiday(day(2019, 9, 20)));
  EXPECT_FALSE(calendar("DE-TH").is_public_holiday(day(2018, 9, 20)));
  EXPECT_FALSE(calendar("DE-SN").is_public_holiday(day(2019, 9, 20)));
}

TEST(HolidayCalendar, ReformationDayInTheNorthernStatesSince2018) {
  EXPECT_TRUE(calendar("DE-SN").is_public_holiday(day(2016, 10, 31)));
  EXPECT_TRUE(calendar("DE-NI").is_public_holiday(day(2018, 10, 31)));
  EXPECT_FALSE(calendar("DE-NI").is_public_holiday(day(2016, 10, 31)));
  EXPECT_TRUE(calendar("DE-HH").is_public_holiday(day(2026, 10, 31)));
  EXPECT_FALSE(calendar("DE-BW").is_public_holiday(day(2026, 10, 31)));
}

TEST(HolidayCalendar, AllSaintsAndAssumptionDay) {
  EXPECT_TRUE(calendar("DE-RP").is_public_holiday(day(2026, 11, 1)));
  EXPECT_FALSE(calendar("DE-BE").is_public_holiday(day(2026, 11, 1)));
  EXPECT_TRUE(calendar("DE-SL").is_public_holiday(day(2026, 8, 15)));
  // Bavaria keeps Mariä Himmelfahrt only in its Catholic communes: not state-wide.
  EXPECT_FALSE(calendar("DE-BY").is_public_holiday(day(2026, 8, 15)));
}

TEST(HolidayCalendar, RepentanceDayIsTheWednesdayBefore23NovemberInSaxony) {
  // 22 November 2026 is a Sunday, so the Wednesday before is the 18th.
  EXPECT_TRUE(calendar("DE-SN").is_public_holiday(day(2026, 11, 18)));
  // 22 November 2023 was itself a Wednesday.
  EXPECT_TRUE(calendar("DE-SN").is_public_holiday(day(2023, 11, 22)));
  EXPECT_FALSE(calendar("DE-SN").is_public_holiday(day(2023, 11, 15)));
  EXPECT_FALSE(calendar("DE-BY").is_public_holiday(day(2026, 11, 18)));
}

TEST(HolidayCalendar, UnknownRegionIsRefused) {
  EXPECT_FALSE(HolidayCalendar::make("DE-XX", {}).ok());
  EXPECT_FALSE(HolidayCalendar::make("BY", {}).ok());
  EXPECT_FALSE(HolidayCalendar::make("de-by", {}).ok());
  const Result<HolidayCalendar> bavaria = HolidayCalendar::make("DE-BY", {});
  ASSERT_TRUE(bavaria.ok());
  EXPECT_EQ(bavaria->region(), "DE-BY");
}

TEST(HolidayCalendar, ExtraDaysAreHolidays) {
  const HolidayCalendar closed_on_christmas_eve =
      calendar("", {day(2026, 12, 31), day(2026, 12, 24)});
  EXPECT_TRUE(closed_on_christmas_eve.is_public_holiday(day(2026, 12, 24)));
  EXPECT_TRUE(closed_on_christmas_eve.is_public_holiday(day(2026, 12, 31)));
  EXPECT_FALSE(closed_on_christmas_eve.is_public_holiday(day(2026, 12, 30)));
}

TEST(WorkingDay, DueOnSaturdayMovesToMonday) {
  // 7 March 2026 is a Saturday.
  EXPECT_EQ(calendar().working_day_from(day(2026, 3, 7)), day(2026, 3, 9));
  EXPECT_EQ(calendar().working_day_from(day(2026, 3, 8)), day(2026, 3, 9));
}

TEST(WorkingDay, AWorkingDayStaysItself) {
  EXPECT_TRUE(calendar().is_working_day(day(2026, 3, 11)));
  EXPECT_EQ(calendar().working_day_from(day(2026, 3, 11)), day(2026, 3, 11));
}

TEST(WorkingDay, DueOnGoodFridayMovesToTheTuesdayAfterEasterMonday) {
  // Karfreitag 3 April 2026, then Saturday, Easter Sunday, Easter Monday 6 April.
  EXPECT_EQ(calendar().working_day_from(day(2026, 4, 3)), day(2026, 4, 7));
}

TEST(WorkingDay, GermanUnityDayOnSaturdayMovesToMonday) {
  EXPECT_EQ(calendar().working_day_from(day(2026, 10, 3)), day(2026, 10, 5));
}

TEST(WorkingDay, ExtraDayBeforeChristmasMovesPastTheWeekend) {
  // 24 December 2026 (Thursday, extra), 25 and 26 (holidays), 27 (Sunday): Monday the 28th.
  EXPECT_EQ(calendar().working_day_from(day(2026, 12, 24)), day(2026, 12, 24));
  EXPECT_EQ(calendar("", {day(2026, 12, 24)}).working_day_from(day(2026, 12, 24)),
            day(2026, 12, 28));
}

TEST(WorkingDay, StateHolidayMovesTheDueDateOnlyInThatState) {
  // Allerheiligen, Monday 1 November 2027.
  EXPECT_EQ(calendar("DE-BY").working_day_from(day(2027, 11, 1)), day(2027, 11, 2));
  EXPECT_EQ(calendar("DE-HH").working_day_from(day(2027, 11, 1)), day(2027, 11, 1));
}

TEST(Target2, ClosedOnItsHolidaysOpenOnOtherGermanHolidays) {
  EXPECT_FALSE(is_target2_business_day(day(2026, 1, 1)));
  EXPECT_FALSE(is_target2_business_day(day(2026, 4, 3)));  // Good Friday
  EXPECT_FALSE(is_target2_business_day(day(2026, 4, 6)));  // Easter Monday
  EXPECT_FALSE(is_target2_business_day(day(2026, 5, 1)));
  EXPECT_FALSE(is_target2_business_day(day(2026, 12, 25)));
  EXPECT_FALSE(is_target2_business_day(day(2026, 12, 26)));
  EXPECT_FALSE(is_target2_business_day(day(2026, 3, 7)));  // Saturday
  EXPECT_TRUE(is_target2_business_day(day(2026, 5, 14)));  // Christi Himmelfahrt
  EXPECT_TRUE(is_target2_business_day(day(2026, 10, 5)));
  EXPECT_TRUE(is_target2_business_day(day(2026, 12, 24)));
}

TEST(Target2, BusinessDaysAcrossChristmasAndNewYear) {
  // After Tuesday 23 December 2025: 24 (Wed) counts; 25, 26 closed; 27, 28 weekend; 29, 30, 31
  // count; 1 January closed; Friday 2 January counts: 5.
  EXPECT_EQ(target2_business_days_after(day(2025, 12, 23), day(2026, 1, 2)), 5);
}

TEST(Target2, BusinessDaysAcrossEaster) {
  // After Thursday 2 April 2026: Good Friday closed, weekend, Easter Monday closed, Tuesday 7th.
  EXPECT_EQ(target2_business_days_after(day(2026, 4, 2), day(2026, 4, 7)), 1);
  EXPECT_EQ(target2_business_days_after(day(2026, 4, 2), day(2026, 4, 6)), 0);
}

TEST(Target2, NoBusinessDaysWhenToIsNotAfterFrom) {
  EXPECT_EQ(target2_business_days_after(day(2026, 3, 11), day(2026, 3, 11)), 0);
  EXPECT_EQ(target2_business_days_after(day(2026, 3, 11), day(2026, 3, 2)), 0);
}

}  // namespace
}  // namespace kontor::dunning
