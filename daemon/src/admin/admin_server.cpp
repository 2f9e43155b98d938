#include "admin/admin_server.hpp"

#include <fmt/format.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <array>
#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/local/stream_protocol.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "log/logging.hpp"

namespace kontor::admin {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using local = asio::local::stream_protocol;
using Stream = beast::basic_stream<local, asio::any_io_executor, beast::unlimited_rate_policy>;

std::string peer_user(local::socket& socket) {
  ucred credentials{};
  socklen_t size = sizeof(credentials);
  if (::getsockopt(socket.native_handle(), SOL_SOCKET, SO_PEERCRED, &credentials, &size) != 0) {
    return "unknown";
  }
  const passwd* user = ::getpwuid(credentials.uid);
  return user != nullptr ? user->pw_name : "uid " + std::to_string(credentials.uid);
}

struct Shared {
  Shared(const AdminRoutes& r, AdminLimits l) : routes(r), limits(l) {}
  const AdminRoutes& routes;
  AdminLimits limits;
  std::atomic<int> connections{0};
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(local::socket socket, std::shared_ptr<Shared> shared)
      : user_(peer_user(socket)), stream_(std::move(socket)), shared_(std::move(shared)) {
    ++shared_->connections;
  }
  ~Session() { --shared_->connections; }

  void start() { read(); }

 private:
  void read() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(shared_->limits.max_header_bytes));
    parser_->body_limit(shared_->limits.max_body_bytes);
    stream_.expires_after(std::chrono::seconds(shared_->limits.read_timeout_seconds));
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code error, std::size_t) {
                       self->on_read(error);
                     });
  }

  void on_read(beast::error_code error) {
    if (error == http::error::end_of_stream || error == beast::error::timeout) return close();
    if (error == http::error::body_limit) {
      return reply(413,
                   json_error(413, fmt::format("request body larger than {} bytes",
                                               shared_->limits.max_body_bytes))
                       .body,
                   false);
    }
    if (error == http::error::header_limit) {
      return reply(431, json_error(431, "request headers too large").body, false);
    }
    if (error)
      return reply(400, json_error(400, "malformed request: " + error.message()).body, false);

    const auto& request = parser_->get();
    AdminRequest admin;
    admin.method = std::string(request.method_string());
    admin.body = request.body();
    admin.peer_user = user_;
    AdminResponse response;
    if (!split_target(std::string(request.target()), admin.path, admin.query)) {
      response = json_error(400, "malformed request target");
    } else {
      try {
        response = shared_->routes.dispatch(std::move(admin));
      } catch (const std::exception& e) {
        kontor::log::get("admin")->error("{} {} failed: {}", std::string(request.method_string()),
                                         std::string(request.target()), e.what());
        response = json_error(500, "internal error");
      }
    }
    reply(response.status, std::move(response.body), request.keep_alive(), response.content_type);
  }

  void reply(int status, std::string body, bool keep_alive,
             const std::string& content_type = "application/json") {
    auto response =
        std::make_shared<http::response<http::string_body>>(static_cast<http::status>(status), 11);
    response->set(http::field::server, "kontord");
    response->set(http::field::content_type, content_type);
    response->keep_alive(keep_alive);
    response->body() = std::move(body);
    response->prepare_payload();
    stream_.expires_after(std::chrono::seconds(shared_->limits.read_timeout_seconds));
    http::async_write(
        stream_, *response,
        [self = shared_from_this(), response, keep_alive](beast::error_code error, std::size_t) {
          if (error || !keep_alive) return self->close();
          self->read();
        });
  }

  // Closing while the client still sends (the rest of an oversized body) would reset the
  // connection and lose the error we answered; so stop sending, drain what comes (bounded in
  // time and bytes), then close.
  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(local::socket::shutdown_send, ignored);
    stream_.expires_after(std::chrono::seconds(2));
    drain(0);
  }

  void drain(std::size_t drained) {
    if (drained > 4 * shared_->limits.max_body_bytes) return stream_.close();
    stream_.async_read_some(asio::buffer(scratch_), [self = shared_from_this(), drained](
                                                        beast::error_code error, std::size_t got) {
      if (error) return self->stream_.close();
      self->drain(drained + got);
    });
  }

  std::string user_;
  Stream stream_;
  std::shared_ptr<Shared> shared_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::array<char, 4096> scratch_{};
};

}  // namespace

struct AdminServer::Impl : std::enable_shared_from_this<AdminServer::Impl> {
  Impl(asio::io_context& io, std::filesystem::path path, std::shared_ptr<Shared> shared)
      : acceptor(io), path(std::move(path)), shared(std::move(shared)) {}

  void accept() {
    acceptor.async_accept(
        [self = shared_from_this()](beast::error_code error, local::socket socket) {
          if (error == asio::error::operation_aborted || !self->acceptor.is_open()) return;
          if (!error) {
            if (self->shared->connections.load() >= self->shared->limits.max_connections) {
              beast::error_code ignored;
              socket.close(ignored);  // refuse rather than queue without bound
            } else {
              std::make_shared<Session>(std::move(socket), self->shared)->start();
            }
          }
          self->accept();
        });
  }

  local::acceptor acceptor;
  std::filesystem::path path;
  std::shared_ptr<Shared> shared;
};

AdminServer::AdminServer(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}

AdminServer::~AdminServer() {
  stop();
}

void AdminServer::stop() {
  if (!impl_->acceptor.is_open()) return;
  beast::error_code ignored;
  impl_->acceptor.close(ignored);
  std::error_code removed;
  std::filesystem::remove(impl_->path, removed);
}

Result<std::unique_ptr<AdminServer>> AdminServer::listen(asio::io_context& io,
                                                         const std::filesystem::path& socket_path,
                                                         const AdminRoutes& routes,
                                                         AdminLimits limits) {
  struct stat st {};
  if (::lstat(socket_path.c_str(), &st) == 0) {
    if (!S_ISSOCK(st.st_mode)) {
      return Error{fmt::format("admin socket {}: something else is there; refusing to replace it",
                               socket_path.string())};
    }
    std::filesystem::remove(socket_path);  // a stale socket of an earlier kontord
  }
  std::error_code error;
  std::filesystem::create_directories(socket_path.parent_path(), error);
  auto shared = std::make_shared<Shared>(routes, limits);
  auto impl = std::make_shared<Impl>(io, socket_path, shared);
  beast::error_code failure;
  // The socket is born 0660: no moment in which others could connect.
  const mode_t previous = ::umask(0117);
  impl->acceptor.open(local(), failure);
  if (!failure) impl->acceptor.bind(local::endpoint(socket_path.string()), failure);
  ::umask(previous);
  if (!failure) impl->acceptor.listen(asio::socket_base::max_listen_connections, failure);
  if (failure) {
    return Error{fmt::format("admin socket {}: {}", socket_path.string(), failure.message())};
  }
  ::chmod(socket_path.c_str(), 0660);
  impl->accept();
  return std::unique_ptr<AdminServer>(new AdminServer(impl));
}

}  // namespace kontor::admin
