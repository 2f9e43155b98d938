#include "common/clock.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <optional>

namespace kontor {
namespace {

class SystemClock final : public Clock {
 public:
  TimePoint now() const override {
    return std::chrono::time_point_cast<std::chrono::microseconds>(
        std::chrono::system_clock::now());
  }
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(TimePoint instant) : instant_(instant) {}
  TimePoint now() const override { return instant_; }

 private:
  TimePoint instant_;
};

}  // namespace

std::shared_ptr<Clock> system_clock() {
  return std::make_shared<SystemClock>();
}
std::shared_ptr<Clock> fixed_clock(TimePoint instant) {
  return std::make_shared<FixedClock>(instant);
}

Result<TimePoint> parse_instant(std::string_view text, std::string_view zone) {
  const std::string input(text);
  const Error malformed{"expected an ISO 8601 time such as 2026-11-28T09:30:00+01:00, found '" +
                        input + "'"};
  // Fixed-width fields: YYYY-MM-DD[THH:MM[:SS]][Z|+HH:MM|-HH:MM]
  std::size_t at = 0;
  auto number = [&](std::size_t width) -> std::optional<int> {
    if (at + width > text.size()) return std::nullopt;
    int value = 0;
    for (std::size_t i = 0; i < width; ++i) {
      const char c = text[at + i];
      if (c < '0' || c > '9') return std::nullopt;
      value = value * 10 + (c - '0');
    }
    at += width;
    return value;
  };
  auto literal = [&](char c) {
    if (at < text.size() && text[at] == c) {
      ++at;
      return true;
    }
    return false;
  };
  const auto year = number(4);
  if (!year || !literal('-')) return malformed;
  const auto month = number(2);
  if (!month || !literal('-')) return malformed;
  const auto day_of_month = number(2);
  if (!day_of_month) return malformed;
  int hour = 0, minute = 0, second = 0;
  if (literal('T')) {
    const auto h = number(2);
    if (!h || !literal(':')) return malformed;
    const auto m = number(2);
    if (!m) return malformed;
    hour = *h;
    minute = *m;
    if (literal(':')) {
      const auto s = number(2);
      if (!s) return malformed;
      second = *s;
    }
  }
  std::optional<std::chrono::minutes> offset;
  if (literal('Z')) {
    offset = std::chrono::minutes(0);
  } else if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
    const bool negative = text[at] == '-';
    ++at;
    const auto h = number(2);
    if (!h || !literal(':')) return malformed;
    const auto m = number(2);
    if (!m) return malformed;
    offset = std::chrono::hours(*h) + std::chrono::minutes(*m);
    if (negative) offset = -*offset;
  }
  if (at != text.size()) return malformed;

  const date::year_month_day day{date::year{*year}, date::month{unsigned(*month)},
                                 date::day{unsigned(*day_of_month)}};
  if (!day.ok()) return Error{"'" + input + "' is not a calendar date"};
  if (hour > 23 || minute > 59 || second > 59) {
    return Error{"'" + input + "' is not a time of day"};
  }
  const auto local = date::local_days{day} + std::chrono::hours(hour) +
                     std::chrono::minutes(minute) + std::chrono::seconds(second);
  std::chrono::sys_seconds utc;
  if (offset) {
    utc = std::chrono::sys_seconds{local.time_since_epoch()} - *offset;
  } else {
    try {
      const auto* tz = date::locate_zone(std::string(zone));
      // A time in a DST gap or fold is read as the earliest matching instant.
      utc = tz->to_sys(local, date::choose::earliest);
    } catch (const std::exception& e) {
      return Error{"cannot read '" + input + "' in time zone '" + std::string(zone) +
                   "': " + e.what()};
    }
  }
  return std::chrono::time_point_cast<std::chrono::microseconds>(utc);
}

std::string format_instant(TimePoint instant) {
  return date::format("%FT%TZ", std::chrono::time_point_cast<std::chrono::seconds>(instant));
}

Result<Date> local_date(TimePoint instant, std::string_view zone) {
  try {
    const auto* tz = date::locate_zone(std::string(zone));
    const auto local = tz->to_local(instant);
    const date::year_month_day day{date::floor<date::days>(local)};
    return Date::from_ymd(int(day.year()), int(unsigned(day.month())), int(unsigned(day.day())));
  } catch (const std::exception& e) {
    return Error{"cannot tell the day in time zone '" + std::string(zone) + "': " + e.what()};
  }
}

}  // namespace kontor
