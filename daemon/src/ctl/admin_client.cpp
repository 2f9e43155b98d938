#include "ctl/admin_client.hpp"

#include <curl/curl.h>
#include <fmt/format.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kontor::ctl {
namespace {

size_t collect(char* data, size_t size, size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

// curl says "Couldn't connect"; the operator needs to know why. Ask the socket directly.
std::string why_no_connection(const std::string& socket_path) {
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::strncpy(address.sun_path, socket_path.c_str(), sizeof(address.sun_path) - 1);
  const int result = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address));
  const int error = errno;
  ::close(fd);
  if (result == 0) return "the connection broke off";
  if (error == ENOENT || error == ECONNREFUSED) {
    return fmt::format("kontord is not running (nothing listens on {})", socket_path);
  }
  if (error == EACCES || error == EPERM) {
    return fmt::format(
        "permission denied on {}: run kontorctl as kontord's user or as a member "
        "of its group",
        socket_path);
  }
  return fmt::format("cannot connect to {}: {}", socket_path, std::strerror(error));
}

}  // namespace

std::string path_segment(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

Result<AdminReply> AdminClient::get(const std::string& path) const {
  return request("GET", path, "");
}

Result<AdminReply> AdminClient::post(const std::string& path, const std::string& body) const {
  return request("POST", path, body);
}

Result<AdminReply> AdminClient::request(const std::string& method, const std::string& path,
                                        const std::string& body) const {
  CURL* curl = curl_easy_init();
  if (curl == nullptr) return Error{"curl_easy_init failed"};
  AdminReply reply;
  const std::string url = "http://kontord" + path;
  curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
  curl_easy_setopt(curl, CURLOPT_UNIX_SOCKET_PATH, socket_path_.c_str());
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &collect);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply.body);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  if (method == "POST") {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  }
  const CURLcode code = curl_easy_perform(curl);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  if (code == CURLE_COULDNT_CONNECT) return Error{why_no_connection(socket_path_)};
  if (code != CURLE_OK) return Error{fmt::format("{}: {}", socket_path_, curl_easy_strerror(code))};
  return reply;
}

}  // namespace kontor::ctl
