#include "host/smtp_dialogue.hpp"

#include <array>
#include <cctype>

namespace kontor::host::smtp {
namespace {

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string_view without_line_end(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.remove_suffix(1);
  return line;
}

bool starts_with_code(std::string_view line) {
  return line.size() >= 3 && std::isdigit(static_cast<unsigned char>(line[0])) &&
         std::isdigit(static_cast<unsigned char>(line[1])) &&
         std::isdigit(static_cast<unsigned char>(line[2]));
}

}  // namespace

void SmtpDialogue::client_line(std::string_view line) {
  line = without_line_end(line);
  const std::string verb = upper(line.substr(0, line.find(' ')));
  // The goodbye (curl says QUIT right after a refusal) must not hide what was refused.
  if (verb == "QUIT") {
    quitting_ = true;
    return;
  }
  // Commands whose arguments are safe and useful to show: the envelope addresses.
  if (verb == "MAIL" || verb == "RCPT") {
    command_ = std::string(line);
    return;
  }
  static constexpr std::array<std::string_view, 8> kVerbsOnly = {
      "EHLO", "HELO", "STARTTLS", "AUTH", "DATA", "RSET", "NOOP", "VRFY"};
  for (std::string_view known : kVerbsOnly) {
    if (verb == known) {
      command_ = verb;
      return;
    }
  }
  // Anything else is an AUTH continuation (user name, password, token) or message content:
  // never kept.
}

void SmtpDialogue::server_line(std::string_view line) {
  if (quitting_) return;
  line = without_line_end(line);
  if (!starts_with_code(line)) return;
  if (!partial_.empty()) partial_ += ' ';
  partial_ += line.size() > 4 ? line.substr(4) : std::string_view();
  if (line.size() > 3 && line[3] == '-') return;  // more lines of this reply follow
  reply_code_ = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
  reply_ = std::string(line.substr(0, 3)) + (partial_.empty() ? "" : " " + partial_);
  partial_.clear();
}

kontor_status refusal_status(const std::string& command, int reply_code) {
  const bool permanent = reply_code >= 500 && reply_code <= 599;
  const bool about_the_message = command.rfind("RCPT", 0) == 0 || command == "DATA";
  return permanent && about_the_message ? KONTOR_FAILED : KONTOR_RETRY;
}

bool is_loopback_url(std::string_view url) {
  auto start = url.find("://");
  if (start == std::string_view::npos) return false;
  std::string_view rest = url.substr(start + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const auto at = rest.rfind('@'); at != std::string_view::npos) rest = rest.substr(at + 1);
  std::string_view host;
  if (!rest.empty() && rest.front() == '[') {
    host = rest.substr(1, rest.find(']') == std::string_view::npos ? 0 : rest.find(']') - 1);
  } else {
    host = rest.substr(0, rest.find(':'));
  }
  const std::string name = upper(host);
  if (name == "LOCALHOST" || name == "::1") return true;
  // 127.0.0.0/8, written as four decimal numbers.
  if (name.rfind("127.", 0) != 0) return false;
  int dots = 0;
  for (char c : name) {
    if (c == '.') {
      ++dots;
    } else if (!std::isdigit(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return dots == 3;
}

}  // namespace kontor::host::smtp
