// Onboarding checks: what an account manager wants to know about the master data the ERP sends
// before Kontor writes to or chases anyone — as warnings on the run, never as refusals.
//
// A customer's IBAN, e-mail address and VAT ID must be well-formed; a postal address must be
// complete enough for a letter (street, postcode, city); and two customers that look like one
// (the same IBAN, or the same name and postcode once legal forms and punctuation are set aside)
// are pointed out, since payments from one would be matched to the other.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "kontor/model/customer.hpp"
#include "kontor/sdk/values.hpp"

namespace kontor::engine {

// Problems with one customer as the file states it ("customer K-1 (line 4): ...").
std::vector<std::string> check_customer(const sdk::ImportedCustomer& customer);

// "müller gmbh & co. kg" and "Müller GmbH" compare equal: lower case, no punctuation, no legal
// form, single spaces.
std::string normalised_name(const std::string& name);

bool plausible_email(const std::string& address);

// Likely duplicates among `customers` that involve one of `touched` (so a run reports what it
// brought in, not every old pair again).
std::vector<std::string> likely_duplicates(const std::vector<Customer>& customers,
                                           const std::set<std::string>& touched);

}  // namespace kontor::engine
