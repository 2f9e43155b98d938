#include "scheduler/cron_expression.hpp"

#include <fmt/format.h>

#include <array>
#include <bit>
#include <optional>
#include <vector>

namespace kontor::scheduler {
namespace {

constexpr std::array<std::string_view, 12> kMonthNames = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                                          "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
constexpr std::array<std::string_view, 7> kWeekdayNames = {"SUN", "MON", "TUE", "WED",
                                                           "THU", "FRI", "SAT"};
// The longest each month can be (February in a leap year).
constexpr std::array<std::string_view, 13> kMonthFullNames = {
    "",     "January", "February",  "March",   "April",    "May",     "June",
    "July", "August",  "September", "October", "November", "December"};
constexpr std::array<int, 13> kLongestMonth = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

struct FieldRule {
  std::string_view name;
  int min;
  int max;
  std::string_view expected;      // what a value of this field looks like, for messages
  const std::string_view* names;  // accepted names, or nullptr
  int name_count;
  int first_name_value;  // the value of names[0]
  bool allows_last;
};

constexpr FieldRule kMinute{"minute", 0, 59, "a number from 0 to 59", nullptr, 0, 0, false};
constexpr FieldRule kHour{"hour", 0, 23, "a number from 0 to 23", nullptr, 0, 0, false};
constexpr FieldRule kDayOfMonth{"day of month", 1, 31, "a number from 1 to 31 or L",
                                nullptr,        0, 0,  true};
constexpr FieldRule kMonth{
    "month", 1, 12, "a number from 1 to 12 or a name JAN-DEC", kMonthNames.data(), 12, 1, false};
constexpr FieldRule kDayOfWeek{"day of week",        0, 7, "a number from 0 to 7 or a name SUN-SAT",
                               kWeekdayNames.data(), 7, 0, false};

struct ParsedField {
  std::uint64_t bits = 0;  // bit v for value v
  bool starts_with_star = false;
  bool last_day = false;
};

bool is_space(char c) {
  return c == ' ' || c == '\t';
}

char upper(char c) {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

bool is_letter(char c) {
  return (upper(c) >= 'A' && upper(c) <= 'Z');
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Reads one field, [begin, end) of the expression; offsets in errors are into the whole text.
class FieldReader {
 public:
  FieldReader(const FieldRule& rule, std::string_view text, std::size_t begin, std::size_t end)
      : rule_(rule), text_(text), at_(begin), end_(end) {}

  Result<ParsedField> read() {
    ParsedField field;
    field.starts_with_star = text_[at_] == '*';
    while (true) {
      if (auto problem = element(field)) return *problem;
      if (at_ == end_) return field;
      if (text_[at_] != ',') {
        return fail(at_, "',' between values or the end of the field", rest(at_));
      }
      ++at_;
    }
  }

 private:
  std::optional<Error> element(ParsedField& field) {
    const std::size_t start = at_;
    int low = rule_.min, high = rule_.max;
    bool range = false;
    if (peek() == '*') {
      ++at_;
      range = true;
    } else if (rule_.allows_last && upper(peek()) == 'L' && !is_letter(peek(1))) {
      ++at_;
      field.last_day = true;
      return std::nullopt;
    } else {
      auto first = value();
      if (!first) return first.error();
      low = high = *first;
      if (peek() == '-') {
        ++at_;
        auto last = value();
        if (!last) return last.error();
        high = *last;
        range = true;
        if (low > high) {
          return fail(start, "a range from low to high such as 1-5", element_text(start));
        }
      }
    }
    int step = 1;
    if (peek() == '/') {
      if (!range) {
        return fail(start, "'*' or a range before a step ('*/n' or 'a-b/n')", element_text(start));
      }
      ++at_;
      const std::size_t step_start = at_;
      auto n = number();
      const int span = rule_.max - rule_.min + 1;
      if (!n || *n < 1 || *n > span) {
        return fail(step_start, fmt::format("a step from 1 to {} after '/'", span),
                    token(step_start));
      }
      step = *n;
    }
    for (int v = low; v <= high; v += step) field.bits |= std::uint64_t{1} << v;
    return std::nullopt;
  }

  Result<int> value() {
    const std::size_t start = at_;
    if (is_digit(peek())) {
      auto n = number();
      if (n && *n >= rule_.min && *n <= rule_.max) return *n;
    } else if (rule_.names != nullptr && is_letter(peek())) {
      while (is_letter(peek())) ++at_;
      const std::string_view word = text_.substr(start, at_ - start);
      for (int i = 0; i < rule_.name_count; ++i) {
        const std::string_view name = rule_.names[i];
        if (word.size() == name.size() &&
            std::equal(word.begin(), word.end(), name.begin(),
                       [](char a, char b) { return upper(a) == b; })) {
          return rule_.first_name_value + i;
        }
      }
    }
    return fail(start, std::string(rule_.expected), token(start));
  }

  // A decimal number; more than three digits is never valid and reads as out of range.
  std::optional<int> number() {
    const std::size_t start = at_;
    int n = 0;
    while (is_digit(peek())) {
      if (at_ - start < 4) n = n * 10 + (peek() - '0');
      ++at_;
    }
    const std::size_t digits = at_ - start;
    if (digits == 0) return std::nullopt;
    return digits > 3 ? 1000 : n;
  }

  char peek(std::size_t ahead = 0) const { return at_ + ahead < end_ ? text_[at_ + ahead] : '\0'; }

  // The value that starts at `from`, up to the next ',', '-' or '/'.
  std::string token(std::size_t from) const {
    std::size_t to = from;
    while (to < end_ && text_[to] != ',' &&
           (to == from || (text_[to] != '-' && text_[to] != '/'))) {
      ++to;
    }
    return quote(text_.substr(from, to - from));
  }
  // The list element that starts at `from`, up to the next ','.
  std::string element_text(std::size_t from) const {
    std::size_t to = from;
    while (to < end_ && text_[to] != ',') ++to;
    return quote(text_.substr(from, to - from));
  }
  std::string rest(std::size_t from) const { return quote(text_.substr(from, end_ - from)); }

  static std::string quote(std::string_view text) {
    if (text.empty()) return "nothing";
    return "'" + std::string(text.substr(0, 20)) + (text.size() > 20 ? "...'" : "'");
  }

  Error fail(std::size_t offset, const std::string& expected, const std::string& found) const {
    return Error{fmt::format("{}: expected {}, found {}", rule_.name, expected, found),
                 static_cast<std::int64_t>(offset)};
  }

  const FieldRule& rule_;
  std::string_view text_;
  std::size_t at_;
  std::size_t end_;
};

struct FieldSpan {
  std::size_t begin;
  std::size_t end;
};

std::vector<FieldSpan> split_fields(std::string_view text) {
  std::vector<FieldSpan> fields;
  std::size_t at = 0;
  while (true) {
    while (at < text.size() && is_space(text[at])) ++at;
    if (at == text.size()) return fields;
    const std::size_t begin = at;
    while (at < text.size() && !is_space(text[at])) ++at;
    fields.push_back({begin, at});
  }
}

// Under the AND rule a day of month that no selected month has can never match: refuse it now
// rather than search for it forever.
std::optional<Error> check_day_can_occur(const CronFields& fields, std::string_view text,
                                         FieldSpan day_field) {
  if (fields.any_day_of_month || !fields.any_day_of_week || fields.last_day) return std::nullopt;
  const int first_day = std::countr_zero(fields.days);
  int longest = 0, longest_month = 0;
  for (int month = 1; month <= 12; ++month) {
    if ((fields.months >> month & 1U) == 0) continue;
    if (first_day <= kLongestMonth[month]) return std::nullopt;
    if (kLongestMonth[month] > longest) {
      longest = kLongestMonth[month];
      longest_month = month;
    }
  }
  const std::string_view written = text.substr(day_field.begin, day_field.end - day_field.begin);
  return Error{fmt::format("day of month: expected a day that occurs in the selected months "
                           "({} has at most {} days), found '{}'",
                           kMonthFullNames[longest_month], longest, written),
               static_cast<std::int64_t>(day_field.begin)};
}

}  // namespace

Result<CronExpression> CronExpression::parse(std::string_view text) {
  const std::vector<FieldSpan> spans = split_fields(text);
  if (spans.size() != 5) {
    // Too many: the first one too many; too few: the expression as a whole.
    const std::size_t at = spans.size() > 5 ? spans[5].begin : 0;
    return Error{fmt::format("expected 5 fields (minute hour day-of-month month day-of-week), "
                             "found {} in '{}'",
                             spans.size(), text),
                 static_cast<std::int64_t>(at)};
  }
  const FieldRule* rules[] = {&kMinute, &kHour, &kDayOfMonth, &kMonth, &kDayOfWeek};
  ParsedField parsed[5];
  for (int i = 0; i < 5; ++i) {
    auto field = FieldReader(*rules[i], text, spans[i].begin, spans[i].end).read();
    if (!field) return field.error();
    parsed[i] = *field;
  }
  CronFields fields;
  fields.minutes = parsed[0].bits;
  fields.hours = static_cast<std::uint32_t>(parsed[1].bits);
  fields.days = static_cast<std::uint32_t>(parsed[2].bits);
  fields.last_day = parsed[2].last_day;
  fields.months = static_cast<std::uint16_t>(parsed[3].bits);
  // 7 is another name for Sunday.
  fields.weekdays = static_cast<std::uint8_t>((parsed[4].bits | parsed[4].bits >> 7) & 0x7F);
  fields.any_day_of_month = parsed[2].starts_with_star;
  fields.any_day_of_week = parsed[4].starts_with_star;
  if (auto impossible = check_day_can_occur(fields, text, spans[2])) return *impossible;
  return CronExpression(std::string(text), fields);
}

std::uint32_t CronExpression::matching_days(date::year_month month) const {
  if ((fields_.months >> static_cast<unsigned>(month.month()) & 1U) == 0) return 0;
  const unsigned length = static_cast<unsigned>((month / date::last).day());
  const auto in_month =
      static_cast<std::uint32_t>(((std::uint64_t{1} << (length + 1)) - 1) & ~std::uint64_t{1});
  std::uint32_t by_day = fields_.days;
  if (fields_.last_day) by_day |= std::uint32_t{1} << length;
  // Day d falls on weekday (first + d - 1) % 7: rotate the weekday set to start at the 1st and
  // repeat it for five weeks.
  const unsigned first = date::weekday(date::sys_days(month / 1)).c_encoding();
  const std::uint32_t week =
      ((fields_.weekdays >> first) | (fields_.weekdays << (7 - first))) & 0x7FU;
  const std::uint32_t by_weekday = (week | week << 7 | week << 14 | week << 21 | week << 28) << 1;
  const bool either = !fields_.any_day_of_month && !fields_.any_day_of_week;
  return (either ? (by_day | by_weekday) : (by_day & by_weekday)) & in_month;
}

bool CronExpression::matches_day(date::year_month_day day) const {
  return (matching_days(day.year() / day.month()) >> static_cast<unsigned>(day.day()) & 1U) != 0;
}

bool CronExpression::matches(date::local_time<std::chrono::minutes> minute) const {
  const auto day = date::floor<date::days>(minute);
  const auto time = date::make_time(minute - day);
  return (fields_.hours >> time.hours().count() & 1U) != 0 &&
         (fields_.minutes >> time.minutes().count() & 1U) != 0 &&
         matches_day(date::year_month_day(day));
}

}  // namespace kontor::scheduler
