// kontor::sdk::Status: what a plugin call reports back to the host — OK, or a code that tells
// the host what to do next (retry later, give up on this input, fix the configuration) and a
// message for the operator.
#pragma once

#include <string>
#include <utility>

#include "kontor/plugin_abi.h"

namespace kontor::sdk {

enum class Code : kontor_status {
  kOk = KONTOR_OK,
  kRetry = KONTOR_RETRY,
  kFailed = KONTOR_FAILED,
  kInvalidConfig = KONTOR_INVALID_CONFIG,
  kUnsupported = KONTOR_UNSUPPORTED,
  kCancelled = KONTOR_CANCELLED,
  kNotFound = KONTOR_NOT_FOUND,
  kInternal = KONTOR_INTERNAL,
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status ok() { return {}; }
  static Status retry(std::string message) { return {Code::kRetry, std::move(message)}; }
  static Status failed(std::string message) { return {Code::kFailed, std::move(message)}; }
  static Status invalid_config(std::string message) {
    return {Code::kInvalidConfig, std::move(message)};
  }
  static Status unsupported(std::string message) {
    return {Code::kUnsupported, std::move(message)};
  }
  static Status cancelled() { return {Code::kCancelled, "cancelled"}; }
  static Status not_found(std::string message) { return {Code::kNotFound, std::move(message)}; }
  static Status internal(std::string message) { return {Code::kInternal, std::move(message)}; }
  static Status from_code(kontor_status code, std::string message) {
    return {static_cast<Code>(code), std::move(message)};
  }

  bool is_ok() const { return code_ == Code::kOk; }
  explicit operator bool() const { return is_ok(); }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// "retry", "failed", ... for messages.
const char* to_string(Code code);

}  // namespace kontor::sdk
