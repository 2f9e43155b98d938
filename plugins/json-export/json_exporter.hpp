// json-export: the exporter that writes each batch as one JSON document (batch_json.hpp, the same
// document http-export posts) into a folder, for a program that takes JSON — two-phase and
// exactly once per target (DESIGN.md §5, §8):
// - stage(batch): <path>/.kontor-staging/<batch>/kontor-batch_<batch>.json, out of sight
//   (export_folder.hpp). A batch with an unbalanced booking is refused whole, every one named.
// - publish(batch_id): the document appears as <path>/kontor-batch_<batch>.json, whole, once.
// - discard(batch_id): the staged document is dropped.
//
// Outcomes: ok; failed for what no retry can fix (an unbalanced booking, a batch published before
// or never staged); retry when the file system refuses.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "export_folder.hpp"
#include "json_settings.hpp"
#include "kontor/sdk/plugin.hpp"

namespace kontor::plugins::json_export {

class JsonExporter final : public sdk::Exporter {
 public:
  static sdk::PluginInfo info();
  static std::vector<sdk::ConfigField> schema();

  JsonExporter(sdk::Host host, const sdk::Config& config);

  sdk::Status stage(const sdk::ExportBatch& batch) override;
  sdk::Status publish(const std::string& batch_id) override;
  sdk::Status discard(const std::string& batch_id) override;

 private:
  sdk::Host host_;
  JsonSettings settings_;
  ExportFolder folder_;
};

// kontor-batch_<batch>.json, <batch> the batch id as batch_file_part makes it.
std::string json_file_name(std::string_view batch_id);

}  // namespace kontor::plugins::json_export
