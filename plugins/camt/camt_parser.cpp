#include "camt_parser.hpp"

#include "camt_options.hpp"
#include "camt_probe.hpp"

namespace kontor::plugins::camt {
namespace {

CamtOptions checked_options(const sdk::Config& config) {
  Result<CamtOptions> options = options_from(config);
  if (!options) throw sdk::InvalidConfig(options.error().message);
  return *options;
}

}  // namespace

sdk::PluginInfo CamtParser::info() {
  return {"camt", "1.0.0",
          "ISO 20022 bank statements: camt.053, camt.052 intraday, camt.054 notifications"};
}

std::vector<sdk::ConfigField> CamtParser::schema() {
  return option_schema();
}

CamtParser::CamtParser(sdk::Host host, const sdk::Config& config)
    : host_(host), options_(checked_options(config)) {}

int CamtParser::probe(std::string_view /*name*/, std::span<const std::uint8_t> prefix) {
  return probe_camt(prefix);
}

sdk::Status CamtParser::parse(sdk::DocumentReader& document, sdk::ParseSink& sink) {
  CamtCounts counts;
  sdk::Status status =
      read_camt(document, options_, sink, counts, [this] { return host_.cancelled(); });
  host_.count("statements_read", counts.statements);
  host_.count("entries_read", counts.entries);
  host_.count("details_read", counts.details);
  return status;
}

}  // namespace kontor::plugins::camt

KONTOR_PLUGIN(kontor::plugins::camt::CamtParser)
