#include "host/store_instance_state.hpp"

namespace kontor::host {

Result<std::optional<std::string>> StoreInstanceState::get(const std::string& instance,
                                                           const std::string& key) {
  std::optional<std::string> value;
  Status read = store_.read([&](store::Reader& reader) -> Status {
    auto stored = reader.state_get(instance, key);
    if (!stored) return stored.error();
    value = std::move(stored).value();
    return {};
  });
  if (!read) return read.error();
  return value;
}

Result<void> StoreInstanceState::put(const std::string& instance, const std::string& key,
                                     const std::string& value) {
  return store_.transact("plugin:" + instance, "plugin state", [&](store::Transaction& tx) {
    auto changed = tx.state_put(instance, key, value);
    return changed ? Status() : Status(changed.error());
  });
}

Result<void> StoreInstanceState::erase(const std::string& instance, const std::string& key) {
  return store_.transact("plugin:" + instance, "plugin state", [&](store::Transaction& tx) {
    auto changed = tx.state_erase(instance, key);
    return changed ? Status() : Status(changed.error());
  });
}

}  // namespace kontor::host
