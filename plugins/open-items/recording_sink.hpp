// RecordingSink: a ParseSink for the plugin's tests that keeps what it is given, in order.
#pragma once

#include <string>
#include <vector>

#include "kontor/sdk/roles.hpp"

namespace kontor::plugins::open_items {

struct RecordingSink : sdk::ParseSink {
  std::vector<sdk::ImportedCustomer> customers;
  std::vector<sdk::ImportedOpenItem> items;
  std::vector<std::string> warnings;  // "line N: message"
  std::vector<std::string> order;     // "customer C", "item I", "warning"

  sdk::Status statement(const sdk::StatementInfo& /*unused*/) override {
    return sdk::Status::internal("an open-items file has no statements");
  }
  sdk::Status entry(const sdk::StatementEntry& /*unused*/) override {
    return sdk::Status::internal("an open-items file has no bank entries");
  }
  sdk::Status detail(const sdk::EntryDetail& /*unused*/) override {
    return sdk::Status::internal("an open-items file has no bank entries");
  }
  sdk::Status customer(const sdk::ImportedCustomer& customer) override {
    customers.push_back(customer);
    order.push_back("customer " + customer.number);
    return sdk::Status::ok();
  }
  sdk::Status open_item(const sdk::ImportedOpenItem& item) override {
    items.push_back(item);
    order.push_back("item " + item.number);
    return sdk::Status::ok();
  }
  void warning(std::int64_t line, std::string_view /*code*/, std::string_view message) override {
    warnings.push_back("line " + std::to_string(line) + ": " + std::string(message));
    order.push_back("warning");
  }

  bool empty() const { return customers.empty() && items.empty() && warnings.empty(); }
};

}  // namespace kontor::plugins::open_items
