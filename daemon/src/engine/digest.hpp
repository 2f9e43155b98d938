// The `digest` engine: once a day (as its job's schedule says) an e-mail to the operator with what
// needs a person's eye since the last digest — failed runs and jobs still failing, files put in
// quarantine, parked notices, the review queue, unpublished export batches (operator_digest.hpp).
//
// Delivered like a notice, through the job's `email` channel instance, recorded before and after:
// the composed mail is stored with the run's key before it is handed to the channel, and the
// period it covered is marked once the channel took it. A crash in between sends that one mail
// again with the same Message-ID (the key is the run's); a channel that fails leaves the period
// open, so the next digest covers it — nothing is lost, nothing reported twice.
#pragma once

#include "engine/engine.hpp"

namespace kontor::engine {

EngineRegistration digest_engine();

}  // namespace kontor::engine
