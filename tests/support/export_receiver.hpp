// ExportReceiver: the endpoint an exporter POSTs batches to, for the tests of http-export —
// tests/support/export_receiver.py run by Debian's /usr/bin/python3 on a free loopback port,
// over HTTPS with a certificate from a throwaway CA (or plain HTTP), recording every POST (path,
// headers, body, the answer) before it answers. It remembers Idempotency-Keys and answers a
// repeated one 409 or 200; a test can make it answer the first N requests 503 (with
// Retry-After), stall the first N beyond a client's timeout, or refuse every request with one
// status. Stopped and removed when the test ends.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "support/child_process.hpp"
#include "support/temp_dir.hpp"

namespace kontor::testing {

struct ExportReceiverOptions {
  bool tls = true;           // false: plain http://
  std::string bearer_token;  // required of every request when set (else 401)
  std::string username;      // with password: basic authentication required
  std::string password;
  int status = 0;           // non-zero: every POST answered this
  int fail_first = 0;       // the first N POSTs answered 503
  std::string retry_after;  // sent with those 503s when not empty
  int stall_first = 0;      // the first N POSTs accepted, answered only after stall_seconds
  int stall_seconds = 5;
  int repeat_status = 409;  // the answer to a known Idempotency-Key: 409 or 200
  int redirect = 0;         // non-zero: every POST answered this 3xx, Location: /moved
};

// One POST as the receiver got it.
struct ReceivedPost {
  int number = 0;  // 1, 2, ... in order of arrival
  std::string path;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  int status = 0;         // what it was answered
  bool accepted = false;  // taken as a new batch (not a repeat, not refused)

  // The header's value, "" when absent; `name` in lower case.
  std::string header(const std::string& name) const;
};

class ExportReceiver {
 public:
  explicit ExportReceiver(ExportReceiverOptions options = {});
  ~ExportReceiver();
  ExportReceiver(const ExportReceiver&) = delete;
  ExportReceiver& operator=(const ExportReceiver&) = delete;

  // Empty once the server listens; else why it does not.
  const std::string& error() const { return error_; }

  // https://127.0.0.1:PORT/<path> (http:// without TLS).
  std::string url(const std::string& path) const;
  // The CA that signed the server's certificate.
  std::filesystem::path ca_file() const { return dir_ / "tls/ca.pem"; }

  // Every POST so far, in order of arrival.
  std::vector<ReceivedPost> posts() const;
  // Only those accepted as new.
  std::vector<ReceivedPost> accepted() const;

 private:
  std::string start(const ExportReceiverOptions& options);

  TempDir dir_;
  bool tls_ = true;
  int port_ = 0;
  std::string error_;
  std::unique_ptr<ChildProcess> server_;
};

}  // namespace kontor::testing
