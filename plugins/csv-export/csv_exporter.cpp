#include "csv_exporter.hpp"

#include <fmt/format.h>

#include "booking_csv.hpp"
#include "folder_exporter.hpp"
#include "kontor/model/booking.hpp"

namespace kontor::plugins::csv_export {
using sdk::Status;

std::string csv_file_name(std::string_view batch_id) {
  return "kontor-bookings_" + batch_file_part(batch_id) + ".csv";
}

sdk::PluginInfo CsvExporter::info() {
  return {"csv-export", "1.0.0", "Bookings as a CSV file per batch, one row per line, in a folder"};
}

std::vector<sdk::ConfigField> CsvExporter::schema() {
  return csv_config_schema();
}

CsvExporter::CsvExporter(sdk::Host host, const sdk::Config& config)
    : host_(host),
      settings_([&] {
        Result<CsvSettings> read = read_csv_settings(config);
        if (!read) throw sdk::InvalidConfig(read.error().message);
        return std::move(read).value();
      }()),
      folder_(settings_.path) {}

Status CsvExporter::stage(const sdk::ExportBatch& batch) {
  if (Status exportable = check_exportable(batch); !exportable) return exportable;
  const std::string which = "batch " + batch.batch_id;
  std::size_t lines = 0;
  for (const Booking& booking : batch.bookings) lines += booking.lines.size();

  const std::vector<StagedFile> files{StagedFile{.name = csv_file_name(batch.batch_id),
                                                 .bytes = booking_csv(batch, settings_.format)}};
  if (Status staged = folder_.stage(batch.batch_id, files); !staged) return staged;
  host_.count("csv_files_staged");
  host_.info(fmt::format("{}: {} bookings staged as {} rows in {} under {}", which,
                         batch.bookings.size(), lines, files.front().name,
                         folder_.staging_folder(batch.batch_id).string()));
  return Status::ok();
}

Status CsvExporter::publish(const std::string& batch_id) {
  return publish_staged_batch(host_, folder_, batch_id, "csv_batches_published");
}

Status CsvExporter::discard(const std::string& batch_id) {
  return discard_staged_batch(host_, folder_, batch_id);
}

}  // namespace kontor::plugins::csv_export

KONTOR_PLUGIN(kontor::plugins::csv_export::CsvExporter)
