#include "config/value_checks.hpp"

#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "kontor/model/bic.hpp"
#include "kontor/model/decimal.hpp"
#include "kontor/model/iban.hpp"
#include "kontor/model/money.hpp"
#include "kontor/model/vat_id.hpp"

namespace kontor::config {

std::string check_name(const ConfigNode& name) {
  const std::string& text = name.text();
  auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  const bool ok =
      !text.empty() && text.size() <= 63 && lower_or_digit(text[0]) &&
      std::all_of(text.begin(), text.end(), [&](char c) { return lower_or_digit(c) || c == '-'; });
  if (ok) return {};
  return "a name uses only a-z, 0-9 and '-' (starting with a letter or digit), at most 63 "
         "characters";
}

std::string check_timezone(const ConfigNode& zone) {
  try {
    (void)date::locate_zone(zone.text());
    return {};
  } catch (const std::exception&) {
    return fmt::format("'{}' is not an IANA time zone such as Europe/Berlin", zone.text());
  }
}

std::string check_country(const ConfigNode& country) {
  const std::string& text = country.text();
  if (text.size() == 2 && std::isupper(static_cast<unsigned char>(text[0])) &&
      std::isupper(static_cast<unsigned char>(text[1]))) {
    return {};
  }
  return fmt::format("expected an ISO 3166 country code such as DE, found '{}'", country.text());
}

std::string check_iban(const ConfigNode& iban) {
  auto parsed = Iban::parse(iban.text());
  return parsed ? std::string() : parsed.error().message;
}

std::string check_bic(const ConfigNode& bic) {
  auto parsed = Bic::parse(bic.text());
  return parsed ? std::string() : parsed.error().message;
}

std::string check_vat_id(const ConfigNode& vat_id) {
  auto parsed = VatId::parse(vat_id.text());
  return parsed ? std::string() : parsed.error().message;
}

std::string check_decimal(const ConfigNode& decimal) {
  auto parsed = Decimal::parse(decimal.text());
  return parsed ? std::string() : parsed.error().message;
}

Result<Money> money_of(const ConfigNode& money) {
  const std::string& text = money.text();
  const auto space = text.rfind(' ');
  if (space == std::string::npos) {
    return Error{"expected an amount with its currency such as 5.00 EUR, found '" + text + "'"};
  }
  auto currency = Currency::from_code(text.substr(space + 1));
  if (!currency) return currency.error();
  return Money::parse(text.substr(0, space), *currency, Notation::point());
}

std::string check_money(const ConfigNode& money) {
  const Result<Money> parsed = money_of(money);
  return parsed ? std::string() : parsed.error().message;
}

}  // namespace kontor::config
