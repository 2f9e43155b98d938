#include "engine/engine.hpp"

namespace kontor::engine {

void EngineCatalog::add(EngineRegistration registration) {
  engines_.push_back(std::move(registration));
}

const EngineRegistration* EngineCatalog::find(const std::string& id) const {
  for (const auto& engine : engines_) {
    if (engine.declaration.id == id) return &engine;
  }
  return nullptr;
}

config::ConfigDeclarations EngineCatalog::declarations() const {
  config::ConfigDeclarations declarations;
  for (const auto& engine : engines_) declarations.engines.push_back(engine.declaration);
  declarations.engine_sections = sections_;
  return declarations;
}

}  // namespace kontor::engine
