#include "engine/balance_chain.hpp"

#include <fmt/format.h>

#include <charconv>
#include <string_view>

namespace kontor::engine {
namespace {

// The bank's sequence number of a stored sequence, told apart or not.
std::optional<long long> number_of(std::string_view stored) {
  const std::string_view text = stored.substr(0, stored.find(kToldApartMark));
  long long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) {
    return std::nullopt;
  }
  return value;
}

std::string named(const store::StatementKey& key) {
  return key.sequence.empty() ? key.id : key.id + "/" + key.sequence;
}

}  // namespace

std::vector<ChainWarning> check_balance_chain(
    const std::optional<store::StatementBalances>& previous, const BankStatement& statement,
    const Money& booked_total, bool within_checked) {
  std::vector<ChainWarning> warnings;
  if (previous && previous->closing && statement.opening) {
    const StatementBalance& closed = *previous->closing;
    const StatementBalance& opened = *statement.opening;
    if (closed.amount != opened.amount) {
      warnings.push_back(
          {.code = "balance_gap",
           .message = fmt::format(
               "opening balance {} {} ({}) does not continue the closing balance {} {} "
               "({}) of statement {}: a statement is missing or the bank corrected one",
               opened.amount.to_string(), opened.amount.currency().code(), opened.date.to_iso(),
               closed.amount.to_string(), closed.amount.currency().code(), closed.date.to_iso(),
               named(previous->statement))});
    }
  }
  if (previous) {
    const auto before = number_of(previous->statement.sequence);
    const auto now = number_of(statement.sequence);
    if (before && now && *now > *before + 1) {
      warnings.push_back(
          {.code = "sequence_gap",
           .message = fmt::format("statement sequence {} follows {}: {} missing in between", *now,
                                  *before, *now - *before - 1)});
    }
  }
  if (!within_checked && statement.opening && statement.closing) {
    const auto expected = statement.opening->amount.plus(booked_total);
    if (!expected) {
      warnings.push_back({.code = "balance_mismatch",
                          .message = "balances and entries are in different currencies: " +
                                     expected.error().message});
    } else if (*expected != statement.closing->amount) {
      warnings.push_back(
          {.code = "balance_mismatch",
           .message = fmt::format(
               "opening balance {} + booked entries {} = {}, but the closing balance is {}",
               statement.opening->amount.to_string(), booked_total.to_string(),
               expected->to_string(), statement.closing->amount.to_string())});
    }
  }
  return warnings;
}

}  // namespace kontor::engine
