// AdminServer: the admin API's HTTP/1.1 listener on a Unix socket, served from kontord's one
// io_context.
//
// The socket is created mode 0660 (owner and group; the unit's RuntimeDirectory keeps others
// out of its directory too), a stale socket file is replaced, anything else at the path is
// refused. Every request has limits (AdminLimits): 8 KiB of headers (431 beyond), 64 KiB of
// body (413 beyond), daemon.admin_request_timeout (default 10 s) to arrive (the connection is
// closed), at most 32 connections at once (503 beyond); every error is JSON. The peer's login
// comes from SO_PEERCRED, so changes made through the API name who made them. The optional TCP
// listener (tcp_listener.hpp) shares these limits and adds a bearer token.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>

#include "admin/admin_routes.hpp"
#include "kontor/result.hpp"

namespace boost::asio {
class io_context;
}

namespace kontor::admin {

struct AdminLimits {
  std::size_t max_header_bytes = 8 * 1024;
  std::size_t max_body_bytes = 64 * 1024;
  std::chrono::milliseconds read_timeout{10000};
  int max_connections = 32;
};

class AdminServer {
 public:
  static Result<std::unique_ptr<AdminServer>> listen(boost::asio::io_context& io,
                                                     const std::filesystem::path& socket_path,
                                                     const AdminRoutes& routes,
                                                     AdminLimits limits = {});
  ~AdminServer();  // closes the listener and removes the socket file
  AdminServer(const AdminServer&) = delete;
  AdminServer& operator=(const AdminServer&) = delete;

  void stop();

 private:
  struct Impl;
  explicit AdminServer(std::shared_ptr<Impl> impl);
  std::shared_ptr<Impl> impl_;
  std::filesystem::path path_;
};

}  // namespace kontor::admin
