// kontorctl backup DEST: a consistent copy of the configured store, taken beside a running
// kontord (no need to stop it: SQLite's online backup reads a snapshot in WAL mode). The copy is
// verified before it is put in place and is readable by its owner only; an existing DEST is
// replaced only with --force.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace kontor::ctl {

// Adds the verb to `app`; the returned function runs it when chosen (-1 when not).
std::function<int()> add_backup_command(CLI::App& app, const std::string& config_path);

}  // namespace kontor::ctl
