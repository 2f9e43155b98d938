// http-export: the exporter that POSTs each export batch, as the JSON document json-export writes
// (batch_json.hpp), to a REST endpoint through kontord's transfer service, two-phase and exactly
// once per batch as far as the endpoint honours Idempotency-Key (DESIGN.md §5, §8; README.md):
// - stage(batch): the body and its Idempotency-Key (idempotency_key.hpp) are written to the
//   staging folder (export_folder.hpp), so that publish — which gets only the batch id, maybe in
//   a new process after a crash — sends exactly what was staged, with the same key.
// - publish(batch_id): the staged body is POSTed (batch_post.hpp); once the endpoint has it (2xx,
//   or 409 for a key it knows) the staged files move to the staging folder itself, as the record
//   of what was sent, and a receipt is written: publish again sends nothing. A crash after the
//   POST and before the receipt makes the next publish POST again with the same key.
// - discard(batch_id): the staged body is dropped; refused once the batch was published.
//
// Outcomes: ok; retry while the endpoint cannot take the batch (408, 429, 5xx, no connection,
// timeout after every attempt) or the file system refuses — the batch stays staged; failed when
// the endpoint refuses it (other 4xx) or it was published before (stage) or never staged.
#pragma once

#include <string>
#include <vector>

#include "export_folder.hpp"
#include "http_export_settings.hpp"
#include "kontor/sdk/http_login.hpp"
#include "kontor/sdk/plugin.hpp"

namespace kontor::plugins::http_export {

class HttpExporter final : public sdk::Exporter {
 public:
  static sdk::PluginInfo info();
  static std::vector<sdk::ConfigField> schema();

  HttpExporter(sdk::Host host, const sdk::Config& config);

  sdk::Status stage(const sdk::ExportBatch& batch) override;
  sdk::Status publish(const std::string& batch_id) override;
  sdk::Status discard(const std::string& batch_id) override;

 private:
  // Moves the staged files out and writes the receipt, once the endpoint has the batch.
  sdk::Status finish(const std::string& batch_id, const std::string& how);

  sdk::Host host_;
  HttpExportSettings settings_;
  sdk::HttpLogin login_;
  ExportFolder folder_;
};

// The names of a batch's staged files: its body and its Idempotency-Key.
std::string body_file_name(const std::string& batch_id);
std::string key_file_name(const std::string& batch_id);

}  // namespace kontor::plugins::http_export
