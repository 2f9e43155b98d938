#include "engine/engine.hpp"
#include "engine/import_open_items.hpp"
#include "engine/import_statements.hpp"

namespace kontor::engine {

EngineCatalog builtin_engines() {
  EngineCatalog catalog;
  catalog.add(import_open_items_engine());
  catalog.add(import_statements_engine());
  return catalog;
}

}  // namespace kontor::engine
