// Calendars the law of default counts in: the working days of §193 BGB (no Saturday, Sunday or
// public holiday at the place of performance) and the TARGET2 business days on which banks
// book SEPA payments (how old a bank statement may be before dunning on it is unsafe).
//
// Public holidays are Germany's nationwide ones, plus those of one federal state when a region
// is configured, plus any dates the company adds (e.g. 24 and 31 December when its bank is
// closed). Easter is computed (Gregorian computus), so every year is covered.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kontor/model/date.hpp"
#include "kontor/result.hpp"

namespace kontor::dunning {

class HolidayCalendar {
 public:
  // `region`: empty for the nationwide holidays only, or an ISO 3166-2 code of a German state
  // ("DE-BW", "DE-BY", "DE-NW", ...) that adds that state's holidays. Unknown codes are an error.
  static Result<HolidayCalendar> make(std::string_view region, std::vector<Date> extra_days);

  bool is_public_holiday(const Date& day) const;
  // Neither Saturday, Sunday nor a public holiday.
  bool is_working_day(const Date& day) const;
  // §193 BGB: `day` itself when it is a working day, else the next working day.
  Date working_day_from(const Date& day) const;

  const std::string& region() const { return region_; }

 private:
  std::string region_;
  std::vector<Date> extra_days_;  // sorted
};

Date easter_sunday(int year);

// TARGET2 is closed on Saturdays, Sundays, 1 January, Good Friday, Easter Monday, 1 May,
// 25 and 26 December.
bool is_target2_business_day(const Date& day);
// How many TARGET2 business days lie after `from` up to and including `to` (0 when to <= from).
int target2_business_days_after(const Date& from, const Date& to);

}  // namespace kontor::dunning
