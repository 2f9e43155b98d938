// SmtpDialogue: what kontord learns from one SMTP conversation libcurl holds for it — the
// command in progress and the server's latest reply — and what the outcome means for the
// message (smtp_transfer.cpp feeds it curl's protocol trace).
//
// Only command verbs are kept (MAIL FROM and RCPT TO with their address): the lines of an AUTH
// exchange carry credentials and are never stored, logged or shown.
#pragma once

#include <string>
#include <string_view>

#include "kontor/plugin_abi.h"

namespace kontor::host::smtp {

class SmtpDialogue {
 public:
  // A line the client sent ("MAIL FROM:<a@b>", "AUTH PLAIN …", a base64 AUTH continuation …).
  void client_line(std::string_view line);
  // A line the server sent ("250-SIZE 10240000", "550 5.1.1 <x@y>: User unknown" …).
  void server_line(std::string_view line);

  // "RCPT TO:<x@example.org>", "DATA", "AUTH", "" before the first command (the greeting).
  const std::string& command() const { return command_; }
  // The server's latest complete reply, its lines joined by blanks; "" when none came.
  const std::string& reply() const { return reply_; }
  // The reply's code (250, 451, 550 …), 0 when none came.
  int reply_code() const { return reply_code_; }

 private:
  std::string command_;
  std::string reply_;
  std::string partial_;  // lines of a multi-line reply ("250-…") still coming
  int reply_code_ = 0;
  bool quitting_ = false;  // QUIT was sent: what follows is the goodbye
};

// What a reply that ended the conversation means for the message:
//  - 5xx to RCPT TO or to DATA (or the content after it): the server refuses this message for
//    good, so retrying it cannot help — KONTOR_FAILED, and the channel parks the notice.
//  - anything else — any 4xx, a 5xx to the greeting, EHLO, STARTTLS, AUTH or MAIL FROM: the
//    message is not at fault but the server, the account or the configuration is; the message
//    waits and is sent once that is fixed — KONTOR_RETRY.
kontor_status refusal_status(const std::string& command, int reply_code);

// Whether `url`'s host is the local machine (localhost, 127.0.0.0/8, ::1): the only place an
// unencrypted SMTP conversation is allowed to go.
bool is_loopback_url(std::string_view url);

}  // namespace kontor::host::smtp
