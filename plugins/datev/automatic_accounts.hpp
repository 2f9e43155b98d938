// The automatic accounts (DATEV AM accounts, reference §5, §6) of the standard charts SKR03 and
// SKR04: accounts on which DATEV computes the VAT inside the gross amount itself, so that a
// record on them may carry no BU-Schlüssel but 40. The one list of them in the plugin; the
// `automatic_accounts` key of an instance replaces it.
//
// Confirm with the tax advisor: a client may have set up other automatic accounts, and DATEV's
// own charts mark more (the SKR03 8920–8925 series is reported as automatic by one user only
// and is not listed here).
#pragma once

#include <optional>
#include <string_view>

#include "extf_bookings.hpp"

namespace kontor::plugins::datev {

// With Sachkontenlänge 4: revenue (19 %, 7 % and the further AM revenue accounts of §5),
// Erlösschmälerungen, Gewährte Skonti and Forderungsverluste at 19 % and 7 %. `chart` is "03"
// or "04"; another chart has no preset (nullopt).
std::optional<AutomaticAccounts> standard_automatic_accounts(std::string_view chart);

}  // namespace kontor::plugins::datev
