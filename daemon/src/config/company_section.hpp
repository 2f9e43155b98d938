// The `company:` section: who is sending the reminders and receiving the payments.
//
// Exactly the keys of DESIGN.md §4 — what German law requires on business letters and e-mails
// (§35a GmbHG, §37a HGB) and the bank accounts whose statements Kontor imports.
#pragma once

#include "config/schema.hpp"

namespace kontor::config {

ValueSpec company_section();

}  // namespace kontor::config
