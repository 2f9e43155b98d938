#include "http_exporter.hpp"

#include <fstream>
#include <optional>
#include <sstream>
#include <system_error>

#include "batch_file_name.hpp"
#include "batch_json.hpp"
#include "batch_post.hpp"
#include "folder_exporter.hpp"
#include "idempotency_key.hpp"

namespace kontor::plugins::http_export {
namespace fs = std::filesystem;
using sdk::Status;

namespace {

constexpr std::string_view kPublishedCounter = "http_batches_published";

std::optional<std::string> read_whole_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(content).str();
}

bool present(const fs::path& path) {
  std::error_code error;
  return fs::exists(fs::symlink_status(path, error));
}

}  // namespace

std::string body_file_name(const std::string& batch_id) {
  return batch_file_part(batch_id) + ".json";
}

std::string key_file_name(const std::string& batch_id) {
  return batch_file_part(batch_id) + ".idempotency-key";
}

sdk::PluginInfo HttpExporter::info() {
  return {"http-export", "1.0.0", "Export batches POSTed as JSON to a REST endpoint"};
}

std::vector<sdk::ConfigField> HttpExporter::schema() {
  return http_export_schema();
}

HttpExporter::HttpExporter(sdk::Host host, const sdk::Config& config)
    : host_(host),
      settings_(read_settings(config)),
      login_(sdk::HttpLogin::from(config)),
      folder_(settings_.staging) {}

Status HttpExporter::stage(const sdk::ExportBatch& batch) {
  if (Status exportable = check_exportable(batch); !exportable) return exportable;
  std::string prefix;
  if (settings_.key_prefix) {
    prefix = *settings_.key_prefix;
  } else {
    Result<std::string> kept = instance_key_prefix(host_);
    if (!kept) return Status::retry("batch " + batch.batch_id + ": " + kept.error().message);
    prefix = *kept;
  }
  const std::string key = idempotency_key(prefix, batch.batch_id);
  const std::vector<StagedFile> files = {
      {.name = body_file_name(batch.batch_id), .bytes = batch_json(batch)},
      {.name = key_file_name(batch.batch_id), .bytes = key + "\n"}};
  if (Status staged = folder_.stage(batch.batch_id, files); !staged) return staged;
  host_.info("batch " + batch.batch_id + ": " + std::to_string(batch.bookings.size()) +
             " bookings staged for " + sdk::shown_url(settings_.url) + " with Idempotency-Key " +
             key);
  return Status::ok();
}

Status HttpExporter::publish(const std::string& batch_id) {
  if (std::string problem = batch_id_problem(batch_id); !problem.empty()) {
    return Status::failed(problem);
  }
  const fs::path staging = folder_.staging_folder(batch_id);
  // Without a staged body the POST is behind us (a receipt, or a publish that crashed while
  // moving the files) or never happened: the folder finishes or refuses, and nothing is sent.
  if (!present(staging / body_file_name(batch_id))) {
    FolderOutcome outcome = FolderOutcome::kDone;
    if (Status finished = folder_.publish(batch_id, outcome); !finished) return finished;
    host_.info("batch " + batch_id + " was posted before; nothing is sent again");
    return Status::ok();
  }
  const std::optional<std::string> body = read_whole_file(staging / body_file_name(batch_id));
  std::optional<std::string> key = read_whole_file(staging / key_file_name(batch_id));
  if (!body || !key) return Status::retry("batch " + batch_id + ": cannot read the staged body");
  while (!key->empty() && (key->back() == '\n' || key->back() == '\r')) key->pop_back();

  bool before = false;
  const BatchPost post{.batch_id = batch_id, .body = *body, .key = *key};
  if (Status posted = post_batch(host_, settings_, login_, post, before); !posted) return posted;
  return finish(batch_id, before
                              ? "the endpoint had it before (409 for Idempotency-Key " + *key + ")"
                              : "posted with Idempotency-Key " + *key);
}

Status HttpExporter::finish(const std::string& batch_id, const std::string& how) {
  FolderOutcome outcome = FolderOutcome::kDone;
  if (Status finished = folder_.publish(batch_id, outcome); !finished) {
    // The endpoint has the batch; the next publish POSTs again and hears 409 for the same key.
    return Status::from_code(static_cast<kontor_status>(finished.code()),
                             "batch " + batch_id + " reached " + sdk::shown_url(settings_.url) +
                                 " but its receipt cannot be written: " + finished.message());
  }
  host_.count(kPublishedCounter);
  host_.info("batch " + batch_id + " published to " + sdk::shown_url(settings_.url) + ": " + how);
  return Status::ok();
}

Status HttpExporter::discard(const std::string& batch_id) {
  return discard_staged_batch(host_, folder_, batch_id);
}

}  // namespace kontor::plugins::http_export

KONTOR_PLUGIN(kontor::plugins::http_export::HttpExporter)
