#include "config/listen_address.hpp"

#include <arpa/inet.h>
#include <fmt/format.h>

#include <charconv>
#include <cstring>

namespace kontor::config {
namespace {

constexpr const char* kExpected = "expected ADDRESS:PORT such as 127.0.0.1:9741 or [::1]:9741";

}  // namespace

std::string ListenAddress::describe() const {
  return host.find(':') != std::string::npos ? fmt::format("[{}]:{}", host, port)
                                             : fmt::format("{}:{}", host, port);
}

Result<ListenAddress> parse_listen_address(std::string_view text) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string_view::npos || colon + 1 == text.size()) {
    return Error{fmt::format("'{}': no port; {}", text, kExpected)};
  }
  std::string_view host = text.substr(0, colon);
  const std::string_view port_text = text.substr(colon + 1);
  const bool bracketed = host.size() >= 2 && host.front() == '[' && host.back() == ']';
  if (bracketed) host = host.substr(1, host.size() - 2);
  unsigned port = 0;
  const auto [end, error] =
      std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (error != std::errc() || end != port_text.data() + port_text.size() || port < 1 ||
      port > 65535) {
    return Error{fmt::format("'{}': port '{}' is not a number from 1 to 65535; {}", text, port_text,
                             kExpected)};
  }
  ListenAddress address;
  address.host = std::string(host);
  address.port = static_cast<std::uint16_t>(port);
  in_addr v4{};
  in6_addr v6{};
  if (!bracketed && ::inet_pton(AF_INET, address.host.c_str(), &v4) == 1) {
    address.loopback = (ntohl(v4.s_addr) >> 24) == 127;
    return address;
  }
  if (bracketed && ::inet_pton(AF_INET6, address.host.c_str(), &v6) == 1) {
    address.loopback = std::memcmp(&v6, &in6addr_loopback, sizeof(v6)) == 0;
    return address;
  }
  if (!bracketed && host.find(':') != std::string_view::npos) {
    return Error{fmt::format("'{}': an IPv6 address needs brackets; {}", text, kExpected)};
  }
  return Error{
      fmt::format("'{}': '{}' is not a numeric IP address (host names are not resolved); {}", text,
                  host, kExpected)};
}

}  // namespace kontor::config
