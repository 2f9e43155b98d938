// Opening the store a configuration names, for kontorctl's offline verbs. SQLite in WAL mode lets
// kontorctl work beside a running kontord; every change is recorded with the operator's login
// ("user:<name>") as its actor.
#pragma once

#include <memory>
#include <string>

#include "kontor/result.hpp"
#include "store/store.hpp"

namespace kontor::ctl {

// The store of the configuration at `config_path`; an error when the file is invalid or the
// store does not exist yet (kontord creates it).
Result<std::unique_ptr<store::Store>> open_configured_store(const std::string& config_path);

// The store path of the configuration at `config_path` (":memory:" included), unopened: for
// verbs that must not migrate or write it (backup).
Result<std::string> configured_store_path(const std::string& config_path);

// "user:<login name>" of whoever runs kontorctl.
std::string operator_actor();

}  // namespace kontor::ctl
