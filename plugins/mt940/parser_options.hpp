// ParserOptions: how the mt940 plugin reads a bank's files — the text encoding, the currency of
// entries in statements that name none, the largest file read — from the plugin instance's
// configuration (keys declared by option_schema(), documented in README.md).
#pragma once

#include <cstdint>
#include <vector>

#include "kontor/model/currency.hpp"
#include "kontor/result.hpp"
#include "kontor/sdk/config.hpp"
#include "kontor/sdk/config_schema.hpp"
#include "text_encoding.hpp"

namespace kontor::plugins::mt940 {

inline constexpr std::uint64_t kDefaultMaxFileSize = 256 * 1024 * 1024;

struct ParserOptions {
  TextEncoding encoding = TextEncoding::automatic;
  Currency currency = Currency::eur();
  std::uint64_t max_file_size = kDefaultMaxFileSize;
};

// The configuration keys: encoding, currency, max_file_size.
std::vector<sdk::ConfigField> option_schema();

// The options of a validated configuration; an error names the key whose value cannot work.
Result<ParserOptions> options_from(const sdk::Config& config);

}  // namespace kontor::plugins::mt940
