#include "smtp_sender.hpp"

#include <cctype>

#include "kontor/sdk/plugin.hpp"
#include "mime_header.hpp"

namespace kontor::plugins::email {
namespace {

bool is_ipv6_literal(const std::string& host) {
  return host.find(':') != std::string::npos;
}

// A host name, an IPv4 address or an IPv6 address: nothing that could add a user, a port or a
// path to the URL.
bool is_plain_host(const std::string& host) {
  if (host.empty() || host.size() > 253) return false;
  if (is_ipv6_literal(host)) {
    for (char c : host) {
      if (!std::isxdigit(static_cast<unsigned char>(c)) && c != ':' && c != '.') return false;
    }
    return true;
  }
  for (char c : host) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-') return false;
  }
  return true;
}

bool is_loopback_host(const std::string& host) {
  if (host == "localhost" || host == "::1") return true;
  if (host.rfind("127.", 0) != 0) return false;
  int dots = 0;
  for (char c : host) {
    if (c == '.') {
      ++dots;
    } else if (!std::isdigit(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return dots == 3;
}

SmtpSecurity security_of(const std::string& text) {
  if (text == "tls") return SmtpSecurity::kImplicitTls;
  if (text == "none") return SmtpSecurity::kNone;
  return SmtpSecurity::kStartTls;
}

int default_port(SmtpSecurity security) {
  switch (security) {
    case SmtpSecurity::kImplicitTls:
      return 465;
    case SmtpSecurity::kNone:
      return 25;
    case SmtpSecurity::kStartTls:
      break;
  }
  return 587;
}

}  // namespace

std::vector<sdk::ConfigField> smtp_schema() {
  using sdk::ConfigField;
  return {
      ConfigField::text("smtp_host", "Mail server (mode smtp): host name or address"),
      ConfigField::integer("smtp_port", "Mail server port; default 587, 465 with tls, 25 with none")
          .range(1, 65535),
      ConfigField::text("smtp_security",
                        "starttls (switch to TLS before anything is said), tls (TLS from the "
                        "first byte) or none (only to a relay on this machine)")
          .choices({"starttls", "tls", "none"})
          .defaults("starttls"),
      ConfigField::text("smtp_user", "User name to log in with (AUTH); default: no login"),
      ConfigField::secret("smtp_password", "Password for smtp_user"),
      ConfigField::text("ca_file", "Extra trusted CA certificates (PEM) for the mail server"),
      ConfigField::text("helo_name", "Name to greet the server with (EHLO); default this host's"),
      ConfigField::duration("timeout", "Longest time one message may take to send").defaults("60s"),
  };
}

SmtpSettings read_smtp_settings(const sdk::Config& config) {
  SmtpSettings settings;
  settings.host = config.optional_text("smtp_host").value_or("");
  if (settings.host.empty()) throw sdk::InvalidConfig("smtp_host is required in mode smtp");
  if (!is_plain_host(settings.host)) {
    throw sdk::InvalidConfig("smtp_host: \"" + printable(settings.host) +
                             "\" is not a host name or address (no scheme, port or user)");
  }
  settings.security = security_of(config.text("smtp_security"));
  settings.port = config.has("smtp_port") ? static_cast<int>(config.integer("smtp_port"))
                                          : default_port(settings.security);
  if (settings.security == SmtpSecurity::kNone && !is_loopback_host(settings.host)) {
    throw sdk::InvalidConfig(
        "smtp_security: none sends mail (and any password) unencrypted, so it is only allowed "
        "to a relay on this machine (localhost, 127.0.0.1, ::1), not to " +
        settings.host);
  }
  settings.user = config.optional_text("smtp_user").value_or("");
  if (settings.user.empty() != !config.has("smtp_password")) {
    throw sdk::InvalidConfig("smtp_user and smtp_password go together: give both or neither");
  }
  settings.ca_file = config.optional_text("ca_file").value_or("");
  settings.helo_name = config.optional_text("helo_name").value_or("");
  if (!settings.helo_name.empty() && !is_plain_domain(settings.helo_name)) {
    throw sdk::InvalidConfig("helo_name: \"" + printable(settings.helo_name) +
                             "\" is not a domain name");
  }
  settings.timeout = config.duration("timeout");
  return settings;
}

std::string smtp_url(const SmtpSettings& settings) {
  const std::string scheme = settings.security == SmtpSecurity::kImplicitTls ? "smtps" : "smtp";
  const std::string host =
      is_ipv6_literal(settings.host) ? "[" + settings.host + "]" : settings.host;
  std::string url = scheme + "://" + host + ":" + std::to_string(settings.port);
  if (!settings.helo_name.empty()) url += "/" + settings.helo_name;
  return url;
}

SmtpSender::SmtpSender(sdk::Host host, SmtpSettings settings)
    : host_(host), settings_(std::move(settings)), url_(smtp_url(settings_)) {}

sdk::Status SmtpSender::send(const std::string& message, const std::string& envelope_from,
                             const std::vector<std::string>& recipients,
                             const std::string& which) const {
  sdk::TransferRequest request;
  request.url = url_;
  request.method = settings_.security == SmtpSecurity::kNone ? "SEND_PLAIN" : "SEND";
  request.body = message;
  request.mail_from = envelope_from;
  request.mail_to = recipients;
  request.ca_file = settings_.ca_file;
  request.timeout = settings_.timeout;
  if (!settings_.user.empty()) {
    Result<std::string> password = host_.secret("smtp_password");
    if (!password) {
      return sdk::Status::retry(which +
                                ": the SMTP password cannot be read: " + password.error().message);
    }
    request.username = settings_.user;
    request.password = std::move(*password);
  }
  sdk::TransferResponse response;
  sdk::Status sent = host_.transfer(request, response);
  if (sent) {
    host_.debug(which + ": accepted by " + settings_.host + ": " + response.message);
    return sent;
  }
  // Only the server's permanent refusal of this very message parks the notice; whatever else
  // went wrong (including a host that cannot speak SMTP) lets it wait for the next run.
  if (sent.code() == sdk::Code::kFailed) return sdk::Status::failed(which + ": " + sent.message());
  return sdk::Status::retry(which + ": " + sent.message());
}

}  // namespace kontor::plugins::email
