#include "engine/onboarding_checks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "kontor/model/iban.hpp"
#include "kontor/model/vat_id.hpp"

namespace kontor::engine {
namespace {

std::string who(const sdk::ImportedCustomer& customer) {
  return customer.line > 0 ? fmt::format("customer {} (line {})", customer.number, customer.line)
                           : fmt::format("customer {}", customer.number);
}

// Lower-cases ASCII and the German umlauts as UTF-8 sequences; other bytes stay.
std::string lower(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (c == 0xC3 && i + 1 < text.size()) {
      const unsigned char next = static_cast<unsigned char>(text[i + 1]);
      out += static_cast<char>(c);
      // Ä Ö Ü (0x84 0x96 0x9C) -> ä ö ü (0xA4 0xB6 0xBC)
      out += static_cast<char>((next == 0x84 || next == 0x96 || next == 0x9C) ? next + 0x20 : next);
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace

bool plausible_email(const std::string& address) {
  const auto at = address.find('@');
  if (at == std::string::npos || at == 0 || address.find('@', at + 1) != std::string::npos) {
    return false;
  }
  const std::string domain = address.substr(at + 1);
  const auto dot = domain.rfind('.');
  if (dot == std::string::npos || dot == 0 || dot + 2 > domain.size()) return false;
  // Whitespace and angle brackets would break a mail header.
  return address.find_first_of(" \t\r\n<>,;\"") == std::string::npos;
}

std::vector<std::string> check_customer(const sdk::ImportedCustomer& customer) {
  std::vector<std::string> problems;
  for (const auto& iban : customer.ibans) {
    if (auto parsed = Iban::parse(iban); !parsed) {
      problems.push_back(fmt::format("{}: {}; payments from it cannot be recognised", who(customer),
                                     parsed.error().message));
    }
  }
  if (!customer.email.empty() && !plausible_email(customer.email)) {
    problems.push_back(
        fmt::format("{}: e-mail address '{}' is not usable", who(customer), customer.email));
  }
  if (customer.email.empty() && customer.delivery == Delivery::email) {
    problems.push_back(fmt::format("{}: prefers e-mail but has no e-mail address", who(customer)));
  }
  if (!customer.vat_id.empty()) {
    if (auto parsed = VatId::parse(customer.vat_id); !parsed) {
      problems.push_back(fmt::format("{}: {}", who(customer), parsed.error().message));
    }
  }
  std::vector<std::string> missing;
  if (customer.address.street.empty()) missing.push_back("street");
  if (customer.address.postcode.empty()) missing.push_back("postcode");
  if (customer.address.city.empty()) missing.push_back("city");
  if (!missing.empty()) {
    problems.push_back(fmt::format("{}: postal address incomplete (no {}): no letter can be sent",
                                   who(customer), fmt::join(missing, ", ")));
  }
  return problems;
}

std::string normalised_name(const std::string& name) {
  static const std::vector<std::string> kLegalForms = {"gmbh",
                                                       "mbh",
                                                       "ag",
                                                       "kg",
                                                       "ohg",
                                                       "gbr",
                                                       "ug",
                                                       "ek",
                                                       "ev",
                                                       "eg",
                                                       "co",
                                                       "kgaa",
                                                       "se",
                                                       "ltd",
                                                       "inc",
                                                       "llc",
                                                       "haftungsbeschränkt"};
  std::string cleaned;
  for (char c : lower(name)) {
    const unsigned char u = static_cast<unsigned char>(c);
    const bool keep = (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u >= 0x80;
    cleaned += keep ? c : ' ';
  }
  std::istringstream words(cleaned);
  std::string word, out;
  while (words >> word) {
    if (std::find(kLegalForms.begin(), kLegalForms.end(), word) != kLegalForms.end()) continue;
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

std::vector<std::string> likely_duplicates(const std::vector<Customer>& customers,
                                           const std::set<std::string>& touched) {
  std::map<std::string, std::vector<std::string>> by_iban, by_name;
  for (const auto& customer : customers) {
    for (const auto& iban : customer.ibans) by_iban[iban.electronic()].push_back(customer.number);
    const std::string name = normalised_name(customer.name);
    if (!name.empty() && !customer.address.postcode.empty()) {
      by_name[name + "|" + customer.address.postcode].push_back(customer.number);
    }
  }
  auto involves_touched = [&](const std::vector<std::string>& numbers) {
    return std::any_of(numbers.begin(), numbers.end(),
                       [&](const std::string& n) { return touched.count(n) != 0; });
  };
  std::vector<std::string> warnings;
  for (const auto& [iban, numbers] : by_iban) {
    if (numbers.size() > 1 && involves_touched(numbers)) {
      warnings.push_back(fmt::format("customers {} share IBAN {}: likely duplicates",
                                     fmt::join(numbers, ", "), iban));
    }
  }
  for (const auto& [key, numbers] : by_name) {
    if (numbers.size() > 1 && involves_touched(numbers)) {
      warnings.push_back(
          fmt::format("customers {} have the same name and postcode: likely "
                      "duplicates",
                      fmt::join(numbers, ", ")));
    }
  }
  return warnings;
}

}  // namespace kontor::engine
