// Services: what the daemon lends an engine for a run (the store, the plugin host, ...).
// Grows as engines need more; engines take only what they use.
#pragma once

namespace kontor::engine {

struct Services {};

}  // namespace kontor::engine
