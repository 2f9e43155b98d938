// SmtpSender: how the email channel hands a composed message to a mail server in `smtp` mode —
// through the host's transfer service (kontord's libcurl: one TLS and timeout policy), never a
// socket of its own.
//
// The settings are read and checked when the instance starts, so a wrong host, port or TLS
// choice stops kontord's start (or reload) instead of failing each notice. The password is a
// secret: read from the host for each message and let go.
//
// Outcomes: ok when the server accepted the message for every envelope recipient; failed when
// it refused the message for good (a 5xx to a recipient or to the content), so the notice is
// parked with the server's reply; retry for anything else (no connection, timeout, TLS, login,
// any 4xx), since then the message is not at fault and waits for the next run.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "kontor/sdk/config.hpp"
#include "kontor/sdk/config_schema.hpp"
#include "kontor/sdk/host.hpp"
#include "kontor/sdk/status.hpp"

namespace kontor::plugins::email {

enum class SmtpSecurity { kStartTls, kImplicitTls, kNone };

struct SmtpSettings {
  std::string host;
  int port = 587;
  SmtpSecurity security = SmtpSecurity::kStartTls;
  std::string user;  // empty: no AUTH
  std::string ca_file;
  std::string helo_name;  // empty: libcurl greets with the machine's name
  std::chrono::milliseconds timeout{60'000};
};

// The keys of the `smtp` mode, for the channel's schema.
std::vector<sdk::ConfigField> smtp_schema();

// The settings of a configuration in `smtp` mode; sdk::InvalidConfig naming the key otherwise.
SmtpSettings read_smtp_settings(const sdk::Config& config);

// "smtp://host:port/helo" or "smtps://…"; an IPv6 address in brackets.
std::string smtp_url(const SmtpSettings& settings);

class SmtpSender {
 public:
  SmtpSender(sdk::Host host, SmtpSettings settings);

  // Sends `message` (complete, CRLF) from `envelope_from` to `recipients`; `which` names the
  // notice in messages.
  sdk::Status send(const std::string& message, const std::string& envelope_from,
                   const std::vector<std::string>& recipients, const std::string& which) const;

 private:
  sdk::Host host_;
  SmtpSettings settings_;
  std::string url_;
};

}  // namespace kontor::plugins::email
