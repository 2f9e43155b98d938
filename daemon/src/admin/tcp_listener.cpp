#include "admin/tcp_listener.hpp"

#include <fmt/format.h>

#include <boost/asio/ip/tcp.hpp>

#include "admin/admin_session.hpp"

namespace kontor::admin {
namespace {

using tcp = boost::asio::ip::tcp;

std::string remote_address(tcp::socket& socket) {
  boost::beast::error_code error;
  const auto remote = socket.remote_endpoint(error);
  return error ? std::string("unknown") : remote.address().to_string();
}

}  // namespace

struct AdminTcpListener::Impl : detail::AdminAcceptor<tcp> {
  using AdminAcceptor::AdminAcceptor;
};

AdminTcpListener::AdminTcpListener(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}

AdminTcpListener::~AdminTcpListener() {
  stop();
}

void AdminTcpListener::replace_token(BearerToken token) {
  impl_->state->token = std::make_shared<const BearerToken>(std::move(token));
}

void AdminTcpListener::stop() {
  if (!impl_->acceptor.is_open()) return;
  boost::beast::error_code ignored;
  impl_->acceptor.close(ignored);
}

Result<std::unique_ptr<AdminTcpListener>> AdminTcpListener::listen(
    boost::asio::io_context& io, const config::ListenAddress& address, const AdminRoutes& routes,
    BearerToken token, AdminLimits limits) {
  auto state = std::make_shared<detail::ListenerState>(routes, limits);
  state->name = "admin TCP " + address.describe();
  state->token = std::make_shared<const BearerToken>(std::move(token));
  auto impl = std::make_shared<Impl>(io, state, &remote_address);
  boost::beast::error_code failure;
  const auto ip = boost::asio::ip::make_address(address.host, failure);
  const tcp::endpoint endpoint(ip, address.port);
  if (!failure) impl->acceptor.open(endpoint.protocol(), failure);
  if (!failure) impl->acceptor.set_option(tcp::acceptor::reuse_address(true), failure);
  if (!failure) impl->acceptor.bind(endpoint, failure);
  if (!failure) impl->acceptor.listen(boost::asio::socket_base::max_listen_connections, failure);
  if (failure) {
    return Error{fmt::format("admin listener {}: {}", address.describe(), failure.message())};
  }
  impl->accept();
  return std::unique_ptr<AdminTcpListener>(new AdminTcpListener(impl));
}

}  // namespace kontor::admin
