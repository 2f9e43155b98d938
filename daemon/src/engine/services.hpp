// Services: what the daemon lends an engine for a run — the plugin instances of the running
// configuration and the store. Engines take only what they use.
#pragma once

namespace kontor::host {
class PluginInstances;
}
namespace kontor::store {
class Store;
}

namespace kontor::engine {

struct Services {
  host::PluginInstances* plugins = nullptr;
  store::Store* store = nullptr;
};

}  // namespace kontor::engine
