#include "engine/engine.hpp"

namespace kontor::engine {

EngineCatalog builtin_engines() {
  EngineCatalog catalog;
  return catalog;
}

}  // namespace kontor::engine
