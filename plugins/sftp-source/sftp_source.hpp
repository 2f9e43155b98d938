// sftp-source: statement files (or an ERP's exports) fetched from a directory on an SFTP server,
// through kontord's transfer service — the server's host key checked against a known_hosts file,
// the login by key or password from a secret.
//
// A file is offered once it is complete: a regular file (never a directory, symlink, hidden or
// temporary name such as ".x", "x.tmp", "x.part") whose size and modification time have stayed
// the same for `settle` — since this instance first saw it, or since its mtime when that is
// older. Only after its import committed does ack move it to processed_dir on the server (or
// delete it, with `after_import: delete`); a refused file goes to quarantine_dir with NAME.error
// beside it, whatever after_import says. Until then it stays where it is, so a crash repeats the
// import, which is idempotent. Names from the server never leave the directory: ids are plain
// names, never with '/' or "..".
//
// With `keep_processed_days` N > 0, each listing also removes from processed_dir the files this
// source moved there more than N days before now, read from the UTC prefix of their names. A file
// without that prefix, anything that is not a regular file, and quarantine_dir are left alone.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "kontor/sdk/plugin.hpp"

namespace kontor::plugins {

class SftpSource final : public sdk::Source {
 public:
  static sdk::PluginInfo info();
  static std::vector<sdk::ConfigField> schema();

  SftpSource(sdk::Host host, const sdk::Config& config);

  sdk::Status list(sdk::DocumentList& documents) override;
  sdk::Status fetch(const std::string& id, sdk::ByteSink& content) override;
  sdk::Status ack(const std::string& id, sdk::AckOutcome outcome,
                  const std::string& reason) override;

 private:
  // Fills in method, URL and the instance's credentials — the password read from its secret
  // for this request only.
  sdk::Status prepare(sdk::TransferRequest& request, std::string method, std::string url) const;
  std::string url_of(const std::string& remote_path) const;
  std::string file_url(const std::string& name) const;
  bool wanted(const std::string& name) const;
  // Moves the file to `to_directory` as STAMP_NAME; the new remote path through `moved_to`.
  sdk::Status move_out(const std::string& id, const std::string& to_directory,
                       std::string& moved_to);
  // Removes what keep_processed_days says has been kept long enough; what fails is a warning,
  // never a failed listing.
  void remove_expired_processed(std::int64_t now_us);

  sdk::Host host_;
  std::string server_;  // host, bracketed if it is an IPv6 address
  int port_;
  std::string user_;
  std::string directory_;  // remote: "/in" or "/~/in" (relative to the login directory)
  std::string processed_;  // remote paths, like directory_
  std::string quarantine_;
  std::string known_hosts_;
  std::string private_key_;
  bool has_password_;
  std::vector<std::string> include_;
  std::chrono::milliseconds settle_;
  std::chrono::milliseconds timeout_;
  bool delete_after_import_;
  std::int64_t keep_processed_days_;
};

// The remote directory as the transfer service takes it: "/in/out" (absolute) or "/~/in"
// (relative to the login directory: "in", "~/in", "" or "~"); empty when it climbs out with
// "..".
std::string remote_directory(const std::string& configured);

}  // namespace kontor::plugins
