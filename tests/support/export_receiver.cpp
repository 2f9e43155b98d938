#include "support/export_receiver.hpp"

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/loopback.hpp"
#include "support/throwaway_tls.hpp"

namespace kontor::testing {
namespace {

constexpr const char* kPython = "/usr/bin/python3";

ReceivedPost read_post(const std::filesystem::path& path) {
  std::ifstream in(path);
  const nlohmann::json record = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  ReceivedPost post;
  if (!record.is_object()) return post;
  post.number = record.value("n", 0);
  post.path = record.value("path", "");
  post.body = record.value("body", "");
  post.status = record.value("status", 0);
  post.accepted = record.value("accepted", false);
  if (record.contains("headers") && record["headers"].is_object()) {
    for (const auto& [name, value] : record["headers"].items()) {
      if (value.is_string()) post.headers[name] = value.get<std::string>();
    }
  }
  return post;
}

}  // namespace

std::string ReceivedPost::header(const std::string& name) const {
  const auto found = headers.find(name);
  return found == headers.end() ? "" : found->second;
}

ExportReceiver::ExportReceiver(ExportReceiverOptions options) : tls_(options.tls) {
  error_ = start(options);
}

ExportReceiver::~ExportReceiver() = default;

std::string ExportReceiver::url(const std::string& path) const {
  return std::string(tls_ ? "https" : "http") + "://127.0.0.1:" + std::to_string(port_) + "/" +
         path;
}

std::vector<ReceivedPost> ExportReceiver::posts() const {
  std::vector<ReceivedPost> posts;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir_ / "received", error)) {
    // Only whole records: the receiver writes NAME.json.tmp and renames it.
    if (entry.path().extension() == ".json") posts.push_back(read_post(entry.path()));
  }
  std::sort(posts.begin(), posts.end(),
            [](const ReceivedPost& a, const ReceivedPost& b) { return a.number < b.number; });
  return posts;
}

std::vector<ReceivedPost> ExportReceiver::accepted() const {
  std::vector<ReceivedPost> taken;
  for (ReceivedPost& post : posts()) {
    if (post.accepted) taken.push_back(std::move(post));
  }
  return taken;
}

std::string ExportReceiver::start(const ExportReceiverOptions& options) {
  if (::access(kPython, X_OK) != 0) return std::string(kPython) + " is missing";
  for (const char* sub : {"received", "log"}) std::filesystem::create_directories(dir_ / sub);
  port_ = free_loopback_port();
  std::vector<std::string> argv = {
      kPython,
      (std::filesystem::path(KONTOR_SOURCE_DIR) / "tests/support/export_receiver.py").string(),
      "--port",
      std::to_string(port_),
      "--record",
      (dir_ / "received").string(),
      "--repeat",
      std::to_string(options.repeat_status),
      "--stall-seconds",
      std::to_string(options.stall_seconds)};
  if (options.tls) {
    if (std::string why = make_throwaway_tls(dir_ / "tls"); !why.empty()) return why;
    const std::string tls = (dir_ / "tls").string();
    argv.insert(argv.end(), {"--cert", tls + "/server.pem", "--key", tls + "/server.key"});
  }
  if (!options.bearer_token.empty()) argv.insert(argv.end(), {"--bearer", options.bearer_token});
  if (!options.username.empty()) {
    argv.insert(argv.end(), {"--basic", options.username + ":" + options.password});
  }
  if (options.status != 0) argv.insert(argv.end(), {"--status", std::to_string(options.status)});
  if (options.redirect != 0) {
    argv.insert(argv.end(), {"--redirect", std::to_string(options.redirect)});
  }
  if (options.fail_first > 0) {
    argv.insert(argv.end(), {"--fail-first", std::to_string(options.fail_first)});
  }
  if (!options.retry_after.empty()) {
    argv.insert(argv.end(), {"--retry-after", options.retry_after});
  }
  if (options.stall_first > 0) {
    argv.insert(argv.end(), {"--stall-first", std::to_string(options.stall_first)});
  }
  server_ = std::make_unique<ChildProcess>(ChildOptions{argv, dir_ / "log", {}, {}});
  if (std::string why = wait_until_listening(*server_, port_); !why.empty()) {
    return "export_receiver.py " + why;
  }
  return "";
}

}  // namespace kontor::testing
