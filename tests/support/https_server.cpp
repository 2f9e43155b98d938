#include "support/https_server.hpp"

#include <unistd.h>

#include <fstream>

#include "support/loopback.hpp"
#include "support/throwaway_tls.hpp"

namespace kontor::testing {
namespace {

constexpr const char* kPython = "/usr/bin/python3";

}  // namespace

HttpsServer::HttpsServer(HttpsServerOptions options) {
  error_ = start(options);
}

HttpsServer::~HttpsServer() = default;

void HttpsServer::stop() {
  server_.reset();  // SIGKILL and reap
}

std::string HttpsServer::url(const std::string& path) const {
  return "https://127.0.0.1:" + std::to_string(port_) + "/" + path;
}

std::vector<std::string> HttpsServer::requests() const {
  std::vector<std::string> lines;
  std::ifstream in(dir_ / "requests.log");
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string HttpsServer::start(const HttpsServerOptions& options) {
  if (::access(kPython, X_OK) != 0) return std::string(kPython) + " is missing";
  for (const char* sub : {"files", "log"}) std::filesystem::create_directories(dir_ / sub);
  if (std::string why = make_throwaway_tls(dir_ / "tls"); !why.empty()) return why;
  const std::string tls = (dir_ / "tls").string();
  port_ = free_loopback_port();
  std::vector<std::string> argv = {
      kPython,
      (std::filesystem::path(KONTOR_SOURCE_DIR) / "tests/support/statement_server.py").string(),
      "--port",
      std::to_string(port_),
      "--cert",
      tls + "/server.pem",
      "--key",
      tls + "/server.key",
      "--root",
      files().string(),
      "--log",
      (dir_ / "requests.log").string()};
  if (!options.bearer_token.empty()) {
    argv.insert(argv.end(), {"--bearer", options.bearer_token});
  }
  if (!options.username.empty()) {
    argv.insert(argv.end(), {"--basic", options.username + ":" + options.password});
  }
  server_ = std::make_unique<ChildProcess>(ChildOptions{argv, dir_ / "log", {}, {}});
  if (std::string why = wait_until_listening(*server_, port_); !why.empty()) {
    return "statement_server.py " + why;
  }
  return "";
}

}  // namespace kontor::testing
