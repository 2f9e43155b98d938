#include "statements/statement_period.hpp"

#include <fmt/format.h>

namespace kontor::statements {
namespace {

StatementPeriod month_of(int year, int month) {
  return StatementPeriod{.first = *Date::from_ymd(year, month, 1),
                         .last = *Date::from_ymd(year, month, Date::days_in_month(year, month))};
}

bool digits(std::string_view text) {
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

Result<StatementPeriod> StatementPeriod::parse(std::string_view text) {
  const std::string expected =
      fmt::format("period '{}': expected a month as YYYY-MM, e.g. 2026-10", text);
  if (text.size() != 7 || text[4] != '-' || !digits(text.substr(0, 4)) ||
      !digits(text.substr(5, 2))) {
    return Error{expected};
  }
  const int year = std::stoi(std::string(text.substr(0, 4)));
  const int month = std::stoi(std::string(text.substr(5, 2)));
  if (year < 1900 || month < 1 || month > 12) return Error{expected};
  return month_of(year, month);
}

StatementPeriod StatementPeriod::month_before(const Date& today) {
  return today.month() == 1 ? month_of(today.year() - 1, 12)
                            : month_of(today.year(), today.month() - 1);
}

std::string StatementPeriod::text() const {
  return fmt::format("{:04}-{:02}", first.year(), first.month());
}

}  // namespace kontor::statements
