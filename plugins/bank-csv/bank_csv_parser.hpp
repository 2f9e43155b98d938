// bank-csv: reads bank account statements exported as CSV — German banks' layouts as presets,
// recognised from the header row (or a headerless file's row shape), or a mapping of one's own
// — into one statement per file for the bank import. See README.md.
//
// The plugin reads the whole document (up to max_file_size), reads every row, and hands on
// nothing unless every row could be read: a file with bad rows is refused with each listed.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "kontor/sdk/plugin.hpp"
#include "parser_options.hpp"

namespace kontor::plugins::bank_csv {

class BankCsvParser final : public sdk::Parser {
 public:
  static sdk::PluginInfo info();
  static std::vector<sdk::ConfigField> schema();

  BankCsvParser(sdk::Host host, const sdk::Config& config);

  int probe(std::string_view name, std::span<const std::uint8_t> prefix) override;
  sdk::Status parse(sdk::DocumentReader& document, sdk::ParseSink& sink) override;

 private:
  sdk::Host host_;
  ParserOptions options_;
};

}  // namespace kontor::plugins::bank_csv
