// No dunning on stale bank data: before reminders go out, every account in
// `company.bank_accounts` must have been imported recently and successfully, and its payments
// matched afterwards — else a customer who paid yesterday gets a reminder today.
//
// For each account: the import_statements jobs that deliver its statements (those whose inputs
// brought its statement files) must each have succeeded last, within `require_fresh_import`,
// with no file of theirs quarantined within that time; and a reconcile run must have succeeded
// after the latest of those imports, also within that time. Any failure is a refusal naming
// the account. A newest statement older than `max_statement_age` TARGET2 business days is a
// warning naming the account, not a refusal (banks do not book on holidays).
#pragma once

#include <string>
#include <vector>

#include "common/clock.hpp"
#include "config/kontor_config.hpp"
#include "engine/dunning_settings.hpp"
#include "kontor/model/company.hpp"
#include "kontor/result.hpp"
#include "store/store.hpp"

namespace kontor::engine {

struct BankFreshness {
  std::vector<std::string> refusals;  // empty: fresh enough to dun
  std::vector<std::string> warnings;
};

Result<BankFreshness> check_bank_freshness(const config::KontorConfig& config,
                                           const Company& company, const DunningSettings& settings,
                                           store::Reader& reader, TimePoint now, const Date& today);

}  // namespace kontor::engine
