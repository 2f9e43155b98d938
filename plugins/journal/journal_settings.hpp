// A `journal` instance's configuration (README.md), read and checked when the instance is made:
// every account name must be one both hledger and ledger read as one account, every VAT entry a
// rate and an account, so that no export fails on them later.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "journal_writer.hpp"
#include "kontor/result.hpp"
#include "kontor/sdk/config.hpp"
#include "kontor/sdk/config_schema.hpp"

namespace kontor::plugins::journal {

struct JournalSettings {
  std::filesystem::path path;  // absolute: the folder the journal files are published to
  JournalLayout layout;
  std::string index = "kontor.journal";  // the file that includes every batch; empty: none
};

std::vector<sdk::ConfigField> journal_config_schema();

// Every problem of the configuration at once, or the settings.
Result<JournalSettings> read_journal_settings(const sdk::Config& config);

}  // namespace kontor::plugins::journal
