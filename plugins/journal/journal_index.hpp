// The index journal: one file in the folder (`index`, default kontor.journal) that includes
// every published batch file, so that `hledger -f kontor.journal` and `ledger -f kontor.journal`
// read the whole export. Each batch file declares its own accounts, commodities and tags, which
// both tools accept again in the next file; hledger's ordereddates holds within each file.
//
// The index is replaced as a whole (a temporary file, synced, renamed): a reader never sees half
// of it. Adding is idempotent — a batch already included is not added twice — so a publish
// repeated after a crash leaves one include per batch.
#pragma once

#include <filesystem>
#include <string>

#include "kontor/sdk/status.hpp"

namespace kontor::plugins::journal {

// Adds `include <batch_file>` to folder/index unless it is there; nothing when the batch file
// is not in the folder (taken away since: an include of a missing file breaks both tools).
sdk::Status include_in_index(const std::filesystem::path& folder, const std::string& index,
                             const std::string& batch_file);

}  // namespace kontor::plugins::journal
