// ListenAddress: where the admin API's optional TCP listener binds — "127.0.0.1:9741" or
// "[::1]:9741". Only numeric addresses: a host name would make the bind depend on DNS at
// start-up, and an operator should see exactly which interface the API is exposed on.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "kontor/result.hpp"

namespace kontor::config {

struct ListenAddress {
  std::string host;  // the address without brackets: "127.0.0.1", "::1"
  std::uint16_t port = 0;
  bool loopback = false;  // 127.0.0.0/8 or ::1: not reachable from another machine

  std::string describe() const;  // "127.0.0.1:9741", "[::1]:9741"
};

// The error says what is wrong and what is expected.
Result<ListenAddress> parse_listen_address(std::string_view text);

}  // namespace kontor::config
