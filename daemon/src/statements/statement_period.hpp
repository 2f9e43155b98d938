// StatementPeriod: the calendar month a statement of account covers ("2026-10"), from its
// first to its last day inclusive.
#pragma once

#include <string>
#include <string_view>

#include "kontor/model/date.hpp"
#include "kontor/result.hpp"

namespace kontor::statements {

struct StatementPeriod {
  Date first;
  Date last;

  // "2026-10": four digits, a hyphen, two digits; anything else is an error saying so.
  static Result<StatementPeriod> parse(std::string_view text);
  // The last whole month before `today`: what a statement run on the 1st (or any later day of
  // the month) covers.
  static StatementPeriod month_before(const Date& today);

  std::string text() const;  // "2026-10"

  bool operator==(const StatementPeriod&) const = default;
};

}  // namespace kontor::statements
