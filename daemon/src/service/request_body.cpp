#include "service/request_body.hpp"

#include <fmt/format.h>

namespace kontor::service {

std::string actor_of(const admin::AdminRequest& request) {
  return "user:" + (request.peer_user.empty() ? std::string("unknown") : request.peer_user);
}

std::optional<Refusal> parse_body(const std::string& body,
                                  std::initializer_list<const char*> allowed, nlohmann::json& out) {
  out = body.empty() ? nlohmann::json::object() : nlohmann::json::parse(body, nullptr, false);
  if (out.is_discarded() || !out.is_object()) {
    return Refusal{400, "the body must be a JSON object"};
  }
  for (const auto& [key, value] : out.items()) {
    bool known = false;
    for (const char* name : allowed) known = known || key == name;
    if (!known) return Refusal{400, fmt::format("unknown field '{}'", key)};
  }
  return std::nullopt;
}

std::optional<Refusal> text_field(const nlohmann::json& body, const char* name, std::string& out,
                                  std::size_t max) {
  out.clear();
  if (!body.contains(name) || body[name].is_null()) return std::nullopt;
  if (!body[name].is_string()) return Refusal{400, fmt::format("{} must be a string", name)};
  out = body[name].get<std::string>();
  if (out.size() > max) return Refusal{400, fmt::format("{} is longer than {} bytes", name, max)};
  return std::nullopt;
}

}  // namespace kontor::service
