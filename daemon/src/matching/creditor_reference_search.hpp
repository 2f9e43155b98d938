// Creditor reference search: the ISO 11649 RF references a payer quoted in remittance text or
// an end-to-end id — the strongest evidence a payment carries, since Kontor prints them on its
// invoices and notices and their check digits catch typing errors.
#pragma once

#include <string_view>
#include <vector>

#include "kontor/model/creditor_reference.hpp"

namespace kontor::matching {

// Every RF reference with valid check digits in `remittance`, blanks and line breaks inside it
// allowed, in order of appearance, each once. Where a reference runs into the following word
// ("RF18 5390 0754 7034 Danke"), each way of ending it that passes the check is returned: a
// wrong one passes by chance (1 in 97), so callers trust only a reference they know.
std::vector<CreditorReference> find_creditor_references(std::string_view remittance);

}  // namespace kontor::matching
