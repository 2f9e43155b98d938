// RecordingSink: a ParseSink for the plugin's tests that keeps what it is given, in order.
#pragma once

#include <string>
#include <vector>

#include "kontor/sdk/roles.hpp"

namespace kontor::plugins::bank_csv {

struct RecordedWarning {
  std::int64_t line = 0;
  std::string code;
  std::string message;
};

struct RecordingSink : sdk::ParseSink {
  std::vector<sdk::StatementInfo> statements;
  std::vector<sdk::StatementEntry> entries;
  std::vector<RecordedWarning> warnings;
  std::vector<std::string> order;  // "statement", "entry LINE", "warning LINE code"

  sdk::Status statement(const sdk::StatementInfo& statement) override {
    statements.push_back(statement);
    order.push_back("statement");
    return sdk::Status::ok();
  }
  sdk::Status entry(const sdk::StatementEntry& entry) override {
    entries.push_back(entry);
    order.push_back("entry " + std::to_string(entry.line));
    return sdk::Status::ok();
  }
  sdk::Status detail(const sdk::EntryDetail& /*unused*/) override {
    return sdk::Status::internal("a CSV statement has no entry details");
  }
  sdk::Status customer(const sdk::ImportedCustomer& /*unused*/) override {
    return sdk::Status::internal("a bank statement has no customers");
  }
  sdk::Status open_item(const sdk::ImportedOpenItem& /*unused*/) override {
    return sdk::Status::internal("a bank statement has no open items");
  }
  void warning(std::int64_t line, std::string_view code, std::string_view message) override {
    warnings.push_back({line, std::string(code), std::string(message)});
    order.push_back("warning " + std::to_string(line) + " " + std::string(code));
  }

  std::vector<std::string> warning_codes() const {
    std::vector<std::string> codes;
    for (const RecordedWarning& warning : warnings) codes.push_back(warning.code);
    return codes;
  }
};

}  // namespace kontor::plugins::bank_csv
