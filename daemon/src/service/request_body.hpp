// What every admin route that changes something needs from a request: who asks (the actor of
// the changes), and its JSON body read as untrusted input — unknown fields refused (a misspelt
// key would otherwise be dropped silently) and texts bounded.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "admin/admin_routes.hpp"

namespace kontor::service {

// An answer other than 200, decided while handling a request (often inside a store step).
struct Refusal {
  int status = 0;
  std::string message;
};

// "user:<login>", the actor of every change a request makes (the admin socket's peer).
std::string actor_of(const admin::AdminRequest& request);

// The body as a JSON object with only `allowed` fields (an empty body is `{}`); a refusal
// otherwise.
std::optional<Refusal> parse_body(const std::string& body,
                                  std::initializer_list<const char*> allowed, nlohmann::json& out);

inline constexpr std::size_t kMaxRequestText = 2000;

// A text field: absent or null is empty; anything but a string of at most `max` bytes is
// refused.
std::optional<Refusal> text_field(const nlohmann::json& body, const char* name, std::string& out,
                                  std::size_t max = kMaxRequestText);

}  // namespace kontor::service
