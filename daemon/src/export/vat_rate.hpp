// VatRate: the German VAT rates a booking rule knows — 19 %, 7 % and 0 % (UStG §12) — and the
// rate a TaxLine names.
//
// Every rate-dependent account and tax key is chosen by a VatRate, never by comparing decimals
// in each rule. Any other rate (16 % and 5 % of the 2020 VAT cut, a foreign rate) is refused
// with the invoice's name rather than booked on a wrong account.
#pragma once

#include <array>
#include <string_view>

#include "kontor/model/date.hpp"
#include "kontor/model/decimal.hpp"
#include "kontor/result.hpp"

namespace kontor::exports {

enum class VatRate { standard, reduced, zero };  // 19 %, 7 %, 0 %

inline constexpr std::array<VatRate, 3> kVatRates = {VatRate::standard, VatRate::reduced,
                                                     VatRate::zero};

// "19", "7", "0": the rate as the configuration and account keys write it.
std::string_view percent_text(VatRate rate);
Result<VatRate> parse_vat_rate(std::string_view percent);
// The rate of a TaxLine; an error naming the rate for anything but 19, 7 or 0.
Result<VatRate> vat_rate_of(const Decimal& percent);

// From 1 July to 31 December 2020 the rates were 16 % and 5 %, and DATEV gave the one-digit tax
// keys and its automatic accounts other meanings (datev-extf.md §5). A booking that carries VAT
// and falls in that half-year is refused: Kontor would rather stop than book a wrong rate.
bool in_2020_vat_cut(const Date& date);
Status check_outside_2020_vat_cut(const Date& date, std::string_view what);

}  // namespace kontor::exports
