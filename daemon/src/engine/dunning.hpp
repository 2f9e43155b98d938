// The `dunning` engine: on its schedule, decides which customer gets which reminder (the rules
// are dunning/dunning_decider.hpp and the README's "Dunning"), stores the notices with their
// fees, interest and rendering in one transaction, writes the collection hand-over and call
// list, and delivers the outbox through the job's channel instances (`outputs`).
//
// It sends nothing on stale bank data (engine/bank_freshness.hpp): the run fails naming the
// accounts, unless an operator forced this one run (`kontorctl dunning run --force`), which is
// logged with who and why.
#pragma once

#include "engine/engine.hpp"

namespace kontor::engine {

EngineRegistration dunning_engine();

}  // namespace kontor::engine
