#include "ctl/offline_store.hpp"

#include <pwd.h>
#include <unistd.h>

#include <filesystem>

#include "config/kontor_config.hpp"
#include "engine/engine.hpp"
#include "store/sqlite_store.hpp"

namespace kontor::ctl {

Result<std::string> configured_store_path(const std::string& config_path) {
  auto loaded = config::load_config(config_path, engine::builtin_engines().declarations());
  if (!loaded.config || !loaded.errors.empty()) {
    return Error{loaded.errors.empty() ? config_path + ": cannot read configuration"
                                       : to_string(loaded.errors.front()) +
                                             (loaded.errors.size() > 1 ? " (and more; run "
                                                                         "kontorctl check-config)"
                                                                       : "")};
  }
  return loaded.config->store.path;
}

Result<std::unique_ptr<store::Store>> open_configured_store(const std::string& config_path) {
  auto configured = configured_store_path(config_path);
  if (!configured) return configured.error();
  const std::string& path = *configured;
  std::error_code error;
  if (path != ":memory:" && !std::filesystem::exists(path, error)) {
    return Error{"no store at " + path + " (kontord creates it on its first start)"};
  }
  store::SqliteOptions options;
  options.path = path;
  auto store = store::SqliteStore::open(std::move(options));
  if (!store) return Error{"store " + path + ": " + store.error().message};
  return std::unique_ptr<store::Store>(std::move(store).value());
}

std::string operator_actor() {
  const passwd* user = ::getpwuid(::geteuid());
  return std::string("user:") + (user != nullptr ? user->pw_name : std::to_string(::geteuid()));
}

}  // namespace kontor::ctl
