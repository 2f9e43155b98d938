// Host: what the daemon offers a plugin instance — logging, metrics, the clock, cancellation,
// small persistent state, secrets and network transfers (HTTP(S), SFTP, SMTP through the
// host's libcurl, so every plugin shares one TLS and timeout policy).
//
// A plugin gets its Host in its constructor and may keep it for the instance's life.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kontor/plugin_abi.h"
#include "kontor/result.hpp"
#include "kontor/sdk/status.hpp"

namespace kontor::sdk {

enum class LogLevel : std::int32_t {
  kDebug = KONTOR_LOG_DEBUG,
  kInfo = KONTOR_LOG_INFO,
  kWarning = KONTOR_LOG_WARNING,
  kError = KONTOR_LOG_ERROR,
};

struct TransferRequest {
  std::string url;
  std::string method = "GET";
  std::vector<std::string> headers;  // "Name: value"
  std::string body;
  std::string username;
  std::string password;
  std::string bearer_token;
  std::string rename_to;
  std::string mail_from;
  std::vector<std::string> mail_to;
  std::string ca_file;
  std::string known_hosts;
  std::string private_key;
  std::chrono::milliseconds timeout{0};
};

struct TransferResponse {
  int code = 0;                      // HTTP status or last SMTP reply code
  std::string message;               // server reply text
  std::string body;                  // downloaded content (GET, LIST)
  std::vector<std::string> headers;  // HTTP: the final response's "Name: value" lines

  // The value of the first header called `name` (any case), without surrounding blanks.
  std::optional<std::string> header(std::string_view name) const;
};

class Host {
 public:
  Host(const kontor_host_api* api, kontor_host_instance* instance)
      : api_(api), instance_(instance) {}

  void log(LogLevel level, std::string_view message) const;
  void debug(std::string_view message) const { log(LogLevel::kDebug, message); }
  void info(std::string_view message) const { log(LogLevel::kInfo, message); }
  void warn(std::string_view message) const { log(LogLevel::kWarning, message); }
  void error(std::string_view message) const { log(LogLevel::kError, message); }

  void count(std::string_view metric, std::int64_t delta = 1) const;
  void gauge(std::string_view metric, std::int64_t value) const;

  std::chrono::sys_time<std::chrono::microseconds> now() const;
  bool cancelled() const;

  // Small per-instance state (cursors, last seen ids), kept in the store.
  Result<std::optional<std::string>> state(std::string_view key) const;
  Status put_state(std::string_view key, std::string_view value) const;
  Status erase_state(std::string_view key) const;

  // The value of one of the instance's secret keys. Use it and let it go; never log it.
  Result<std::string> secret(std::string_view key) const;

  // A transfer through the host. A transport error (no connection, TLS failure, timeout) is a
  // Status with code kRetry; a server's answer — any status code — is a TransferResponse.
  Status transfer(const TransferRequest& request, TransferResponse& response) const;

  // Streams the response body to `on_chunk` instead of collecting it.
  Status transfer(const TransferRequest& request,
                  const std::function<Status(std::span<const std::uint8_t>)>& on_chunk,
                  TransferResponse& response) const;

  const kontor_host_api* api() const { return api_; }
  kontor_host_instance* instance() const { return instance_; }

 private:
  const kontor_host_api* api_;
  kontor_host_instance* instance_;
};

}  // namespace kontor::sdk
