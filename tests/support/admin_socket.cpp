#include "support/admin_socket.hpp"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace kontor::testing {

int connect_admin_socket(const std::filesystem::path& socket_path) {
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::strncpy(address.sun_path, socket_path.c_str(), sizeof(address.sun_path) - 1);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
    const int error = errno;
    ::close(fd);
    errno = error;
    return -1;
  }
  return fd;
}

std::string send_raw_request(const std::filesystem::path& socket_path, const std::string& request) {
  const int fd = connect_admin_socket(socket_path);
  if (fd < 0) return "connect failed: " + std::string(std::strerror(errno));
  std::size_t sent = 0;
  while (sent < request.size()) {
    const ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may stop reading an oversized request early
    sent += static_cast<std::size_t>(n);
  }
  ::shutdown(fd, SHUT_WR);
  std::string response;
  char buffer[4096];
  ssize_t got;
  while ((got = ::recv(fd, buffer, sizeof(buffer), 0)) > 0) {
    response.append(buffer, static_cast<std::size_t>(got));
  }
  ::close(fd);
  return response;
}

AdminAnswer parse_admin_answer(const std::string& response) {
  AdminAnswer answer;
  if (response.starts_with("HTTP/1.1 ") && response.size() > 12) {
    answer.status = std::atoi(response.substr(9, 3).c_str());
  }
  const std::size_t end_of_head = response.find("\r\n\r\n");
  std::string head = response.substr(0, end_of_head);
  std::transform(head.begin(), head.end(), head.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (const std::size_t found = head.find("\r\ncontent-type: "); found != std::string::npos) {
    const std::size_t start = found + std::strlen("\r\ncontent-type: ");
    answer.content_type = head.substr(start, head.find("\r\n", start) - start);
  }
  if (end_of_head != std::string::npos) answer.raw_body = response.substr(end_of_head + 4);
  answer.body = nlohmann::json::parse(answer.raw_body, nullptr, false);
  return answer;
}

AdminAnswer admin_request(const std::filesystem::path& socket_path, const std::string& method,
                          const std::string& path, const std::string& body) {
  std::string request = method + " " + path + " HTTP/1.1\r\nHost: k\r\nConnection: close\r\n";
  if (!body.empty() || method == "POST") {
    request +=
        "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  }
  return parse_admin_answer(send_raw_request(socket_path, request + "\r\n" + body));
}

std::string message_of(const AdminAnswer& answer) {
  return answer.body.is_object() && answer.body.contains("error")
             ? answer.body["error"].value("message", "")
             : answer.body.dump();
}

}  // namespace kontor::testing
