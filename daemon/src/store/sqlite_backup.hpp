// A consistent copy of a store's database file while kontord keeps running: SQLite's online
// backup API reads the source in steps (in WAL mode a reader never blocks kontord's writes) and
// restarts by itself when the source changes between steps, so the copy is one snapshot.
//
// The copy is written to DEST.partial (mode 0600: the store holds customers' data), checked
// (PRAGMA integrity_check, same schema version as the source), synced, and only then renamed to
// DEST, so DEST is either absent, the old file, or a complete verified copy.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "kontor/result.hpp"

namespace kontor::store {

struct BackupOptions {
  // Replace an existing DEST; without it an existing DEST is an error and is left alone.
  bool force = false;
  // Pages copied per step; between steps the source is unlocked. Negative: all in one step.
  int pages_per_step = 1024;
  // Called after each step that left pages to copy (tests write to the source here).
  std::function<void()> between_steps;
};

struct BackupFacts {
  std::uintmax_t bytes = 0;
  std::int64_t schema_version = 0;
  std::int64_t pages = 0;
};

// Copies the SQLite database at `source` to `dest`. The source is only read.
Result<BackupFacts> backup_database(const std::string& source, const std::filesystem::path& dest,
                                    const BackupOptions& options = {});

}  // namespace kontor::store
