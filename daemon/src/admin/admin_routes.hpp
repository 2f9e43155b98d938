// AdminRoutes: the admin API's table of endpoints — method and path pattern to handler.
//
// Handlers take and give plain values (the request's method, path parameters, query, body and
// the peer's login; a status and a JSON text), so they know nothing of sockets or Beast and are
// tested directly. Unknown paths are 404, a known path with another method 405, both with a JSON
// error body like every other error: {"error": {"status": 404, "message": "..."}}; a 405 names the
// methods the path takes in `Allow`.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kontor::admin {

struct AdminRequest {
  std::string method;  // GET, POST, ...
  std::string path;    // without the query
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> parameters;  // from {name} in the pattern
  std::string body;
  std::string peer_user;  // login of the process on the other end of the socket
};

struct AdminResponse {
  int status = 200;
  std::string body;  // JSON, unless content_type says otherwise (a notice's PDF)
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers{};  // extra: Allow, WWW-Authenticate
};

using AdminHandler = std::function<AdminResponse(const AdminRequest&)>;

// {"error": {"status": S, "message": M}}
AdminResponse json_error(int status, const std::string& message);

// The request's `limit` query parameter: `fallback` when absent; nullopt when it is not a whole
// number from 1 to `max` (the caller answers 400).
std::optional<std::int64_t> query_limit(const AdminRequest& request, std::int64_t fallback,
                                        std::int64_t max);

class AdminRoutes {
 public:
  // `pattern`: "/jobs/{name}/runs" — a {name} segment matches one path segment.
  void add(std::string method, std::string pattern, AdminHandler handler);
  AdminResponse dispatch(AdminRequest request) const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;
    AdminHandler handler;
  };
  std::vector<Route> routes_;
};

// "/jobs/a%20b/runs?limit=5" -> path segments decoded and the query map; false when malformed.
bool split_target(const std::string& target, std::string& path,
                  std::map<std::string, std::string>& query);

}  // namespace kontor::admin
