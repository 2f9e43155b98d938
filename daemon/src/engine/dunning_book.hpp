// Loading the dunning book from the store: every customer with their open items, what dunning
// did to each invoice so far, what was open on which day (for interest), and everything that
// holds a reminder back — blocks (the ERP's and account managers'), open complaints, credits
// the bank reported but has not booked, credits waiting in review or unmatched.
#pragma once

#include "dunning/dunning_decider.hpp"
#include "kontor/result.hpp"
#include "store/store.hpp"

namespace kontor::engine {

Result<dunning::DunningBook> load_dunning_book(store::Reader& reader,
                                               const dunning::DunningPolicy& policy,
                                               const Date& today);

}  // namespace kontor::engine
