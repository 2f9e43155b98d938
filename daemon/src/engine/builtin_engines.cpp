#include "engine/engine.hpp"
#include "engine/import_open_items.hpp"

namespace kontor::engine {

EngineCatalog builtin_engines() {
  EngineCatalog catalog;
  catalog.add(import_open_items_engine());
  return catalog;
}

}  // namespace kontor::engine
