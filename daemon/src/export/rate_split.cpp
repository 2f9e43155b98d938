// Gross per rate and pro rata splits (see the header).
#include "export/rate_split.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

namespace kontor::exports {
namespace {

// Amount × gross needs more than 64 bits before the division.
__extension__ typedef __int128 Wide;

std::string item_name(const OpenItem& item) {
  return fmt::format("{} {} of customer {}", to_string(item.type), item.number,
                     item.customer_number);
}

}  // namespace

Result<std::vector<RateShare>> gross_by_rate(const OpenItem& item) {
  if (item.tax_lines.empty()) {
    return Error{
        fmt::format("{} has no tax lines: the ERP must send them so the VAT can be booked per rate",
                    item_name(item))};
  }
  std::array<Money, 3> gross;
  gross.fill(Money::zero(item.gross.currency()));
  for (const TaxLine& line : item.tax_lines) {
    Result<VatRate> rate = vat_rate_of(line.rate);
    if (!rate) return Error{fmt::format("{}: {}", item_name(item), rate.error().message)};
    Money& total = gross[static_cast<std::size_t>(*rate)];
    Result<Money> sum = total.plus(line.gross);
    if (!sum) return Error{fmt::format("{}: {}", item_name(item), sum.error().message)};
    total = *sum;
  }
  std::vector<RateShare> shares;
  for (VatRate rate : kVatRates) {
    const Money& total = gross[static_cast<std::size_t>(rate)];
    if (!total.is_zero()) shares.push_back(RateShare{.rate = rate, .amount = total});
  }
  return shares;
}

Result<std::vector<RateShare>> split_by_rate(const Money& amount, const OpenItem& item) {
  Result<std::vector<RateShare>> gross = gross_by_rate(item);
  if (!gross) return gross.error();
  if (amount.currency() != item.gross.currency()) {
    return Error{fmt::format("{} cannot be split over {}, which is in {}", amount.to_string(),
                             item_name(item), item.gross.currency().code())};
  }
  const bool negative = gross->front().amount.is_negative();
  for (const RateShare& share : *gross) {
    if (share.amount.is_negative() != negative) {
      return Error{fmt::format(
          "{} has tax lines with both signs; a share per rate is not defined — book it by hand",
          item_name(item))};
    }
  }
  auto magnitude = [](std::int64_t units) { return units < 0 ? -Wide{units} : Wide{units}; };
  Wide total = 0;
  for (const RateShare& share : *gross) total += magnitude(share.amount.minor_units());
  const Wide whole = magnitude(amount.minor_units());

  std::vector<Wide> parts;
  Wide assigned = 0;
  for (const RateShare& share : *gross) {
    parts.push_back(whole * magnitude(share.amount.minor_units()) / total);
    assigned += parts.back();
  }
  // The largest gross gets the cents the floors left over; max_element keeps the first of equals.
  const auto largest =
      std::max_element(gross->begin(), gross->end(), [&](const RateShare& a, const RateShare& b) {
        return magnitude(a.amount.minor_units()) < magnitude(b.amount.minor_units());
      });
  parts[static_cast<std::size_t>(largest - gross->begin())] += whole - assigned;

  std::vector<RateShare> shares;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (parts[i] == 0) continue;
    const auto units = static_cast<std::int64_t>(amount.is_negative() ? -parts[i] : parts[i]);
    shares.push_back(
        RateShare{.rate = (*gross)[i].rate, .amount = Money(units, amount.currency())});
  }
  return shares;
}

}  // namespace kontor::exports
