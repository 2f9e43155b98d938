// reconcile: posts the incoming payments in the store to the open items they pay.
//
// Usually run after each statement import (`then: [reconcile]` on the import job). One run is
// one store step (reconcile_step.hpp): every transaction still to reconcile is decided by the
// rules of the `reconcile:` section (reconcile_settings.hpp) and its decision recorded — posted
// with its allocations, review with candidates, unmatched, ignored; returns reverse the payment
// they return. A run that is cut short keeps what it decided.
#pragma once

#include "engine/engine.hpp"

namespace kontor::engine {

EngineRegistration reconcile_engine();

}  // namespace kontor::engine
