#include "export_folder.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <system_error>

#include "batch_file_name.hpp"
#include "kontor/sdk/spool_file.hpp"

namespace kontor::plugins {
namespace fs = std::filesystem;
using sdk::Status;

namespace {

constexpr std::string_view kManifestName = "kontor-batch.txt";

// The batch and the files it consists of: the staging folder's manifest, and the receipt.
struct BatchFiles {
  std::string batch_id;
  std::vector<std::string> files;
};

std::string manifest_text(const std::string& batch_id, const std::vector<std::string>& files) {
  std::string text = "batch " + batch_id + "\n";
  for (const std::string& file : files) text += "file " + file + "\n";
  return text;
}

std::optional<std::string> read_whole_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(content).str();
}

Result<BatchFiles> read_batch_files(const fs::path& path) {
  std::optional<std::string> text = read_whole_file(path);
  if (!text) return Error{"cannot read " + path.string()};
  BatchFiles read;
  std::istringstream lines(*text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.starts_with("batch ")) {
      read.batch_id = line.substr(6);
    } else if (line.starts_with("file ")) {
      read.files.push_back(line.substr(5));
    } else {
      return Error{path.string() + " has a line that is neither 'batch' nor 'file'"};
    }
  }
  return read;
}

bool present(const fs::path& path) {
  std::error_code error;
  return fs::exists(fs::symlink_status(path, error));
}

Status file_system_error(const std::string& what, const fs::path& path, const std::error_code& e) {
  return Status::retry(what + " " + path.string() + ": " + e.message());
}

// A rename or removal is only durable once the folder's entry is on disk too.
Status sync_folder(const fs::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Status::retry("cannot open " + folder.string() + ": " + std::strerror(errno));
  const int synced = ::fsync(fd);
  const int error_number = errno;
  ::close(fd);
  if (synced != 0) {
    return Status::retry("cannot sync " + folder.string() + ": " + std::strerror(error_number));
  }
  return Status::ok();
}

Status remove_folder(const fs::path& folder) {
  std::error_code error;
  fs::remove_all(folder, error);
  if (error) return file_system_error("cannot remove", folder, error);
  return Status::ok();
}

// The receipt or manifest at `path`, which must name `batch_id`: another batch whose id has the
// same file name part would be a collision of SHA-256 digests, or someone else's file.
Result<BatchFiles> read_own(const fs::path& path, const std::string& batch_id, Status& refused) {
  Result<BatchFiles> read = read_batch_files(path);
  if (!read) {
    refused = Status::retry("batch " + batch_id + ": " + read.error().message);
    return read;
  }
  if (read->batch_id != batch_id) {
    refused = Status::failed("batch " + batch_id + ": " + path.string() + " belongs to batch '" +
                             read->batch_id + "'");
    return Error{refused.message()};
  }
  return read;
}

// Files of the manifest no longer in the staging folder: publish has moved them.
std::vector<std::string> moved_files(const fs::path& staging, const BatchFiles& manifest) {
  std::vector<std::string> moved;
  for (const std::string& file : manifest.files) {
    if (!present(staging / file)) moved.push_back(file);
  }
  return moved;
}

}  // namespace

ExportFolder::ExportFolder(fs::path path)
    : path_(std::move(path)), staging_root_(path_ / ".kontor-staging") {}

fs::path ExportFolder::staging_folder(std::string_view batch_id) const {
  return staging_root_ / batch_file_part(batch_id);
}

fs::path ExportFolder::receipt(std::string_view batch_id) const {
  return staging_root_ / (batch_file_part(batch_id) + ".published");
}

Status ExportFolder::stage(const std::string& batch_id,
                           const std::vector<StagedFile>& files) const {
  const fs::path receipt_path = receipt(batch_id);
  const fs::path staging = staging_folder(batch_id);
  Status refused;
  if (present(receipt_path)) {
    if (!read_own(receipt_path, batch_id, refused)) return refused;
    return Status::failed("batch " + batch_id + " was published before (" + receipt_path.string() +
                          "); staging it again could book it twice — export the bookings in a "
                          "new batch");
  }
  if (present(staging)) {
    Result<BatchFiles> manifest = read_own(staging / kManifestName, batch_id, refused);
    if (!manifest) return refused;
    if (!moved_files(staging, *manifest).empty()) {
      return Status::failed("batch " + batch_id +
                            " is partly published; publish it to finish rather than stage it "
                            "again");
    }
  }

  const fs::path partial = staging.string() + ".partial";
  if (Status removed = remove_folder(partial); !removed) return removed;
  std::vector<std::string> names;
  for (const StagedFile& file : files) {
    Result<sdk::SpoolOutcome> written = sdk::write_spool_file(partial, file.name, file.bytes);
    if (!written) return Status::retry("batch " + batch_id + ": " + written.error().message);
    names.push_back(file.name);
  }
  Result<sdk::SpoolOutcome> manifest =
      sdk::write_spool_file(partial, std::string(kManifestName), manifest_text(batch_id, names));
  if (!manifest) return Status::retry("batch " + batch_id + ": " + manifest.error().message);

  if (Status removed = remove_folder(staging); !removed) return removed;
  std::error_code error;
  fs::rename(partial, staging, error);
  if (error) return file_system_error("cannot rename to", staging, error);
  return sync_folder(staging_root_);
}

Status ExportFolder::publish(const std::string& batch_id, FolderOutcome& outcome) const {
  const fs::path receipt_path = receipt(batch_id);
  const fs::path staging = staging_folder(batch_id);
  Status refused;
  if (!present(staging)) {
    if (!present(receipt_path)) {
      return Status::failed("batch " + batch_id + " was never staged (no " + staging.string() +
                            ")");
    }
    if (!read_own(receipt_path, batch_id, refused)) return refused;
    outcome = FolderOutcome::kDoneBefore;
    return Status::ok();
  }

  Result<BatchFiles> manifest = read_own(staging / kManifestName, batch_id, refused);
  if (!manifest) return refused;
  for (const std::string& file : manifest->files) {
    const fs::path staged = staging / file;
    const fs::path target = path_ / file;
    if (!present(staged)) continue;  // moved by an earlier publish
    std::error_code error;
    if (present(target)) {
      std::optional<std::string> published = read_whole_file(target);
      std::optional<std::string> bytes = read_whole_file(staged);
      if (!published || !bytes) {
        return Status::retry("batch " + batch_id + ": cannot read " + target.string() + " or " +
                             staged.string());
      }
      if (*published != *bytes) {
        return Status::failed("batch " + batch_id + ": " + target.string() +
                              " is already there with other content; it is not replaced");
      }
      fs::remove(staged, error);
      if (error) return file_system_error("cannot remove", staged, error);
      continue;
    }
    fs::rename(staged, target, error);
    if (error) return file_system_error("cannot move " + staged.string() + " to", target, error);
  }
  if (Status synced = sync_folder(path_); !synced) return synced;

  Result<sdk::SpoolOutcome> written = sdk::write_spool_file(
      staging_root_, receipt_path.filename().string(), manifest_text(batch_id, manifest->files));
  if (!written) return Status::retry("batch " + batch_id + ": " + written.error().message);
  if (Status removed = remove_folder(staging); !removed) return removed;
  outcome = FolderOutcome::kDone;
  return sync_folder(staging_root_);
}

Status ExportFolder::discard(const std::string& batch_id, FolderOutcome& outcome) const {
  const fs::path receipt_path = receipt(batch_id);
  const fs::path staging = staging_folder(batch_id);
  Status refused;
  if (present(receipt_path)) {
    if (!read_own(receipt_path, batch_id, refused)) return refused;
    return Status::failed("batch " + batch_id + " was published (" + receipt_path.string() +
                          "); a published batch cannot be discarded");
  }
  if (Status removed = remove_folder(staging.string() + ".partial"); !removed) return removed;
  if (!present(staging)) {
    outcome = FolderOutcome::kDoneBefore;
    return Status::ok();
  }
  Result<BatchFiles> manifest = read_own(staging / kManifestName, batch_id, refused);
  if (!manifest) return refused;
  if (!moved_files(staging, *manifest).empty()) {
    return Status::failed("batch " + batch_id +
                          " is partly published; publish it to finish, it cannot be discarded");
  }
  if (Status removed = remove_folder(staging); !removed) return removed;
  outcome = FolderOutcome::kDone;
  return sync_folder(staging_root_);
}

}  // namespace kontor::plugins
