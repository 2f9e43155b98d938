// HttpsServer: a bank's statement download server for the tests of HTTPS transfers and the
// http-source — tests/support/statement_server.py run by Debian's /usr/bin/python3 on a free
// loopback port, with a certificate for 127.0.0.1 signed by a throwaway CA that `openssl` makes
// in the test's temp dir. It serves the files of files() with ETag and Last-Modified, answers
// conditional requests with 304, DELETE removes a file, POST stores its body as
// files()/<path>/<n>.json and answers 201 (409 for an Idempotency-Key it has seen), /status/NNN
// answers NNN to any method, and every request is logged (requests()). Stopped and removed when
// the test ends.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "support/child_process.hpp"
#include "support/temp_dir.hpp"

namespace kontor::testing {

struct HttpsServerOptions {
  std::string bearer_token;  // required of every request when set
  std::string username;      // with password: basic authentication required
  std::string password;
};

class HttpsServer {
 public:
  explicit HttpsServer(HttpsServerOptions options = {});
  ~HttpsServer();
  HttpsServer(const HttpsServer&) = delete;
  HttpsServer& operator=(const HttpsServer&) = delete;

  // Empty once the server listens; else why it does not.
  const std::string& error() const { return error_; }
  void stop();

  std::filesystem::path files() const { return dir_ / "files"; }
  // https://127.0.0.1:PORT/<path>
  std::string url(const std::string& path) const;
  int port() const { return port_; }
  // The CA that signed the server's certificate, and one that did not.
  std::filesystem::path ca_file() const { return dir_ / "tls/ca.pem"; }
  std::filesystem::path other_ca_file() const { return dir_ / "tls/other-ca.pem"; }
  // "METHOD PATH STATUS if-none-match=... if-modified-since=... idempotency-key=..." per
  // request so far.
  std::vector<std::string> requests() const;

 private:
  std::string start(const HttpsServerOptions& options);

  TempDir dir_;
  int port_ = 0;
  std::string error_;
  std::unique_ptr<ChildProcess> server_;
};

}  // namespace kontor::testing
