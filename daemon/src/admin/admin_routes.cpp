#include "admin/admin_routes.hpp"

#include <charconv>
#include <nlohmann/json.hpp>

namespace kontor::admin {
namespace {

std::vector<std::string> segments_of(const std::string& path) {
  std::vector<std::string> segments;
  std::size_t start = 1;
  while (start <= path.size()) {
    const std::size_t end = path.find('/', start);
    segments.push_back(
        path.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return segments;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool percent_decode(const std::string& text, std::string& out, bool plus_is_space) {
  out.clear();
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%') {
      if (i + 2 >= text.size()) return false;
      const int high = hex_value(text[i + 1]), low = hex_value(text[i + 2]);
      if (high < 0 || low < 0) return false;
      out += static_cast<char>(high * 16 + low);
      i += 2;
    } else if (plus_is_space && text[i] == '+') {
      out += ' ';
    } else {
      out += text[i];
    }
  }
  return out.find('\0') == std::string::npos;
}

}  // namespace

AdminResponse json_error(int status, const std::string& message) {
  nlohmann::json body = {{"error", {{"status", status}, {"message", message}}}};
  return {status, body.dump()};
}

std::optional<std::int64_t> query_limit(const AdminRequest& request, std::int64_t fallback,
                                        std::int64_t max) {
  auto it = request.query.find("limit");
  if (it == request.query.end()) return fallback;
  const std::string& text = it->second;
  std::int64_t limit = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), limit);
  if (error != std::errc() || end != text.data() + text.size() || limit < 1 || limit > max) {
    return std::nullopt;
  }
  return limit;
}

bool split_target(const std::string& target, std::string& path,
                  std::map<std::string, std::string>& query) {
  if (target.empty() || target[0] != '/') return false;
  const std::size_t question = target.find('?');
  path = target.substr(0, question);
  if (question == std::string::npos) return true;
  std::string rest = target.substr(question + 1);
  std::size_t start = 0;
  while (start <= rest.size() && !rest.empty()) {
    const std::size_t end = rest.find('&', start);
    const std::string pair =
        rest.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!pair.empty()) {
      const std::size_t eq = pair.find('=');
      std::string key, value;
      if (!percent_decode(pair.substr(0, eq), key, true)) return false;
      if (eq != std::string::npos && !percent_decode(pair.substr(eq + 1), value, true))
        return false;
      query[key] = value;
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return true;
}

void AdminRoutes::add(std::string method, std::string pattern, AdminHandler handler) {
  routes_.push_back({std::move(method), segments_of(pattern), std::move(handler)});
}

AdminResponse AdminRoutes::dispatch(AdminRequest request) const {
  const auto raw = segments_of(request.path);
  std::vector<std::string> segments;
  for (const auto& segment : raw) {
    std::string decoded;
    if (!percent_decode(segment, decoded, false)) return json_error(400, "malformed path");
    segments.push_back(decoded);
  }
  std::string allowed;  // the methods of the path, for a 405's Allow header
  for (const auto& route : routes_) {
    if (route.segments.size() != segments.size()) continue;
    std::map<std::string, std::string> parameters;
    bool match = true;
    for (std::size_t i = 0; i < segments.size() && match; ++i) {
      const std::string& expected = route.segments[i];
      if (expected.size() > 2 && expected.front() == '{' && expected.back() == '}') {
        parameters[expected.substr(1, expected.size() - 2)] = segments[i];
      } else {
        match = expected == segments[i];
      }
    }
    if (!match) continue;
    if (route.method != request.method) {
      if (allowed.find(route.method) == std::string::npos) {
        allowed += (allowed.empty() ? "" : ", ") + route.method;
      }
      continue;
    }
    request.parameters = std::move(parameters);
    return route.handler(request);
  }
  if (!allowed.empty()) {
    AdminResponse refused = json_error(405, request.method + " is not allowed on " + request.path);
    refused.headers.emplace_back("Allow", allowed);
    return refused;
  }
  return json_error(404, "no endpoint " + request.path);
}

}  // namespace kontor::admin
