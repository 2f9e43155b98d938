#include "kontor/sdk/status.hpp"

namespace kontor::sdk {

const char* to_string(Code code) {
  switch (code) {
    case Code::kOk:
      return "ok";
    case Code::kRetry:
      return "retry";
    case Code::kFailed:
      return "failed";
    case Code::kInvalidConfig:
      return "invalid configuration";
    case Code::kUnsupported:
      return "unsupported";
    case Code::kCancelled:
      return "cancelled";
    case Code::kNotFound:
      return "not found";
    case Code::kInternal:
      return "internal error";
  }
  return "unknown status";
}

}  // namespace kontor::sdk
