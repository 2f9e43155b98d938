#include "ctl/backup_command.hpp"

#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "ctl/offline_store.hpp"
#include "store/sqlite_backup.hpp"

namespace kontor::ctl {
namespace {

struct BackupCommandOptions {
  std::string dest;
  bool force = false;
};

int backup(const std::string& config_path, const BackupCommandOptions& options) {
  auto source = configured_store_path(config_path);
  if (!source) {
    std::cerr << "kontorctl: " << source.error().message << "\n";
    return 1;
  }
  store::BackupOptions backup_options;
  backup_options.force = options.force;
  auto facts = store::backup_database(*source, options.dest, backup_options);
  if (!facts) {
    std::cerr << "kontorctl: backup failed: " << facts.error().message << "\n";
    return 1;
  }
  std::cout << fmt::format(
      "{}: {} bytes, {} pages, schema version {}; integrity check ok (copy of {})\n", options.dest,
      facts->bytes, facts->pages, facts->schema_version, *source);
  return 0;
}

}  // namespace

std::function<int()> add_backup_command(CLI::App& app, const std::string& config_path) {
  auto options = std::make_shared<BackupCommandOptions>();
  auto* command = app.add_subcommand(
      "backup", "Copy the store to a file while kontord runs (verified, mode 0600)");
  command->add_option("dest", options->dest, "The backup file to write")->required();
  command->add_flag("--force", options->force, "Replace DEST if it exists");
  return [=, &config_path]() -> int {
    if (!command->parsed()) return -1;
    return backup(config_path, *options);
  };
}

}  // namespace kontor::ctl
