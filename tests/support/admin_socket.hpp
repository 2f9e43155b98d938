// kontord's admin API as a test speaks it: raw HTTP/1.1 over the admin Unix socket, so a test
// sends exactly the bytes it means (oversized, malformed, a method the API refuses) and reads
// the answer as it came, until the server closes.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

namespace kontor::testing {

// A connected socket, or -1 with errno set.
int connect_admin_socket(const std::filesystem::path& socket_path);

// Sends `request` as it is and returns the whole response; "connect failed: <reason>" when the
// socket refuses the connection. The server may stop reading an oversized request early.
std::string send_raw_request(const std::filesystem::path& socket_path, const std::string& request);

struct AdminAnswer {
  int status = 0;            // 0 when no HTTP status line came back
  std::string content_type;  // lower-case header value, e.g. "application/pdf"
  std::string raw_body;      // the bytes after the headers
  nlohmann::json body;       // raw_body as JSON; discarded (is_discarded()) when it is none
};

AdminAnswer parse_admin_answer(const std::string& response);

// One request with `Connection: close`; a body is sent as JSON.
AdminAnswer admin_request(const std::filesystem::path& socket_path, const std::string& method,
                          const std::string& path, const std::string& body = "");

// The error message of a JSON error answer, else the body as JSON text.
std::string message_of(const AdminAnswer& answer);

}  // namespace kontor::testing
