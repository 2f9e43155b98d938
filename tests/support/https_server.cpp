#include "support/https_server.hpp"

#include <unistd.h>

#include <fstream>

#include "support/loopback.hpp"

namespace kontor::testing {
namespace {

constexpr const char* kPython = "/usr/bin/python3";
constexpr const char* kOpenssl = "/usr/bin/openssl";

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
  for (const char* tool : {kPython, kOpenssl}) {
    if (::access(tool, X_OK) != 0) return std::string(tool) + " is missing";
  }
  for (const char* sub : {"files", "tls", "log", "openssl"}) {
    std::filesystem::create_directories(dir_ / sub);
  }
  const std::string tls = (dir_ / "tls").string();
  std::ofstream(dir_ / "tls/server.ext") << "subjectAltName=IP:127.0.0.1\n"
                                         << "basicConstraints=CA:FALSE\n"
                                         << "extendedKeyUsage=serverAuth\n";
  const std::vector<std::vector<std::string>> steps = {
      {kOpenssl,
       "req",
       "-x509",
       "-newkey",
       "ec",
       "-pkeyopt",
       "ec_paramgen_curve:prime256v1",
       "-nodes",
       "-keyout",
       tls + "/ca.key",
       "-out",
       tls + "/ca.pem",
       "-days",
       "2",
       "-subj",
       "/CN=Kontor test CA",
       "-addext",
       "basicConstraints=critical,CA:TRUE",
       "-addext",
       "keyUsage=critical,keyCertSign,cRLSign"},
      {kOpenssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
       "-nodes", "-keyout", tls + "/other-ca.key", "-out", tls + "/other-ca.pem", "-days", "2",
       "-subj", "/CN=Somebody else's CA", "-addext", "basicConstraints=critical,CA:TRUE"},
      {kOpenssl, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
       "-keyout", tls + "/server.key", "-out", tls + "/server.csr", "-subj", "/CN=127.0.0.1"},
      {kOpenssl, "x509", "-req", "-in", tls + "/server.csr", "-CA", tls + "/ca.pem", "-CAkey",
       tls + "/ca.key", "-CAcreateserial", "-out", tls + "/server.pem", "-days", "2", "-extfile",
       tls + "/server.ext"},
  };
  for (const auto& argv : steps) {
    const auto made = run_to_end({argv, dir_ / "openssl", {}, {}});
    if (made.status != 0) return "openssl " + argv[1] + " failed: " + made.err;
  }
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
