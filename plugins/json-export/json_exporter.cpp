#include "json_exporter.hpp"

#include <fmt/format.h>

#include "batch_json.hpp"
#include "folder_exporter.hpp"
#include "kontor/model/booking.hpp"

namespace kontor::plugins::json_export {
using sdk::Status;

std::string json_file_name(std::string_view batch_id) {
  return "kontor-batch_" + batch_file_part(batch_id) + ".json";
}

sdk::PluginInfo JsonExporter::info() {
  return {"json-export", "1.0.0", "Each batch as one JSON document in a folder"};
}

std::vector<sdk::ConfigField> JsonExporter::schema() {
  return json_config_schema();
}

JsonExporter::JsonExporter(sdk::Host host, const sdk::Config& config)
    : host_(host),
      settings_([&] {
        Result<JsonSettings> read = read_json_settings(config);
        if (!read) throw sdk::InvalidConfig(read.error().message);
        return std::move(read).value();
      }()),
      folder_(settings_.path) {}

Status JsonExporter::stage(const sdk::ExportBatch& batch) {
  if (Status exportable = check_exportable(batch); !exportable) return exportable;
  const std::string which = "batch " + batch.batch_id;

  const std::vector<StagedFile> files{StagedFile{.name = json_file_name(batch.batch_id),
                                                 .bytes = batch_json(batch, settings_.indent)}};
  if (Status staged = folder_.stage(batch.batch_id, files); !staged) return staged;
  host_.count("json_files_staged");
  host_.info(fmt::format("{}: {} bookings staged in {} under {}", which, batch.bookings.size(),
                         files.front().name, folder_.staging_folder(batch.batch_id).string()));
  return Status::ok();
}

Status JsonExporter::publish(const std::string& batch_id) {
  return publish_staged_batch(host_, folder_, batch_id, "json_batches_published");
}

Status JsonExporter::discard(const std::string& batch_id) {
  return discard_staged_batch(host_, folder_, batch_id);
}

}  // namespace kontor::plugins::json_export

KONTOR_PLUGIN(kontor::plugins::json_export::JsonExporter)
