// The `company:` section: who is sending the reminders and receiving the payments.
//
// Exactly the keys of DESIGN.md §4 — what German law requires on business letters and e-mails
// (§35a GmbHG, §37a HGB) and the bank accounts whose statements Kontor imports.
#pragma once

#include "config/config_node.hpp"
#include "config/schema.hpp"
#include "kontor/model/company.hpp"

namespace kontor::config {

ValueSpec company_section();

// The Company of a validated `company:` section (what engines, notices and exports use).
Company company_of(const ConfigNode& section);

}  // namespace kontor::config
