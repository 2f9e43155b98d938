// The configuration of an http-export instance (README.md), checked when the instance is made so
// that no export run fails on it: the endpoint, how long and how often to try, where batches
// wait between stage and publish, and the prefix of the idempotency keys.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "kontor/sdk/config.hpp"
#include "kontor/sdk/config_schema.hpp"

namespace kontor::plugins::http_export {

struct HttpExportSettings {
  std::string url;  // https:// (http:// only with allow_http)
  std::string ca_file;
  std::chrono::milliseconds timeout{0};   // of one attempt
  int attempts = 0;                       // POSTs per publish call, at least 1
  std::chrono::milliseconds backoff{0};   // before the second attempt; doubled after each
  std::chrono::milliseconds max_wait{0};  // caps the backoff and a server's Retry-After
  std::filesystem::path staging;          // absolute
  std::optional<std::string> key_prefix;  // none: a random one kept in the instance state
};

std::vector<sdk::ConfigField> http_export_schema();

// Throws sdk::InvalidConfig naming every problem at once.
HttpExportSettings read_settings(const sdk::Config& config);

}  // namespace kontor::plugins::http_export
