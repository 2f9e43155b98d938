// Services: what the daemon lends an engine for a run — the plugin instances of the running
// configuration and (from the store issue on) the store. Engines take only what they use.
#pragma once

namespace kontor::host {
class PluginInstances;
}

namespace kontor::engine {

struct Services {
  host::PluginInstances* plugins = nullptr;
};

}  // namespace kontor::engine
