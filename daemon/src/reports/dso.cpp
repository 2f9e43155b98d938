#include "reports/dso.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <string_view>

namespace kontor::reports {
namespace {

// receivables × days × 10 needs more than 64 bits for large books.
__extension__ typedef __int128 Wide;

}  // namespace

std::optional<std::int64_t> dso_tenths(std::int64_t receivables_minor, std::int64_t sales_minor,
                                       std::int64_t days) {
  if (sales_minor <= 0) return std::nullopt;
  const Wide numerator = static_cast<Wide>(receivables_minor) * days * 10;
  const Wide denominator = sales_minor;
  Wide quotient = numerator / denominator;  // truncated towards zero
  const Wide remainder = numerator % denominator;
  const Wide twice = (remainder < 0 ? -remainder : remainder) * 2;
  if (twice >= denominator) quotient += numerator < 0 ? -1 : 1;
  return static_cast<std::int64_t>(quotient);
}

std::string tenths_text(std::int64_t tenths) {
  const std::int64_t whole = std::llabs(tenths) / 10;
  const std::int64_t tenth = std::llabs(tenths) % 10;
  return (tenths < 0 ? "-" : "") + std::to_string(whole) + "." + std::to_string(tenth);
}

std::vector<DsoFigure> days_sales_outstanding(const std::vector<store::ReceivableAsOf>& open,
                                              const std::vector<store::CurrencyTally>& sales,
                                              std::int64_t days) {
  // Sums in minor units per currency code: 64 bits hold 92 quadrillion euros of open items.
  struct Sums {
    Currency currency;
    std::int64_t receivables = 0;
    std::int64_t sales = 0;
    std::int64_t invoices = 0;
  };
  std::map<std::string, Sums, std::less<>> by_code;
  auto sums_of = [&](const Currency& currency) -> Sums& {
    auto [at, added] = by_code.try_emplace(std::string(currency.code()));
    if (added) at->second.currency = currency;
    return at->second;
  };
  for (const store::ReceivableAsOf& item : open) {
    sums_of(item.open.currency()).receivables += item.open.minor_units();
  }
  for (const store::CurrencyTally& tally : sales) {
    Sums& sums = sums_of(tally.amount.currency());
    sums.sales += tally.amount.minor_units();
    sums.invoices += tally.count;
  }
  std::vector<DsoFigure> figures;
  for (const auto& [code, sums] : by_code) {
    figures.push_back(DsoFigure{.currency = sums.currency,
                                .receivables = Money(sums.receivables, sums.currency),
                                .sales = Money(sums.sales, sums.currency),
                                .invoices = sums.invoices,
                                .tenths = dso_tenths(sums.receivables, sums.sales, days)});
  }
  return figures;
}

}  // namespace kontor::reports
