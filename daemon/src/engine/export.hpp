// The `export` engine: hands the books over (issue 14, DESIGN.md §4).
//
// A run first brings the store's bookings up to date — customer by customer, kCustomersPerStep
// customers in one transaction (BookingLedger: payments, Skonto, bank charges, fees, interest,
// write-offs; invoices and credit notes on request; reversals for what changed after export) —
// then hands every booking a target has not had to each exporter instance in the job's
// `outputs`, in batches, exactly once (export_delivery.hpp).
//
// What the bookings are follows the configuration's `export:` section (export_settings.hpp).
// A booking the rules refuse is listed on the run with the customer, the item and the reason,
// and held back until it can be booked; the run still exports the others. A target whose
// exporter refuses a batch fails the run (the batch waits for the next run or an operator);
// the other targets go on.
#pragma once

#include "engine/engine.hpp"

namespace kontor::engine {

EngineRegistration export_engine();

}  // namespace kontor::engine
