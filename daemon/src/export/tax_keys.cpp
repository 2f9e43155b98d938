// TaxKeys (see the header): DATEV's one-digit keys and the 2020 half-year they meant other rates.
#include "export/tax_keys.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace kontor::exports {

TaxKeys TaxKeys::datev_defaults() {
  TaxKeys keys;
  keys.set(VatRate::standard, "3");
  keys.set(VatRate::reduced, "2");
  keys.set(VatRate::zero, "");
  return keys;
}

Result<std::string> TaxKeys::key_for(VatRate rate, const Date& date) const {
  const std::string what = fmt::format("a tax key for {} %", percent_text(rate));
  if (Status outside = check_outside_2020_vat_cut(date, what); !outside) return outside.error();
  return keys_[index(rate)];
}

std::string check_tax_key(std::string_view key) {
  const bool digits =
      std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (key.size() <= 4 && digits) return {};
  return fmt::format("a tax key is one to four digits such as \"3\" (or empty for none), not '{}'",
                     key);
}

}  // namespace kontor::exports
