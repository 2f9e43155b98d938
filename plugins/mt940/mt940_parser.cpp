#include "mt940_parser.hpp"

#include <cstdint>
#include <string>
#include <vector>

#include "mt940_file.hpp"
#include "mt940_probe.hpp"

namespace kontor::plugins::mt940 {
namespace {

ParserOptions checked_options(const sdk::Config& config) {
  Result<ParserOptions> options = options_from(config);
  if (!options) throw sdk::InvalidConfig(options.error().message);
  return std::move(options).value();
}

}  // namespace

sdk::PluginInfo Mt940Parser::info() {
  return {"mt940", "1.0.0", "Bank statements in SWIFT MT940 and MT942 (German DK :86: included)"};
}

std::vector<sdk::ConfigField> Mt940Parser::schema() {
  return option_schema();
}

Mt940Parser::Mt940Parser(sdk::Host host, const sdk::Config& config)
    : host_(host), options_(checked_options(config)) {}

int Mt940Parser::probe(std::string_view /*name*/, std::span<const std::uint8_t> prefix) {
  return probe_mt940(prefix);
}

sdk::Status Mt940Parser::parse(sdk::DocumentReader& document, sdk::ParseSink& sink) {
  // An eighth more room, for a file in a single-byte encoding to grow into UTF-8 in place.
  const auto max_size = static_cast<std::size_t>(options_.max_file_size);
  const auto size = document.size() > 0 ? static_cast<std::size_t>(document.size()) : 0;
  auto read = document.read_all(max_size, size / 8 + 64);
  if (!read) return sdk::Status::failed(read.error().message);
  std::string content = std::move(read).value();
  ParseFigures figures;
  sdk::Status parsed = parse_mt940(
      std::move(content), options_, sink, [this] { return host_.cancelled(); }, &figures);
  if (!parsed) return parsed;
  host_.count("statements_read", figures.statements);
  host_.count("entries_read", figures.entries);
  return parsed;
}

}  // namespace kontor::plugins::mt940

KONTOR_PLUGIN(kontor::plugins::mt940::Mt940Parser)
