#include "bank_csv_parser.hpp"

#include <cstdint>
#include <string>
#include <vector>

#include "bank_csv_file.hpp"
#include "bank_csv_probe.hpp"

namespace kontor::plugins::bank_csv {
namespace {

ParserOptions checked_options(const sdk::Config& config) {
  Result<ParserOptions> options = options_from(config);
  if (!options) throw sdk::InvalidConfig(options.error().message);
  return std::move(options).value();
}

}  // namespace

sdk::PluginInfo BankCsvParser::info() {
  return {"bank-csv", "1.0.0",
          "Bank statements exported as CSV: German banks' layouts, or a mapping of one's own"};
}

std::vector<sdk::ConfigField> BankCsvParser::schema() {
  return option_schema();
}

BankCsvParser::BankCsvParser(sdk::Host host, const sdk::Config& config)
    : host_(host), options_(checked_options(config)) {}

int BankCsvParser::probe(std::string_view /*name*/, std::span<const std::uint8_t> prefix) {
  return probe_bank_csv(prefix, options_);
}

sdk::Status BankCsvParser::parse(sdk::DocumentReader& document, sdk::ParseSink& sink) {
  auto read = document.read_all(static_cast<std::size_t>(options_.max_file_size));
  // "0:0: ": this parser's refusals carry a position; a file refused whole has none.
  if (!read) return sdk::Status::failed("0:0: " + read.error().message);
  const std::string content = std::move(read).value();
  BankCsvStatement statement;
  sdk::Status parsed = parse_bank_csv(document.name(), content, options_, statement,
                                      [this] { return host_.cancelled(); });
  if (!parsed) return parsed;
  host_.count("statements_read", 1);
  host_.count("entries_read", static_cast<std::int64_t>(statement.entries.size()));
  return emit(statement, sink);
}

}  // namespace kontor::plugins::bank_csv

KONTOR_PLUGIN(kontor::plugins::bank_csv::BankCsvParser)
