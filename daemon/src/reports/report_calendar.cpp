#include "reports/report_calendar.hpp"

#include <chrono>

#include "common/clock.hpp"

namespace kontor::reports {
namespace {

// Midnight at the start of `day` in `zone`.
Result<store::Instant> start_of(const Date& day, std::string_view zone) {
  Result<TimePoint> instant = parse_instant(day.to_iso(), zone);
  if (!instant) return instant.error();
  return store::Instant(instant->time_since_epoch());
}

}  // namespace

Result<store::ReportDay> report_day(const Date& day, std::string_view zone) {
  Result<Date> next = day.add_days(1);
  if (!next) return next.error();
  Result<store::Instant> ends = start_of(*next, zone);
  if (!ends) return ends.error();
  return store::ReportDay{.day = day, .ends = *ends};
}

Result<store::ReportPeriod> report_period(const Date& first, const Date& last,
                                          std::string_view zone) {
  if (last < first) {
    return Error{"the period ends (" + last.to_iso() + ") before it starts (" + first.to_iso() +
                 ")"};
  }
  Result<store::Instant> starts = start_of(first, zone);
  if (!starts) return starts.error();
  Result<store::ReportDay> end = report_day(last, zone);
  if (!end) return end.error();
  return store::ReportPeriod{.first = first, .last = last, .starts = *starts, .ends = end->ends};
}

Result<store::ReportPeriod> month_period(std::string_view month, std::string_view zone) {
  Result<Date> first = month.size() == 7 ? Date::parse_iso(std::string(month) + "-01")
                                         : Result<Date>(Error{"a month is YYYY-MM"});
  if (!first) return Error{"a month is YYYY-MM, not '" + std::string(month) + "'"};
  Result<Date> last = Date::from_ymd(first->year(), first->month(),
                                     Date::days_in_month(first->year(), first->month()));
  if (!last) return last.error();
  return report_period(*first, *last, zone);
}

std::int64_t days_in(const store::ReportPeriod& period) {
  return days_between(period.first, period.last) + 1;
}

}  // namespace kontor::reports
