#include "ctl/admin_call.hpp"

#include <fmt/format.h>

#include <iostream>

#include "config/kontor_config.hpp"
#include "engine/engine.hpp"

namespace kontor::ctl {

using nlohmann::json;

Result<std::string> socket_of(const std::string& config_path, const std::string& socket_path) {
  if (!socket_path.empty()) return socket_path;
  auto loaded = config::load_config(config_path, engine::builtin_engines().declarations());
  if (!loaded.config || !loaded.errors.empty()) {
    return Error{config_path +
                 ": invalid configuration (kontorctl check-config tells why); "
                 "name the socket with --socket"};
  }
  return loaded.config->daemon.admin_socket;
}

namespace {

// An API error as the operator reads it: the status and the message kontord gave.
Error refusal(const AdminReply& reply) {
  const json body = json::parse(reply.body, nullptr, false);
  const std::string message =
      body.is_object() && body.contains("error") ? body["error"].value("message", "") : reply.body;
  return Error{fmt::format("kontord refused ({}): {}", reply.status, message)};
}

}  // namespace

Result<json> call(const AdminClient& client, const std::string& method, const std::string& path,
                  const json& body_sent) {
  auto reply = method == "POST" ? client.post(path, body_sent.dump()) : client.get(path);
  if (!reply) return reply.error();
  if (reply->status >= 400) return refusal(*reply);
  json body = json::parse(reply->body, nullptr, false);
  if (body.is_discarded()) return Error{"kontord answered something that is not JSON"};
  return body;
}

Result<std::string> fetch(const AdminClient& client, const std::string& path) {
  auto reply = client.get(path);
  if (!reply) return reply.error();
  if (reply->status >= 400) return refusal(*reply);
  return std::move(reply->body);
}

std::string cell(const json& value) {
  if (value.is_null()) return "-";
  if (value.is_string()) return value.get<std::string>();
  return value.dump();
}

int fail(const std::string& message) {
  std::cerr << "kontorctl: " << message << "\n";
  return 1;
}

}  // namespace kontor::ctl
