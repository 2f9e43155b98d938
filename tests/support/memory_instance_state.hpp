// MemoryInstanceState: plugin instance state kept in a map, for tests that create plugin
// instances without a store.
#pragma once

#include <map>
#include <string>

#include "host/host_services.hpp"

namespace kontor::testing {

class MemoryInstanceState final : public host::InstanceStateStore {
 public:
  Result<std::optional<std::string>> get(const std::string& instance,
                                         const std::string& key) override {
    auto it = values_.find(instance + "/" + key);
    if (it == values_.end()) return std::optional<std::string>();
    return std::optional<std::string>(it->second);
  }
  Result<void> put(const std::string& instance, const std::string& key,
                   const std::string& value) override {
    values_[instance + "/" + key] = value;
    return {};
  }
  Result<void> erase(const std::string& instance, const std::string& key) override {
    values_.erase(instance + "/" + key);
    return {};
  }

 private:
  std::map<std::string, std::string> values_;
};

}  // namespace kontor::testing
