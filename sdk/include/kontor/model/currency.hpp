// Currency: an ISO 4217 currency with the number of digits of its minor unit (EUR 2, JPY 0,
// KWD 3), the scale every Money in that currency is counted in.
//
// Only codes of the built-in table of active ISO 4217 currencies exist; funds and metals
// without a minor unit (XAU, XDR ...) are not currencies a receivable is paid in and are
// rejected like unknown codes.
#pragma once

#include <array>
#include <string_view>

#include "kontor/result.hpp"

namespace kontor {

class Currency {
 public:
  // EUR: the currency Kontor's users book in, so that entities can be default-constructed.
  Currency();

  // `code` must be exactly three upper-case letters naming an active ISO 4217 currency.
  static Result<Currency> from_code(std::string_view code);
  static Currency eur();

  std::string_view code() const { return {code_.data(), code_.size()}; }
  // Digits after the decimal separator: 2 for EUR, 0 for JPY, 3 for KWD, 4 for CLF.
  int minor_digits() const { return minor_digits_; }

  bool operator==(const Currency&) const = default;

 private:
  Currency(std::array<char, 3> code, int minor_digits);

  std::array<char, 3> code_;
  int minor_digits_;
};

}  // namespace kontor
