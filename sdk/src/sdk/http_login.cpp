#include "kontor/sdk/http_login.hpp"

#include "kontor/sdk/plugin.hpp"

namespace kontor::sdk {

HttpLogin HttpLogin::from(const Config& config) {
  HttpLogin login;
  login.bearer_token_ = config.has("bearer_token");
  login.username_ = config.optional_text("username").value_or("");
  if (login.bearer_token_ && !login.username_.empty()) {
    throw InvalidConfig("give bearer_token or username and password, not both");
  }
  if (login.username_.empty() != !config.has("password")) {
    throw InvalidConfig("username and password go together");
  }
  return login;
}

Status HttpLogin::apply(const Host& host, TransferRequest& request) const {
  if (bearer_token_) {
    auto token = host.secret("bearer_token");
    if (!token) return Status::failed(token.error().message);
    request.bearer_token = std::move(token).value();
  } else if (!username_.empty()) {
    auto password = host.secret("password");
    if (!password) return Status::failed(password.error().message);
    request.username = username_;
    request.password = std::move(password).value();
  }
  return Status::ok();
}

std::string shown_url(const std::string& url) {
  std::string shown = url.substr(0, url.find_first_of("?#"));
  const auto scheme_end = shown.find("://");
  const std::size_t authority = scheme_end == std::string::npos ? 0 : scheme_end + 3;
  const auto at = shown.find('@', authority);
  const auto slash = shown.find('/', authority);
  if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
    shown.erase(authority, at - authority + 1);
  }
  return shown;
}

}  // namespace kontor::sdk
