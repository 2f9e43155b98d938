#include "dunning/calendar.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>

namespace kontor::dunning {
namespace {

constexpr std::array<std::string_view, 16> kStates = {
    "BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"};

// "DE-BW" → "BW"; empty when the code names no German state.
std::string_view state_of(std::string_view region) {
  if (region.size() != 5 || region.substr(0, 3) != "DE-") return {};
  const std::string_view state = region.substr(3);
  return std::find(kStates.begin(), kStates.end(), state) != kStates.end() ? state
                                                                           : std::string_view{};
}

std::int64_t days_after_easter(const Date& day) {
  return day.days_since_epoch() - easter_sunday(day.year()).days_since_epoch();
}

bool is_month_day(const Date& day, int month, int day_of_month) {
  return day.month() == month && day.day() == day_of_month;
}

bool is_nationwide_holiday(const Date& day) {
  if (is_month_day(day, 1, 1) || is_month_day(day, 5, 1) || is_month_day(day, 10, 3) ||
      is_month_day(day, 12, 25) || is_month_day(day, 12, 26)) {
    return true;
  }
  // The 500th anniversary of the Reformation was a holiday in every state, once.
  if (day.year() == 2017 && is_month_day(day, 10, 31)) return true;
  const std::int64_t offset = days_after_easter(day);
  // Karfreitag, Ostermontag, Christi Himmelfahrt, Pfingstmontag.
  return offset == -2 || offset == 1 || offset == 39 || offset == 50;
}

// Buß- und Bettag: the Wednesday before 23 November, so between 16 and 22 November.
bool is_repentance_day(const Date& day) {
  return day.month() == 11 && day.day() >= 16 && day.day() <= 22 &&
         day.weekday() == Weekday::wednesday;
}

// The holidays a state's own law adds. Holidays kept only in some municipalities (Mariä
// Himmelfahrt in Bavaria's Catholic communes, Fronleichnam in parts of Saxony and Thuringia,
// the Augsburger Friedensfest) are left out: a state-wide calendar cannot know the commune. A
// company whose place of performance is such a commune adds the day as an extra day; otherwise a
// due date on it is not moved and default may begin a day early there.
bool is_state_holiday(std::string_view state, const Date& day) {
  const auto in = [state](std::initializer_list<std::string_view> states) {
    return std::find(states.begin(), states.end(), state) != states.end();
  };
  const int year = day.year();
  if (is_month_day(day, 1, 6)) return in({"BW", "BY", "ST"});  // Heilige Drei Könige
  if (is_month_day(day, 3, 8)) {                               // Internationaler Frauentag
    return (state == "BE" && year >= 2019) || (state == "MV" && year >= 2023);
  }
  // Berlin's one-off holidays for the 75th and 80th anniversary of the end of the war.
  if (is_month_day(day, 5, 8)) return state == "BE" && (year == 2020 || year == 2025);
  if (is_month_day(day, 8, 15)) return state == "SL";  // Mariä Himmelfahrt (see above for BY)
  if (is_month_day(day, 9, 20)) return state == "TH" && year >= 2019;  // Weltkindertag
  if (is_month_day(day, 10, 31)) {                                     // Reformationstag
    return in({"BB", "MV", "SN", "ST", "TH"}) || (in({"HB", "HH", "NI", "SH"}) && year >= 2018);
  }
  if (is_month_day(day, 11, 1)) return in({"BW", "BY", "NW", "RP", "SL"});  // Allerheiligen
  if (is_repentance_day(day)) return state == "SN";
  if (days_after_easter(day) == 60)
    return in({"BW", "BY", "HE", "NW", "RP", "SL"});  // Fronleichnam
  return false;
}

Date next_day(const Date& day) {
  return day.add_days(1).value();
}

}  // namespace

Result<HolidayCalendar> HolidayCalendar::make(std::string_view region,
                                              std::vector<Date> extra_days) {
  if (!region.empty() && state_of(region).empty()) {
    return Error{"unknown holiday region \"" + std::string(region) +
                 "\": expected the ISO 3166-2 code of a German state, e.g. DE-BW, DE-NW"};
  }
  std::sort(extra_days.begin(), extra_days.end());
  extra_days.erase(std::unique(extra_days.begin(), extra_days.end()), extra_days.end());
  HolidayCalendar calendar;
  calendar.region_ = std::string(region);
  calendar.extra_days_ = std::move(extra_days);
  return calendar;
}

bool HolidayCalendar::is_public_holiday(const Date& day) const {
  if (is_nationwide_holiday(day)) return true;
  if (!region_.empty() && is_state_holiday(state_of(region_), day)) return true;
  return std::binary_search(extra_days_.begin(), extra_days_.end(), day);
}

bool HolidayCalendar::is_working_day(const Date& day) const {
  return !day.is_weekend() && !is_public_holiday(day);
}

Date HolidayCalendar::working_day_from(const Date& day) const {
  Date candidate = day;
  while (!is_working_day(candidate)) candidate = next_day(candidate);
  return candidate;
}

// The anonymous Gregorian algorithm (Meeus, Jones, Butcher).
Date easter_sunday(int year) {
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return Date::from_ymd(year, month, day).value();
}

bool is_target2_business_day(const Date& day) {
  if (day.is_weekend()) return false;
  if (is_month_day(day, 1, 1) || is_month_day(day, 5, 1) || is_month_day(day, 12, 25) ||
      is_month_day(day, 12, 26)) {
    return false;
  }
  const std::int64_t offset = days_after_easter(day);
  return offset != -2 && offset != 1;
}

int target2_business_days_after(const Date& from, const Date& to) {
  int count = 0;
  for (Date day = from; day < to;) {
    day = next_day(day);
    if (is_target2_business_day(day)) ++count;
  }
  return count;
}

}  // namespace kontor::dunning
