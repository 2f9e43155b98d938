#include "statement_checks.hpp"

#include <string>

#include "camt_values.hpp"
#include "warning_codes.hpp"

namespace kontor::plugins::camt {
void StatementTally::add_to(std::optional<Money>& sum, const Money& amount, bool& mixed) {
  if (!sum) {
    sum = amount;
    return;
  }
  Result<Money> total = sum->plus(amount);
  if (total) {
    sum = *total;
  } else {
    mixed = true;
  }
}

void StatementTally::add(const sdk::StatementEntry& entry) {
  ++entries_;
  Side& side = entry.amount.is_negative() ? debits_ : credits_;
  ++side.count;
  add_to(side.sum, entry.amount, mixed_currencies_);
  add_to(net_, entry.amount, mixed_currencies_);
  if (entry.status == EntryStatus::booked) add_to(booked_, entry.amount, mixed_currencies_);
}

void check_statement(const sdk::StatementInfo& statement, const TransactionSummary& summary,
                     const StatementTally& tally, WarningSink& warnings) {
  if (tally.mixed_currencies_) return;  // reported entry by entry (currency_mismatch)
  Result<Currency> account_currency = Currency::from_code(statement.currency);
  if (!account_currency) return;
  const Currency currency = *account_currency;

  if (statement.opening && statement.closing && statement.opening->amount.currency() == currency &&
      statement.closing->amount.currency() == currency &&
      (!tally.booked_ || tally.booked_->currency() == currency)) {
    const Money booked = tally.booked_ ? *tally.booked_ : Money::zero(currency);
    Result<Money> expected = statement.opening->amount.plus(booked);
    if (expected && *expected != statement.closing->amount) {
      const Result<Money> difference = statement.closing->amount.minus(*expected);
      warnings.warning(statement.line, warning::kBalanceMismatch,
                       "opening balance " + statement.opening->amount.format() +
                           " + booked entries " + booked.format() + " = " + expected->format() +
                           ", but the closing balance is " + statement.closing->amount.format() +
                           (difference ? " (difference " + difference->format() + ")" : ""));
    }
  }

  if (!summary.present) return;
  const bool same_currency = (!tally.net_ || tally.net_->currency() == currency);
  auto mismatch = [&](const std::string& what) {
    warnings.warning(summary.line, warning::kSummaryMismatch, "TxsSummry: " + what);
  };
  auto check_figure = [&](const SummaryFigure& figure, std::int64_t count,
                          const std::optional<Money>& sum, bool negative, const char* name) {
    if (figure.count && *figure.count != count) {
      mismatch(std::string(name) + " " + std::to_string(*figure.count) + " entries, the file " +
               std::to_string(count));
    }
    if (figure.sum.empty() || !same_currency) return;
    Result<AmountText> stated = amount_of_text(figure.sum, currency);
    if (!stated) return;
    Money actual = sum ? *sum : Money::zero(currency);
    if (negative) actual = *actual.negated();
    if (stated->amount != actual) {
      mismatch(std::string(name) + " sum " + stated->amount.format() + ", the entries " +
               actual.format());
    }
  };
  check_figure(summary.credits, tally.credits_.count, tally.credits_.sum, false, "credits");
  check_figure(summary.debits, tally.debits_.count, tally.debits_.sum, true, "debits");
  if (summary.all.count && *summary.all.count != tally.entries_) {
    mismatch("entries " + std::to_string(*summary.all.count) + ", the file " +
             std::to_string(tally.entries_));
  }
  if (!summary.net.empty() && summary.net_credit && same_currency) {
    Result<AmountText> stated = amount_of_text(summary.net, currency);
    if (stated) {
      const Money net = *summary.net_credit ? stated->amount : *stated->amount.negated();
      const Money actual = tally.net_ ? *tally.net_ : Money::zero(currency);
      if (net != actual) {
        mismatch("net amount " + net.format() + ", the entries " + actual.format());
      }
    }
  }
}

}  // namespace kontor::plugins::camt
