#include "idempotency_key.hpp"

#include <random>

#include "batch_file_name.hpp"

namespace kontor::plugins::http_export {
namespace {

constexpr std::string_view kStateKey = "key_prefix";
constexpr std::size_t kLongestPrefix = 64;

bool key_character(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == ':' || c == '-';
}

// 64 bits from the kernel's generator: two installations must not draw the same prefix.
std::string random_hex16() {
  std::random_device device;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (int word = 0; word < 2; ++word) {
    std::uint32_t bits = device();
    for (int i = 0; i < 8; ++i, bits >>= 4) hex += kHex[bits & 0xF];
  }
  return hex;
}

}  // namespace

std::string key_prefix_problem(std::string_view prefix) {
  if (prefix.empty()) return "key_prefix is empty";
  if (prefix.size() > kLongestPrefix) {
    return "key_prefix is longer than " + std::to_string(kLongestPrefix) + " characters";
  }
  for (char c : prefix) {
    if (!key_character(c)) {
      return "key_prefix '" + std::string(prefix) + "' may hold only A-Z a-z 0-9 . _ : -";
    }
  }
  return "";
}

std::string idempotency_key(std::string_view prefix, std::string_view batch_id) {
  return std::string(prefix) + "-" + batch_file_part(batch_id);
}

Result<std::string> instance_key_prefix(const sdk::Host& host) {
  Result<std::optional<std::string>> kept = host.state(kStateKey);
  if (!kept) return kept.error();
  if (kept->has_value() && key_prefix_problem(**kept).empty()) return **kept;
  const std::string made = "kontor-" + random_hex16();
  if (sdk::Status saved = host.put_state(kStateKey, made); !saved) {
    return Error{"cannot keep the idempotency key prefix: " + saved.message()};
  }
  return made;
}

}  // namespace kontor::plugins::http_export
