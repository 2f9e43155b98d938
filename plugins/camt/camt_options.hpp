// The camt parser's configuration keys (declared by option_schema()) and the options they give.
#pragma once

#include <vector>

#include "camt_reader.hpp"
#include "kontor/result.hpp"
#include "kontor/sdk/config.hpp"
#include "kontor/sdk/config_schema.hpp"

namespace kontor::plugins::camt {

// max_file_size.
std::vector<sdk::ConfigField> option_schema();

Result<CamtOptions> options_from(const sdk::Config& config);

}  // namespace kontor::plugins::camt
