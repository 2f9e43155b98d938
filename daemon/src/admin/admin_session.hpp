// AdminSession and AdminAcceptor: one HTTP/1.1 connection of the admin API and the accept loop
// of one listener, shared by the Unix socket (admin_server.cpp) and the TCP listener
// (tcp_listener.cpp), so both enforce the same limits and answer every error as JSON.
//
// Internal to the admin area; everything runs on kontord's one io_context thread, which is
// also why the listener's token may be swapped on reload without a lock.
#pragma once

#include <fmt/format.h>

#include <array>
#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "admin/admin_routes.hpp"
#include "admin/admin_server.hpp"
#include "admin/bearer_token.hpp"
#include "log/logging.hpp"

namespace kontor::admin::detail {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

// What every connection of one listener shares.
struct ListenerState {
  ListenerState(const AdminRoutes& r, AdminLimits l) : routes(r), limits(l) {}
  const AdminRoutes& routes;
  AdminLimits limits;
  std::atomic<int> connections{0};
  // The TCP listener's: every request must present it. None on the Unix socket, whose file
  // permissions decide who may talk.
  std::shared_ptr<const BearerToken> token;
  std::string name;  // "admin socket /run/kontor/admin.sock", "admin TCP 127.0.0.1:9741"
};

template <typename Protocol>
class AdminSession : public std::enable_shared_from_this<AdminSession<Protocol>> {
 public:
  using Socket = typename Protocol::socket;
  using Stream = beast::basic_stream<Protocol, asio::any_io_executor, beast::unlimited_rate_policy>;

  AdminSession(Socket socket, std::shared_ptr<ListenerState> state, std::string peer)
      : peer_(std::move(peer)), stream_(std::move(socket)), state_(std::move(state)) {
    ++state_->connections;
  }
  ~AdminSession() { --state_->connections; }

  void start() { read(); }

 private:
  using Headers = std::vector<std::pair<std::string, std::string>>;

  void read() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(state_->limits.max_header_bytes));
    parser_->body_limit(state_->limits.max_body_bytes);
    // One deadline for the whole request: a client that trickles bytes (slowloris) is cut off
    // as surely as one that sends nothing.
    stream_.expires_after(state_->limits.read_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     [self = this->shared_from_this()](beast::error_code error, std::size_t) {
                       self->on_read(error);
                     });
  }

  void on_read(beast::error_code error) {
    if (error == http::error::end_of_stream || error == beast::error::timeout) return close();
    if (error == http::error::body_limit) {
      return reply(json_error(413, fmt::format("request body larger than {} bytes",
                                               state_->limits.max_body_bytes)),
                   false);
    }
    if (error == http::error::header_limit) {
      return reply(json_error(431, "request headers too large"), false);
    }
    if (error) return reply(json_error(400, "malformed request: " + error.message()), false);

    const auto& request = parser_->get();
    const bool keep_alive = request.keep_alive();
    const auto authorization = request[http::field::authorization];
    if (state_->token &&
        !state_->token->accepts(std::string_view(authorization.data(), authorization.size()))) {
      // Who tried, never what they presented.
      kontor::log::get("admin")->warn(
          "{}: refused {} {} from {}: {}", state_->name, std::string(request.method_string()),
          std::string(request.target()), peer_,
          authorization.empty() ? "no bearer token" : "wrong bearer token");
      AdminResponse refused = json_error(401, "a valid bearer token is required");
      refused.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"kontor\"");
      return reply(std::move(refused), keep_alive);
    }
    AdminRequest admin;
    admin.method = std::string(request.method_string());
    admin.body = request.body();
    // Over TCP the token, not a login, vouches for the client.
    admin.peer_user = state_->token ? "admin-token@" + peer_ : peer_;
    AdminResponse response;
    if (!split_target(std::string(request.target()), admin.path, admin.query)) {
      response = json_error(400, "malformed request target");
    } else {
      try {
        response = state_->routes.dispatch(std::move(admin));
      } catch (const std::exception& e) {
        kontor::log::get("admin")->error("{} {} failed: {}", std::string(request.method_string()),
                                         std::string(request.target()), e.what());
        response = json_error(500, "internal error");
      }
    }
    reply(std::move(response), keep_alive);
  }

  void reply(AdminResponse answer, bool keep_alive) {
    auto response = std::make_shared<http::response<http::string_body>>(
        static_cast<http::status>(answer.status), 11);
    response->set(http::field::server, "kontord");
    response->set(http::field::content_type, answer.content_type);
    for (const auto& [name, value] : answer.headers) response->set(name, value);
    response->keep_alive(keep_alive);
    response->body() = std::move(answer.body);
    response->prepare_payload();
    stream_.expires_after(state_->limits.read_timeout);
    http::async_write(stream_, *response,
                      [self = this->shared_from_this(), response, keep_alive](
                          beast::error_code error, std::size_t) {
                        if (error || !keep_alive) return self->close();
                        self->read();
                      });
  }

  // Closing while the client still sends (the rest of an oversized body) would reset the
  // connection and lose the error we answered; so stop sending, drain what comes (bounded in
  // time and bytes), then close.
  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(asio::socket_base::shutdown_send, ignored);
    stream_.expires_after(std::chrono::seconds(2));
    drain(0);
  }

  void drain(std::size_t drained) {
    if (drained > 4 * state_->limits.max_body_bytes) return stream_.close();
    stream_.async_read_some(asio::buffer(scratch_), [self = this->shared_from_this(), drained](
                                                        beast::error_code error, std::size_t got) {
      if (error) return self->stream_.close();
      self->drain(drained + got);
    });
  }

  std::string peer_;
  Stream stream_;
  std::shared_ptr<ListenerState> state_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::array<char, 4096> scratch_{};
};

// Accepts connections until closed; beyond the connection cap a client gets a 503 JSON error
// at once rather than waiting in a queue without bound.
template <typename Protocol>
class AdminAcceptor : public std::enable_shared_from_this<AdminAcceptor<Protocol>> {
 public:
  using PeerName = std::function<std::string(typename Protocol::socket&)>;

  AdminAcceptor(asio::io_context& io, std::shared_ptr<ListenerState> state, PeerName peer_name)
      : acceptor(io), state(std::move(state)), peer_name_(std::move(peer_name)) {}

  void accept() {
    acceptor.async_accept([self = this->shared_from_this()](beast::error_code error,
                                                            typename Protocol::socket socket) {
      if (error == asio::error::operation_aborted || !self->acceptor.is_open()) return;
      if (!error) {
        if (self->state->connections.load() >= self->state->limits.max_connections) {
          self->refuse(socket);
        } else {
          std::string peer = self->peer_name_(socket);
          std::make_shared<AdminSession<Protocol>>(std::move(socket), self->state, std::move(peer))
              ->start();
        }
      }
      self->accept();
    });
  }

  typename Protocol::acceptor acceptor;
  std::shared_ptr<ListenerState> state;

 private:
  // A short answer written without waiting: the socket's buffer is empty, so it fits.
  void refuse(typename Protocol::socket& socket) {
    const std::string body = json_error(503, fmt::format("too many connections (at most {})",
                                                         state->limits.max_connections))
                                 .body;
    const std::string response = fmt::format(
        "HTTP/1.1 503 Service Unavailable\r\nServer: kontord\r\nContent-Type: "
        "application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{}",
        body.size(), body);
    beast::error_code ignored;
    socket.non_blocking(true, ignored);
    socket.write_some(asio::buffer(response), ignored);
    socket.shutdown(asio::socket_base::shutdown_both, ignored);
    socket.close(ignored);
  }

  PeerName peer_name_;
};

}  // namespace kontor::admin::detail
