// AdminTcpListener: the admin API's optional TCP listener (daemon.admin_listen), for clients on
// other hosts or in containers that cannot reach the Unix socket — and for Prometheus.
//
// Same routes and limits as the Unix socket (admin_server.hpp), plus: every request must carry
// `Authorization: Bearer <token>` (bearer_token.hpp), else 401 with `WWW-Authenticate: Bearer`
// and a JSON error — /metrics included. Plain HTTP without TLS: bind a loopback address, or put
// a TLS-terminating proxy in front. Changes made over TCP are recorded as made by
// "admin-token@ADDRESS", since the token, not a login, vouches for the client.
#pragma once

#include <memory>

#include "admin/admin_routes.hpp"
#include "admin/admin_server.hpp"
#include "admin/bearer_token.hpp"
#include "config/listen_address.hpp"
#include "kontor/result.hpp"

namespace boost::asio {
class io_context;
}

namespace kontor::admin {

class AdminTcpListener {
 public:
  static Result<std::unique_ptr<AdminTcpListener>> listen(boost::asio::io_context& io,
                                                          const config::ListenAddress& address,
                                                          const AdminRoutes& routes,
                                                          BearerToken token,
                                                          AdminLimits limits = {});
  ~AdminTcpListener();
  AdminTcpListener(const AdminTcpListener&) = delete;
  AdminTcpListener& operator=(const AdminTcpListener&) = delete;

  // From the next request on (a reload that rotated the secret); connections stay open.
  void replace_token(BearerToken token);
  void stop();

 private:
  struct Impl;
  explicit AdminTcpListener(std::shared_ptr<Impl> impl);
  std::shared_ptr<Impl> impl_;
};

}  // namespace kontor::admin
