// Plugin instance state kept in the store, so that a source's cursor survives restarts and is
// backed up with the books. Each write is its own small step by actor "plugin:<instance>".
//
// A plugin that asks for state while its caller holds a store step (a parser called inside an
// import step) is refused by the host before it gets here (HostInstance::inside_store_step):
// state belongs to sources and channels.
#pragma once

#include "host/host_services.hpp"
#include "store/store.hpp"

namespace kontor::host {

class StoreInstanceState final : public InstanceStateStore {
 public:
  explicit StoreInstanceState(store::Store& store) : store_(store) {}

  Result<std::optional<std::string>> get(const std::string& instance,
                                         const std::string& key) override;
  Result<void> put(const std::string& instance, const std::string& key,
                   const std::string& value) override;
  Result<void> erase(const std::string& instance, const std::string& key) override;

 private:
  store::Store& store_;
};

}  // namespace kontor::host
