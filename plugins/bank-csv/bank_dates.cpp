#include "bank_dates.hpp"

#include <string>
#include <vector>

#include "text_values.hpp"

namespace kontor::plugins::bank_csv {
namespace {

int number(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

std::string expected(DateFormat format) {
  switch (format) {
    case DateFormat::dmy4:
      return "DD.MM.YYYY";
    case DateFormat::dmy2:
      return "DD.MM.YY";
    case DateFormat::iso:
      return "YYYY-MM-DD";
    case DateFormat::automatic:
      break;
  }
  return "DD.MM.YYYY, DD.MM.YY or YYYY-MM-DD";
}

Result<DateReading> calendar_day(int year, int month, int day, std::string_view text) {
  if (month < 1 || month > 12 || day < 1 || day > 31) {
    return Error{"'" + for_message(text) + "' is not a date: no month " + std::to_string(month) +
                 " or day " + std::to_string(day)};
  }
  DateReading reading;
  const int last = Date::days_in_month(year, month);
  if (day > last) {
    day = last;
    reading.clamped = true;
  }
  auto date = Date::from_ymd(year, month, day);
  if (!date)
    return Error{"'" + for_message(text) + "' is not a date: " + for_message(date.error().message)};
  reading.date = *date;
  return reading;
}

}  // namespace

bool looks_like_german_date(std::string_view text) {
  const std::vector<std::string_view> parts = split(trimmed(text), '.');
  return parts.size() == 3 && all_digits(parts[0]) && parts[0].size() <= 2 &&
         all_digits(parts[1]) && parts[1].size() <= 2 && all_digits(parts[2]) &&
         (parts[2].size() == 2 || parts[2].size() == 4);
}

Result<DateReading> read_date(std::string_view text, DateFormat format) {
  text = trimmed(text);
  const auto not_a_date = [&] {
    return Error{"'" + for_message(text) + "' is not a date (" + expected(format) + ")"};
  };
  if (text.find('-') != std::string_view::npos) {
    if (format != DateFormat::automatic && format != DateFormat::iso) return not_a_date();
    const std::vector<std::string_view> parts = split(text, '-');
    if (parts.size() != 3 || parts[0].size() != 4 || !all_digits(parts[0]) ||
        parts[1].size() != 2 || !all_digits(parts[1]) || parts[2].size() != 2 ||
        !all_digits(parts[2])) {
      return not_a_date();
    }
    return calendar_day(number(parts[0]), number(parts[1]), number(parts[2]), text);
  }
  if (format == DateFormat::iso || !looks_like_german_date(text)) return not_a_date();
  const std::vector<std::string_view> parts = split(text, '.');
  const std::size_t year_digits = parts[2].size();
  if ((format == DateFormat::dmy4 && year_digits != 4) ||
      (format == DateFormat::dmy2 && year_digits != 2)) {
    return not_a_date();
  }
  int year = number(parts[2]);
  if (year_digits == 2) year += year < 70 ? 2000 : 1900;
  return calendar_day(year, number(parts[1]), number(parts[0]), text);
}

}  // namespace kontor::plugins::bank_csv
