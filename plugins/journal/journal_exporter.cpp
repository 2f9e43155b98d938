#include "journal_exporter.hpp"

#include <fmt/format.h>

#include "folder_exporter.hpp"
#include "journal_index.hpp"

namespace kontor::plugins::journal {
using sdk::Status;

std::string journal_file_name(std::string_view batch_id) {
  return "kontor-" + batch_file_part(batch_id) + ".journal";
}

sdk::PluginInfo JournalExporter::info() {
  return {"journal", "1.0.0", "Bookings as plain-text journals for hledger and ledger"};
}

std::vector<sdk::ConfigField> JournalExporter::schema() {
  return journal_config_schema();
}

JournalExporter::JournalExporter(sdk::Host host, const sdk::Config& config)
    : host_(host),
      settings_([&] {
        Result<JournalSettings> read = read_journal_settings(config);
        if (!read) throw sdk::InvalidConfig(read.error().message);
        return std::move(read).value();
      }()),
      folder_(settings_.path) {}

Status JournalExporter::stage(const sdk::ExportBatch& batch) {
  if (std::string problem = batch_id_problem(batch.batch_id); !problem.empty()) {
    return Status::failed(problem);
  }
  const std::string which = "batch " + batch.batch_id;
  JournalWritten written = write_journal(batch, settings_.layout);
  if (!written.ok()) {
    std::string message = fmt::format("{} is not staged: {} {}", which, written.errors.size(),
                                      written.errors.size() == 1 ? "problem" : "problems");
    for (const std::string& error : written.errors) message += "\n" + error;
    return Status::failed(message);
  }
  const std::string name = journal_file_name(batch.batch_id);
  std::vector<StagedFile> files;
  files.push_back(StagedFile{.name = name, .bytes = std::move(written.text)});
  if (Status staged = folder_.stage(batch.batch_id, files); !staged) return staged;
  host_.info(fmt::format("{}: {} bookings staged as {}", which, written.transactions, name));
  return Status::ok();
}

Status JournalExporter::publish(const std::string& batch_id) {
  if (Status published =
          publish_staged_batch(host_, folder_, batch_id, "journal_batches_published");
      !published) {
    return published;
  }
  if (settings_.index.empty()) return Status::ok();
  return include_in_index(settings_.path, settings_.index, journal_file_name(batch_id));
}

Status JournalExporter::discard(const std::string& batch_id) {
  return discard_staged_batch(host_, folder_, batch_id);
}

}  // namespace kontor::plugins::journal

KONTOR_PLUGIN(kontor::plugins::journal::JournalExporter)
