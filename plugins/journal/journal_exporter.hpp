// journal: the exporter that writes Kontor's bookings as plain-text journals for hledger and
// ledger (README.md, ../shared/reference/plaintext-journals.md), two-phase and exactly once per
// target (DESIGN.md §5, §8):
// - stage(batch): the batch as one journal file (journal_writer.hpp),
//   kontor-<batch>.journal, into the staging folder (../export-folder/export_folder.hpp).
//   Nothing is staged when a booking cannot be written (a tax key without a rate): every one
//   is named and the batch fails.
// - publish(batch_id): the file appears in the folder whole, once, and the index journal
//   includes it (journal_index.hpp) — also when the publish is a repeat after a crash.
// - discard(batch_id): the staged file is dropped.
#pragma once

#include <string>
#include <vector>

#include "export_folder.hpp"
#include "journal_settings.hpp"
#include "kontor/sdk/plugin.hpp"

namespace kontor::plugins::journal {

class JournalExporter final : public sdk::Exporter {
 public:
  static sdk::PluginInfo info();
  static std::vector<sdk::ConfigField> schema();

  JournalExporter(sdk::Host host, const sdk::Config& config);

  sdk::Status stage(const sdk::ExportBatch& batch) override;
  sdk::Status publish(const std::string& batch_id) override;
  sdk::Status discard(const std::string& batch_id) override;

 private:
  sdk::Host host_;
  JournalSettings settings_;
  ExportFolder folder_;
};

// kontor-<batch>.journal, <batch> as batch_file_name.hpp gives it.
std::string journal_file_name(std::string_view batch_id);

}  // namespace kontor::plugins::journal
