// mt940: reads the bank statements of SWIFT MT940 (booked) and MT942 (intraday) files — German
// FinTS/DK exports with their structured :86:, Dutch, Scandinavian, Polish and other banks'
// dialects — for the bank import engine. See README.md.
//
// The plugin reads the whole document (up to max_file_size) and hands on its statements one by
// one; what a bank gets wrong without making the file unreadable is reported as warnings with
// codes, a file that cannot be read fails with "LINE:COLUMN: message" and nothing of it is
// imported. The rules live in the core (mt940_file.hpp); this class is the plugin boundary.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "kontor/sdk/plugin.hpp"
#include "parser_options.hpp"

namespace kontor::plugins::mt940 {

class Mt940Parser final : public sdk::Parser {
 public:
  static sdk::PluginInfo info();
  static std::vector<sdk::ConfigField> schema();

  Mt940Parser(sdk::Host host, const sdk::Config& config);

  int probe(std::string_view name, std::span<const std::uint8_t> prefix) override;
  sdk::Status parse(sdk::DocumentReader& document, sdk::ParseSink& sink) override;

 private:
  sdk::Host host_;
  ParserOptions options_;
};

}  // namespace kontor::plugins::mt940
