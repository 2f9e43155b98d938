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

}  // namespace kontor::sdk
