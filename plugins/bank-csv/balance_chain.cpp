#include "balance_chain.hpp"

#include <algorithm>

#include "bank_amounts.hpp"
#include "text_values.hpp"

namespace kontor::plugins::bank_csv {
namespace {

struct Walk {
  std::optional<Money> opening, closing;
  std::vector<LayoutWarning> warnings;
};

// Walks the rows oldest first (`order`: indexes into rows), carrying the balance.
Walk walk(std::span<const EntryRow> rows, const std::vector<std::size_t>& order,
          const Notation& notation, bool newest_first) {
  Walk out;
  std::optional<Money> running;
  std::int64_t running_line = 0;
  std::optional<Money> before_first = Money::zero(rows[order.front()].entry.amount.currency());
  for (std::size_t index : order) {
    const EntryRow& row = rows[index];
    const Money& amount = row.entry.amount;
    if (!running) {
      if (!row.balance) {
        if (before_first) {
          auto sum = before_first->plus(amount);
          before_first = sum ? std::optional<Money>(*sum) : std::nullopt;
        }
        continue;
      }
      auto opening = row.balance->minus(amount);
      if (opening && before_first) opening = opening->minus(*before_first);
      if (opening) out.opening = *opening;
      running = row.balance;
      running_line = row.entry.line;
      continue;
    }
    auto expected = running->plus(amount);
    if (!expected) {
      running.reset();
      continue;
    }
    if (row.balance && *row.balance != *expected) {
      out.warnings.push_back({row.entry.line, "balance_mismatch",
                              "the balance after this entry is " + row.balance->format(notation) +
                                  "; the balance before it, " + running->format(notation) +
                                  " (line " + std::to_string(running_line) +
                                  (newest_first ? ", the file lists newest first" : "") +
                                  "), plus its amount " + amount.format(notation) + " is " +
                                  expected->format(notation)});
    }
    running = row.balance ? *row.balance : *expected;
    if (row.balance) running_line = row.entry.line;
  }
  out.closing = running;
  return out;
}

Result<Money> read_metadata_balance(const StatementMetadata& metadata, Currency currency,
                                    const Notation& notation) {
  if (!metadata.balance_currency.empty() && metadata.balance_currency != currency.code()) {
    return Error{"the balance above the header is in " + for_message(metadata.balance_currency) +
                 ", the statement in " + std::string(currency.code())};
  }
  auto reading = read_amount(metadata.balance_text, currency, notation);
  if (!reading) return Error{"the balance above the header: " + reading.error().message};
  return reading->amount;
}

}  // namespace

StatementBalances statement_balances(std::span<const EntryRow> rows, Currency currency,
                                     const StatementMetadata& metadata, const Notation& notation) {
  StatementBalances out;
  std::vector<std::size_t> in_currency;
  std::optional<Date> earliest, latest;
  bool any_balance = false;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].entry.amount.currency() != currency) continue;
    in_currency.push_back(i);
    any_balance = any_balance || rows[i].balance.has_value();
    const Date& date = rows[i].entry.booking_date;
    if (!earliest || date < *earliest) earliest = date;
    if (!latest || date > *latest) latest = date;
  }

  std::optional<Money> written_closing;
  if (!metadata.balance_text.empty()) {
    auto balance = read_metadata_balance(metadata, currency, notation);
    if (balance) {
      written_closing = *balance;
    } else {
      out.warnings.push_back({metadata.balance_line, "unreadable_balance",
                              balance.error().message + ": no balances taken from it"});
    }
  }
  const std::optional<Date> opening_date = metadata.period_from ? metadata.period_from : earliest;
  const std::optional<Date> closing_date = metadata.balance_date ? metadata.balance_date : latest;

  if (any_balance) {
    std::vector<std::size_t> reversed(in_currency.rbegin(), in_currency.rend());
    Walk oldest_first = walk(rows, in_currency, notation, false);
    Walk newest_first = walk(rows, reversed, notation, true);
    bool take_newest_first = newest_first.warnings.size() < oldest_first.warnings.size();
    if (newest_first.warnings.size() == oldest_first.warnings.size()) {
      take_newest_first = rows[in_currency.front()].entry.booking_date >
                          rows[in_currency.back()].entry.booking_date;
    }
    Walk& chosen = take_newest_first ? newest_first : oldest_first;
    std::sort(chosen.warnings.begin(), chosen.warnings.end(),
              [](const auto& a, const auto& b) { return a.line < b.line; });
    out.warnings.insert(out.warnings.end(), chosen.warnings.begin(), chosen.warnings.end());
    if (chosen.opening && earliest) out.opening = StatementBalance{*chosen.opening, *earliest};
    if (chosen.closing && latest) out.closing = StatementBalance{*chosen.closing, *latest};
    if (written_closing && chosen.closing && *written_closing != *chosen.closing) {
      out.warnings.push_back(
          {metadata.balance_line, "balance_mismatch",
           "the balance above the header is " + written_closing->format(notation) +
               ", the rows' running balance ends at " + chosen.closing->format(notation)});
    }
    return out;
  }

  if (!written_closing || !closing_date) return out;
  Money opening = *written_closing;
  for (std::size_t index : in_currency) {
    const sdk::StatementEntry& entry = rows[index].entry;
    if (entry.status != EntryStatus::booked) continue;
    auto before = opening.minus(entry.amount);
    if (!before) return out;
    opening = *before;
  }
  out.closing = StatementBalance{*written_closing, *closing_date};
  out.opening = StatementBalance{opening, opening_date.value_or(*closing_date)};
  return out;
}

}  // namespace kontor::plugins::bank_csv
