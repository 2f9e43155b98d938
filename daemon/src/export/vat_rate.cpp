// VatRate (see the header): the three German rates and the 2020 half-year they did not apply.
#include "export/vat_rate.hpp"

#include <fmt/format.h>

namespace kontor::exports {

std::string_view percent_text(VatRate rate) {
  switch (rate) {
    case VatRate::standard:
      return "19";
    case VatRate::reduced:
      return "7";
    case VatRate::zero:
      return "0";
  }
  return "?";
}

Result<VatRate> parse_vat_rate(std::string_view percent) {
  for (VatRate rate : kVatRates) {
    if (percent_text(rate) == percent) return rate;
  }
  return Error{fmt::format("unknown VAT rate '{}'; expected 19, 7 or 0", percent)};
}

Result<VatRate> vat_rate_of(const Decimal& percent) {
  // Decimal is normalised, so 19.00 arrives as units 19, scale 0.
  if (percent.scale() == 0) {
    if (percent.units() == 19) return VatRate::standard;
    if (percent.units() == 7) return VatRate::reduced;
    if (percent.units() == 0) return VatRate::zero;
  }
  return Error{fmt::format("VAT rate {} % has no accounts: the booking rules know 19, 7 and 0 %",
                           percent.to_string())};
}

bool in_2020_vat_cut(const Date& date) {
  return date.year() == 2020 && date.month() >= 7;
}

Status check_outside_2020_vat_cut(const Date& date, std::string_view what) {
  if (!in_2020_vat_cut(date)) return {};
  return Error{fmt::format(
      "{} is dated {}: from 2020-07-01 to 2020-12-31 DATEV's tax keys and automatic accounts "
      "meant 16 % and 5 %, so Kontor does not book it — book it by hand",
      what, date.to_iso())};
}

}  // namespace kontor::exports
