#include "scheduler/next_run.hpp"

#include <bit>

namespace kontor::scheduler {
namespace {

using date::days;
using date::local_days;
using std::chrono::hours;
using std::chrono::minutes;
using LocalMinute = date::local_time<minutes>;

// Bits at positions >= from.
template <typename Bits>
Bits from_bit(Bits bits, unsigned from) {
  if (from >= sizeof(Bits) * 8) return 0;
  return static_cast<Bits>(bits & ~((Bits{1} << from) - 1));
}

// The first wall-clock minute at or after `from` that matches, searching up to `limit`.
std::optional<LocalMinute> next_matching_minute(const CronExpression& expression, LocalMinute from,
                                                local_days limit) {
  const CronFields& f = expression.fields();
  local_days day = date::floor<days>(from);
  auto time = date::make_time(from - day);
  unsigned hour = static_cast<unsigned>(time.hours().count());
  unsigned minute = static_cast<unsigned>(time.minutes().count());
  while (day < limit) {
    const date::year_month_day date(day);
    const std::uint32_t today_on = from_bit(expression.matching_days(date.year() / date.month()),
                                            static_cast<unsigned>(date.day()));
    if (today_on == 0) {
      // Nothing left this month: go to the first day of the next month that has one.
      const auto next_month = date.year() / date.month() + date::months(1);
      const auto later = from_bit<std::uint16_t>(f.months, unsigned(next_month.month()));
      const auto wanted = static_cast<unsigned>(std::countr_zero(later != 0 ? later : f.months));
      date::year year = next_month.year();
      if (wanted < unsigned(next_month.month())) year += date::years(1);
      day = local_days(year / date::month(wanted) / 1);
      hour = minute = 0;
      continue;
    }
    const unsigned on = static_cast<unsigned>(std::countr_zero(today_on));
    if (on != static_cast<unsigned>(date.day())) {
      day += days(on - static_cast<unsigned>(date.day()));
      hour = minute = 0;
    }
    for (std::uint32_t hours_left = from_bit(f.hours, hour); hours_left != 0;
         hours_left &= hours_left - 1) {
      const unsigned h = static_cast<unsigned>(std::countr_zero(hours_left));
      const std::uint64_t minutes_left = from_bit(f.minutes, h == hour ? minute : 0U);
      if (minutes_left != 0) {
        return LocalMinute(day) + hours(h) + minutes(std::countr_zero(minutes_left));
      }
    }
    day += days(1);
    hour = minute = 0;
  }
  return std::nullopt;
}

LocalMinute first_minute_after(TimePoint after, const date::time_zone* zone) {
  return date::floor<minutes>(zone->to_local(after)) + minutes(1);
}

local_days search_limit(LocalMinute from) {
  const date::year_month_day start(date::floor<days>(from));
  return local_days((start.year() + date::years(kSearchYears)) / date::January / 1);
}

}  // namespace

TimePoint planned_instant(LocalMinute wall, const date::time_zone* zone) {
  const date::local_info info = zone->get_info(date::local_seconds(wall));
  if (info.result == date::local_info::nonexistent) {
    return TimePoint(info.first.end);  // the first instant after the gap
  }
  // unique, or ambiguous: `first` is the period before the transition, the first occurrence.
  return TimePoint(std::chrono::sys_seconds(wall.time_since_epoch() - info.first.offset));
}

std::optional<TimePoint> next_after(const CronExpression& expression, TimePoint after,
                                    const date::time_zone* zone) {
  LocalMinute from = first_minute_after(after, zone);
  const local_days limit = search_limit(from);
  // Inside a fold the first wall times after `after` may be planned at their first occurrence,
  // which has passed; the loop moves on to the next match.
  while (auto wall = next_matching_minute(expression, from, limit)) {
    const TimePoint planned = planned_instant(*wall, zone);
    if (planned > after) return planned;
    from = *wall + minutes(1);
  }
  return std::nullopt;
}

std::optional<TimePoint> next_after_minute_by_minute(const CronExpression& expression,
                                                     TimePoint after, const date::time_zone* zone) {
  const LocalMinute from = first_minute_after(after, zone);
  const LocalMinute limit(search_limit(from));
  for (LocalMinute wall = from; wall < limit; wall += minutes(1)) {
    if (!expression.matches(wall)) continue;
    const TimePoint planned = planned_instant(wall, zone);
    if (planned > after) return planned;
  }
  return std::nullopt;
}

}  // namespace kontor::scheduler
