// open-items: reads the customers and open items an ERP exports — CSV or JSON Lines, one row
// per invoice (or per tax rate of an invoice) — for the import_open_items engine.
//
// The plugin reads the whole document (up to max_file_size), checks every row and hands on
// nothing unless every row is good: a file with bad rows is refused with each bad row listed by
// line, so the engine imports nothing from it and the source quarantines it. The rules live in
// the core (open_items_file.hpp); this class is the plugin boundary around it. See README.md.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "kontor/sdk/plugin.hpp"
#include "parser_options.hpp"

namespace kontor::plugins::open_items {

class OpenItemsParser final : public sdk::Parser {
 public:
  static sdk::PluginInfo info();
  static std::vector<sdk::ConfigField> schema();

  OpenItemsParser(sdk::Host host, const sdk::Config& config);

  int probe(std::string_view name, std::span<const std::uint8_t> prefix) override;
  sdk::Status parse(sdk::DocumentReader& document, sdk::ParseSink& sink) override;

 private:
  sdk::Host host_;
  ParserOptions options_;
};

}  // namespace kontor::plugins::open_items
