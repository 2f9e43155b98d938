// What every exporter that writes files does the same way around its ExportFolder: refuse a
// batch id that cannot name files, and publish or discard a staged batch with the log lines and
// the counter an operator looks for. The exporter's own part is only how a batch becomes files.
#pragma once

#include <string>
#include <string_view>

#include "export_folder.hpp"
#include "kontor/sdk/host.hpp"
#include "kontor/sdk/status.hpp"
#include "kontor/sdk/values.hpp"

namespace kontor::plugins {

// Why `batch_id` cannot be exported (empty, control characters: it names files and stands in
// manifests line by line), or an empty string.
std::string batch_id_problem(const std::string& batch_id);

// Why `batch` cannot be exported at all: its id (above), no bookings, or bookings whose debits
// and credits differ — a reader sums them and expects them equal, and a file that broke that
// would be worse than none; every such booking is named. Ok when none of these.
sdk::Status check_exportable(const sdk::ExportBatch& batch);

// folder.publish, logged; `published_counter` counts each batch published now (not before).
sdk::Status publish_staged_batch(const sdk::Host& host, const ExportFolder& folder,
                                 const std::string& batch_id, std::string_view published_counter);

// folder.discard, logged.
sdk::Status discard_staged_batch(const sdk::Host& host, const ExportFolder& folder,
                                 const std::string& batch_id);

}  // namespace kontor::plugins
