#include "folder_exporter.hpp"

namespace kontor::plugins {
using sdk::Status;

std::string batch_id_problem(const std::string& batch_id) {
  if (batch_id.empty()) return "the batch has no id";
  for (char c : batch_id) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      return "batch id '" + batch_id + "' has control characters";
    }
  }
  return "";
}

Status check_exportable(const sdk::ExportBatch& batch) {
  if (std::string problem = batch_id_problem(batch.batch_id); !problem.empty()) {
    return Status::failed(problem);
  }
  const std::string which = "batch " + batch.batch_id;
  if (batch.bookings.empty()) return Status::failed(which + " has no bookings");
  std::string unbalanced;
  for (const Booking& booking : batch.bookings) {
    if (kontor::Status balanced = check_balanced(booking); !balanced) {
      unbalanced += "\nbooking " + std::to_string(booking.id) + ": " + balanced.error().message;
    }
  }
  if (!unbalanced.empty()) return Status::failed(which + " is not staged:" + unbalanced);
  return Status::ok();
}

Status publish_staged_batch(const sdk::Host& host, const ExportFolder& folder,
                            const std::string& batch_id, std::string_view published_counter) {
  if (std::string problem = batch_id_problem(batch_id); !problem.empty()) {
    return Status::failed(problem);
  }
  FolderOutcome outcome = FolderOutcome::kDone;
  if (Status published = folder.publish(batch_id, outcome); !published) return published;
  if (outcome == FolderOutcome::kDoneBefore) {
    host.info("batch " + batch_id + " was published before; nothing is written again");
  } else {
    host.count(published_counter);
    host.info("batch " + batch_id + " published to " + folder.path().string());
  }
  return Status::ok();
}

Status discard_staged_batch(const sdk::Host& host, const ExportFolder& folder,
                            const std::string& batch_id) {
  if (std::string problem = batch_id_problem(batch_id); !problem.empty()) {
    return Status::failed(problem);
  }
  FolderOutcome outcome = FolderOutcome::kDone;
  if (Status discarded = folder.discard(batch_id, outcome); !discarded) return discarded;
  if (outcome == FolderOutcome::kDone) host.info("batch " + batch_id + " discarded");
  return Status::ok();
}

}  // namespace kontor::plugins
