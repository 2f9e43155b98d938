// camt: reads ISO 20022 bank-to-customer cash management messages — camt.053 statements,
// camt.052 intraday reports and camt.054 debit/credit notifications, every schema version —
// for the import_statements engine. See README.md.
//
// The rules live in the core (camt_reader.hpp); this class is the plugin boundary around it.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "camt_reader.hpp"
#include "kontor/sdk/plugin.hpp"

namespace kontor::plugins::camt {

class CamtParser final : public sdk::Parser {
 public:
  static sdk::PluginInfo info();
  static std::vector<sdk::ConfigField> schema();

  CamtParser(sdk::Host host, const sdk::Config& config);

  int probe(std::string_view name, std::span<const std::uint8_t> prefix) override;
  sdk::Status parse(sdk::DocumentReader& document, sdk::ParseSink& sink) override;

 private:
  sdk::Host host_;
  CamtOptions options_;
};

}  // namespace kontor::plugins::camt
