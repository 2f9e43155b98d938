// StatementJson: what a bank parser reports, as the JSON of `kontorctl parse` — or, for
// --summary, only the per-statement counts and sums, so that a statement of a million entries
// never has to be held as JSON.
//
// The shape (README, "kontorctl parse"): {"format", "preset", "statements": [{"account": {"iban",
// "number", "bic", "currency"}, "id", "sequence", "opening_balance", "closing_balance",
// "warnings": [{"code", "message", "line"}], "entries": [{..., "details": [...]}]}]}. Amounts are
// signed decimal strings with exactly the currency's decimals; absent values are null.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "kontor/sdk/roles.hpp"

namespace kontor::ctl {

struct StatementSummary {
  std::string account;
  std::string format;
  std::optional<Date> first_booking, last_booking;
  std::int64_t entries = 0;
  std::map<std::string, Money> credits, debits;  // by currency
  std::optional<StatementBalance> opening, closing;
  std::optional<Money> booked_sum;  // BOOK entries, when all are in the account's currency
  bool mixed_currencies = false;
  int warnings = 0;
};

class StatementJson final : public sdk::ParseSink {
 public:
  // `plugin`: which parser read the file (camt, mt940, bank-csv), for the format name.
  StatementJson(std::string plugin, bool summary_only);

  sdk::Status statement(const sdk::StatementInfo& statement) override;
  sdk::Status entry(const sdk::StatementEntry& entry) override;
  sdk::Status detail(const sdk::EntryDetail& detail) override;
  sdk::Status customer(const sdk::ImportedCustomer& customer) override;
  sdk::Status open_item(const sdk::ImportedOpenItem& item) override;
  void warning(std::int64_t line, std::string_view code, std::string_view message) override;

  // The whole document (not with summary_only).
  nlohmann::ordered_json document() const;
  const std::vector<StatementSummary>& summaries() const { return summaries_; }

 private:
  std::string plugin_;
  bool summary_only_;
  std::string format_;
  std::optional<std::string> preset_;
  nlohmann::ordered_json statements_ = nlohmann::ordered_json::array();
  nlohmann::ordered_json pending_warnings_ = nlohmann::ordered_json::array();
  std::vector<StatementSummary> summaries_;
};

// "-1234.50" (the sign is the direction money moved).
std::string amount_text(const Money& amount);

}  // namespace kontor::ctl
