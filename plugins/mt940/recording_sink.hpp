// RecordingSink: a ParseSink for the plugin's tests that keeps what it is given, in order.
#pragma once

#include <string>
#include <vector>

#include "kontor/sdk/roles.hpp"

namespace kontor::plugins::mt940 {

struct RecordedWarning {
  std::int64_t line = 0;
  std::string code;
  std::string message;
  std::size_t statement = 0;  // index of the statement it came with
};

struct RecordingSink : sdk::ParseSink {
  std::vector<sdk::StatementInfo> statements;
  std::vector<sdk::StatementEntry> entries;
  std::vector<std::size_t> entry_statement;  // index of each entry's statement
  std::vector<RecordedWarning> warnings;

  sdk::Status statement(const sdk::StatementInfo& statement) override {
    statements.push_back(statement);
    return sdk::Status::ok();
  }
  sdk::Status entry(const sdk::StatementEntry& entry) override {
    entries.push_back(entry);
    entry_statement.push_back(statements.size() - 1);
    return sdk::Status::ok();
  }
  sdk::Status detail(const sdk::EntryDetail& /*unused*/) override {
    return sdk::Status::internal("MT940 entries have no details");
  }
  sdk::Status customer(const sdk::ImportedCustomer& /*unused*/) override {
    return sdk::Status::internal("a bank statement has no customers");
  }
  sdk::Status open_item(const sdk::ImportedOpenItem& /*unused*/) override {
    return sdk::Status::internal("a bank statement has no open items");
  }
  void warning(std::int64_t line, std::string_view code, std::string_view message) override {
    warnings.push_back(RecordedWarning{.line = line,
                                       .code = std::string(code),
                                       .message = std::string(message),
                                       .statement = statements.size() - 1});
  }

  std::vector<std::string> codes() const {
    std::vector<std::string> all;
    for (const RecordedWarning& warning : warnings) all.push_back(warning.code);
    return all;
  }
  bool has_code(std::string_view code) const {
    for (const RecordedWarning& warning : warnings) {
      if (warning.code == code) return true;
    }
    return false;
  }
};

}  // namespace kontor::plugins::mt940
