// AdminClient: kontorctl's side of the admin API — HTTP/1.1 over kontord's Unix socket, or over
// its TCP listener when the target is a URL (`kontorctl --url http://127.0.0.1:9741`), with
// the bearer token from $KONTOR_ADMIN_TOKEN or the file named by $KONTOR_ADMIN_TOKEN_FILE.
//
// Errors say what the operator can do: no socket means kontord is not running (or runs with
// another configuration); permission denied means kontorctl must run as kontord's user or a
// member of its group.
#pragma once

#include <string>

#include "kontor/result.hpp"

namespace kontor::ctl {

struct AdminReply {
  long status = 0;
  std::string body;  // JSON
};

class AdminClient {
 public:
  // `socket_path`: a Unix socket's path, or an http:// URL of the TCP listener.
  explicit AdminClient(std::string socket_path) : socket_path_(std::move(socket_path)) {}

  Result<AdminReply> get(const std::string& path) const;
  Result<AdminReply> post(const std::string& path, const std::string& body = "{}") const;

 private:
  Result<AdminReply> request(const std::string& method, const std::string& path,
                             const std::string& body) const;
  std::string socket_path_;
};

// Percent-encodes one path segment (a job name is [a-z0-9-], but the API does not rely on it).
std::string path_segment(const std::string& text);

}  // namespace kontor::ctl
