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

std::string too_large(const std::string& name, std::uint64_t max_file_size) {
  return "0:0: " + name + " is larger than max_file_size (" + std::to_string(max_file_size) +
         " bytes): refused unread; raise max_file_size if the bank's exports are this large";
}

sdk::Status read_whole(sdk::DocumentReader& document, std::uint64_t max_file_size,
                       std::string& content) {
  const std::string& name = document.name();
  if (document.size() >= 0) {
    if (static_cast<std::uint64_t>(document.size()) > max_file_size) {
      return sdk::Status::failed(too_large(name, max_file_size));
    }
    content.reserve(static_cast<std::size_t>(document.size()));
  }
  std::vector<std::uint8_t> buffer(256 * 1024);
  while (true) {
    Result<std::size_t> got = document.read(buffer);
    if (!got) return sdk::Status::failed(name + ": cannot be read: " + got.error().message);
    if (*got == 0) return sdk::Status::ok();
    if (content.size() + *got > max_file_size) {
      return sdk::Status::failed(too_large(name, max_file_size));
    }
    content.append(reinterpret_cast<const char*>(buffer.data()), *got);
  }
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
  std::string content;
  if (sdk::Status read = read_whole(document, options_.max_file_size, content); !read) return read;
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
