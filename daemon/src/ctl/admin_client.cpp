#include "ctl/admin_client.hpp"

#include <curl/curl.h>
#include <fmt/format.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>

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

bool is_url(const std::string& target) {
  return target.starts_with("http://") || target.starts_with("https://");
}

// The TCP listener's bearer token: $KONTOR_ADMIN_TOKEN, else the file $KONTOR_ADMIN_TOKEN_FILE
// names (one trailing newline dropped). Never a command-line option: others could read it in
// the process list.
Result<std::string> admin_token() {
  if (const char* token = std::getenv("KONTOR_ADMIN_TOKEN"); token != nullptr && *token) {
    return std::string(token);
  }
  const char* file = std::getenv("KONTOR_ADMIN_TOKEN_FILE");
  if (file == nullptr || *file == 0) {
    return Error{"--url needs the admin token: set KONTOR_ADMIN_TOKEN or KONTOR_ADMIN_TOKEN_FILE"};
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return Error{fmt::format("KONTOR_ADMIN_TOKEN_FILE {}: cannot be read", file)};
  std::string token((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (token.ends_with('\n')) token.pop_back();
  return token;
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
  // --url: the TCP listener with its token; otherwise the Unix socket.
  const bool over_tcp = is_url(socket_path_);
  std::string authorization;
  if (over_tcp) {
    auto token = admin_token();
    if (!token) {
      curl_easy_cleanup(curl);
      return token.error();
    }
    authorization = "Authorization: Bearer " + *token;
  }
  std::string base = socket_path_;
  while (over_tcp && base.ends_with('/')) base.pop_back();
  const std::string url = (over_tcp ? base : std::string("http://kontord")) + path;
  curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
  if (over_tcp) {
    headers = curl_slist_append(headers, authorization.c_str());
  } else {
    curl_easy_setopt(curl, CURLOPT_UNIX_SOCKET_PATH, socket_path_.c_str());
  }
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
  if (code == CURLE_COULDNT_CONNECT && over_tcp) {
    return Error{fmt::format("kontord does not answer on {} (is daemon.admin_listen set?)", base)};
  }
  if (code == CURLE_COULDNT_CONNECT) return Error{why_no_connection(socket_path_)};
  if (code != CURLE_OK) return Error{fmt::format("{}: {}", socket_path_, curl_easy_strerror(code))};
  return reply;
}

}  // namespace kontor::ctl
