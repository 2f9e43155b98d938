// folder-source: picks up files that an ERP export, a bank's EBICS client or an admin drops into
// a local folder.
//
// A file is offered once it is complete: a regular file (never a symlink, directory or hidden or
// temporary file such as ".x", "x.tmp", "x.part") whose size and modification time have stayed
// the same for `settle` — measured from when this instance first saw it, or from its mtime when
// that is already older (files left there while kontord was down are picked up at once). After
// the import, ack moves it to processed/ (committed) or to quarantine/ with NAME.error holding
// the reason (rejected); until then it stays where it is, so a crash repeats the import, which
// is idempotent. Names from outside never leave the folder: ids are plain file names and
// nothing follows a symlink.
//
// With `keep_processed_days` N > 0, each listing first removes from processed/ the files this
// source moved there more than N days before now, read from the UTC prefix of their names. A file
// without that prefix (someone else put it there), a symlink or a directory is left alone, as is
// quarantine/ (an operator has to look at what is there); nothing outside processed/ is touched.
//
// With `watch` (default) the folder is also watched with inotify: a file that arrives, and a
// file that has waited its `settle` time, make kontord run the jobs reading this source at once
// instead of at their next scheduled time.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "kontor/sdk/plugin.hpp"

namespace kontor::plugins {

class FolderSource final : public sdk::Source {
 public:
  static sdk::PluginInfo info();
  static std::vector<sdk::ConfigField> schema();

  FolderSource(sdk::Host host, const sdk::Config& config);

  sdk::Status list(sdk::DocumentList& documents) override;
  sdk::Status fetch(const std::string& id, sdk::ByteSink& content) override;
  sdk::Status ack(const std::string& id, sdk::AckOutcome outcome,
                  const std::string& reason) override;
  std::optional<int> wake_descriptor() override;

  ~FolderSource() override;
  FolderSource(const FolderSource&) = delete;
  FolderSource& operator=(const FolderSource&) = delete;

 private:
  // With `watch`: an epoll descriptor over an inotify watch of the folder (a file arrived or was
  // written) and a timer (a file seen earlier has now settled), for the host to watch.
  void open_watch();
  void consume_wake_events();
  void wake_after(std::chrono::microseconds delay);

  bool wanted(const std::string& name) const;
  // Removes what keep_processed_days says has been kept long enough; a file that cannot be
  // removed is a warning, never a failed listing.
  void remove_expired_processed(std::int64_t now_us);
  sdk::Status move_out(const std::string& id, const std::filesystem::path& to_directory,
                       std::string& moved_name);

  sdk::Host host_;
  std::filesystem::path folder_;
  std::filesystem::path processed_;
  std::filesystem::path quarantine_;
  std::chrono::milliseconds settle_;
  std::vector<std::string> include_;
  std::int64_t keep_processed_days_;
  int inotify_fd_ = -1;
  int timer_fd_ = -1;
  int epoll_fd_ = -1;
};

// A plain file name, no directory parts, not "." or "..": the only ids this source accepts.
bool is_plain_file_name(const std::string& name);
// Names editors, downloads and copy tools use while a file is still being written.
bool looks_temporary(const std::string& name);

}  // namespace kontor::plugins
