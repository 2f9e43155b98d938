// TaxKeys: the DATEV tax key (BU-Schlüssel, Buchungsstapel field 9) a booking line on a
// non-automatic revenue-side account carries for its VAT rate.
//
// Defaults are DATEV's one-digit keys valid since 2007 (datev-extf.md §5): 19 % → "3",
// 7 % → "2", 0 % → none (a tax-free line needs no key; the account says why it is tax-free).
// The configuration may replace any of them (`export.tax_keys`). Automatic accounts never get a
// key — that is the chart's business (chart_of_accounts.hpp), not this table's.
//
// The same digits meant other rates from 1 July to 31 December 2020; a key asked for a date in
// that half-year is refused, never guessed.
#pragma once

#include <array>
#include <string>

#include "export/vat_rate.hpp"
#include "kontor/model/date.hpp"
#include "kontor/result.hpp"

namespace kontor::exports {

class TaxKeys {
 public:
  static TaxKeys datev_defaults();

  void set(VatRate rate, std::string key) { keys_[index(rate)] = std::move(key); }

  // The key for `rate` on a booking dated `date`; an error for dates from 2020-07-01 to
  // 2020-12-31.
  Result<std::string> key_for(VatRate rate, const Date& date) const;

 private:
  static std::size_t index(VatRate rate) { return static_cast<std::size_t>(rate); }

  std::array<std::string, 3> keys_;
};

// What a configured key may be: one to four digits (field 9, datev-extf.md §3), or empty for
// "no key". Returns a message, or an empty string when `key` is fine.
std::string check_tax_key(std::string_view key);

}  // namespace kontor::exports
