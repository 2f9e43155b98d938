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

std::string too_large(const std::string& name, std::uint64_t max_file_size) {
  return name + " is larger than max_file_size (" + std::to_string(max_file_size) +
         " bytes): refused unread; raise max_file_size if the ERP's exports are this large";
}

// The whole document, or kFailed when it is larger than `max_file_size` or cannot be read.
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
  std::string content;
  if (sdk::Status read = read_whole(document, options_.max_file_size, content); !read) return read;
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
