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

std::string too_large(const std::string& name, std::uint64_t max_file_size) {
  return name + " is larger than max_file_size (" + std::to_string(max_file_size) +
         " bytes): refused unread; raise max_file_size if the bank's files are this large";
}

// The whole document, or kFailed when it is larger than `max_file_size` or cannot be read.
sdk::Status read_whole(sdk::DocumentReader& document, std::uint64_t max_file_size,
                       std::string& content) {
  const std::string& name = document.name();
  if (document.size() >= 0) {
    if (static_cast<std::uint64_t>(document.size()) > max_file_size) {
      return sdk::Status::failed(too_large(name, max_file_size));
    }
    // An eighth more, for a file in a single-byte encoding to grow into UTF-8 in place.
    const auto size = static_cast<std::size_t>(document.size());
    content.reserve(size + size / 8 + 64);
  }
  std::vector<std::uint8_t> buffer(1024 * 1024);
  while (true) {
    Result<std::size_t> got = document.read(buffer);
    if (!got) return sdk::Status::failed(name + " cannot be read: " + got.error().message);
    if (*got == 0) return sdk::Status::ok();
    if (content.size() + *got > max_file_size) {
      return sdk::Status::failed(too_large(name, max_file_size));
    }
    content.append(reinterpret_cast<const char*>(buffer.data()), *got);
  }
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
  std::string content;
  if (sdk::Status read = read_whole(document, options_.max_file_size, content); !read) return read;
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
