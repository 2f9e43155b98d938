// The `deliver_invoices` engine: sends each invoice the ERP exported with its document (the
// invoice PDF) to the customer once, by the customer's preferred channel, through the outbox.
//
// On its schedule, in one store step, it finds invoices with a document that no notice has
// carried yet, issued within `max_age_days` (so that importing years of history on the first
// day mails nothing old), reads each PDF from the job's `documents_dir` (invoice_documents.hpp:
// never from anywhere else), renders the covering mail from the `invoice` template and records
// the notice (kind invoice, number "I-<invoice>") with the PDF. Then it delivers the outbox like
// the dunning job. An invoice whose document cannot be read, or whose customer can be reached
// by none of the job's channels, is left out with a warning naming it and the reason; it is
// tried again on the next run.
#pragma once

#include "engine/engine.hpp"

namespace kontor::engine {

EngineRegistration deliver_invoices_engine();

}  // namespace kontor::engine
