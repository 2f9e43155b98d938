// The days and periods a report stands at, in the company's calendar: a report "as of
// 2026-11-30" means the end of that day in the company's time zone, whatever the server's zone
// is, so the same question gives the same answer wherever and whenever it is asked.
#pragma once

#include <string_view>

#include "kontor/model/date.hpp"
#include "kontor/result.hpp"
#include "store/store.hpp"

namespace kontor::reports {

// The end of `day` in `zone` (IANA name): the first instant of the next day there.
Result<store::ReportDay> report_day(const Date& day, std::string_view zone);

// `first`..`last` (inclusive) in `zone`; an error when `last` is before `first`.
Result<store::ReportPeriod> report_period(const Date& first, const Date& last,
                                          std::string_view zone);

// "YYYY-MM": that calendar month.
Result<store::ReportPeriod> month_period(std::string_view month, std::string_view zone);

// The period's length in days (inclusive): 30 for November.
std::int64_t days_in(const store::ReportPeriod& period);

}  // namespace kontor::reports
