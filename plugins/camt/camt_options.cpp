#include "camt_options.hpp"

#include <string>

namespace kontor::plugins::camt {

std::vector<sdk::ConfigField> option_schema() {
  using sdk::ConfigField;
  return {
      ConfigField::integer("max_file_size",
                           "Largest file read, in bytes; larger ones are refused unread")
          .range(1, std::int64_t{1} << 40)
          .defaults(std::to_string(kDefaultMaxFileSize)),
  };
}

Result<CamtOptions> options_from(const sdk::Config& config) {
  CamtOptions options;
  const std::int64_t max_file_size = config.integer("max_file_size");
  if (max_file_size < 1) {
    return Error{"max_file_size: " + std::to_string(max_file_size) +
                 " is not a positive number of bytes"};
  }
  options.max_file_size = static_cast<std::uint64_t>(max_file_size);
  return options;
}

}  // namespace kontor::plugins::camt
