// SmtpServer: a mail server for the tests of SMTP transfers and the e-mail channel —
// tests/support/smtp_server.py (Debian's aiosmtpd) run by /usr/bin/python3 on a free loopback
// port. It speaks plain SMTP, STARTTLS (required before MAIL) or implicit TLS with a certificate
// for 127.0.0.1 from a throwaway CA (throwaway_tls.hpp), optionally requires AUTH, refuses or
// defers the recipients it is told to, answers DATA as told, or hangs for timeout tests. What it
// accepts is stored in the test's temp dir and read back by received(); sessions() counts the
// connections. Stopped and removed when the test ends.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "support/child_process.hpp"
#include "support/temp_dir.hpp"

namespace kontor::testing {

struct SmtpServerOptions {
  std::string security = "starttls";  // plain | starttls | tls (implicit, "smtps")
  // With username: AUTH PLAIN or LOGIN required before MAIL; wrong credentials get 535 5.7.8.
  // The password reaches the server in a file in the temp dir, never on its command line.
  std::string username, password;
  // RCPT TO these gets 550 5.1.1 (rejected) or 450 4.2.1 (deferred).
  std::vector<std::string> reject_recipients, defer_recipients;
  // "CODE TEXT" answering the end of DATA; empty = "250 2.0.0 Ok: queued". Only a 2xx reply
  // stores the message.
  std::string data_reply;
  // "connect": accepts connections and never greets (nor does a TLS handshake); "data": never
  // answers the end of DATA (and stores nothing).
  std::string hang;

  // One setting changed from the defaults (a test rarely needs more).
  static SmtpServerOptions with_security(std::string security) {
    SmtpServerOptions options;
    options.security = std::move(security);
    return options;
  }
  static SmtpServerOptions with_login(std::string username, std::string password) {
    SmtpServerOptions options;
    options.username = std::move(username);
    options.password = std::move(password);
    return options;
  }
  static SmtpServerOptions rejecting(std::string recipient) {
    SmtpServerOptions options;
    options.reject_recipients = {std::move(recipient)};
    return options;
  }
  static SmtpServerOptions deferring(std::string recipient) {
    SmtpServerOptions options;
    options.defer_recipients = {std::move(recipient)};
    return options;
  }
  static SmtpServerOptions answering_data(std::string reply) {
    SmtpServerOptions options;
    options.data_reply = std::move(reply);
    return options;
  }
  static SmtpServerOptions hanging(std::string where) {
    SmtpServerOptions options;
    options.hang = std::move(where);
    return options;
  }
};

struct ReceivedMail {
  int session = 0;        // the connection it came in on: 1 for the first, as sessions() counts
  std::string mail_from;  // without <>; "" for the null sender
  std::vector<std::string> rcpt_to;  // the accepted recipients, in order
  std::string data;                  // the DATA as received: CRLF line ends, dot-stuffing undone
};

class SmtpServer {
 public:
  explicit SmtpServer(SmtpServerOptions options = {});
  ~SmtpServer();
  SmtpServer(const SmtpServer&) = delete;
  SmtpServer& operator=(const SmtpServer&) = delete;

  // Empty once the server listens; else why it does not.
  const std::string& error() const { return error_; }
  void stop();  // now, for tests of a server that went away

  int port() const { return port_; }
  // smtp://127.0.0.1:PORT, or smtps://127.0.0.1:PORT for implicit TLS.
  std::string url() const;
  // The CA that signed the server's certificate, and one that did not (none for plain).
  std::filesystem::path ca_file() const { return dir_ / "tls/ca.pem"; }
  std::filesystem::path other_ca_file() const { return dir_ / "tls/other-ca.pem"; }

  // The messages accepted so far, in order; stored before the client sees the 2xx reply.
  std::vector<ReceivedMail> received() const;
  // The connections opened so far, also those that never got further (TLS refused, hang).
  // Counted as the server accepts one, before its greeting: a client that got any reply is
  // counted; one that only connected (hang = "connect") may be counted a moment later.
  // How many messages received() would return, without reading them.
  int received_count() const;
  int sessions() const;

 private:
  std::string start(const SmtpServerOptions& options);

  TempDir dir_;
  int port_ = 0;
  bool implicit_tls_ = false;
  std::string error_;
  std::unique_ptr<ChildProcess> server_;
};

}  // namespace kontor::testing
