// http-source: statement files downloaded over HTTPS from fixed URLs, through kontord's transfer
// service — TLS verification always on (an extra CA file allowed, never a switch to turn it
// off), a bearer token or a user name and password from secrets.
//
// Each list() asks every configured URL for its file — conditionally, with the ETag and
// Last-Modified the server gave last time — and offers what is new: a 304, a 404 (not published
// yet) or content whose SHA-256 was already imported offers nothing. A URL may name the day it
// is fetched ({date}, {date-1}, {date:YYYYMMDD}; see expand_dates). What is offered is held in
// memory until it is acknowledged, so fetch() serves the very bytes list() saw. The ETag,
// Last-Modified and SHA-256 are remembered (in the per-instance state) only when ack says the
// import committed or refused the file; with `after_import: delete` a committed file is then
// deleted on the server (HTTP DELETE). A refused file is never deleted; with quarantine_dir it
// is written there with NAME.error beside it.
//
// Retrying is the scheduler's: a server that answers 408, 429 or 5xx, or cannot be reached, is
// RETRY; refused credentials (401, 403) and a certificate that does not verify are FAILED.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kontor/sdk/http_login.hpp"
#include "kontor/sdk/plugin.hpp"

namespace kontor::plugins {

class HttpSource final : public sdk::Source {
 public:
  static sdk::PluginInfo info();
  static std::vector<sdk::ConfigField> schema();

  HttpSource(sdk::Host host, const sdk::Config& config);

  sdk::Status list(sdk::DocumentList& documents) override;
  sdk::Status fetch(const std::string& id, sdk::ByteSink& content) override;
  sdk::Status ack(const std::string& id, sdk::AckOutcome outcome,
                  const std::string& reason) override;

  // What the server said about a URL's file the last time it was imported.
  struct Remembered {
    std::string etag;
    std::string last_modified;
    std::string sha256;
  };

 private:
  // A download list() found new, waiting for fetch and ack.
  struct Offered {
    std::string url;
    std::string content;
    Remembered validators;
  };

  // Method and URL with the instance's credentials (secrets read for this request only).
  sdk::Status prepare(sdk::TransferRequest& request, std::string method, std::string url) const;
  sdk::Status download(const std::string& url, const Remembered* before,
                       std::optional<Offered>& found);
  sdk::Status remove_on_server(const std::string& url);
  sdk::Status remember(const std::string& url, const Remembered& validators);
  void quarantine(const std::string& id, const Offered& offered, const std::string& reason);

  sdk::Host host_;
  std::vector<std::string> urls_;
  sdk::HttpLogin login_;
  std::string ca_file_;
  std::optional<std::filesystem::path> quarantine_;
  std::chrono::milliseconds timeout_;
  bool delete_after_import_;
  std::map<std::string, Offered> offered_;  // by document id
};

// The URL with its date placeholders replaced, for the UTC day of `now_utc_us`:
//   {date}           2026-11-28
//   {date-N}         N days earlier (0..400)
//   {date:FORMAT}    FORMAT with YYYY, MM and DD replaced ({date-1:YYYYMMDD} -> 20261127)
// An error for any other text in braces.
Result<std::string> expand_dates(const std::string& url, std::int64_t now_utc_us);

// The URL as a message may show it (the SDK's).
using sdk::shown_url;

}  // namespace kontor::plugins
