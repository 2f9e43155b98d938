// HttpLogin: how a plugin logs in to an HTTP service through the host — a bearer token, or a
// user name and password (keys `bearer_token`, `username`, `password`; token and password are
// secrets). Which of them the configuration gives is checked when the instance starts; the
// secret itself is read from the host for each request and let go.
#pragma once

#include <string>

#include "kontor/sdk/config.hpp"
#include "kontor/sdk/host.hpp"
#include "kontor/sdk/status.hpp"

namespace kontor::sdk {

class HttpLogin {
 public:
  // Throws InvalidConfig when both a token and a user name are given, or a user name without
  // password or the reverse.
  static HttpLogin from(const Config& config);

  // Puts the credentials into `request` (nothing when there are none); a secret the host cannot
  // read is FAILED with its reason.
  Status apply(const Host& host, TransferRequest& request) const;

 private:
  bool bearer_token_ = false;
  std::string username_;
};

// The URL as a message or log line may show it: without user:password@, query or fragment,
// where credentials and tokens travel. Without "://" (a URL written wrongly) the authority
// starts at the beginning.
std::string shown_url(const std::string& url);

}  // namespace kontor::sdk
