#include "admin/admin_server.hpp"

#include <fmt/format.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <boost/asio/local/stream_protocol.hpp>

#include "admin/admin_session.hpp"

namespace kontor::admin {
namespace {

using local = boost::asio::local::stream_protocol;

std::string peer_user(local::socket& socket) {
  ucred credentials{};
  socklen_t size = sizeof(credentials);
  if (::getsockopt(socket.native_handle(), SOL_SOCKET, SO_PEERCRED, &credentials, &size) != 0) {
    return "unknown";
  }
  const passwd* user = ::getpwuid(credentials.uid);
  return user != nullptr ? user->pw_name : "uid " + std::to_string(credentials.uid);
}

}  // namespace

struct AdminServer::Impl : detail::AdminAcceptor<local> {
  using AdminAcceptor::AdminAcceptor;
};

AdminServer::AdminServer(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}

AdminServer::~AdminServer() {
  stop();
}

void AdminServer::stop() {
  if (!impl_->acceptor.is_open()) return;
  boost::beast::error_code ignored;
  impl_->acceptor.close(ignored);
  std::error_code removed;
  std::filesystem::remove(path_, removed);
}

Result<std::unique_ptr<AdminServer>> AdminServer::listen(boost::asio::io_context& io,
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
  auto state = std::make_shared<detail::ListenerState>(routes, limits);
  state->name = "admin socket " + socket_path.string();
  auto impl = std::make_shared<Impl>(io, state, &peer_user);
  boost::beast::error_code failure;
  // The socket is born 0660: no moment in which others could connect.
  const mode_t previous = ::umask(0117);
  impl->acceptor.open(local(), failure);
  if (!failure) impl->acceptor.bind(local::endpoint(socket_path.string()), failure);
  ::umask(previous);
  if (!failure) impl->acceptor.listen(boost::asio::socket_base::max_listen_connections, failure);
  if (failure) {
    return Error{fmt::format("admin socket {}: {}", socket_path.string(), failure.message())};
  }
  ::chmod(socket_path.c_str(), 0660);
  impl->accept();
  std::unique_ptr<AdminServer> server(new AdminServer(impl));
  server->path_ = socket_path;
  return server;
}

}  // namespace kontor::admin
