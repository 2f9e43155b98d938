#include "ctl/offline_parsers.hpp"

#include <fmt/format.h>

#include <cstring>
#include <fstream>

#include "config/validator.hpp"
#include "host/instance_validation.hpp"
#include "log/logging.hpp"

namespace kontor::ctl {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kProbeBytes = 4096;

class FileReader final : public sdk::DocumentReader {
 public:
  FileReader(const std::string& path, std::string name)
      : in_(path, std::ios::binary), name_(std::move(name)) {
    std::error_code error;
    const auto size = fs::file_size(path, error);
    size_ = error ? -1 : static_cast<std::int64_t>(size);
  }
  const std::string& name() const override { return name_; }
  std::int64_t size() const override { return size_; }
  Result<std::size_t> read(std::span<std::uint8_t> buffer) override {
    in_.read(reinterpret_cast<char*>(buffer.data()), static_cast<std::streamsize>(buffer.size()));
    if (in_.bad()) return Error{"cannot read " + name_};
    return static_cast<std::size_t>(in_.gcount());
  }

 private:
  std::ifstream in_;
  std::string name_;
  std::int64_t size_ = -1;
};

}  // namespace

fs::path plugin_directory(const std::string& given) {
  if (!given.empty()) return given;
  if (const char* env = std::getenv("KONTOR_PLUGIN_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  std::error_code error;
  const fs::path self = fs::read_symlink("/proc/self/exe", error);
  if (!error) {
    const fs::path build_tree = self.parent_path().parent_path() / "plugins";
    if (fs::is_directory(build_tree, error)) return build_tree;
  }
  return KONTOR_INSTALLED_PLUGIN_DIR;
}

OfflineParsers::OfflineParsers() = default;
OfflineParsers::~OfflineParsers() = default;

Result<std::unique_ptr<OfflineParsers>> OfflineParsers::load(
    const fs::path& directory, const std::vector<std::string>& plugins,
    const std::map<std::string, std::vector<std::pair<std::string, std::string>>>& settings,
    bool all_required) {
  std::unique_ptr<OfflineParsers> parsers(new OfflineParsers());
  std::vector<std::string> errors;
  parsers->catalog_.emplace(host::PluginCatalog::load(directory, errors));
  if (!errors.empty()) return Error{directory.string() + ": " + errors.front()};
  parsers->context_.clock = system_clock();
  for (const std::string& name : plugins) {
    const host::PluginLibrary* plugin = parsers->catalog_->find(name);
    if (plugin == nullptr) {
      if (all_required) return Error{fmt::format("no {} plugin in {}", name, directory.string())};
      continue;
    }
    std::vector<config::ConfigNode::Entry> given;
    if (auto own = settings.find(name); own != settings.end()) {
      for (const auto& [key, value] : own->second) {
        given.push_back({key, {}, config::ConfigNode::scalar(value, {"--set", 0, 0})});
      }
    }
    config::ConfigErrors problems;
    config::Validator validator(config::process_environment(), problems);
    const config::ConfigNode checked = validator.validate(
        config::ConfigNode::map(std::move(given), {"--set", 0, 0}), host::schema_of(*plugin), name);
    if (!problems.empty()) return Error{problems.front().message};
    auto host_instance = std::make_unique<host::HostInstance>();
    host_instance->name = name;
    host_instance->plugin = name;
    host_instance->context = &parsers->context_;
    host_instance->log = kontor::log::get("plugin:" + name);
    auto instance =
        std::make_unique<host::PluginInstance>(*plugin, std::move(host_instance), parsers->pool_);
    if (auto created = instance->create(checked); !created) return created.error();
    parsers->names_.push_back(name);
    parsers->instances_.push_back(std::move(instance));
  }
  return parsers;
}

host::PluginInstance* OfflineParsers::choose(const std::string& file, const std::string& forced) {
  if (!forced.empty()) {
    for (std::size_t i = 0; i < names_.size(); ++i) {
      if (names_[i] == forced) return instances_[i].get();
    }
    return nullptr;
  }
  std::string prefix(kProbeBytes, '\0');
  {
    std::ifstream in(file, std::ios::binary);
    if (!in) return nullptr;
    in.read(prefix.data(), static_cast<std::streamsize>(prefix.size()));
    prefix.resize(static_cast<std::size_t>(in.gcount()));
  }
  const std::string name = fs::path(file).filename().string();
  const std::atomic<bool> not_cancelled{false};
  host::PluginInstance* chosen = nullptr;
  int best = 0;
  for (auto& parser : instances_) {
    int confidence = 0;
    (void)parser->call(not_cancelled, [&](const sdk::InstanceProxy& proxy) {
      auto answer = proxy.probe(
          name, std::span(reinterpret_cast<const std::uint8_t*>(prefix.data()), prefix.size()));
      confidence = answer ? *answer : 0;
      return sdk::Status::ok();
    });
    if (confidence > best) {
      best = confidence;
      chosen = parser.get();
    }
  }
  return chosen;
}

Status OfflineParsers::parse(host::PluginInstance& parser, const std::string& file,
                             sdk::ParseSink& sink) {
  std::ifstream probe(file, std::ios::binary);
  if (!probe) return Error{"cannot read the file: " + std::string(std::strerror(errno))};
  FileReader reader(file, fs::path(file).filename().string());
  const std::atomic<bool> not_cancelled{false};
  const sdk::Status parsed = parser.call(
      not_cancelled, [&](const sdk::InstanceProxy& proxy) { return proxy.parse(reader, sink); });
  if (parsed) return {};
  std::string message = parsed.message();
  const std::string host_prefix =
      fmt::format("instance '{0}' (plugin {0}): ", parser.plugin().name);
  if (message.rfind(host_prefix, 0) == 0) message = message.substr(host_prefix.size());
  return Error{message};
}

}  // namespace kontor::ctl
