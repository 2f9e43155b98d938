#include "render/local_format.hpp"

#include <fmt/format.h>

#include <array>

namespace kontor::render {

LocalStyle local_style(std::string_view language) {
  const bool german = language.substr(0, 2) == "de" &&
                      (language.size() == 2 || language[2] == '-' || language[2] == '_');
  return german ? LocalStyle::german : LocalStyle::english;
}

std::string format_amount(const Money& amount, LocalStyle style) {
  if (style == LocalStyle::german) {
    const std::string number = amount.format(Notation::german());
    if (amount.currency() == Currency::eur()) return number + " €";
    return fmt::format("{} {}", number, amount.currency().code());
  }
  return fmt::format("{} {}", amount.currency().code(), amount.format(Notation{'.', ','}));
}

std::string format_date(const Date& date, LocalStyle style) {
  if (style == LocalStyle::german) {
    return fmt::format("{:02}.{:02}.{:04}", date.day(), date.month(), date.year());
  }
  static constexpr std::array<std::string_view, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  return fmt::format("{} {} {}", date.day(), kMonths[static_cast<std::size_t>(date.month() - 1)],
                     date.year());
}

std::string format_percent(const Decimal& percent, LocalStyle style) {
  if (style == LocalStyle::german) return percent.to_string(Notation::comma()) + " %";
  return percent.to_string(Notation::point()) + "%";
}

}  // namespace kontor::render
