#include "open_items_parser.hpp"

#include <cstdint>
#include <string>
#include <vector>

#include "open_items_file.hpp"
#include "open_items_probe.hpp"

namespace kontor::plugins::open_items {
namespace {

ParserOptions checked_options(const sdk::Config& config) {
  Result<ParserOptions> options = options_from(config);
  if (!options) throw sdk::InvalidConfig(options.error().message);
  return std::move(options).value();
}

}  // namespace

sdk::PluginInfo OpenItemsParser::info() {
  return {"open-items", "1.0.0", "Customers and open items from ERP exports (CSV, JSON Lines)"};
}

std::vector<sdk::ConfigField> OpenItemsParser::schema() {
  return option_schema();
}

OpenItemsParser::OpenItemsParser(sdk::Host host, const sdk::Config& config)
    : host_(host), options_(checked_options(config)) {}

int OpenItemsParser::probe(std::string_view /*name*/, std::span<const std::uint8_t> prefix) {
  return probe_open_items(prefix, options_);
}

sdk::Status OpenItemsParser::parse(sdk::DocumentReader& document, sdk::ParseSink& sink) {
  auto read = document.read_all(static_cast<std::size_t>(options_.max_file_size));
  if (!read) return sdk::Status::failed(read.error().message);
  const std::string content = std::move(read).value();
  OpenItemsFile file;
  sdk::Status parsed = parse_open_items(document.name(), content, options_, file,
                                        [this] { return host_.cancelled(); });
  if (!parsed) return parsed;
  host_.count("rows_read", file.rows);
  host_.count("open_items_read", static_cast<std::int64_t>(file.items.size()));
  return emit(file, sink);
}

}  // namespace kontor::plugins::open_items

KONTOR_PLUGIN(kontor::plugins::open_items::OpenItemsParser)
