// csv-export: the exporter that writes each batch's bookings as one CSV file, one row per booking
// line (booking_csv.hpp), for a spreadsheet or an import that takes CSV — two-phase and exactly
// once per target (DESIGN.md §5, §8):
// - stage(batch): <path>/.kontor-staging/<batch>/kontor-bookings_<batch>.csv, out of sight
//   (export_folder.hpp). A batch with an unbalanced booking is refused whole, every one named.
// - publish(batch_id): the file appears as <path>/kontor-bookings_<batch>.csv, whole, once.
// - discard(batch_id): the staged file is dropped.
//
// Outcomes: ok; failed for what no retry can fix (an unbalanced booking, a batch published before
// or never staged); retry when the file system refuses.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "csv_settings.hpp"
#include "export_folder.hpp"
#include "kontor/sdk/plugin.hpp"

namespace kontor::plugins::csv_export {

class CsvExporter final : public sdk::Exporter {
 public:
  static sdk::PluginInfo info();
  static std::vector<sdk::ConfigField> schema();

  CsvExporter(sdk::Host host, const sdk::Config& config);

  sdk::Status stage(const sdk::ExportBatch& batch) override;
  sdk::Status publish(const std::string& batch_id) override;
  sdk::Status discard(const std::string& batch_id) override;

 private:
  sdk::Host host_;
  CsvSettings settings_;
  ExportFolder folder_;
};

// kontor-bookings_<batch>.csv, <batch> the batch id as batch_file_part makes it.
std::string csv_file_name(std::string_view batch_id);

}  // namespace kontor::plugins::csv_export
