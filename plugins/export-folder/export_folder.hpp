// The target folder of an exporter that writes files (datev, journal, csv-export, json-export)
// and how a batch's files enter it exactly once (DESIGN.md §8, plugin_abi.h: stage, publish,
// discard may each be repeated after a crash and must then do nothing twice).
//
//   <path>/EXTF_Buchungsstapel_202401_<batch>.csv   published: the bookkeeping or a sync takes it
//   <path>/.kontor-staging/<batch>/                 staged: the files and kontor-batch.txt
//   <path>/.kontor-staging/<batch>.partial/         being staged (left only by a crash)
//   <path>/.kontor-staging/<batch>.published        receipt: the batch and its files, once moved
//
// - stage writes every file into <batch>.partial (each file synced), then replaces <batch> by
//   it with one rename: a staged batch is always whole, and staging again replaces it. A batch
//   with a receipt is refused (it was published; publishing it again would book twice), and so
//   is one whose publication is under way.
// - publish moves each staged file into <path> by rename (one file system, so a file appears
//   whole), writes the receipt, then removes the staging folder. Repeated after a crash at any
//   point it finishes what is left: a file already moved is not moved again, one that is both
//   staged and published (cannot happen with rename, but a copy tool could) is dropped from
//   staging when the bytes are the same and refused when not. With only the receipt left it
//   writes nothing and succeeds — even when the files have been taken from the folder since.
// - discard removes the staging folder; a published or partly published batch cannot be
//   discarded.
//
// <batch> is the batch id when it is at most 64 of A–Z a–z 0–9 _ -, otherwise those characters
// of it, '_' for the others, and 16 hex digits of its SHA-256, so two batches never share a
// name; the same part ends every file name, so no batch can overwrite another's file. The
// staging manifest and the receipt name the batch in full and are checked against it.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "batch_file_name.hpp"
#include "kontor/sdk/status.hpp"

namespace kontor::plugins {

struct StagedFile {
  std::string name;
  std::string bytes;
};

// What publish and discard did, for the log.
enum class FolderOutcome { kDone, kDoneBefore };

class ExportFolder {
 public:
  explicit ExportFolder(std::filesystem::path path);

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path staging_folder(std::string_view batch_id) const;
  std::filesystem::path receipt(std::string_view batch_id) const;

  // Failed: the batch was published or is being published; retry: the file system refused.
  sdk::Status stage(const std::string& batch_id, const std::vector<StagedFile>& files) const;
  sdk::Status publish(const std::string& batch_id, FolderOutcome& outcome) const;
  sdk::Status discard(const std::string& batch_id, FolderOutcome& outcome) const;

 private:
  std::filesystem::path path_;
  std::filesystem::path staging_root_;
};

}  // namespace kontor::plugins
