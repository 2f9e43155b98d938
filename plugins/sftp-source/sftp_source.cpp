#include "sftp_source.hpp"

#include <fnmatch.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <ctime>
#include <map>
#include <optional>
#include <sstream>

#include "kontor/sdk/settle.hpp"

namespace kontor::plugins {
using sdk::Status;

namespace {

// The instance state key holding what list() saw last time, one line per file:
// "name<TAB>size mtime first_seen" (microseconds). Rewritten on every list, so files that went
// away are forgotten.
constexpr const char* kSightingsKey = "sightings";

// Names tried when moving a file out before giving up (see move_out).
constexpr int kMoveAttempts = 5;

constexpr std::int64_t kDayUs = 86'400LL * 1'000'000;

// A plain file name: no directory part, not "." or "..", no control characters (a line break
// in a name could not be remembered, and no sane bank tool makes one).
bool is_plain_name(const std::string& name) {
  if (name.empty() || name == "." || name == ".." || name.find('/') != std::string::npos) {
    return false;
  }
  return std::none_of(name.begin(), name.end(),
                      [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

// Names upload tools use while a file is still being written, and hidden names.
bool looks_temporary(const std::string& name) {
  static const std::array<const char*, 7> kSuffixes = {
      ".tmp", ".part", ".partial", ".filepart", ".crdownload", ".swp", "~"};
  if (name.empty() || name[0] == '.' || name[0] == '~') return true;
  for (const char* suffix : kSuffixes) {
    if (name.size() > std::strlen(suffix) && name.ends_with(suffix)) return true;
  }
  return false;
}

// A remote path in a URL: every byte but the unreserved ones and '/' percent-encoded.
std::string percent_encoded(std::string_view path) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

// Joins checked components to `base`; nullopt when one of them is "..".
std::optional<std::string> joined(std::string base, std::string_view relative) {
  while (!relative.empty()) {
    const auto slash = relative.find('/');
    const std::string_view part = relative.substr(0, slash);
    if (part == "..") return std::nullopt;
    if (!part.empty() && part != ".") base += "/" + std::string(part);
    if (slash == std::string_view::npos) break;
    relative.remove_prefix(slash + 1);
  }
  return base;
}

// One line of the host's LIST answer (plugin_abi.h): TYPE TAB SIZE TAB MTIME TAB NAME.
struct RemoteEntry {
  char type = '?';
  std::int64_t size = -1;
  std::int64_t mtime_seconds = 0;
  std::string name;
};

std::vector<RemoteEntry> parse_listing(const std::string& body) {
  std::vector<RemoteEntry> entries;
  std::istringstream in(body);
  for (std::string line; std::getline(in, line);) {
    const auto first = line.find('\t');
    const auto second = line.find('\t', first + 1);
    const auto third = line.find('\t', second + 1);
    if (first != 1 || second == std::string::npos || third == std::string::npos) continue;
    RemoteEntry entry;
    entry.type = line[0];
    try {
      entry.size = std::stoll(line.substr(first + 1, second - first - 1));
      entry.mtime_seconds = std::stoll(line.substr(second + 1, third - second - 1));
    } catch (const std::exception&) {
      continue;
    }
    entry.name = line.substr(third + 1);
    entries.push_back(std::move(entry));
  }
  return entries;
}

bool readable_file(const std::string& path) {
  return ::access(path.c_str(), R_OK) == 0;
}

}  // namespace

std::string remote_directory(const std::string& configured) {
  std::string_view text = configured;
  if (text.starts_with('/')) {
    return joined("", text.substr(1)).value_or("");
  }
  if (text == "~") text = "";
  if (text.starts_with("~/")) text.remove_prefix(2);
  return joined("/~", text).value_or("");
}

sdk::PluginInfo SftpSource::info() {
  return {"sftp-source", "1.0.0", "Files fetched from a directory on an SFTP server"};
}

std::vector<sdk::ConfigField> SftpSource::schema() {
  using sdk::ConfigField;
  return {
      ConfigField::text("host", "The SFTP server's name or address").required(),
      ConfigField::integer("port", "The SFTP server's port").defaults("22").range(1, 65535),
      ConfigField::text("user", "User name to log in as").required(),
      ConfigField::text("path",
                        "Remote directory to fetch from: absolute (/out/camt), or relative to "
                        "the login directory (out/camt)")
          .required(),
      ConfigField::text("known_hosts",
                        "Local known_hosts file holding the server's host key (any other key "
                        "is refused)")
          .required(),
      ConfigField::text("private_key",
                        "Local private key file to log in with (password is then its "
                        "passphrase)"),
      ConfigField::secret("password",
                          "Login password, or the passphrase of private_key when that is given"),
      ConfigField::list("include",
                        "Shell patterns of file names to fetch, e.g. ['*.xml', '*.sta']; "
                        "default all"),
      ConfigField::duration("settle",
                            "How long a file's size and time must stay the same before it is "
                            "fetched")
          .defaults("5s"),
      ConfigField::text("after_import",
                        "What happens to a file on the server once its import committed: "
                        "move (to processed_dir) or delete")
          .choices({"move", "delete"})
          .defaults("move"),
      ConfigField::text("processed_dir",
                        "Remote directory imported files are moved to (relative to path, or "
                        "absolute); created if missing")
          .defaults("processed"),
      ConfigField::text("quarantine_dir",
                        "Remote directory refused files are moved to, each with NAME.error "
                        "(relative to path, or absolute); created if missing")
          .defaults("quarantine"),
      ConfigField::integer("keep_processed_days",
                           "Remove an imported file from processed_dir on the server this many "
                           "days after it was moved there (by the time in its name; files "
                           "without it, quarantine_dir and directories are never touched); 0 "
                           "keeps everything")
          .defaults("0")
          .range(0, 36'500),
      ConfigField::duration("timeout", "Longest time one transfer with the server may take")
          .defaults("2m"),
  };
}

SftpSource::SftpSource(sdk::Host host, const sdk::Config& config)
    : host_(host),
      server_(config.text("host")),
      port_(static_cast<int>(config.integer("port"))),
      user_(config.text("user")),
      known_hosts_(config.text("known_hosts")),
      private_key_(config.optional_text("private_key").value_or("")),
      has_password_(config.has("password")),
      include_(config.list("include")),
      settle_(config.duration("settle")),
      timeout_(config.duration("timeout")),
      delete_after_import_(config.text("after_import") == "delete"),
      keep_processed_days_(config.integer("keep_processed_days")) {
  if (server_.empty() || server_.find_first_not_of(
                             "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:") !=
                             std::string::npos) {
    // Not repeated whole: "user:password@bank.example" is a mistake people make.
    const std::string shown = server_.substr(server_.rfind('@') + 1);
    throw sdk::InvalidConfig("host must be a host name or an IP address, found '" + shown + "'");
  }
  if (server_.find(':') != std::string::npos) server_ = "[" + server_ + "]";  // IPv6
  directory_ = remote_directory(config.text("path"));
  if (directory_.empty() && config.text("path") != "/") {
    throw sdk::InvalidConfig("path must not climb out with '..'");
  }
  auto beside = [&](const char* key) {
    const std::string& configured = config.text(key);
    const std::string resolved = configured.starts_with('/')
                                     ? remote_directory(configured)
                                     : joined(directory_, configured).value_or("");
    if (resolved.empty() || resolved == directory_) {
      throw sdk::InvalidConfig(std::string(key) + " must be a directory other than path, " +
                               "without '..'");
    }
    return resolved;
  };
  processed_ = beside("processed_dir");
  quarantine_ = beside("quarantine_dir");
  // The host checks the range before the plugin runs; this is for hosts that do not.
  if (keep_processed_days_ < 0) throw sdk::InvalidConfig("keep_processed_days must be 0 or more");
  if (keep_processed_days_ > 0 && processed_ == quarantine_) {
    throw sdk::InvalidConfig(
        "with keep_processed_days, processed_dir must not be quarantine_dir: refused files are "
        "never removed");
  }
  if (!readable_file(known_hosts_)) {
    throw sdk::InvalidConfig("known_hosts file '" + known_hosts_ + "' cannot be read");
  }
  if (!private_key_.empty() && !readable_file(private_key_)) {
    throw sdk::InvalidConfig("private_key file '" + private_key_ + "' cannot be read");
  }
  if (private_key_.empty() && !has_password_) {
    throw sdk::InvalidConfig("give private_key or password to log in with");
  }
}

std::string SftpSource::url_of(const std::string& remote_path) const {
  return "sftp://" + server_ + ":" + std::to_string(port_) + percent_encoded(remote_path);
}

std::string SftpSource::file_url(const std::string& name) const {
  return url_of(directory_ + "/" + name);
}

Status SftpSource::prepare(sdk::TransferRequest& request, std::string method,
                           std::string url) const {
  request.method = std::move(method);
  request.url = std::move(url);
  request.username = user_;
  request.known_hosts = known_hosts_;
  request.private_key = private_key_;
  request.timeout = timeout_;
  if (has_password_) {
    auto password = host_.secret("password");
    if (!password) return Status::failed(password.error().message);
    request.password = std::move(password).value();
  }
  return Status::ok();
}

bool SftpSource::wanted(const std::string& name) const {
  if (!is_plain_name(name) || looks_temporary(name) || name.ends_with(".error")) return false;
  if (include_.empty()) return true;
  for (const auto& pattern : include_) {
    if (fnmatch(pattern.c_str(), name.c_str(), FNM_PERIOD) == 0) return true;
  }
  return false;
}

Status SftpSource::list(sdk::DocumentList& documents) {
  sdk::TransferRequest request;
  if (auto ready = prepare(request, "LIST", url_of(directory_ + "/")); !ready) return ready;
  sdk::TransferResponse listing;
  if (auto listed = host_.transfer(request, listing); !listed) {
    if (listed.code() == sdk::Code::kNotFound) {
      return Status::failed("the directory " + directory_ + " is not on " + server_ + ": " +
                            listed.message());
    }
    return listed;
  }

  const std::int64_t now = host_.now().time_since_epoch().count();
  const std::int64_t settle_us = settle_.count() * 1'000;
  auto remembered = host_.state(kSightingsKey);
  if (!remembered) return Status::retry(remembered.error().message);
  sdk::SettleWatch settle(remembered->value_or(""), now, settle_us);
  std::vector<sdk::DocumentInfo> ready;
  for (const RemoteEntry& entry : parse_listing(listing.body)) {
    // Only regular files; '?' is a server that did not say, and a stat found a file there.
    if ((entry.type != 'f' && entry.type != '?') || !wanted(entry.name)) continue;
    const std::int64_t mtime = entry.mtime_seconds * 1'000'000;
    if (settle.settled(entry.name, entry.size, mtime)) {
      ready.push_back({entry.name, entry.name, entry.size, mtime});
    }
  }
  if (auto stored = host_.put_state(kSightingsKey, settle.remember()); !stored) {
    return stored;
  }
  remove_expired_processed(now);
  // Oldest-named first: statement files are usually named by date, and arrive in order.
  std::sort(ready.begin(), ready.end(),
            [](const auto& a, const auto& b) { return a.name < b.name; });
  for (const auto& document : ready) {
    if (auto added = documents.add(document); !added) return added;
  }
  return Status::ok();
}

void SftpSource::remove_expired_processed(std::int64_t now_us) {
  if (keep_processed_days_ <= 0) return;
  const std::int64_t moved_before = now_us - keep_processed_days_ * kDayUs;
  sdk::TransferRequest request;
  if (auto ready = prepare(request, "LIST", url_of(processed_ + "/")); !ready) return;
  sdk::TransferResponse listing;
  if (auto listed = host_.transfer(request, listing); !listed) {
    // None yet: nothing was imported. Anything else is the operator's to see, not a failed run.
    if (listed.code() != sdk::Code::kNotFound) {
      host_.warn("cannot tidy " + processed_ + " on " + server_ + ": " + listed.message());
    }
    return;
  }
  std::int64_t removed = 0;
  std::int64_t kept = 0;
  for (const RemoteEntry& entry : parse_listing(listing.body)) {
    if (host_.cancelled()) break;
    // Regular files only: a symlink would be removed, not followed, but is not ours either.
    if (entry.type != 'f' || !is_plain_name(entry.name)) continue;
    const std::optional<std::int64_t> moved_at = sdk::moved_at_us(entry.name);
    if (!moved_at || *moved_at >= moved_before) continue;
    sdk::TransferRequest removal;
    if (auto ready = prepare(removal, "DELETE", url_of(processed_ + "/" + entry.name)); !ready) {
      return;
    }
    sdk::TransferResponse response;
    if (auto deleted = host_.transfer(removal, response); deleted) {
      ++removed;
    } else if (deleted.code() != sdk::Code::kNotFound) {
      ++kept;
      host_.warn("cannot remove " + processed_ + "/" + entry.name + " on " + server_ + ": " +
                 deleted.message());
    }
  }
  if (removed > 0) {
    host_.info("removed " + std::to_string(removed) + " files imported more than " +
               std::to_string(keep_processed_days_) + " days ago from " + processed_ + " on " +
               server_ + (kept > 0 ? " (" + std::to_string(kept) + " could not be removed)" : ""));
    host_.count("processed_files_removed", removed);
  }
}

Status SftpSource::fetch(const std::string& id, sdk::ByteSink& content) {
  if (!is_plain_name(id)) return Status::failed("refused document id '" + id + "'");
  sdk::TransferRequest request;
  if (auto ready = prepare(request, "GET", file_url(id)); !ready) return ready;
  sdk::TransferResponse response;
  auto fetched = host_.transfer(
      request, [&](std::span<const std::uint8_t> chunk) { return content.write(chunk); }, response);
  if (!fetched && fetched.code() == sdk::Code::kNotFound) {
    return Status::not_found(id + " is gone from " + directory_ + " on " + server_);
  }
  return fetched;
}

Status SftpSource::move_out(const std::string& id, const std::string& to_directory,
                            std::string& moved_to) {
  const std::string base =
      to_directory + "/" + sdk::moved_name_prefix(host_.now().time_since_epoch().count()) + id;
  // SFTP's rename never replaces a file, and says only "failed" when the name is taken (the
  // same file imported twice within a second, or under a fixed clock): then NAME.2, NAME.3...
  Status moved = Status::ok();
  for (int n = 1; n <= kMoveAttempts; ++n) {
    moved_to = n == 1 ? base : base + "." + std::to_string(n);
    sdk::TransferRequest request;
    if (auto ready = prepare(request, "RENAME", file_url(id)); !ready) return ready;
    request.rename_to = moved_to;
    sdk::TransferResponse response;
    moved = host_.transfer(request, response);
    if (moved || moved.code() != sdk::Code::kFailed) return moved;
  }
  return moved;
}

Status SftpSource::ack(const std::string& id, sdk::AckOutcome outcome, const std::string& reason) {
  if (!is_plain_name(id)) return Status::failed("refused document id '" + id + "'");
  std::string moved_to;
  if (outcome == sdk::AckOutcome::kCommitted) {
    if (delete_after_import_) {
      sdk::TransferRequest request;
      if (auto ready = prepare(request, "DELETE", file_url(id)); !ready) return ready;
      sdk::TransferResponse response;
      if (auto deleted = host_.transfer(request, response); !deleted) return deleted;
      host_.info(id + (reason.empty() ? " imported" : " " + reason) + ", deleted from " + server_);
    } else {
      if (auto moved = move_out(id, processed_, moved_to); !moved) return moved;
      host_.info(id + (reason.empty() ? " imported" : " " + reason) + ", moved to " + moved_to +
                 " on " + server_);
    }
    host_.count("files_processed");
    return Status::ok();
  }

  // Refused: never deleted, whatever after_import says — an operator has to look at it.
  if (auto moved = move_out(id, quarantine_, moved_to); !moved) return moved;
  host_.warn(id + " refused, moved to " + moved_to + " on " + server_ + ": " + reason);
  sdk::TransferRequest request;
  if (auto ready = prepare(request, "PUT", url_of(moved_to + ".error")); ready) {
    request.body = reason + "\n";
    sdk::TransferResponse response;
    if (auto written = host_.transfer(request, response); !written) {
      // The file is out of the way and the reason is in the run's warnings and this log.
      host_.warn("cannot write " + moved_to + ".error: " + written.message());
    }
  }
  host_.count("files_quarantined");
  return Status::ok();
}

}  // namespace kontor::plugins

KONTOR_PLUGIN(kontor::plugins::SftpSource)
