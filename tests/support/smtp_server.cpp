#include "support/smtp_server.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "support/loopback.hpp"
#include "support/throwaway_tls.hpp"

namespace kontor::testing {
namespace {

constexpr const char* kPython = "/usr/bin/python3";

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// "0001" for the first message: the server's file names.
std::string message_name(int number) {
  char name[16];
  std::snprintf(name, sizeof(name), "%04d", number);
  return name;
}

}  // namespace

SmtpServer::SmtpServer(SmtpServerOptions options) {
  error_ = start(options);
}

SmtpServer::~SmtpServer() = default;

void SmtpServer::stop() {
  server_.reset();  // SIGKILL and reap
}

std::string SmtpServer::url() const {
  return (implicit_tls_ ? "smtps://127.0.0.1:" : "smtp://127.0.0.1:") + std::to_string(port_);
}

std::vector<ReceivedMail> SmtpServer::received() const {
  // The server numbers messages 0001, 0002, ... and writes a message's .envelope after its
  // .eml, so the messages are those up to the first missing .envelope.
  std::vector<ReceivedMail> mails;
  const std::filesystem::path folder = dir_ / "mail/received";
  for (int number = 1;; ++number) {
    const std::filesystem::path base = folder / message_name(number);
    std::ifstream envelope(base.string() + ".envelope");
    if (!envelope) break;
    ReceivedMail mail;
    for (std::string line; std::getline(envelope, line);) {
      if (line.starts_with("session ")) mail.session = std::stoi(line.substr(8));
      if (line.starts_with("from ")) mail.mail_from = line.substr(5);
      if (line.starts_with("to ")) mail.rcpt_to.push_back(line.substr(3));
    }
    mail.data = read_bytes(base.string() + ".eml");
    mails.push_back(std::move(mail));
  }
  return mails;
}

int SmtpServer::received_count() const {
  const std::filesystem::path folder = dir_ / "mail/received";
  int count = 0;
  while (std::filesystem::exists(folder / (message_name(count + 1) + ".envelope"))) ++count;
  return count;
}

int SmtpServer::sessions() const {
  // Whole lines only: a line being written is a session a moment later.
  const std::string log = read_bytes(dir_ / "mail/sessions.log");
  return static_cast<int>(std::count(log.begin(), log.end(), '\n'));
}

std::string SmtpServer::start(const SmtpServerOptions& options) {
  if (::access(kPython, X_OK) != 0) return std::string(kPython) + " is missing";
  implicit_tls_ = options.security == "tls";
  for (const char* sub : {"mail", "log"}) std::filesystem::create_directories(dir_ / sub);
  port_ = free_loopback_port();
  std::vector<std::string> argv = {
      kPython, (std::filesystem::path(KONTOR_SOURCE_DIR) / "tests/support/smtp_server.py").string(),
      "--port", std::to_string(port_), "--dir", (dir_ / "mail").string(), "--security",
      options.security,
      // wait_until_listening() below connects once to see the server listen: not a session.
      "--skip-sessions", "1"};
  if (options.security != "plain") {
    if (std::string why = make_throwaway_tls(dir_ / "tls"); !why.empty()) return why;
    argv.insert(argv.end(), {"--cert", (dir_ / "tls/server.pem").string(), "--key",
                             (dir_ / "tls/server.key").string()});
  }
  if (!options.username.empty()) {
    const auto password_file = dir_.write("smtp-password", options.password);
    argv.insert(argv.end(),
                {"--user", options.username, "--password-file", password_file.string()});
  }
  for (const auto& address : options.reject_recipients) {
    argv.insert(argv.end(), {"--reject-rcpt", address});
  }
  for (const auto& address : options.defer_recipients) {
    argv.insert(argv.end(), {"--defer-rcpt", address});
  }
  if (!options.data_reply.empty()) argv.insert(argv.end(), {"--data-reply", options.data_reply});
  if (!options.hang.empty()) argv.insert(argv.end(), {"--hang", options.hang});
  server_ = std::make_unique<ChildProcess>(ChildOptions{argv, dir_ / "log", {}, {}});
  if (std::string why = wait_until_listening(*server_, port_); !why.empty()) {
    return "smtp_server.py " + why;
  }
  return "";
}

}  // namespace kontor::testing
