// What every kontorctl verb that talks to kontord needs: where the socket is, and a request
// whose reply is JSON or an error that says what kontord refused.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "ctl/admin_client.hpp"
#include "kontor/result.hpp"

namespace kontor::ctl {

// The socket from --socket, else daemon.admin_socket of the configuration (only that section
// matters, but the file must be valid to be read).
Result<std::string> socket_of(const std::string& config_path, const std::string& socket_path);

// GET or POST `path` (a POST with `body`, `{}` when none is given); the reply as JSON. An API
// error becomes the message it carries.
Result<nlohmann::json> call(const AdminClient& client, const std::string& method,
                            const std::string& path,
                            const nlohmann::json& body = nlohmann::json::object());

// GET `path` whose answer is not JSON (a notice's PDF): its bytes, or the error kontord gave.
Result<std::string> fetch(const AdminClient& client, const std::string& path);

// A JSON value for a table cell: "-" for null, strings as they are.
std::string cell(const nlohmann::json& value);

// "kontorctl: MESSAGE" on stderr; returns exit status 1.
int fail(const std::string& message);

}  // namespace kontor::ctl
